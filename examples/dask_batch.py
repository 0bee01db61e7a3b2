#!/usr/bin/env python3
"""Shard `concur batch` over a dask.distributed cluster.

Each worker runs `concur batch` on one contiguous partition of the JSON Lines
input; the partitions' outputs are gathered in input order, so the merged
output equals one `concur batch` run line for line (each output line depends
on its own input line only). The same shape works on any engine that maps a
function over partitions and keeps their order (Spark's `mapPartitions`, Ray's
`map_batches`).

    python3 examples/dask_batch.py --concur target/release/concur \
        --workers 2 --partitions 8 -i clusters.jsonl -o results.jsonl

With no --scheduler, a local cluster of --workers processes is started; give
--scheduler tcp://host:8786 to use a running one (every worker then needs the
concur binary at the same path).
"""
import argparse
import subprocess
import sys


def run_partition(part, concur):
    """`concur batch` over one partition (its first line's number and its
    lines); its output lines, in order."""
    first, lines = part
    if not lines:
        return []
    done = subprocess.run(
        [concur, "batch", "-j", "1", "--first-line", str(first)],
        input="".join(lines).encode("utf-8"),
        capture_output=True,
        check=False,
    )
    # 0: all clean, 1: findings fail, 2: some lines were errors (reported
    # as error lines): all three still wrote one output line per input line.
    if done.returncode not in (0, 1, 2):
        raise RuntimeError(done.stderr.decode("utf-8", "replace"))
    out = done.stdout.decode("utf-8").splitlines(keepends=True)
    # Blank lines are skipped; every other line gives one output line.
    expected = sum(1 for l in lines if l.strip())
    if len(out) != expected:
        raise RuntimeError(f"{expected} clusters in, {len(out)} lines out")
    return out


def partitions(lines, n):
    """`n` contiguous, nearly equal partitions (order kept), each with the
    number of its first line in the whole input."""
    size, extra = divmod(len(lines), n)
    out, at = [], 0
    for k in range(n):
        step = size + (1 if k < extra else 0)
        out.append((at + 1, lines[at : at + step]))
        at += step
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--concur", default="concur")
    ap.add_argument("-i", "--input", required=True)
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--scheduler", default=None)
    args = ap.parse_args()

    from dask.distributed import Client, LocalCluster

    with open(args.input, encoding="utf-8") as f:
        lines = [l if l.endswith("\n") else l + "\n" for l in f]
    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True)
        client = Client(cluster)
    try:
        parts = partitions(lines, max(1, min(args.partitions, len(lines) or 1)))
        futures = client.map(run_partition, parts, concur=args.concur, pure=False)
        results = client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    with open(args.output, "w", encoding="utf-8") as f:
        for part in results:
            f.writelines(part)
    return 0


if __name__ == "__main__":
    sys.exit(main())
