"""Rows in batches: one statement per batch."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

BATCH = 1000


def chunks(rows: list[Any], size: int = BATCH) -> Iterator[list[Any]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]
