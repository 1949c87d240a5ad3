"""Shared helpers for the benchmarks: the corpus argument and a table printer."""

from __future__ import annotations

import platform
from pathlib import Path

from kg.model import Document
from kg.read import read_documents

ROOT = Path(__file__).resolve().parents[1]
WINER = ROOT.parent / "shared" / "data" / "winer-fr" / "dev.gold.jsonl"


def corpus(path: str | None, repeat_seeds: int = 200) -> tuple[list[Document], str]:
    """The documents of ``path``; default the WiNER dev articles, else the seeds repeated with distinct ids."""
    if path:
        docs = [d for d in read_documents([path]) if isinstance(d, Document)]
        return docs, path
    if WINER.exists():
        docs = [d for d in read_documents([WINER]) if isinstance(d, Document)]
        return docs, "WiNER-fr dev (964 articles)"
    seeds = [d for d in read_documents([ROOT / "seeds"]) if isinstance(d, Document)]
    docs = [Document(f"{d.id}-{i}", d.text) for i in range(repeat_seeds) for d in seeds]
    return docs, f"seeds repeated {repeat_seeds} times"


def words(docs: list[Document]) -> int:
    return sum(len(d.text.split()) for d in docs)


def machine() -> str:
    import os

    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def table(title: str, header: list[str], rows: list[list[object]]) -> None:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=True)]
    print(f"\n{title}")
    print("  ".join(str(h).ljust(w) for h, w in zip(header, widths, strict=True)))
    for r in rows:
        print("  ".join(str(x).ljust(w) for x, w in zip(r, widths, strict=True)))

