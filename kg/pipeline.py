"""Wiring of the stages: read -> extract -> resolve -> store. The CLI calls these functions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from kg.errors import DuplicateDocument, KgError, TooLong
from kg.extract import extract
from kg.extract.parallel import Extractor, batches
from kg.model import Document, Entity, Extraction, Graph, Relation, stamp
from kg.read import read_documents
from kg.resolve import AliasTable, lookups, resolve_against, resolve_extraction
from kg.schema import label_of
from kg.store import GraphStore
from kg.store.names import StoredName
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
    """Merge extractions into one graph, resolve its names against the batch and the store, and
    write it in one transaction (one batch).

    A stored entity that the batch shows to be part of another (a stored "Trump" when the batch
    brings "Donald Trump") is merged into it in the same transaction, so the store ends as a
    build of everything at once would leave it.
    """
    graph = Graph()
    for ex in extractions:
        graph.add(ex)
    if not graph.documents:
        return
    graph = stamp(graph)

    def write() -> Graph:
        stored = stored_context(store, graph.entities.values())
        pinned = {s.entity.id: Entity(s.pin, "", label_of(s.pin) or s.entity.type) for s in stored if s.pin}
        resolution = resolve_against(graph, [s.entity for s in stored], options.aliases, pinned)
        resolved = keep_confident(resolution.graph, options.min_confidence)
        store.write(resolved)
        store.place_names(graph, stored, resolution.placement)
        return resolved

    resolved = store.atomically(write)
    report.extracted += len(resolved.documents)
    report.entities += len(resolved.entities)
    report.relations += len(resolved.relations)


def stored_context(store: GraphStore, entities: Iterable[Entity], rounds: int = 8) -> list[StoredName]:
    """The stored names the rules need to place ``entities`` and every stored name that placing
    them may move: the names they could join, then the names those could join, until nothing
    new comes (a stored "FO" found through "France Ô" needs its "Force ouvrière" too)."""
    found: dict[str, StoredName] = {}
    seen_ids: set[str] = set()
    seen_keys: set[str] = set()
    todo = list(entities)
    for _ in range(rounds):
        ids, keys = lookups(todo)
        ids, keys = ids - seen_ids, keys - seen_keys
        if not ids and not keys:
            break
        seen_ids |= ids
        seen_keys |= keys
        fetched = [s for s in store.stored_names(ids, keys) if s.entity.id not in found]
        found.update((s.entity.id, s) for s in fetched)
        todo = [s.entity for s in fetched]
    return list(found.values())


def _write_resolved(graph: Graph, store: GraphStore) -> None:
    """Write a graph resolved elsewhere (an RDF export): each entity new to the store becomes the
    record of a name of its own, so that later builds resolve against it."""
    store.write(graph)
    known = {s.entity.id for s in store.stored_names(graph.entities, [])}
    new = Graph(entities={k: e for k, e in graph.entities.items() if k not in known},
                mentions={m for m in graph.mentions if m[0] not in known})
    store.place_names(new, [], {})


def keep_confident(graph: Graph, min_confidence: float) -> Graph:
    """The graph without relations whose confidence is under ``min_confidence``."""
    if min_confidence <= 0:
        return graph
    return Graph(dict(graph.documents), dict(graph.entities),
                 {k: r for k, r in graph.relations.items() if r.confidence >= min_confidence}, set(graph.mentions))


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
    return keep_confident(resolve_against(graph, [], options.aliases).graph, options.min_confidence)


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
        store.atomically(lambda: _write_resolved(graph, store))
        report.extracted += len(graph.documents)
        report.entities += len(graph.entities)
        report.relations += len(graph.relations)
    return report
