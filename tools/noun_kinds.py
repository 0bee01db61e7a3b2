#!/usr/bin/env python3
"""Write rules/noun-kinds.txt: pairs of common English nouns that name the same
kind of thing, or one a kind of the other ("pupils" / "students", "firearms" /
"guns"), from WordNet 3.0 as Debian's wordnet-base package installs it.

Only each word's first (most frequent) noun sense counts, words must be in
rules/common-words.txt, and a broad category (a sense with more than 25 direct
kinds, such as "person" or "material") relates to none of its kinds.

Usage: python3 tools/noun_kinds.py [/usr/share/wordnet] > rules/noun-kinds.txt
"""
import collections
import os

from wordnet_common import SOURCE, WN, common_words, first_noun_senses
BROAD = 25

common = common_words()

first = first_noun_senses(common)

hypernyms = {}
kinds = collections.Counter()
with open(os.path.join(WN, "data.noun")) as f:
    for line in f:
        if line.startswith(" "):
            continue
        head = line.split("|")[0].split()
        offset, words = head[0], int(head[3], 16)
        k = 4 + 2 * words
        ups = []
        for i in range(int(head[k])):
            symbol, target, pos, _ = head[k + 1 + 4 * i:k + 5 + 4 * i]
            if symbol in ("@", "@i") and pos == "n":
                ups.append(target)
                kinds[target] += 1
        hypernyms[offset] = ups

by_sense = collections.defaultdict(list)
for word, sense in first.items():
    by_sense[sense].append(word)

pairs = set()
for word, sense in first.items():
    related = list(by_sense[sense])
    for up in hypernyms.get(sense, []):
        if kinds[up] <= BROAD:
            related += by_sense.get(up, [])
    for other in related:
        if other != word:
            pairs.add(tuple(sorted((word, other))))

print("""# Pairs of common nouns that name the same kind of thing, or one a kind of the
# other: a figure counting one may meet a figure counting the other ("16 pupils"
# and "16 students"). Written by tools/noun_kinds.py; do not edit by hand.
""" + SOURCE)
for a, b in sorted(pairs):
    print(a, b)
