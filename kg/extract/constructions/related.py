"""Any other verb linking two entities, kept as ``RELATED_TO`` with the verb's lemma as predicate:
"X coopère avec Y", "X s'oppose à Y" (prepositions: ``related_to_preps`` in the lexicon)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.arguments import prep_args, subjects
from kg.extract.context import ACTOR_TYPES, Context, RawRelation
from kg.extract.triggers import trigger_at


def read(ctx: Context, tok: Token) -> Iterator[RawRelation]:
    """A verb that is no trigger and no reporting verb, between an actor and a complement."""
    trigger = trigger_at(ctx, tok)
    if trigger is None or trigger.kind != "related":
        return
    if any(c.dep_ == "obj" and c.lemma_.lower() in ctx.nouns for c in tok.children):
        return  # "finaliser la cession de X à Y": the noun says what the relation is
    # "ouvrir un bureau à Londres": a place after a verb says where, not with whom
    # "s'est enfui au Liban": a country after a verb of motion or residence is a place too
    preps = tuple(ctx.lex.data["related_to_preps"])
    if trigger.lemma in ctx.lex.words("motion_verbs"):
        preps = tuple(p for p in preps if p not in ctx.lex.preps("to"))
    objs = [o for o in prep_args(ctx, tok, preps) if ctx.clusters[o[0]].type != "Location"]
    if not objs:
        return  # (read first: most verbs have no entity complement, and subjects cost more)
    subs = [s for s in subjects(ctx, tok) if ctx.clusters[s[0]].type in (*ACTOR_TYPES, "Country")]
    for s in subs:
        for o in objs:
            yield from ctx.relation(s, "RELATED_TO", o, trigger.lemma, tok, "related")
