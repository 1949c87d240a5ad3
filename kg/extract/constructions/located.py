"""Where an entity is, operates, or is banned; what a body is affiliated to.

Predicates ("X, interdit en Chine", "la société, basée à Paris", "X reste présent en France",
"Al-Shabbaab (affilié à Al-Qaïda)": PART_OF the body),
from ``located_adjective_types`` in the lexicon; and located nouns, triggers marked ``located``
("les opérations de X aux États-Unis", "son usine de Poissy", "BYD va construire une usine en
Hongrie").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.antecedents import possessor
from kg.extract.arguments import (
    ARG_DEPS,
    apposed_to,
    described,
    enumeration_before,
    expand,
    listed_after,
    prep_args,
    subjects,
)
from kg.extract.context import SUBJ, Arg, Context, RawRelation, possessive
from kg.extract.triggers import trigger_at

PLACE_TYPES = ("Country", "Location")
BODY_TYPES = ("Company", "Organization", "Government")


def read_predicate(ctx: Context, tok: Token) -> Iterator[RawRelation]:
    """ "X, interdit en Chine", "la société, basée à Paris", "(qui sont interdits en Chine)"."""
    trigger = trigger_at(ctx, tok)
    if trigger is None or trigger.kind != "located":
        return
    holders: list[Arg] = []
    for c in tok.children:
        if c.dep_ in (*SUBJ, "nsubj:pass"):
            holders = enumeration_before(ctx, c) if c.lower_ in ctx.lex.words("relative_pronouns") else expand(ctx, c)
            break
    if not holders and tok.dep_ in ("acl", "amod", "acl:relcl", "appos") and tok.head.i != tok.i:
        holders = expand(ctx, tok.head) or apposed_to(ctx, tok.head)
    if not holders and tok.dep_ == "xcomp" and tok.head.i != tok.i:  # "X reste présent en France"
        holders = subjects(ctx, tok.head)
    if not holders and tok.i >= 2 and ctx.doc[tok.i - 1].text == "," and (tok.i - 2) in ctx.token_cluster:
        holders = [(ctx.token_cluster[tok.i - 2], "")]
    if not holders and tok.dep_ == "advcl":  # "Installé à Paris depuis 2010, le groupe X ..."
        holders = [x for t in described(ctx, tok) for x in expand(ctx, t)]
    kinds, holder_kinds = PLACE_TYPES, ("Company", "Organization", "Person")
    if trigger.rtype == "PART_OF":
        kinds, holder_kinds = BODY_TYPES, (*BODY_TYPES, "Person")
    places = [x for c in tok.children if c.dep_ in ARG_DEPS or c.dep_ == "obj"
              for x in expand(ctx, c) if ctx.clusters[x[0]].type in kinds]
    for h in holders:
        if ctx.clusters[h[0]].type not in holder_kinds:
            continue
        rtype = trigger.rtype
        if rtype == "PART_OF" and ctx.clusters[h[0]].type == "Person":
            rtype = "WORKS_FOR"  # "X, affilié au Parti socialiste": a member
        for p in places:
            yield from ctx.relation(h, rtype, p, tok.lemma_.lower(), tok, "located")


def read_noun(ctx: Context, tok: Token) -> Iterator[RawRelation]:
    """A located noun: its owner (complement, possessor or the subject of its verb) and its places."""
    trigger = trigger_at(ctx, tok)
    if trigger is None or trigger.frame != "located":
        return
    owners = [x for x in prep_args(ctx, tok, ctx.lex.preps("of"))
              if ctx.clusters[x[0]].type in ("Company", "Organization")]
    if not owners and possessive(tok):
        owners = possessor(ctx, tok, ("Company", "Organization"))  # "Carrefour veut céder ses activités en Italie"
    if not owners and tok.dep_ == "obj":  # "BYD va construire une usine en Hongrie"
        owners = [x for x in subjects(ctx, tok.head) if ctx.clusters[x[0]].type == "Company"]
    if not owners:
        return
    cases = ctx.lex.preps("in") + (ctx.lex.preps("of_place") if trigger.spec.get("place_after_de") else ())
    places: list[Arg] = []
    # "construire une usine en Hongrie": the parser may hang the place on the verb
    beside = [c for c in tok.head.children if c.dep_ in ("obl", "obl:mod") and c.i > tok.i] if tok.dep_ == "obj" else []
    for t in [*tok.subtree, *beside]:
        if t.i in ctx.token_cluster and ctx.clusters[ctx.token_cluster[t.i]].type in PLACE_TYPES:
            case = ctx.case(t)
            if case.split()[-1:] and case.split()[-1] in cases:
                pair = (ctx.token_cluster[t.i], "")
                if pair not in places:
                    places.append(pair)
    if places:
        places += [p for p in listed_after(ctx, places[-1][0], tok.sent, PLACE_TYPES) if p not in places]
    for o in owners:
        for p in places:
            # "ses activités en Italie" presupposes them, whatever is said of them
            mod = "asserted" if o[1] == "possessive" else None
            yield from ctx.relation(o, trigger.rtype, p, trigger.lemma, tok, "located", mod)
