""""entre X et Y": a noun whose parties are both named after "entre" ("la fusion entre X et Y",
"des conversations entre X et Y"); the parties of a joint venture named beside it own it ("CFM
International, une coentreprise entre Snecma et General Electric"). A noun of ``noun_triggers`` whose prepositions include
"entre" is read here; with fewer than two parties it is read as a plain nominalisation
(:mod:`kg.extract.constructions.nouns`)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.arguments import after_preposition, between
from kg.extract.constructions.nouns import noun_holders
from kg.extract.context import Context, RawRelation
from kg.extract.triggers import trigger_at


def read(ctx: Context, tok: Token) -> Iterator[RawRelation]:
    """The first party named after "entre" with each of the others."""
    trigger = trigger_at(ctx, tok)
    if trigger is None or trigger.frame != "between":
        return
    parties = between(ctx, tok)
    if len(parties) < 2:
        return
    first = parties[0]
    for other in parties[1:]:
        if ctx.typed_ok(first, other, trigger.spec):
            yield from ctx.relation(first, trigger.rtype, other, trigger.lemma, tok, "between")
    if trigger.lemma in ctx.lex.words("joint_venture_nouns"):
        # the venture is the name the noun stands in apposition to, or the subject of its copula;
        # not a name after a preposition before it ("Selon Bloomberg, une coentreprise entre X et Y")
        ventures = [h for h in noun_holders(ctx, tok) if ctx.clusters[h[0]].type == "Company"
                    and h not in parties and not _after_preposition(ctx, h[0], tok)]
        for venture in ventures:
            for party in parties:
                if ctx.clusters[party[0]].type == "Company":
                    yield from ctx.relation(party, "OWNS", venture, trigger.lemma, tok, "between")


def _after_preposition(ctx: Context, cluster: int, tok: Token) -> bool:
    """The last name of ``cluster`` before ``tok`` follows a preposition: "Selon Bloomberg", "Chez Airbus"."""
    last = ctx.last_mention(cluster, tok.i)
    return last is not None and after_preposition(ctx, ctx.doc[last.start])
