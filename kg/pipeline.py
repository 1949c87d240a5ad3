"""Wiring of the stages: read -> extract -> resolve -> store. The CLI calls these functions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from kg.errors import DuplicateDocument, KgError, TooLong
from kg.extract import extract
from kg.extract.parallel import Extractor, batches
from kg.model import Document, Extraction, Graph, Relation
from kg.read import read_documents
from kg.resolve import AliasTable, resolve_extraction, resolve_graph
from kg.store import GraphStore
from kg.store.statements import PENDING

BATCH_DOCUMENTS = 256
#: Longer documents are reported (K109) and left out; shorter ones are parsed in pieces when they
#: exceed the pipeline's ``max_length`` (see :func:`kg.extract.extract`).
MAX_CHARS = 5_000_000


@dataclass(frozen=True)
class Options:
    """How a build treats what it extracted."""

    aliases: AliasTable | None = None
    min_confidence: float = 0.0
    batch_size: int = BATCH_DOCUMENTS
    max_chars: int = MAX_CHARS


@dataclass
class BuildReport:
    """What a build did, for the summary and the exit code."""

    read: int = 0
    unchanged: int = 0
    replaced: int = 0
    resumed: int = 0
    extracted: int = 0
    entities: int = 0
    relations: int = 0
    errors: list[KgError] = field(default_factory=list)


def documents_and_errors(paths: Iterable[str | Path], report: BuildReport,
                         on_error: Callable[[KgError], None] | None = None,
                         max_chars: int = MAX_CHARS) -> Iterator[Document]:
    """The readable documents under ``paths``; each bad input is reported and skipped."""
    seen: set[str] = set()

    def reject(err: KgError) -> None:
        report.errors.append(err)
        if on_error:
            on_error(err)

    for item in read_documents(paths):
        if isinstance(item, KgError):
            reject(item)
        elif item.id in seen:
            reject(DuplicateDocument(f"{item.source}: document id {item.id!r} was already read in this run; "
                                     "give each document its own id"))
        elif len(item.text) > max_chars:
            reject(TooLong(f"{item.source}: {len(item.text):,} characters, more than --max-chars {max_chars:,}; "
                           "split the document or raise --max-chars"))
        else:
            seen.add(item.id)
            report.read += 1
            yield item


def to_write(documents: list[Document], store: GraphStore, report: BuildReport) -> list[Document]:
    """Of ``documents``, the ones to write, after what the store holds of them.

    Stored with the same hash: complete, skipped. Left pending with the same hash by an interrupted
    write: written again (every write merges, so this finishes it). Stored with another content, or
    pending with another one: the old version is removed first.
    """
    stored = store.stored_hashes(d.id for d in documents)
    fresh, changed = [], []
    for d in documents:
        old = stored.get(d.id)
        if old == d.hash:
            report.unchanged += 1
            continue
        if old == PENDING + d.hash:
            report.resumed += 1
        elif d.id in stored:
            changed.append(d.id)
        fresh.append(d)
    if changed:  # a new version replaces the old one's evidence: nothing stale is left
        store.remove_documents(changed)
        report.replaced += len(changed)
    return fresh


Advance = Callable[[int], None]


def build(paths: Iterable[str | Path], store: GraphStore, extractor: Language | Extractor,
          report: BuildReport | None = None, on_error: Callable[[KgError], None] | None = None,
          options: Options = Options(), advance: Advance | None = None) -> BuildReport:
    """Extract every new document under ``paths`` and write it to ``store`` batch by batch.

    ``extractor`` is a spaCy pipeline with ``kg_relations``, or an extractor of
    :mod:`kg.extract.parallel` (processes, Dask). Documents stream through: memory holds one
    batch, not the corpus. A document already stored with the same content is skipped before
    parsing, so a second build of the same input writes nothing; a document stored with other
    content is replaced. ``advance`` is called with the number of documents done (written or
    skipped), for a progress display.
    """
    report = report or BuildReport()
    run = (lambda docs: extract(docs, extractor)) if isinstance(extractor, Language) else extractor

    def fresh_documents() -> Iterator[Document]:
        for batch in batches(documents_and_errors(paths, report, on_error, options.max_chars), options.batch_size):
            fresh = to_write(batch, store, report)
            if advance and len(batch) > len(fresh):
                advance(len(batch) - len(fresh))
            yield from fresh

    for batch in batches(run(fresh_documents()), options.batch_size):
        _write(batch, store, report, options)
        if advance:
            advance(len(batch))
    return report


def _write(extractions: Iterable[Extraction], store: GraphStore, report: BuildReport, options: Options) -> None:
    """Merge extractions into one graph, resolve its names and write it in one go (one batch)."""
    graph = Graph()
    for ex in extractions:
        graph.add(ex)
    graph = keep_confident(resolve_graph(graph, options.aliases), options.min_confidence)
    if graph.documents:
        store.write(graph)
        report.extracted += len(graph.documents)
        report.entities += len(graph.entities)
        report.relations += len(graph.relations)


def keep_confident(graph: Graph, min_confidence: float) -> Graph:
    """The graph without relations whose confidence is under ``min_confidence``."""
    if min_confidence <= 0:
        return graph
    graph.relations = {k: r for k, r in graph.relations.items() if r.confidence >= min_confidence}
    return graph


def extract_paths(paths: Iterable[str | Path], nlp: Language, report: BuildReport,
                  on_error: Callable[[KgError], None] | None = None, options: Options = Options(),
                  advance: Advance | None = None) -> Iterator[Extraction]:
    """Extractions of every readable document under ``paths``, in input order."""
    for ex in extract(documents_and_errors(paths, report, on_error, options.max_chars), nlp):
        report.extracted += 1
        if advance:
            advance(1)
        ex = resolve_extraction(ex, options.aliases)
        if options.min_confidence > 0:
            ex = Extraction(ex.document, ex.entities,
                            tuple(r for r in ex.relations if r.confidence >= options.min_confidence))
        yield ex


def extract_graph(paths: Iterable[str | Path], nlp: Language | None = None, options: Options = Options(),
                  report: BuildReport | None = None) -> Graph:
    """Read and extract every document under ``paths`` into one resolved graph, in memory.

    ``nlp`` defaults to :func:`kg.extract.load_pipeline`'s French pipeline. Bad inputs are
    skipped and listed in ``report.errors``.
    """
    from kg.extract import load_pipeline

    report = report or BuildReport()
    graph = Graph()
    for ex in extract(documents_and_errors(paths, report, max_chars=options.max_chars),
                      nlp or load_pipeline(aliases=options.aliases)):
        report.extracted += 1
        graph.add(ex)
    return keep_confident(resolve_graph(graph, options.aliases), options.min_confidence)


def load(extractions: Iterable[Extraction], store: GraphStore, report: BuildReport | None = None,
         options: Options = Options(), advance: Advance | None = None) -> BuildReport:
    """Write extractions (from ``kg extract``) to ``store``; documents already stored are skipped."""
    report = report or BuildReport()
    for batch in batches(extractions, options.batch_size):
        report.read += len(batch)
        fresh = {d.id for d in to_write([ex.document for ex in batch], store, report)}
        _write((ex for ex in batch if ex.document.id in fresh), store, report, options)
        if advance:
            advance(len(batch))
    return report


def load_graph(graph: Graph, store: GraphStore, report: BuildReport | None = None) -> BuildReport:
    """Write a whole graph (read back from an RDF export); evidence of stored documents is skipped."""
    report = report or BuildReport()
    report.read += len(graph.documents)
    fresh = {d.id for d in to_write(list(graph.documents.values()), store, report)}
    skipped = set(graph.documents) - fresh
    if skipped:
        kept = Graph(documents={k: d for k, d in graph.documents.items() if k in fresh},
                     entities=dict(graph.entities),
                     mentions={(e, d) for e, d in graph.mentions if d not in skipped})
        for key, r in graph.relations.items():
            evidence = tuple(e for e in r.evidence if e.doc_id not in skipped)
            if evidence:
                kept.relations[key] = Relation(r.subject, r.type, r.object, r.predicate, r.modality,
                                               r.confidence, evidence)
        graph = kept
    if graph.documents:
        store.write(graph)
        report.extracted += len(graph.documents)
        report.entities += len(graph.entities)
        report.relations += len(graph.relations)
    return report
