"""Affiliations written beside a name: a party or a body in parentheses, "X, de l'organisation Y".

"Marc Petit (PS)", "Anna Rossi (PPE, Italie)", "Marc Petit, maire (PS)", "Paul Martin, de
l'International Crisis Group, estime que ..." : the person WORKS_FOR the organisation (a
member of a party, a researcher of a body), and a country last in the parentheses is the
person's own (BASED_IN). The preposition words are the lexicon's
(``preps("of")``); only organisations, never a place or a country.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.arguments import named_before
from kg.extract.context import Arg, Context, RawRelation

EMPLOYERS = ("Company", "Organization", "Government")
#: what stands in parentheses after a person: a party, an employer, or a party's acronym the NER
#: took for a place ("Robert Fico (Smer-DS)"), which the component then types as an organisation
PARTIES = ("Organization", "Company")


def read(ctx: Context, tok: Token) -> Iterator[RawRelation]:
    """At "(" or "de" after a person's name: the person WORKS_FOR the organisation named there."""
    if tok.text == "(":
        person = _person_before(ctx, tok.i - 1, allow_title=True)
        org = _org_at(ctx, tok.i + 1, PARTIES, ("(", ")", ",", ";"), acronyms=True)
    elif tok.lower_.replace("’", "'") in ctx.lex.preps("of") and tok.i >= 2 and ctx.doc[tok.i - 1].text == ",":
        person = _person_before(ctx, tok.i - 2, allow_title=False)
        start = tok.i + 1
        if start < len(ctx.doc) and ctx.doc[start].lower_.replace("’", "'") in ctx.lex.words("definite_forms"):
            start += 1
        org = _org_at(ctx, start, EMPLOYERS, (",", ")", ".", ";"))
    else:
        return
    if person is None:
        return
    if org is not None:
        yield from ctx.relation(person, "WORKS_FOR", org, "membre", tok, "affiliation", "asserted")
    if tok.text == "(":
        yield from _country_in_parentheses(ctx, person, tok)


def _country_in_parentheses(ctx: Context, person: Arg, tok: Token) -> Iterator[RawRelation]:
    """ "Anna Rossi (PPE, Italie)", "Anna Rossi (Italie)": the country last in the parentheses is
    the person's (BASED_IN, the schema's nationality)."""
    doc = ctx.doc
    close = next((t.i for t in doc[tok.i + 1:min(tok.i + 12, len(doc))] if t.text == ")" or "\n" in t.text), None)
    if close is None or doc[close].text != ")":
        return
    last = ctx.mention_at.get(close - 1)
    if last is None or last.end != close or ctx.clusters[last.cluster].type != "Country":
        return
    if last.start != tok.i + 1 and doc[last.start - 1].text != ",":
        return
    yield from ctx.relation(person, "BASED_IN", (last.cluster, ""), doc[last.start].lower_, doc[last.start],
                            "affiliation", "asserted")


def _person_before(ctx: Context, i: int, allow_title: bool) -> Arg | None:
    """The person whose name ends at token ``i``, or (``allow_title``) whose apposed title does:
    "Marc Petit, maire (PS)"."""
    if i < 0:
        return None
    if i in ctx.token_cluster:
        cid = ctx.token_cluster[i]
        return (cid, "") if ctx.clusters[cid].type == "Person" else None
    if not allow_title:
        return None
    tok = ctx.doc[i]
    while tok.pos_ == "ADJ" and tok.i > 0:
        tok = ctx.doc[tok.i - 1]
    if not ctx.title_of(ctx.doc, tok):
        return None
    before = [a for a in named_before(ctx, tok) if ctx.clusters[a[0]].type == "Person"]
    return before[0] if before else None


def _org_at(ctx: Context, i: int, types: tuple[str, ...], closers: tuple[str, ...], acronyms: bool = False) -> Arg | None:
    """The organisation whose name starts at token ``i`` and is followed by one of ``closers``
    (with ``acronyms``, also a party's acronym the NER took for a place)."""
    m = ctx.mention_at.get(i)
    if m is None or m.start != i or i not in ctx.token_cluster:
        return None
    cid = ctx.token_cluster[i]
    text = ctx.doc[m.start:m.end].text
    if text.lower().split("-")[0] in ctx.lex.words("former_markers"):
        return None  # "Michel Barnier (ex-LR)": a past one
    # a party's acronym joined to a word ("Smer-DS"), not a bare one a region may have ("AURA")
    acronym = acronyms and ctx.clusters[cid].type == "Location" and m.source != "gazetteer" \
        and not text.isupper() and any(len(part) >= 2 and part.isupper() for part in text.split("-"))
    if ctx.clusters[cid].type not in types and not acronym:
        return None
    if m.end < len(ctx.doc) and ctx.doc[m.end].text not in closers:
        return None
    return (cid, "")
