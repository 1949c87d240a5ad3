"""kg's own French news NER, shipped in the package (``kg/models/ner-fr``, built by
``python -m kg.train ner``).

It is ``fr_core_news_md``'s NER trained further on French news: the same architecture, labels
and static vectors, so it replaces the weights of that pipeline's ``ner`` in place and needs
nothing but the installed ``fr_core_news_md``.

``kg_names`` (:class:`NameRepair`), right after any NER in kg's pipeline, makes the names whole in
``doc.ents`` (:func:`kg.extract.mentions.spans.ner_spans`): a name cut at its hyphen or after a
particle is joined, two names the NER ran together across a spaced dash are split.
"""

from __future__ import annotations

import os
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.errors import ConfigError
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions.spans import ner_spans

TRAINED_NER = Path(__file__).resolve().parents[1] / "models" / "ner-fr"
TRAINED_ON = "fr_core_news_md"
NER_CHOICES = ("trained", "spacy")


def ner_choice(model: str, ner: str | None = None) -> str:
    """``trained`` (kg's NER, the default on ``fr_core_news_md``) or ``spacy`` (the pipeline's
    own, the default on any other model): ``ner``, else ``$KG_NER``, else the default."""
    choice = ner or os.environ.get("KG_NER") or ("trained" if model == TRAINED_ON else "spacy")
    if choice not in NER_CHOICES:
        raise ConfigError(f"unknown NER {choice!r}; use one of {', '.join(NER_CHOICES)}")
    if choice == "trained" and model != TRAINED_ON:
        raise ConfigError(f"kg's trained NER runs on {TRAINED_ON} (its vectors); use --ner spacy with --model {model}")
    return choice


def use_trained_ner(nlp: Language) -> None:
    """Put kg's trained weights into the ``ner`` of a pipeline loaded from ``fr_core_news_md``."""
    nlp.get_pipe("ner").from_disk(TRAINED_NER, exclude=["vocab"])


class NameRepair:
    """spaCy component: ``doc.ents`` made whole (see :func:`kg.extract.mentions.spans.ner_spans`)."""

    def __init__(self, lang: str = "fr") -> None:
        self.unfinished = load_lexicon(lang).unfinished_name_words

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = [Span(doc, start, end, label=label) for start, end, label in ner_spans(self.unfinished, doc)]
        return doc


@Language.factory("kg_names", default_config={"lang": "fr"})
def make_name_repair(nlp: Language, name: str, lang: str) -> NameRepair:
    """spaCy factory: ``nlp.add_pipe("kg_names", after="ner")``."""
    return NameRepair(lang)
