#!/usr/bin/env bash
# The sharded run equals one `concur batch` run, line for line. Run by
# .ci/run in a Python virtual environment with dask[distributed]:
#
#   examples/test_dask_batch.sh target/release/concur
set -euo pipefail
concur=$(realpath "${1:-target/release/concur}")
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Clusters from the fixtures, plus one bad line: errors travel like results.
python3 "$here/benches/batch_input.py" 300 > "$tmp/in.jsonl"
echo '{"id": "bad", "sources": [{"text": "only one"}]}' >> "$tmp/in.jsonl"
python3 "$here/benches/batch_input.py" 100 >> "$tmp/in.jsonl"
"$concur" batch -i "$tmp/in.jsonl" -o "$tmp/one.jsonl" || [ $? -le 2 ]
python3 "$here/examples/dask_batch.py" --concur "$concur" --workers 2 --partitions 7 \
  -i "$tmp/in.jsonl" -o "$tmp/sharded.jsonl"
if ! cmp -s "$tmp/one.jsonl" "$tmp/sharded.jsonl"; then
  echo "sharded output differs from one concur batch run:" >&2
  diff <(head -c 2000 "$tmp/one.jsonl") <(head -c 2000 "$tmp/sharded.jsonl") >&2 || true
  exit 1
fi
echo "dask: $(wc -l < "$tmp/one.jsonl") lines, sharded output equals one concur batch run"
