#!/usr/bin/env python3
"""Write rules/verb-nouns.txt: common English nouns made from a verb, and that
verb ("explosion explode", "closure close", "rescuer rescue", "voter vote"),
from WordNet 3.0 as Debian's wordnet-base package installs it.

A report tells an event with a verb ("the tanker exploded on Tuesday") or
with its noun ("the explosion on Tuesday"). Events and contexts compare a
noun of this table as its verb.

A pair comes from a derivational link (WordNet's "+" pointer) from the noun's
first (most frequent) sense to a verb, where:
- the noun's first sense is an act, an event, a process or a message
  (lexicographer files noun.act, noun.event, noun.process,
  noun.communication), so "building" and "plant" are not read as verbs. Not
  a person who does it: "20 percent of voters" (who took part) is another
  thing than "20 percent voted against" (how they voted);
- both words are in rules/common-words.txt, and the noun is the verb with
  something added: it is longer, and shares its first four letters (or all
  but the verb's last);
- the verb is not used more as a noun than as a verb (WordNet's sense counts,
  cntlist.rev), so "statement" is not read as "state" nor "warrior" as "war";
- the noun does not end in "ing": suffix stripping reads those already.

Usage: python3 tools/verb_nouns.py [/usr/share/wordnet] > rules/verb-nouns.txt
"""
import collections
import os

from wordnet_common import SOURCE, WN, common_words

# noun.act, noun.communication, noun.event, noun.process
KINDS = {"04", "10", "11", "22"}

common = common_words()


def senses(pos):
    """Each word's senses, most frequent first, as synset offsets."""
    out = {}
    with open(os.path.join(WN, "index." + pos)) as f:
        for line in f:
            if line.startswith(" "):
                continue
            p = line.split()
            out[p[0]] = p[4 + int(p[3]) + 2:]
    return out


def synsets(pos):
    """Each synset's lexicographer file, words and pointers."""
    out = {}
    with open(os.path.join(WN, "data." + pos)) as f:
        for line in f:
            if line.startswith(" "):
                continue
            p = line.split("|")[0].split()
            count = int(p[3], 16)
            words = [p[4 + 2 * i].lower() for i in range(count)]
            k = 4 + 2 * count
            pointers = [tuple(p[k + 1 + 4 * i:k + 5 + 4 * i]) for i in range(int(p[k]))]
            out[p[0]] = (p[1], words, pointers)
    return out


def uses():
    """How many times each word was tagged as a noun ("1") and as a verb ("2")."""
    out = {"1": collections.Counter(), "2": collections.Counter()}
    with open(os.path.join(WN, "cntlist.rev")) as f:
        for line in f:
            key, _, count = line.split()
            lemma, _, rest = key.partition("%")
            if rest[:1] in out:
                out[rest[:1]][lemma] += int(count)
    return out


def shared_start(a, b):
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


nouns, verbs, use = synsets("noun"), synsets("verb"), uses()
pairs = {}
for noun, offsets in senses("noun").items():
    if not noun.isalpha() or noun not in common or noun.endswith("ing"):
        continue
    kind, words, pointers = nouns[offsets[0]]
    if kind not in KINDS or noun not in words:
        continue
    me = words.index(noun) + 1
    for symbol, target, pos, ends in pointers:
        if symbol != "+" or pos != "v" or int(ends[:2], 16) != me:
            continue
        verb = verbs[target][1][int(ends[2:], 16) - 1]
        if (
            verb.isalpha()
            and verb in common
            and len(noun) > len(verb)
            and shared_start(noun, verb) >= min(4, len(verb) - 1)
            and use["1"][verb] <= use["2"][verb]
        ):
            pairs.setdefault(noun, verb)
            break

print("""# Common nouns made from a verb, and the verb ("explosion explode"), one pair
# a line, sorted by noun: events and contexts compare the noun as its verb.
# Written by tools/verb_nouns.py; do not edit by hand.
""" + SOURCE)
for noun in sorted(pairs):
    print(noun, pairs[noun])
