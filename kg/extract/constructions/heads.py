"""Heads of state and government titled without their country: "le président Sissi" in an
article about Egypt leads Egypt.

News names a head of state by a bare title before the name ("le président Michel Temer", "la
chancelière Angela Merkel") when the article's country goes without saying. The country is the
one the article speaks of most, by a clear margin (:attr:`Context.principal_country`). Nothing
is read when no country stands out, when two people are titled so (an article about Hollande
meeting "le président Poutine"), when the person is given another country or another body to
lead, or when someone else leads that country in the article. Read after the other constructions, with their
relations, at a lower confidence (``context``): the country comes from the article, not the
sentence.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.constructions.titles import marked_former
from kg.extract.context import Context, RawRelation


def read(ctx: Context, raw: list[RawRelation]) -> list[RawRelation]:
    """LEADS the article's principal country, for the one person titled so by a bare title."""
    found: dict[int, tuple[Token, str]] = {}
    for cluster, tok, title in _bare_titled(ctx):
        found.setdefault(cluster, (tok, title))  # the first time the text titles them
    if len(found) != 1:
        return []  # none, or two heads titled so: which one leads the country is not said
    (person, (tok, title)), = found.items()
    country = ctx.principal_country
    if country is None or any(r.type == "LEADS" and (r.subject == person or r.object == country) for r in raw):
        return []  # no country stands out; or the text says what the person leads, or who leads it
    if _other_country(ctx, person, country):
        return []
    return list(ctx.relation((person, ""), "LEADS", (country, ""), title, tok, "context", "asserted"))


def _bare_titled(ctx: Context) -> Iterator[tuple[int, Token, str]]:
    """The people named right after a bare head-of-state title and its article ("le président X",
    "du Premier ministre X", "le nouveau président X"), with the title's first word and the title;
    not a past or a future role ("l'ancien président X", "le futur président X"), nor one with a
    country of its own ("le président américain X")."""
    doc = ctx.doc
    titles = ctx.lex.words("bare_head_titles")
    articles = ctx.lex.words("definite_forms")
    future = ctx.lex.words("future_title_markers")
    for m in ctx.mentions:
        if ctx.clusters[m.cluster].type != "Person":
            continue
        for size in (4, 2, 1):  # "le chef de l'État X", "le Premier ministre X", "le président X"
            start = m.start - size
            words = " ".join(t.lower_ for t in doc[max(start, 0):m.start]).replace("’", "'").replace("' ", "'")
            if start < 1 or words not in titles:
                continue
            before = start - 1
            while before > 0 and doc[before].pos_ == "ADJ" and doc[before].text.islower() \
                    and doc[before].lower_ not in future:
                before -= 1  # "le nouveau président X"
            if doc[before].lower_ in articles and not marked_former(ctx, doc[start]) \
                    and not any(ctx.demonym(t) for t in doc[start:m.start + 1]):
                yield m.cluster, doc[start], words
            break


def _other_country(ctx: Context, person: int, country: int) -> bool:
    """The text gives the person another country: an adjective before one of their names ("le
    Russe X", "l'Américain X") of a country other than ``country``."""
    name = ctx.clusters[country].name
    for m in ctx.clusters[person].mentions:
        if m.country and m.country != name:
            return True
        for t in ctx.doc[max(0, m.start - 3):m.start]:
            adj = ctx.demonym(t)
            if adj and adj != name:
                return True
    return False
