"""Heads of state and government titled without their country: "le président Sissi" in an
article about Egypt leads Egypt.

News names a head of state by a bare title before the name ("le président Michel Temer", "la
chancelière Angela Merkel") when the article's country goes without saying. The country is the
one the article speaks of most, by a clear margin (:attr:`Context.principal_country`). Nothing
is read when no country stands out, when two people are titled so (an article about Hollande
meeting "le président Poutine"), when the person is given another country or another body to
lead, when someone else leads that country in the article, when the title's sentence points to
another country (its name, adjective or capital) or names a body with a president of its own
nearby (a club, a company, a party, an assembly), when the term is past or ended, or when the
person is visiting or received. Read after the other constructions, with their
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
    if _other_country(ctx, person, country) or _body_nearby(ctx, tok) or _not_in_office(ctx, tok) \
            or _visiting(ctx, person) or _titled_otherwise(ctx, person) or _elsewhere(ctx, tok, ctx.clusters[country].name):
        return []
    return list(ctx.relation((person, ""), "LEADS", (country, ""), title, tok, "context", "asserted"))


def _elsewhere(ctx: Context, tok: Token, country: str) -> bool:
    """Another country is named, by its name, adjective or capital, in the title's sentence, the
    three before it or the one after ("Varsovie accuse Minsk ... Le président Alexandre Loukachenko"):
    the head may be that country's."""
    starts = ctx.sentences_up_to(tok.i, 4)
    after = next((s for s in ctx.sentence_starts if s >= tok.sent.end), None)
    end = next((s for s in ctx.sentence_starts if after is not None and s > after), len(ctx.doc))
    return bool(ctx.countries_in(starts[0] if starts else tok.sent.start, end) - {country})


def _body_nearby(ctx: Context, tok: Token) -> bool:
    """A company, an organisation or a body with a president of its own (an assembly, a court, a
    central bank) is named before the title, in its sentence or the one before: "Le FC Barcelone
    traverse une crise. Le président Joan Laporta ..." is the club's."""
    heads = ctx.lex.words("presided_body_heads")
    starts = ctx.sentences_up_to(tok.i, 2)
    for i in range(starts[0] if starts else tok.sent.start, tok.i):
        c = ctx.clusters[ctx.token_cluster[i]] if i in ctx.token_cluster else None
        if c is not None and (c.type in ("Company", "Organization")
                              or (c.type == "Government" and c.name.lower().replace("'", " ").split()[0] in heads)):
            return True
        t = ctx.doc[i]
        if c is None and t.pos_ == "NOUN" and t.lemma_.lower() in heads and t.dep_ in ("nsubj", "nsubj:pass") \
                and not any(x.dep_ == "nmod" and x.i in ctx.token_cluster
                            and ctx.clusters[ctx.token_cluster[x.i]].type == "Country" for x in t.children):
            return True  # "Le club de Benfica a ...", "La région ... investit" (not "la chambre du Brésil")
    return False


def _not_in_office(ctx: Context, tok: Token) -> bool:
    """The sentence tells of a past or an ended term: a pluperfect or a past historic ("avait
    promulgué", "fut"), a death, a removal, an abdication ("est mort", "a été destitué"); or it or
    the sentence before speaks of a tribute or an anniversary."""
    ended = ctx.lex.words("ended_office_words")
    sent = tok.sent
    if any(t.lemma_.lower() in ended for t in sent):
        return True
    if any((t.pos_ == "AUX" and "Imp" in t.morph.get("Tense") and t.head.pos_ == "VERB"
            and "Part" in t.head.morph.get("VerbForm"))
           or ("Past" in t.morph.get("Tense") and "Fin" in t.morph.get("VerbForm")) for t in sent):
        return True
    remembered = ctx.lex.words("remembrance_words")
    starts = ctx.sentences_up_to(tok.i, 2)
    return any(t.lemma_.lower() in remembered for t in ctx.doc[starts[0] if starts else sent.start:sent.end])


def _titled_otherwise(ctx: Context, person: int) -> bool:
    """A title in apposition after one of the person's names gives their role: "le président X,
    patron du comité d'organisation, ..."."""
    doc = ctx.doc
    return any(m.end + 1 < len(doc) and doc[m.end].text == "," and ctx.title_of(doc, doc[m.end + 1])
               for m in ctx.clusters[person].mentions)


def _visiting(ctx: Context, person: int) -> bool:
    """The person visits, or is received: a sentence naming them speaks of a visit, an arrival, a
    reception ("Le président X est arrivé en Inde", "a été reçu à l'Élysée")."""
    visit = ctx.lex.words("visit_words")
    sents = {ctx.doc[m.start].sent.start: ctx.doc[m.start].sent for m in ctx.clusters[person].mentions if m.end > m.start}
    return any(t.lemma_.lower() in visit for sent in sents.values() for t in sent)


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
