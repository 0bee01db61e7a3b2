#!/usr/bin/env python3
"""Write rules/first-names.txt: given names, from the US Census Bureau's 1990
frequency lists of first names (dist.male.first, dist.female.first) as the
PyPI package `names` 0.3.0 ships them.

A common noun naming a person before a given name is a title, not part of
the name: "Councilwoman Rita Hale" is Rita Hale, while "Pilgrim Baptist
Church" names a church. The lists are public-domain Census data; every name
in them is kept, lower-cased, but the words of tools/withheld.txt.

Usage: pip download names==0.3.0 --no-deps && tar xzf names-0.3.0.tar.gz
       python3 tools/first_names.py names-0.3.0/names > rules/first-names.txt
"""
import os
import sys

DIR = sys.argv[1] if len(sys.argv) > 1 else "names-0.3.0/names"

names = set()
for part in ("dist.male.first", "dist.female.first"):
    with open(os.path.join(DIR, part)) as f:
        for line in f:
            if line.strip():
                names.add(line.split()[0].lower())
# (Less the words of tools/withheld.txt.)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wordnet_common import withheld  # noqa: E402

names -= withheld()

print("""# Given names, lower-cased, one a line, sorted: a common noun that names a
# person before one of them is a title ("Councilwoman Rita Hale"). Written by
# tools/first_names.py; do not edit by hand.
#
# Source: US Census Bureau, 1990 census frequency lists of first names
# (dist.male.first, dist.female.first; public domain), as shipped in the PyPI
# package names 0.3.0 (MIT License).
# (Less the words of tools/withheld.txt.)""")
for name in sorted(names):
    print(name)
