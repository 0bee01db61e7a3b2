#!/usr/bin/env python3
"""Write rules/verb-forms.txt: irregular past forms of common English verbs
("spent", "held", "sold", "found") that are not nouns, from WordNet 3.0 as
Debian's wordnet-base package installs it.

A figure's counted noun ends at a past participle ("$3 million spent on
roads", "12 held overnight"); regular ones end in "-ed", these do not.

A form comes from WordNet's verb exception list (verb.exc), differs from its
verb, is in rules/common-words.txt, and is not a noun in use: its noun senses
were tagged fewer than 3 times in WordNet's sense counts (cntlist.rev), so
"found" and "lost" are verb forms while "set", "shot" and "left" are nouns.

Usage: python3 tools/verb_forms.py [/usr/share/wordnet] > rules/verb-forms.txt
"""
import os

from wordnet_common import SOURCE, WN, common_words, noun_use
NOUN_USE = 3

common = common_words()

uses = noun_use()

forms = set()
with open(os.path.join(WN, "verb.exc")) as f:
    for line in f:
        form, verb = line.split()[:2]
        if form == verb or not form.isalpha() or form.endswith(("ed", "ing", "s")):
            continue
        if form in common and uses[form] < NOUN_USE:
            forms.add(form)

print("""# Irregular past forms of common verbs that are not nouns in use ("spent",
# "held"), one a line, sorted: a figure's counted noun ends at one. Written by
# tools/verb_forms.py; do not edit by hand.
""" + SOURCE)
for form in sorted(forms):
    print(form)
