"""What the tools that write tables from WordNet share: where WordNet is, the
project's common-word list, how often a word is used as a noun, and the
provenance header every table carries."""
import collections
import os
import sys

WN = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
HERE = os.path.dirname(os.path.abspath(__file__))

SOURCE = """#
# Source: WordNet 3.0 (Debian package wordnet-base), Princeton University.
# (Less the words of tools/withheld.txt.)
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# Permission to use, copy, modify and distribute this software and database and
# its documentation for any purpose and without fee or royalty is hereby
# granted, provided that you agree to comply with the following copyright
# notice and statements, including the disclaimer, and that the same appear on
# ALL copies of the software, database and documentation, including
# modifications that you make for internal use or for distribution.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES
# NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. The name of Princeton
# University or Princeton may not be used in advertising or publicity
# pertaining to distribution of the software and/or database."""


def withheld():
    """The words of tools/withheld.txt: kept out of every built-in list."""
    with open(os.path.join(HERE, "withheld.txt")) as f:
        return {l.strip() for l in f if l.strip() and not l.startswith("#")}


def common_words():
    """The words of rules/common-words.txt, less the withheld ones."""
    words = set()
    with open(os.path.join(HERE, "..", "rules", "common-words.txt")) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                words.add(line.strip())
    return words - withheld()


def first_noun_senses(common):
    """Each common word's first (most frequent) noun sense, as the offset
    of its synset in data.noun."""
    first = {}
    with open(os.path.join(WN, "index.noun")) as f:
        for line in f:
            if line.startswith(" "):
                continue
            p = line.split()
            lemma, pointers = p[0], int(p[3])
            if "_" not in lemma and lemma in common:
                first[lemma] = p[4 + pointers + 2]
    return first


def noun_use():
    """How many times each word's noun senses were tagged in WordNet's sense
    counts (cntlist.rev): a form used fewer than a few times as a noun is no
    noun in use."""
    use = collections.Counter()
    with open(os.path.join(WN, "cntlist.rev")) as f:
        for line in f:
            key, _, count = line.split()
            lemma, _, rest = key.partition("%")
            if rest.startswith("1:"):
                use[lemma] += int(count)
    return use
