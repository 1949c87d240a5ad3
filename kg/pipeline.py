"""Wiring of the stages: read -> extract -> resolve -> store. The CLI calls these functions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from kg.errors import DuplicateDocument, KgError
from kg.extract import extract
from kg.extract.parallel import Extractor, batches
from kg.model import Document, Extraction, Graph, Relation
from kg.read import read_documents
from kg.resolve import AliasTable, resolve_extraction, resolve_graph
from kg.store import GraphStore

BATCH_DOCUMENTS = 256


@dataclass(frozen=True)
class Options:
    """How a build treats what it extracted."""

    aliases: AliasTable | None = None
    min_confidence: float = 0.0
    batch_size: int = BATCH_DOCUMENTS


@dataclass
class BuildReport:
    """What a build did, for the summary and the exit code."""

    read: int = 0
    unchanged: int = 0
    replaced: int = 0
    extracted: int = 0
    entities: int = 0
    relations: int = 0
    errors: list[KgError] = field(default_factory=list)


def documents_and_errors(paths: Iterable[str | Path], report: BuildReport,
                         on_error: Callable[[KgError], None] | None = None) -> Iterator[Document]:
    """The readable documents under ``paths``; each bad input is reported and skipped."""
    seen: set[str] = set()
    for item in read_documents(paths):
        if isinstance(item, KgError):
            report.errors.append(item)
            if on_error:
                on_error(item)
            continue
        if item.id in seen:
            err = DuplicateDocument(f"{item.source}: document id {item.id!r} was already read in this run; "
                                    "give each document its own id")
            report.errors.append(err)
            if on_error:
                on_error(err)
            continue
        seen.add(item.id)
        report.read += 1
        yield item


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
        for batch in batches(documents_and_errors(paths, report, on_error), options.batch_size):
            stored = store.stored_hashes(d.id for d in batch)
            fresh = [d for d in batch if stored.get(d.id) != d.hash]
            report.unchanged += len(batch) - len(fresh)
            if advance and len(batch) > len(fresh):
                advance(len(batch) - len(fresh))
            changed = [d.id for d in fresh if d.id in stored]
            if changed:  # a new version replaces the old one's evidence: nothing stale is left
                store.remove_documents(changed)
                report.replaced += len(changed)
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
    for ex in extract(documents_and_errors(paths, report, on_error), nlp):
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
    for ex in extract(documents_and_errors(paths, report), nlp or load_pipeline(aliases=options.aliases)):
        report.extracted += 1
        graph.add(ex)
    return keep_confident(resolve_graph(graph, options.aliases), options.min_confidence)


def load(extractions: Iterable[Extraction], store: GraphStore, report: BuildReport | None = None,
         options: Options = Options(), advance: Advance | None = None) -> BuildReport:
    """Write extractions (from ``kg extract``) to ``store``; documents already stored are skipped."""
    report = report or BuildReport()
    for batch in batches(extractions, options.batch_size):
        report.read += len(batch)
        stored = store.stored_hashes(ex.document.id for ex in batch)
        report.unchanged += sum(ex.document.id in stored for ex in batch)
        _write((ex for ex in batch if ex.document.id not in stored), store, report, options)
        if advance:
            advance(len(batch))
    return report


def load_graph(graph: Graph, store: GraphStore, report: BuildReport | None = None) -> BuildReport:
    """Write a whole graph (read back from an RDF export); evidence of stored documents is skipped."""
    report = report or BuildReport()
    report.read += len(graph.documents)
    stored = set(store.stored_hashes(graph.documents))
    report.unchanged += len(stored)
    if stored:
        fresh = Graph(documents={k: d for k, d in graph.documents.items() if k not in stored},
                      entities=dict(graph.entities),
                      mentions={(e, d) for e, d in graph.mentions if d not in stored})
        for key, r in graph.relations.items():
            evidence = tuple(e for e in r.evidence if e.doc_id not in stored)
            if evidence:
                fresh.relations[key] = Relation(r.subject, r.type, r.object, r.predicate, r.modality,
                                                r.confidence, evidence)
        graph = fresh
    if graph.documents:
        store.write(graph)
        report.extracted += len(graph.documents)
        report.entities += len(graph.entities)
        report.relations += len(graph.relations)
    return report
