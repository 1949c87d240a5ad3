"""What a relation presupposes or entails.

"X a cédé Y à Z", "la vente de Y à Z": Z acquires Y (a stake sold is an investment); "X a
acquis Y auprès de Z", "l'acquisition de Y auprès de Z": Z sells Y; and the
``implications`` of the lexicon: selling X means having owned X. Negated relations imply
nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.arguments import complements, expand, linear_prep_object
from kg.extract.context import Arg, Context, RawRelation


def read(ctx: Context, raw: list[RawRelation]) -> list[RawRelation]:
    """The relations that the relations ``raw`` imply, by the lexicon's ``implications``."""
    implications = ctx.lex.data.get("implications", {})
    out = []
    for r in raw:
        for rtype, modality in implications.get(r.type, []):
            if r.modality == "negated":
                continue
            conf = min(r.confidence, ctx.lex.confidence("implied"))
            out.append(RawRelation(r.subject, rtype, r.object, r.predicate, modality, conf,
                                   "implied", r.sentence, r.resolution))
    return out


def buyers(ctx: Context, trigger: Token, lemma: str, sellers: list[Arg], sold: list[Arg]) -> Iterator[RawRelation]:
    """ "X a cédé Y à Z", "la vente de Y à Z": Z acquires Y; a stake sold ("sa participation dans
    Y") is an investment."""
    to = ctx.lex.preps("to")
    found = complements(ctx, trigger, to) or linear_prep_object(ctx, trigger, to)
    stakes = ctx.lex.words("stake_nouns")
    stake = any(c.dep_ in ("obj", "nmod") and c.lemma_.lower() in stakes for c in trigger.children)
    excluded = {c for c, _ in (*sellers, *sold)}
    for b in found:
        if b[0] in excluded or ctx.clusters[b[0]].type not in ("Company", "Person", "Government"):
            continue
        for o in sold:
            yield from ctx.relation(b, "INVESTS_IN" if stake else "ACQUIRES", o, lemma, trigger, "implied")


def sellers(ctx: Context, trigger: Token, lemma: str, buyers: list[Arg], bought: list[Arg]) -> Iterator[RawRelation]:
    """ "X a acquis Y auprès de Z", "l'acquisition de Y auprès de Z": Z sells Y."""
    of = ctx.lex.preps("of")
    marker = ctx.lex.data["seller_marker"]
    found: list[Arg] = []
    filing = ctx.lemma_in(trigger.head, ctx.lex.words("filing_verbs"))  # "notifier l'acquisition ... auprès de"
    for v in (trigger,) if filing or trigger.head is trigger else (trigger, trigger.head):
        for c in v.children:
            if c.lower_ == marker:  # "auprès" with its complement "de Z"
                found += [x for g in c.children if ctx.case(g) in of for x in expand(ctx, g)]
            elif ctx.case(c).startswith(marker):  # "auprès de" read as one preposition
                found += expand(ctx, c)
    excluded = {c for c, _ in (*buyers, *bought)}  # by entity: a name the text merged with the buyer's
    for z in found:
        if z[0] in excluded or ctx.clusters[z[0]].type not in ("Company", "Person"):
            continue
        for o in bought:
            yield from ctx.relation(z, "SELLS", o, lemma, trigger, "implied")
