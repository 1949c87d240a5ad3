"""Nationality: what an adjective of nationality says of the entity it describes.

"le Trésor américain" (PART_OF the country), "le groupe chinois Huawei", "le chinois Sinochem",
"EDF, son concurrent français," (BASED_IN), "le milliardaire tchèque X", "l'Italien X" (a person
BASED_IN), and
the same said of descriptions that refer back ("Pékin reproche au groupe américain ...", "le
président chinois" LEADS China); "le groupe de Seattle" says where it is based and "la
plateforme d'Elon Musk" who owns it. Read once a document, after the tokens.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Span, Token

from kg.extract.arguments import complements
from kg.extract.constructions.titles import former
from kg.extract.context import Arg, Context, RawRelation
from kg.extract.mentions import Mention, compound_lemma, positions
from kg.extract.modality import modality


def read(ctx: Context) -> Iterator[RawRelation]:
    """The nationalities of named entities, then of the descriptions that refer back."""
    yield from _named(ctx)
    yield from _described(ctx)
    yield from _branches(ctx)


def _named(ctx: Context) -> Iterator[RawRelation]:
    doc = ctx.doc
    company_cues = ctx.lex.words("company_cues")
    person_nouns = {w for w, t in ctx.lex.coref_nouns.items() if t == "Person"}
    for m in ctx.mentions:
        c = ctx.clusters[m.cluster]
        span = doc[m.start:m.end]
        if c.type == "Person":  # "le milliardaire tchèque Daniel Kretinsky" (a title says whom one heads)
            if m.start >= 2 and _article(doc[m.start - 2]) and _people_word(ctx, doc[m.start - 1]):
                yield from based_in(ctx, (c.id, ""), [doc[m.start - 1]])  # "l'Italien Antonio Tajani"
                continue
            i = m.start - 1
            while i > 0 and doc[i].text[:1].islower() and ctx.demonym(doc[i]):
                i -= 1
            cue = doc[i]
            if cue.dep_ == "conj" and cue.head.i < cue.i and cue.head.pos_ == "NOUN":
                cue = cue.head  # "le banquier et [philanthrope] américain X" (the parser's adjective)
            # "le milliardaire tchèque X", "l'homme d'affaires tchèque X", "l'homme politique français X"
            compounds = {doc[i - k:i + 1].text.lower().replace("’", "'") for k in (1, 2) if i >= k}
            listed = (cue.lemma_.lower() in person_nouns or bool(compounds & person_nouns)) and not ctx.title_of(doc, cue)
            in_title = i >= 2 and doc[i - 1].lower_ in ctx.lex.preps("of") and bool(ctx.title_of(doc, doc[i - 2]))
            if i < m.start - 1 and not in_title and (listed or (_occupation(ctx, cue) and _introduces(cue, span))):
                # (not a title's complement: "le préfet de police parisien X" is the title's place)
                for holder in [c.id, *_listed_after(ctx, m, cue)]:
                    yield from based_in(ctx, (holder, ""), doc[i + 1:m.start])
                continue
            # described right after: "X, journaliste américain," (a bare noun: "X, une affaire
            # française" is said of an event)
            yield from based_in(ctx, (c.id, ""), _apposed(ctx, span, lambda t: _occupation(ctx, t), bare=True))
            found = _occupation_place(ctx, span)
            if found is not None:  # "X, pharmacien à Pertuis,"
                place, noun = found
                yield from ctx.relation((c.id, ""), "BASED_IN", place, noun.lemma_.lower(), noun, "nationality", "asserted")
            continue
        if c.type == "Government":
            adjs = [t for t in span if ctx.demonym(t)]
            adjs += [a for t in span for a in t.children if a.dep_ == "amod" and ctx.demonym(a)]
            if adjs:
                place = ctx.demonym(adjs[0])
                country = ctx.country_cluster(place)
                # a state body seated in a city or region is based there ("le parquet parisien"); a
                # country's bodies, and a city's own ("la police parisienne"), are part of it
                seated = ctx.lex.demonym_type(place) != "Country" and doc[m.start].lower_ in ctx.lex.words("state_seat_heads")
                yield from ctx.relation((c.id, ""), "BASED_IN" if seated else "PART_OF", (country, ""),
                                        adjs[0].lemma_.lower(), adjs[0], "nationality", "asserted")
        elif c.type in ("Company", "Organization"):
            if m.start >= 2 and _article(doc[m.start - 2]) and _people_word(ctx, doc[m.start - 1]):
                # "le chinois Sinochem", "l'Américain Nvidia", "filiale du japonais Toshiba"
                yield from based_in(ctx, (c.id, ""), [doc[m.start - 1]])
                continue
            first = m.start  # "le quotidien suisse [Le] Temps": the article is the name's
            if m.start >= 2 and doc[m.start - 1].pos_ == "DET" and doc[m.start - 1].text[:1].isupper() \
                    and doc[m.start - 2].text[:1].islower():
                first -= 1
            cue = doc[first - 1] if first > 0 else None
            while cue is not None and (cue.text[:1].islower() or cue.text == "-") and cue.i > 1:
                if cue.pos_ == "ADJ" or ctx.demonym(cue) or ctx.lex.countries_of(cue):
                    cue = cue.nbor(-1)  # "le laboratoire [danois] X", tagged as the NER saw it
                elif cue.text == "-" and ctx.lex.countries_of(cue.nbor(-1)):
                    cue = cue.nbor(-1)  # "le constructeur germano[-]américain X"
                elif cue.pos_ in ("NOUN", "ADV") and cue.nbor(-1).lower_ in ctx.lex.preps("de"):
                    cue = cue.nbor(-2)  # "le fabricant chinois [de drones] DJI"
                else:
                    break
            if cue is not None and (compound_lemma(cue) in company_cues
                                    or (_kind_of_body(ctx, cue) and _introduces(cue, span))) \
                    and any(ctx.demonym(t) for t in doc[cue.i:first]):
                for holder in [c.id, *_listed_after(ctx, m, cue)]:
                    yield from based_in(ctx, (holder, ""), doc[cue.i:first])
                continue
            # "le Hezbollah libanais": the adjective after the name
            if m.end < len(doc) and doc[m.end].text.islower() and doc[m.end].pos_ == "ADJ" and ctx.demonym(doc[m.end]) \
                    and _agrees(doc[m.end - 1], doc[m.end]):
                yield from based_in(ctx, (c.id, ""), [doc[m.end]])
                continue
            # described right after: "EDF, son concurrent français,", "X, une association burundaise"
            yield from based_in(ctx, (c.id, ""), _apposed(ctx, span, lambda t: compound_lemma(t) in company_cues
                                                          or _kind_of_body(ctx, t)))


def _listed_after(ctx: Context, m: Mention, cue: Token) -> list[int]:
    """The names listed right after ``m`` when a plural noun introduces them all: "les physiciens
    britanniques A, B et C", "les groupes français Renault et PSA" (of the first one's type; none
    after a singular noun: "le groupe français Renault et Nissan")."""
    if "Plur" not in cue.morph.get("Number"):
        return []
    doc, kind = ctx.doc, ctx.clusters[m.cluster].type
    out, j = [], _past_parenthesis(doc, m.end)
    while j + 1 < len(doc) and (doc[j].text == "," or doc[j].lower_ in ctx.lex.words("coordinators")):
        nxt = ctx.mention_at.get(j + 1)
        if nxt is None or nxt.start != j + 1 or ctx.clusters[nxt.cluster].type != kind:
            break
        out.append(nxt.cluster)
        if doc[j].text != ",":
            return out  # "et" closes the list
        j = _past_parenthesis(doc, nxt.end)
    return []  # no "et" closes it: "Comme les banques américaines JPMorgan, BNP Paribas a ..." lists nothing


def _past_parenthesis(doc, j: int) -> int:
    """Past a short parenthesis right at ``j`` ("A (82 ans), B"), or ``j``."""
    if j < len(doc) and doc[j].text == "(":
        close = next((t.i for t in doc[j:min(j + 8, len(doc))] if t.text == ")"), None)
        if close is not None:
            return close + 1
    return j


def _people_word(ctx: Context, tok: Token) -> bool:
    """A word of nationality, not the country's own name ("le secrétaire d'État du Vatican X")."""
    country = ctx.demonym(tok)
    return country is not None and country.lower() != tok.lower_


def _article(tok: Token) -> bool:
    """A singular article, or one contracted with its preposition ("du", "au"; "des Français Marine
    Le Pen" is the French people, before a name of its own)."""
    return (tok.pos_ == "DET" or "Def" in tok.morph.get("Definite")) and "Plur" not in tok.morph.get("Number")


def _introduces(cue: Token, name: Span) -> bool:
    """The noun before the name describes it, unless its phrase is a complement opening the clause
    whose subject the name is: "D'après la presse israélienne X aurait ...", "Sur le marché
    allemand X reste ..." (no comma after the phrase)."""
    doc = cue.doc
    i = cue.i - 1
    while i >= 0 and doc[i].pos_ in ("DET", "ADJ"):
        i -= 1
    if not (i >= 0 and doc[i].pos_ == "ADP" and name.end < len(doc) and doc[name.end].pos_ in ("AUX", "VERB")):
        return True
    verb = doc[name.end] if doc[name.end].pos_ == "VERB" else doc[name.end].head
    # the verb after the name has no subject but the name or the noun (the parser's guesses differ)
    return not (any(t.dep_.startswith("nsubj") for t in (cue, name.root))
                or not any(c.dep_.startswith("nsubj") for c in verb.children))


def _apposed(ctx: Context, name: Span, kind: Callable[[Token], bool], bare: bool = False) -> list[Token]:
    """The nationality of a noun in apposition right after a name (", (DET) (ADJ) NOUN <nationality>"),
    when ``kind`` accepts the noun; with ``bare`` (a person), only a noun with no article and not
    after a complement ("l'épouse de X, journaliste iranienne" is said of the wife); a body's
    ("du Front al-Nosra, la branche syrienne du réseau") may follow one."""
    doc = ctx.doc
    j = _apposition_start(ctx, name)
    if j is None or (bare and any(c.dep_ == "case" for c in name.root.children)):
        return []
    if doc[j].pos_ == "DET":
        if bare:
            return []
        j += 1
    while j < len(doc) and doc[j].pos_ == "ADJ" and not ctx.demonym(doc[j]):
        j += 1
    k = j + 1  # past a kind's own adjective: "premier groupe automobile français"
    while k < min(j + 3, len(doc) - 1) and doc[k].pos_ == "ADJ" and doc[k].text.islower() and not ctx.demonym(doc[k]):
        k += 1
    if "Plur" in doc[j].morph.get("Number") and not (name.start > 0 and doc[name.start - 1].lower_ in ctx.lex.words("coordinators")):
        return []  # the next item of a list ("Renault, les hôpitaux britanniques et ..."), unless the
        # name ends a list it describes ("Dassault et Thales, les groupes français")
    if k < len(doc) and kind(doc[j]) and doc[k].text.islower() and ctx.demonym(doc[k]) \
            and not (k + 1 < len(doc) and doc[k + 1].text[:1].isupper()):  # ", le fonds américain KKR" is KKR's
        return [doc[k]]
    return []


def _apposition_start(ctx: Context, name: Span) -> int | None:
    """Where the apposition after a name's comma starts, past an age ("X, 40 ans, ressortissant
    algérien") or a parenthesis ("X (1945-2015), musicien britannique"); None when no comma
    follows the name."""
    doc = ctx.doc
    end = name.end
    if end < len(doc) and doc[end].text == "(":  # "X (1945-2015), musicien britannique"
        close = next((t.i for t in doc[end + 1:min(end + 16, len(doc))] if t.text in ("(", ")", "\n")), None)
        if close is not None and doc[close].text == ")":
            end = close + 1
    if end + 3 < len(doc) and doc[end].text == "," and doc[end + 1].like_num \
            and doc[end + 2].lower_ in ctx.lex.words("age_words") and doc[end + 3].text == ",":
        end += 3
    return end + 1 if end + 1 < len(doc) and doc[end].text == "," else None


def _occupation_place(ctx: Context, name: Span) -> tuple[Arg, Token] | None:
    """The place of a person's occupation in apposition, and the occupation's noun: "X, pharmacien à
    Pertuis," (a bare noun, then "à" and the place; not "X, journaliste au Monde", a company)."""
    doc = ctx.doc
    j = _apposition_start(ctx, name)
    if j is None or j + 2 >= len(doc) or not _occupation(ctx, doc[j]) \
            or doc[j + 1].lower_ not in ctx.lex.preps("in") or doc[j].lemma_.lower() in ctx.lex.words("not_residence_nouns") \
            or any(c.dep_ == "case" for c in name.root.children):
        return None  # (not "otage au Mali", "médaillé à Tokyo"; not "l'épouse de X, infirmière à Lyon")
    k = j + 2
    if doc[k].pos_ == "DET":
        k += 1
    if k in ctx.mention_at and k in ctx.token_cluster and ctx.clusters[ctx.token_cluster[k]].type in ("Location", "Country"):
        return (ctx.token_cluster[k], ""), doc[j]
    return None


def _agrees(name: Token, adj: Token) -> bool:
    """An adjective after a name is said of it: a singular name, neither number nor gender against
    it ("le secrétaire général des Nations unies sud-coréen" is not said of the Nations unies; "les
    Kurdes irakiens" are a people, not a body)."""
    if "Plur" in name.morph.get("Number"):
        return False
    return all(not (name.morph.get(f) and adj.morph.get(f) and set(name.morph.get(f)).isdisjoint(adj.morph.get(f)))
               for f in ("Number", "Gender"))


def _kind_of_body(ctx: Context, tok: Token) -> bool:
    """ ``tok`` is a common noun saying what kind of body a name is ("le quotidien suisse X",
    "l'agence de presse syrienne X"); not a title ("le patron américain X" is a person)."""
    return tok.pos_ == "NOUN" and tok.text.islower() and not ctx.title_of(ctx.doc, tok)


def _occupation(ctx: Context, tok: Token) -> bool:
    """ ``tok`` is a common noun saying what a person does, not a role in a body the nationality
    would name ("le boxeur américain X", "la journaliste américaine X", "l'ancien espion russe X";
    not "le président américain X", who leads the country, nor "le ministre français X", nor
    "l'ambassadeur britannique X", who serves it)."""
    if tok.pos_ != "NOUN" or not tok.text.islower():
        return False
    title = ctx.title_of(ctx.doc, tok)
    return title is None or (ctx.titles.get(title) == "WORKS_FOR" and title not in ctx.lex.words("portfolio_titles")
                             and title not in ctx.lex.words("state_titles"))


def _described(ctx: Context) -> Iterator[RawRelation]:
    """Descriptions that refer back with a nationality: "Pékin reproche au groupe américain ..."."""
    doc = ctx.doc
    described = [(i, cid, how) for i, (cid, how) in ctx.coref.items()]
    described += [(i, cid, "description") for i, cids in ctx.plural.items() for cid in cids]
    for i, cid, how in described:
        tok = doc[i]
        if how != "description" or tok.pos_ != "NOUN":
            continue
        adjs = [a for a in tok.children if a.dep_ == "amod" and ctx.demonym(a)]
        kind = ctx.clusters[cid].type
        if kind in ("Company", "Organization"):
            for other in complements(ctx, tok, ctx.lex.preps("of_place")):
                other_kind = ctx.clusters[other[0]].type
                if other_kind in ("Location", "Country") and other[0] != cid:  # "le groupe de Seattle"
                    yield from ctx.relation((cid, how), "BASED_IN", other, tok.lemma_.lower(), tok, "nationality",
                                            "asserted")
                elif other_kind == "Person" and len(ctx.clusters[other[0]].name.split()) > 1:
                    # "la plateforme d'Elon Musk"; not "le géant de Redmond", a town the NER took
                    # for a person (a person known by one word only)
                    yield from ctx.relation(other, "OWNS", (cid, how), tok.lemma_.lower(), tok, "noun", "asserted")
        if adjs and kind in ("Company", "Organization"):
            yield from based_in(ctx, (cid, how), adjs)
        elif adjs and kind == "Person" and ctx.title_of(doc, tok) in ctx.lex.words("head_of_state_titles"):
            if former(ctx, tok):
                continue  # "X fut le premier président haïtien à ...": a past role
            country = ctx.country_cluster(ctx.demonym(adjs[0]))  # "le président chinois"
            yield from ctx.relation((cid, how), "LEADS", (country, ""), ctx.title_of(doc, tok), tok,
                                    "title", "asserted")
        elif adjs and kind == "Person" and not ctx.title_of(doc, tok):
            yield from based_in(ctx, (cid, how), adjs)  # "le milliardaire tchèque"
        elif adjs and kind == "Government":
            country = ctx.country_cluster(ctx.demonym(adjs[0]))
            yield from ctx.relation((cid, how), "PART_OF", (country, ""), adjs[0].lemma_.lower(), adjs[0],
                                    "nationality", "asserted")


def _branches(ctx: Context) -> Iterator[RawRelation]:
    """ "la branche syrienne d'Al-Qaïda", "la filiale française de X": the parent operates in the
    country of the branch."""
    doc = ctx.doc
    for i in positions(doc, "LOWER", [doc.vocab.strings[w] for w in ctx.lex.words("branch_nouns")]):
        tok = doc[i]
        adjs = [a for a in tok.children if a.dep_ == "amod" and ctx.demonym(a)]
        verb = tok.head
        if not adjs or modality(ctx.lex, verb) == "negated" or ctx.lemma_in(verb, ctx.lex.words("closing_verbs")):
            continue  # "la filiale française de X a fermé", "n'existe plus"
        for parent in complements(ctx, tok, ctx.lex.preps("of")):
            if ctx.clusters[parent[0]].type in ("Company", "Organization"):
                for a in adjs:
                    for country in ctx.lex.countries_of(a):
                        yield from ctx.relation(parent, "OPERATES_IN", (ctx.country_cluster(country), ""),
                                                tok.lemma_.lower(), tok, "nationality", "asserted")


def based_in(ctx: Context, holder: Arg, words: Iterable[Token]) -> Iterator[RawRelation]:
    """``holder`` BASED_IN the country of each nationality adjective among ``words``."""
    for a in words:
        for country in ctx.lex.countries_of(a):
            yield from ctx.relation(holder, "BASED_IN", (ctx.country_cluster(country), ""), a.lemma_.lower(), a,
                                    "nationality", "asserted")
