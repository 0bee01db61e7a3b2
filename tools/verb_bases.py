#!/usr/bin/env python3
"""Write rules/verb-bases.txt: irregular forms of common English verbs and the
verb each is a form of ("knew know", "took take", "fled flee"), from WordNet
3.0 as Debian's wordnet-base package installs it.

Suffix stripping reads "approved" as "approve", but not "knew" as "know":
without this table "did not know" and "knew" are two verbs, and a claim and
its denial never meet.

A pair comes from WordNet's verb exception list (verb.exc) when the form
differs from its verb, both are in rules/common-words.txt, and the form is not
a noun in use (its noun senses were tagged fewer than 3 times in WordNet's
sense counts, cntlist.rev), so "ground" is not read as "grind" nor "left" as
"leave". A form WordNet gives two verbs for keeps the first.

Usage: python3 tools/verb_bases.py [/usr/share/wordnet] > rules/verb-bases.txt
"""
import os

from wordnet_common import SOURCE, WN, common_words, noun_use
NOUN_USE = 3

common = common_words()

uses = noun_use()

bases = {}
with open(os.path.join(WN, "verb.exc")) as f:
    for line in f:
        form, verb = line.split()[:2]
        if form == verb or not form.isalpha() or not verb.isalpha():
            continue
        if form in common and verb in common and uses[form] < NOUN_USE:
            bases.setdefault(form, verb)

print("""# Irregular forms of common verbs and the verb each is a form of ("knew know"),
# one pair a line, sorted by form: a word's lemma is its verb's. Written by
# tools/verb_bases.py; do not edit by hand.
""" + SOURCE)
for form in sorted(bases):
    print(form, bases[form])
