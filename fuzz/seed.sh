#!/usr/bin/env bash
# Seed the fuzz corpora from the fixtures and the built-in rules.
set -euo pipefail
cd "$(dirname "$0")"
for t in load_source extract; do
  mkdir -p corpus/$t
  for f in ../fixtures/sony/*.md ../fixtures/cases/*/*.md; do cp "$f" "corpus/$t/$(echo "${f#../}" | tr '/' '_')"; done
done
mkdir -p corpus/rules
cp ../rules/*.toml corpus/rules/
