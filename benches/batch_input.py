#!/usr/bin/env python3
"""Write N clusters of two ~5 KB sources as `concur batch` input (JSON Lines).

Built from the texts in fixtures/ (never the development pairs), each cluster
from a different window of them with figures nudged deterministically, so the
result is the same on every run:

    python3 benches/batch_input.py 10000 > /tmp/clusters.jsonl
    /usr/bin/time -v target/release/concur batch -i /tmp/clusters.jsonl -o /tmp/out.jsonl
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent / "fixtures"
SIZE = 5000


def bodies():
    out = []
    for p in sorted(ROOT.rglob("*.md")):
        text = p.read_text(encoding="utf-8")
        if text.startswith("+++"):
            text = text.split("+++", 2)[2]
        out.append(text.strip())
    return out


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    corpus = "\n\n".join(bodies())
    corpus = (corpus + "\n\n") * (2 * SIZE // len(corpus) + 2)
    state = 12345

    def nudge(m):
        nonlocal state
        state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
        return str(int(m.group()) + (state >> 40) % 5) if (state >> 33) % 3 == 0 else m.group()

    for i in range(n):
        sources = []
        for k in range(2):
            start = (i * 997 + k * 331) % (len(corpus) - SIZE - 1)
            text = re.sub(r"\b\d{1,6}\b", nudge, corpus[start:start + SIZE])
            sources.append({"text": text, "published": f"2024-05-{1 + (i + k) % 28:02d}", "name": f"c{i}-{'ab'[k]}"})
        sys.stdout.write(json.dumps({"id": i, "sources": sources}) + "\n")


main()
