#!/usr/bin/env bash
# Byte-identical output check for refactors: run two concur binaries over
# every input the project has (the development pairs next to the repo in all
# five formats and `facts`, every fixture, the rule examples, a batch) and
# diff everything they print.
#
#   benches/compare_outputs.sh /tmp/concur-before target/release/concur
set -uo pipefail
cd "$(dirname "$0")/.."
pairs=../shared/pairs
dump() {
  local bin=$1 out=$2
  rm -rf "$out"; mkdir -p "$out"
  for p in "$pairs"/*/; do
    [ -d "$p" ] || continue
    n=$(basename "$p")
    for f in json human sarif github html; do
      NO_COLOR=1 "$bin" check --no-config --format $f --show all "$p/a.txt" "$p/b.txt" > "$out/$n.$f" 2>&1
      echo "rc=$?" >> "$out/$n.$f"
    done
    "$bin" facts --no-config "$p/a.txt" > "$out/$n.facts" 2>&1
    "$bin" facts --no-config --format json "$p/b.txt" > "$out/$n.factsjson" 2>&1
  done
  for c in fixtures/cases/* fixtures/sony; do
    n=$(basename "$c")
    for f in json human; do
      NO_COLOR=1 "$bin" check --no-config --format $f "$c/a.md" "$c/b.md" > "$out/case-$n.$f" 2>&1
      echo "rc=$?" >> "$out/case-$n.$f"
    done
  done
  "$bin" rules test > "$out/rulestest" 2>&1
  "$bin" rules list --no-config > "$out/ruleslist" 2>&1
  python3 benches/batch_input.py 300 | "$bin" batch --no-config > "$out/batch" 2>&1
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dump "$1" "$tmp/a"
dump "$2" "$tmp/b"
if diff -r "$tmp/a" "$tmp/b" > "$tmp/diff"; then
  echo "identical: $(ls "$tmp/a" | wc -l) outputs"
else
  head -40 "$tmp/diff"
  echo "outputs differ ($(grep -c '^diff' "$tmp/diff") files)"
  exit 1
fi
