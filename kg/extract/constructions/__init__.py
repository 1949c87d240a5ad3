"""The constructions that read relations, in the order they run.

Each construction family is one module with a ``read`` function. Token constructions are
called, in the order of :data:`TOKEN_CONSTRUCTIONS`, on every token they can start on (see
:data:`CONTENT` and :data:`TRIGGERED`), in text order; a construction returns at once when the
token is not its trigger (which trigger a token is, is read once in :mod:`kg.extract.triggers`).
Document constructions run after the tokens, then
:mod:`~kg.extract.constructions.implied` adds what the relations found presuppose. The
construction named on a relation's evidence (``title``, ``verb``, ...), which sets its confidence,
is the module's own, except where a module states a sibling's relation: a verb's appointee gets
``title`` (``titles.appointed_as``), a sale's buyer ``implied`` (``implied.buyers``), and the
nationality reading of descriptions gives ``title`` to "le président chinois" and ``noun`` to "la
plateforme d'Elon Musk".

To add a construction: write ``read(ctx, tok)`` in a new module here, list it below, and add its
test under ``tests/extract/``; its words go in ``kg/lang/<lang>/lexicon.json``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.parts_of_speech import IDS
from spacy.tokens import Token

from kg.extract.constructions import (
    affiliation,
    between,
    implied,
    inner,
    located,
    nationality,
    nouns,
    related,
    titles,
    verbless,
    verbs,
)
from kg.extract.context import Context, RawRelation
from kg.extract.mentions import positions
from kg.extract.triggers import trigger_at

#: Read at every token they can start on, in this order.
TOKEN_CONSTRUCTIONS: tuple[Callable[[Context, Token], Iterable[RawRelation]], ...] = (
    titles.read,             # "le PDG de X Y", "Y, directrice générale de X"
    affiliation.read,        # "Marc Petit (PS)", "Paul Martin, de l'International Crisis Group"
    located.read_predicate,  # "X, interdit en Chine", "la société, basée à Paris"
    verbs.read,              # "X rachète Y", "Y a été racheté par X"
    related.read,            # any other verb between two entities: RELATED_TO
    between.read,            # "la fusion entre X et Y"
    located.read_noun,       # "les opérations de X aux États-Unis", "son usine de Poissy"
    nouns.read,              # "le rachat de X par Y", "X, filiale de Y"
)

#: Read once a document, after every token.
DOCUMENT_CONSTRUCTIONS: tuple[Callable[[Context], Iterable[RawRelation]], ...] = (
    nationality.read,        # "le Trésor américain", "le groupe chinois Huawei"
    inner.read,              # "le tribunal de Paris", "la Banque de France", "Forces démocratiques syriennes"
    verbless.read,           # "Oliver Hart enseigne à Harvard", the verb parsed into the name
)


#: Token constructions that read nothing where no trigger is (:func:`kg.extract.triggers.trigger_at`):
#: skipped there, which spares most tokens most calls.
TRIGGERED = frozenset({located.read_predicate, verbs.read, related.read, between.read, located.read_noun, nouns.read})
#: Token constructions that start only on a mark ("(", "de"; see :func:`read_relations`).
MARKED = frozenset({affiliation.read})
#: The constructions run at a token, by (has a trigger, is a mark).
_RUN = {(trig, mark): tuple(c for c in TOKEN_CONSTRUCTIONS if (trig or c not in TRIGGERED) and (mark or c not in MARKED))
        for trig in (False, True) for mark in (False, True)}


#: Parts of speech a trigger or a title can have; other tokens start a construction only as a
#: mark (``(`` or "de" for :mod:`~kg.extract.constructions.affiliation`).
CONTENT = ("VERB", "AUX", "ADJ", "NOUN", "PROPN", "X")


def read_relations(ctx: Context) -> list[RawRelation]:
    """Every relation the constructions read in the document, then what they imply."""
    raw: list[RawRelation] = []
    doc = ctx.doc
    marks = [doc.vocab.strings[w] for p in ("(", *ctx.lex.preps("of")) for w in (p, p.replace("'", "’"))]
    marked = set(positions(doc, "LOWER", marks))
    title_of = ctx.title_of
    for i in sorted(set(positions(doc, "POS", (IDS[p] for p in CONTENT))) | marked):
        tok = doc[i]
        triggered = trigger_at(ctx, tok) is not None
        if not triggered and i not in marked and (i in ctx.token_cluster or not title_of(doc, tok)):
            continue  # no trigger, no mark, no title: no construction reads anything here
        for construction in _RUN[triggered, i in marked]:
            raw.extend(construction(ctx, tok))
    for construction in DOCUMENT_CONSTRUCTIONS:
        raw.extend(construction(ctx))
    return raw + implied.read(ctx, raw)
