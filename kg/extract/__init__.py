"""Stage 2: parse documents with spaCy and extract typed entities and relations.

The spaCy ``Doc`` stays inside this package; what leaves it is :class:`kg.model.Extraction`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import ModelError
from kg.extract.component import RelationExtractor, make_relation_extractor
from kg.model import Document, Extraction
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


def load_pipeline(model: str = DEFAULT_MODEL, lang: str = "fr", aliases: AliasTable | None = None) -> Language:
    """Load a spaCy pipeline (installed package name or path) and add ``kg_relations`` to it.

    With ``aliases`` (:func:`kg.resolve.load_aliases`), their surfaces are found in the text as
    entities before relations are read (:mod:`kg.extract.aliases`).
    """
    check_model(model)
    nlp = spacy.load(model, exclude=["senter"])
    if "kg_relations" not in nlp.pipe_names:
        nlp.add_pipe("kg_relations", config={"lang": lang})
    if aliases is not None:
        from kg.extract.aliases import add_alias_matcher

        add_alias_matcher(nlp, aliases)
    return nlp


def extract(documents: Iterable[Document], nlp: Language, batch_size: int = 32) -> Iterator[Extraction]:
    """Parse ``documents`` in batches with ``nlp.pipe`` and yield one extraction each, in order."""

    def with_ids() -> Iterator[tuple[Doc, Document]]:
        for d in documents:
            doc = nlp.make_doc(d.text)
            doc._.kg_doc_id = d.id
            yield doc, d

    for doc, document in nlp.pipe(with_ids(), as_tuples=True, batch_size=batch_size):
        yield Extraction(document, tuple(doc._.kg_entities), tuple(doc._.kg_relations))
