"""Extraction on several processes (``--workers N``) or on a Dask cluster (``--dask ADDRESS``).

Every extractor is a callable ``documents -> extractions`` that keeps the input order and keeps
only a bounded number of chunks in flight, so memory does not grow with the corpus and the
writer (in the calling process) gets results while the workers go on.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from kg.model import Document, Extraction
from kg.resolve import AliasTable

CHUNK = 32
T = TypeVar("T")
Extractor = Callable[[Iterable[Document]], Iterator[Extraction]]

_NLP: dict[tuple[str, str, Any], Any] = {}


def _pipeline(model: str, lang: str, aliases: AliasTable | None = None):
    """The worker's pipeline, loaded once per process (and alias file)."""
    key = (model, lang, aliases.surfaces if aliases else None)
    if key not in _NLP:
        from kg.extract import load_pipeline

        _NLP[key] = load_pipeline(model, lang, aliases=aliases)
    return _NLP[key]


def extract_chunk(documents: list[Document], model: str, lang: str = "fr",
                  aliases: AliasTable | None = None) -> list[Extraction]:
    """Run in a worker: extract a chunk of documents with the worker's own pipeline."""
    from kg.extract import extract

    return list(extract(documents, _pipeline(model, lang, aliases), batch_size=CHUNK))


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last one shorter), read lazily."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _ordered(submit: Callable[[list[Document]], Any], result: Callable[[Any], list[Extraction]],
             documents: Iterable[Document], in_flight: int, size: int) -> Iterator[Extraction]:
    """Submit chunks, at most ``in_flight`` at a time, and yield their results in input order."""
    pending: deque[Any] = deque()
    for chunk in batches(documents, size):
        pending.append(submit(chunk))
        if len(pending) >= in_flight:
            yield from result(pending.popleft())
    while pending:
        yield from result(pending.popleft())


class ProcessExtractor:
    """``--workers N``: N processes, each loading the spaCy pipeline once."""

    def __init__(self, model: str, workers: int, lang: str = "fr", chunk_size: int = CHUNK,
                 aliases: AliasTable | None = None) -> None:
        import multiprocessing

        # one BLAS thread per worker: the processes are the parallelism
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(var, "1")
        self.model, self.lang, self.workers, self.chunk_size = model, lang, workers, chunk_size
        self.aliases = aliases
        self.pool = multiprocessing.get_context("spawn").Pool(workers, initializer=_pipeline,
                                                              initargs=(model, lang, aliases))

    def __call__(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        return _ordered(
            lambda chunk: self.pool.apply_async(extract_chunk, (chunk, self.model, self.lang, self.aliases)),
            lambda job: job.get(),
            documents, in_flight=self.workers * 3, size=self.chunk_size,
        )

    def close(self) -> None:
        self.pool.close()
        self.pool.join()


def check_dask_address(address: str) -> None:
    """Raise :class:`~kg.errors.ConfigError` for ``local:N`` with N not a whole number of at least 1
    (a cluster of no worker would wait forever)."""
    if not address.startswith("local:"):
        return
    n = address.split(":", 1)[1]
    if not n.isdigit() or int(n) < 1:
        from kg.errors import ConfigError

        raise ConfigError(f"--dask {address}: write local:N with N, the number of workers, at least 1")


class DaskExtractor:
    """``--dask ADDRESS`` (a running scheduler) or ``--dask local:N`` (a LocalCluster of N workers).

    Documents are partitioned into chunks extracted on the workers; results come back to this
    process, the one writer.
    """

    def __init__(self, address: str, model: str, lang: str = "fr", chunk_size: int = CHUNK,
                 aliases: AliasTable | None = None) -> None:
        from dask.distributed import Client, LocalCluster

        check_dask_address(address)
        self.model, self.lang, self.chunk_size, self.aliases = model, lang, chunk_size, aliases
        self.cluster = None
        if address.startswith("local:"):
            n = int(address.split(":", 1)[1])
            self.cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
            self.client = Client(self.cluster)
        else:
            self.client = Client(address)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def __call__(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        return _ordered(
            lambda chunk: self.client.submit(extract_chunk, chunk, self.model, self.lang, self.aliases, pure=False),
            lambda future: future.result(),
            documents, in_flight=self.workers * 3, size=self.chunk_size,
        )

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
