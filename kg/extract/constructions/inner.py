"""Relations inside names: what a body's own name says of where it is and what it belongs to.

"le tribunal de Paris", "l'université de Lille", "les CRS de Courchevel" (BASED_IN the city);
"la police de Chicago", "le Conseil départemental de Vaucluse" (a place's own body, PART_OF it);
"la Banque de France" (a state body "de <country>", PART_OF it; "Ambassade d'Algérie au
Canada" also BASED_IN Canada); "le Conseil de sécurité des Nations unies" (PART_OF the
organisation; "Mission de l'Union africaine en Somalie" also OPERATES_IN Somalia); "Forces
démocratiques syriennes", "Union américaine pour les libertés civiles" (a nationality in an
organisation's name, BASED_IN the country); and the named institutions of the gazetteer
("Maison Blanche", "Élysée") PART_OF their country when the text names it.

The inner place or organisation is listed as an entity of its own (docs/annotation.md, "Names
inside names"): the outer mention stays whole and the inner name is a cluster with no mention
of its own, so it takes part in no other construction. Read once a document.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.context import Context, RawRelation
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Cluster, Mention
from kg.model import normalize_name

PLACES = ("Country", "Location")
BODIES = ("Government", "Organization", "Company")

_known: dict[int, dict[str, str]] = {}


def read(ctx: Context) -> Iterator[RawRelation]:
    """The relations each named body's own name states, then the gazetteer's institutions."""
    seen: set[tuple[int, int]] = set()
    for m in ctx.mentions:
        outer = ctx.clusters[m.cluster]
        if outer.type not in BODIES or m.end - m.start < 2 or (m.cluster, m.end - m.start) in seen:
            continue
        seen.add((m.cluster, m.end - m.start))
        yield from _inside(ctx, m, outer)
        yield from _leader(ctx, m, outer)
    for m in ctx.mentions:
        yield from _of_the_country(ctx, m)
    yield from _institutions(ctx)


def _of_the_country(ctx: Context, m: Mention) -> Iterator[RawRelation]:
    """ "le ministère de l'Intérieur du pays", "la Cour suprême de ce pays": a state body of the
    country the description takes up (:func:`kg.extract.coreference.resolve`)."""
    doc = ctx.doc
    if ctx.clusters[m.cluster].type != "Government" or m.end + 1 >= len(doc) \
            or doc[m.end].lower_.replace("’", "'") not in ctx.lex.preps("of"):
        return
    k = m.end + 1
    while k < len(doc) - 1 and doc[k].pos_ == "DET" and k - m.end <= 2:
        k += 1  # "de ce pays"
    country = ctx.coref.get(k)
    if country is not None and ctx.clusters[country[0]].type == "Country":
        yield from ctx.relation((m.cluster, ""), "PART_OF", country, doc[k].lemma_.lower(), doc[k], "inner", "asserted")


def _inside(ctx: Context, m: Mention, outer: Cluster) -> Iterator[RawRelation]:
    doc = ctx.doc
    head = doc[m.start].lemma_.lower()
    heads = {head, f"{head} {doc[m.start + 1].lower_}"}
    of, at = ctx.lex.preps("de_du_des"), ctx.lex.preps("in") + tuple(ctx.lex.words("inner_name_preps"))
    inner: list[tuple[int, str, Token]] = []  # (cluster, "of" or "in", the preposition)
    i = m.start + 1
    while i < m.end - 1:
        prep = doc[i]
        low = prep.lower_.replace("’", "'")
        if low not in of and low not in at:
            i += 1
            continue
        k = i + 1
        while k < m.end - 1 and doc[k].pos_ == "DET" and not doc[k].text[:1].isupper():
            k += 1  # an article, not a name's first word the tagger read as one ("San Francisco")
        found = _name_at(ctx, m, k, prep, heads | {doc[m.start].lower_})
        if found is None:
            i += 1
            continue
        cid, end = found
        if ctx.clusters[cid].type not in (*PLACES, *BODIES) or ctx.clusters[cid].name.lower() in ctx.lex.words("state_nouns"):
            i += 1
            continue  # "Fondation Charles de Gaulle", "Conseil d'État": no place, no body inside
        inner.append((cid, "of" if low in of else "in", prep))
        i = end
    has_body = any(ctx.clusters[c].type in BODIES for c, _, _ in inner)
    # a listed name, capitalised or not ("le conseil des droits de l'homme des Nations unies")
    named = doc[m.start].text[:1].isupper() or m.source in ("gazetteer", "government")
    # "l'attentat de Nice", "le festival d'Avignon": a common noun that names no body says no seat
    if not named and not heads & (ctx.lex.words("government_heads") | ctx.lex.words("organization_words")
                                  | ctx.lex.words("seat_heads") | ctx.lex.words("local_body_heads")):
        return
    outer_key = normalize_name(doc[m.start:m.end].text)
    for cid, role, prep in inner:
        kind = ctx.clusters[cid].type
        if outer_key.startswith(normalize_name(ctx.clusters[cid].name)):
            continue  # "États-Unis d'Amérique": the inner name is the short form
        if kind in BODIES:
            if kind == "Organization" and role == "of" and named and not _long_form(ctx, m, head):
                yield from ctx.relation((outer.id, ""), "PART_OF", (cid, ""), prep.lower_, prep, "inner", "asserted")
            continue
        if role == "of" and (heads & ctx.lex.words("local_body_heads")
                             or (outer.type == "Government" and kind == "Country")):
            rtype = "PART_OF"  # "la Banque de France", "la police de Chicago"
        elif outer.type != "Government" and role == "in" and has_body:
            rtype = "OPERATES_IN"  # "Mission de l'Union africaine en Somalie"
        else:
            rtype = "BASED_IN"
        yield from ctx.relation((outer.id, ""), rtype, (cid, ""), prep.lower_, prep, "inner", "asserted")
    # "Forces démocratiques syriennes", "Parti québécois" (a two-word name: its head a kind of body)
    sized = m.end - m.start >= 3 or (m.end - m.start == 2 and head in ctx.lex.words("organization_words"))
    if outer.type != "Government" and named and sized and (m.source != "gazetteer" or m.country is None):
        yield from _nationality(ctx, m, outer)


def _leader(ctx: Context, m: Mention, outer: Cluster) -> Iterator[RawRelation]:
    """ "l'administration Trump", "le régime de Pierre Nkurunziza": the person named leads the
    government (the person the text names in full elsewhere, "Donald Trump", when it does)."""
    doc = ctx.doc
    head = doc[m.start]
    if outer.type != "Government" or head.lower_ not in ctx.lex.words("led_body_heads"):
        return
    k = m.start + 1
    if doc[k].lower_.replace("’", "'") in ctx.lex.preps("de"):
        k += 1
    tail = doc[k:m.end]
    key = normalize_name(tail.text)
    if not len(tail) or tail[0].ent_type_ != "PER" or _gazetteer(ctx.lex).get(key) in PLACES:
        return  # "le régime de Damas" is the government of a place
    people = [c.id for c in ctx.clusters if c.type == "Person" and c.mentions
              and any(n == key or n.endswith(" " + key) for n in (normalize_name(x) for x in (c.name, *c.aliases)))]
    person = people[0] if len(people) == 1 else _cluster(ctx, tail.text, "Person")
    yield from ctx.relation((person, ""), "LEADS", (outer.id, ""), head.lower_, head, "inner", "asserted")


def _nationality(ctx: Context, m: Mention, outer: Cluster) -> Iterator[RawRelation]:
    """ "Forces démocratiques syriennes", "Fédération française de ski": an adjective of
    nationality before any complement of the name (not the Union's: "Parti populaire européen")."""
    for tok in ctx.doc[m.start + 1:m.end]:
        if tok.pos_ == "ADP":
            return
        country = ctx.demonym(tok) if tok.text[:1].islower() else None
        if country and normalize_name(ctx.doc[m.start:tok.i].text) in _gazetteer(ctx.lex):
            return  # "Conseil constitutionnel français": the body's name without its adjective
        if country and country.lower() not in ctx.lex.words("unions_of_states"):
            yield from ctx.relation((outer.id, ""), "BASED_IN", (ctx.country_cluster(country), ""), tok.lemma_.lower(),
                                    tok, "inner", "asserted")
            return


def _long_form(ctx: Context, m: Mention, head: str) -> bool:
    """ "Organisation des Nations unies" is the long form of "Nations unies", not a unit of it."""
    return head in ctx.lex.words("long_form_heads") and m.start + 3 >= m.end - 2


def _name_at(ctx: Context, m: Mention, k: int, prep: Token, heads: set[str]) -> tuple[int, int] | None:
    """The inner name starting at token ``k`` of the mention (whose head words are ``heads``): its
    cluster (found or added) and end."""
    doc = ctx.doc
    if not doc[k].text[:1].isupper():
        return None
    known = _gazetteer(ctx.lex)
    by_name = {normalize_name(x): c.id for c in ctx.clusters for x in (c.name, *c.aliases)
               if c.id != m.cluster and c.mentions}
    for end in range(m.end, k, -1):
        span = doc[k:end]
        if not span[-1].text[:1].isupper() and not span[-1].is_alpha:
            continue
        key = normalize_name(span.text)
        if key in by_name:
            return by_name[key], end
        if key in known:
            return _cluster(ctx, span.text, known[key]), end
    # "le tribunal de Paris", "les CRS de Courchevel": a name after "de" ending the mention is its seat
    # "le Conseil départemental de Vaucluse", "le gouvernement local du Pendjab": a local body's place
    tail = doc[k:m.end]
    seat = not heads.isdisjoint(ctx.lex.words("seat_heads"))
    if not seat and (heads.isdisjoint(ctx.lex.words("local_body_heads")) or any(t.pos_ == "NOUN" for t in tail)):
        return None  # "le département de la Justice": a portfolio, no place
    if any(t.ent_type_ == "PER" for t in tail):
        return None
    if prep.lower_.replace("’", "'") not in ctx.lex.preps("de_du") or any(
            not (t.text[:1].isupper() or t.text == "-") or t.pos_ not in ("PROPN", "PUNCT", "NOUN", "X", "DET") for t in tail):
        return None
    before = doc[prep.i - 1]
    if before.pos_ == "PROPN" and before.text[:1].isupper() and doc[prep.i - 2].pos_ == "PROPN" \
            and doc[prep.i - 2].text[:1].isupper():
        return None  # "Fondation Charles de Gaulle": a person's name
    return _cluster(ctx, tail.text, "Location"), m.end


def _cluster(ctx: Context, name: str, kind: str) -> int:
    """The cluster of an inner name, added to the document when the text names it nowhere else
    (by none of its listed names: "Nations unies" is the ONU)."""
    keys = {normalize_name(name), normalize_name(ctx.lex.canonical.get(name, name))}
    for c in ctx.clusters:
        if c.mentions and not keys.isdisjoint(normalize_name(x) for x in (c.name, *c.aliases)):
            return c.id
    key = normalize_name(name)
    if kind == "Country":
        return ctx.country_cluster(_gazetteer_name(ctx.lex, key) or name)
    tag = f"{kind}:{key}"
    if tag not in ctx.extra_clusters:
        cid = len(ctx.clusters)
        ctx.clusters.append(Cluster(cid, [], name, kind))
        ctx.extra_clusters[tag] = cid
    return ctx.extra_clusters[tag]


def _gazetteer(lex: Lexicon) -> dict[str, str]:
    """Folded names of the gazetteer -> entity type."""
    if id(lex) not in _known:
        names: dict[str, str] = {}
        for c in lex.countries:
            for n in (c.name, *c.other_names):
                names[normalize_name(n)] = "Country"
        for n in lex.governments:
            names.setdefault(normalize_name(n), "Government")
        for n in lex.organizations:
            names.setdefault(normalize_name(n), "Organization")
        _known[id(lex)] = names
    return _known[id(lex)]


def _gazetteer_name(lex: Lexicon, key: str) -> str | None:
    """The country's name as the gazetteer writes it, for any of its names."""
    for c in lex.countries:
        if key in {normalize_name(n) for n in (c.name, *c.other_names)}:
            return c.name
    return None


def _institutions(ctx: Context) -> Iterator[RawRelation]:
    """ "la Maison Blanche", "l'Élysée": PART_OF their country when the text names it."""
    countries = {c.name: c.id for c in ctx.clusters if c.type == "Country"}
    institutions = {normalize_name(n) for n in ctx.lex.data.get("named_institutions", ())}
    done: set[int] = set()
    for m in ctx.mentions:
        if m.source != "gazetteer" or not m.country or m.cluster in done or ctx.clusters[m.cluster].type != "Government":
            continue
        if m.country in countries and normalize_name(m.text) in institutions:
            done.add(m.cluster)
            yield from ctx.relation((m.cluster, ""), "PART_OF", (countries[m.country], ""), m.text.lower(),
                                    ctx.doc[m.start], "inner", "asserted")
