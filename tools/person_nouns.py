#!/usr/bin/env python3
"""Write rules/person-nouns.txt: common English nouns whose first (most
frequent) sense names a person ("fisherman", "pilot", "mother", "suspect"),
from WordNet 3.0 as Debian's wordnet-base package installs it.

An age is of someone or of something: "a 38-year-old fisherman" is a person's
age, as "Jane Porter, 41," is, while "a 24-year-old ferry" is a ship's. A noun
counts when its first noun sense is in WordNet's lexicographer file
noun.person and it is in rules/common-words.txt.

Usage: python3 tools/person_nouns.py [/usr/share/wordnet] > rules/person-nouns.txt
"""
import os

from wordnet_common import SOURCE, WN, common_words, first_noun_senses

NOUN_PERSON = "18"

common = common_words()

first = {w: sense for w, sense in first_noun_senses(common).items() if w.isalpha()}

lexfile = {}
with open(os.path.join(WN, "data.noun")) as f:
    for line in f:
        if not line.startswith(" "):
            p = line.split()
            lexfile[p[0]] = p[1]

print("""# Common nouns whose first sense names a person ("fisherman", "pilot"), one a
# line, sorted: an age next to one is a person's age. Written by
# tools/person_nouns.py; do not edit by hand.
""" + SOURCE)
for word in sorted(w for w, sense in first.items() if lexfile[sense] == NOUN_PERSON):
    print(word)
