"""Titles and appositions: who holds a role in which organisation or country.

"le PDG de Microsoft Satya Nadella", "Isabelle Kocher, directrice générale d'Engie", "son
directeur général X", "X a été élu président de Y", "le président américain Donald Trump" (LEADS
the country of the adjective), "Renault a nommé X directeur général". Titles and the relation
each gives are ``person_titles`` in the lexicon; a former role ("l'ancien PDG") gives none.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.agreement import word_gender
from kg.extract.antecedents import possessor
from kg.extract.arguments import apposed_name, complements, expand, named_before, passive, past_qualifier, prep_args
from kg.extract.context import SUBJ, Arg, Context, RawRelation, has_case, possessive
from kg.extract.mentions.words import title_size
from kg.extract.modality import modality
from kg.extract.triggers import trigger_at

ORG_TYPES = ("Company", "Government", "Organization", "Country")


def read(ctx: Context, tok: Token) -> Iterator[RawRelation]:
    """A title noun at ``tok``: its holders LEAD (or work for, or founded) its organisation."""
    title = ctx.title_of(ctx.doc, tok)
    if not title or tok.i in ctx.token_cluster or _inside_longer(ctx, tok):
        return
    last = _last_word(ctx, tok, title)  # "rédacteur en [chef] du Journal du Dimanche"
    if any(i in ctx.token_cluster for i in range(tok.i + 1, last.i + 1)):
        # "le président du [Conseil européen]": a name is the complement, the title is the first word
        title, last = next((t for t in (tok.lower_, tok.lemma_.lower()) if t in ctx.titles), ""), tok
        if not title:
            return
    rtype = ctx.titles[title]
    if rtype == "LEADS" and last.i + 1 < len(ctx.doc) and ctx.doc[last.i + 1].lower_ in ctx.lex.words("deputy_markers"):
        rtype = "WORKS_FOR"  # "rédacteur en chef adjoint", "directeur général délégué": a deputy
    first = tok.nbor(-1) if tok.i > 0 and " " in title and title.split()[-1] == tok.lower_ else tok
    if marked_former(ctx, first) or (rtype != "FOUNDED" and _held_before(ctx, first)):
        return  # "l'ancien patron du constructeur", "X a été président de Y": a past role (a founding stays)
    if tok.dep_ == "conj" and tok.head.i < tok.i and ctx.title_of(ctx.doc, tok.head) and former(ctx, tok.head) \
            and _bare_conjunct(ctx, tok) and not any(c.dep_ == "cop" for c in tok.children):
        return  # "ancien directeur général et président de X": both past
    holders = _holders(ctx, tok)
    persons = [c for c in holders if ctx.clusters[c[0]].type == "Person" and not _other_line(ctx, tok, c[0])]
    if holders and not persons:  # the name after is on the next line: the one before holds it
        persons = [c for c in named_before(ctx, tok) if ctx.clusters[c[0]].type == "Person"]
    if not persons or (len(persons) == 1 and _plural_title(tok) and ctx.position(persons[0][0], tok) < tok.i):
        return  # (one person named before holds no "X, les commissaires du Tour")
    # a mayor or a governor leads the place ("le maire de Tignes", "le Premier ministre du Québec")
    types = (*ORG_TYPES, "Location") if title in ctx.lex.words("place_titles") else ORG_TYPES
    of = ctx.lex.preps("of")
    found = complements(ctx, tok, of) or complements(ctx, last, of) or complements(ctx, _shared(ctx, tok), of)
    orgs = [x for x in found if ctx.clusters[x[0]].type in types]
    unit = _unit(ctx, last)
    if unit is not None:
        # "le directeur du bureau Afrique de la FIDH", "le chef de mission de MSF": one heads a unit
        # of the body and works for the body
        orgs = [x for x in orgs if ctx.clusters[x[0]].type != "Country"] or _unit_bodies(ctx, unit)
        rtype = "WORKS_FOR" if orgs else rtype
    if not orgs and rtype == "LEADS":
        # "le président de la région Nouvelle-Aquitaine": the head of a region, a province, leads it
        classifiers = ctx.lex.words("place_classifiers")  # the classifier right before the name, within the title's reach
        # or the first word of the name ("le chef de la République de Tchétchénie")
        orgs = [x for x in found if ctx.clusters[x[0]].type == "Location"
                and any(tok.i < m.start <= tok.i + 6 and (ctx.doc[m.start - 1].lower_ in classifiers
                                                          or (m.end - m.start > 1 and ctx.doc[m.start].lower_ in classifiers))
                        for m in ctx.clusters[x[0]].mentions)]
        if not orgs:  # "le gouverneur de la province du Nord-Kivu"
            of = ctx.lex.preps("of")
            orgs = [x for c in tok.children if c.dep_ == "nmod" and c.lemma_.lower() in classifiers and ctx.case(c) in of
                    for x in prep_args(ctx, c, of) if ctx.clusters[x[0]].type == "Location"]
    if not orgs and rtype == "WORKS_FOR":
        # "journaliste au Monde", "professeure à l'Université Concordia": where a staff member works
        # (not "l'ambassadeur britannique à l'ONU": an envoy is posted there, and works for his
        # state; "ambassadeur chez Nike" works for Nike)
        at = ctx.lex.preps("at_employer")
        if title in ctx.lex.words("envoy_titles"):
            at = tuple(p for p in at if p not in ctx.lex.preps("to"))
        orgs = [x for x in complements(ctx, tok, at)
                if ctx.clusters[x[0]].type in ("Company", "Organization", "Government")]
    if not orgs and title in ctx.lex.words("portfolio_titles"):
        orgs = _ministry(ctx, tok)  # "le ministre de l'Intérieur X" leads "le ministère de l'Intérieur"
    if not orgs and not possessive(tok):
        # "responsable de la communication à la mairie de Nice": where one holds a remit, one works
        orgs = _employer_after_remit(ctx, tok)
        rtype = "WORKS_FOR" if orgs else rtype
    if not orgs and possessive(tok):
        # "son directeur général X": the organisation is the possessor named before; "le gouvernement,
        # par la voix de son ministre des Affaires étrangères X": a minister works for it
        owners = ("Company", "Organization") if rtype == "FOUNDED" else ("Company", "Organization", "Government")
        # the staff a person has too ("Les avocats de X ... Son avocat Y"): the one meant may be a
        # person, and then no body is
        staff = title in ctx.lex.words("personal_staff_titles")
        orgs = [o for o in possessor(ctx, tok, (*owners, "Person") if staff else owners)
                if ctx.clusters[o[0]].type in owners]
        governments = ctx.lex.words("government_words")
        if orgs and title in ctx.lex.words("portfolio_titles") and all(
                ctx.doc[m.start].lower_ in governments for m in ctx.clusters[orgs[0][0]].mentions):
            rtype = "WORKS_FOR"  # a government's minister (the ministry's own leads it)
    mod = "negated" if modality(ctx.lex, tok) == "negated" else "asserted"
    future = ctx.lex.words("future_title_markers")
    if mod == "asserted" and (any(c.dep_ == "amod" and c.lower_ in future for c in first.children)
                              or (first.i > 0 and ctx.doc[first.i - 1].lower_ in future)):
        mod = "hedged"  # "son futur directeur général X", "X, le prochain patron de Y": a planned role
    if _nominated_as(ctx, tok):
        # "la nomination de X comme PDG de Y": what is said of the nomination ("éventuelle", "pourrait
        # être annoncée") is said of the role; a nomination blocked or rejected gives none
        nomination = tok.head
        if _withheld(ctx, nomination.head):
            return
        mod = modality(ctx.lex, nomination)
        if mod == "asserted" and nomination.dep_ in ("nsubj", "nsubj:pass") \
                and modality(ctx.lex, nomination.head) == "hedged":
            mod = "hedged"  # "la nomination de X ... pourrait être annoncée lundi" (not "n'a pas surpris")
    label = _party_label(ctx, tok)
    if label is not None:
        # "le député LR X", "le candidat PS": the party label after the title is the person's party
        for p in persons:
            yield from ctx.relation(p, "WORKS_FOR", label, title, tok, "title", mod)
    yield from _appointed_by(ctx, tok, persons, orgs, mod)
    portfolio = title in ctx.lex.words("portfolio_titles")
    for p in persons:
        for o in orgs:
            kind = rtype
            if ctx.clusters[o[0]].type == "Country" and (rtype == "WORKS_FOR" or portfolio):
                # "l'ambassadeur de Russie", "le vice-président du Burundi", "le ministre de l'Intérieur
                # du Gabon": an official works for the country's government when the text names it,
                # and has no relation with the country (a minister leads no country)
                government = ctx.government_of(ctx.clusters[o[0]].name)
                if government is None:
                    continue
                o, kind = (government, o[1]), "WORKS_FOR"
            yield from ctx.relation(p, kind, o, title, tok, "title", mod)
    if orgs:
        return
    if portfolio:
        # "le ministre iranien des Transports" works for "le gouvernement iranien" the text names
        for country in _countries(ctx, tok, title):
            government = ctx.government_of(country)
            if government is not None:
                for p in persons:
                    yield from ctx.relation(p, "WORKS_FOR", (government, ""), title, tok, "title", mod)
    if title in ctx.lex.words("head_of_state_titles"):
        # "le président américain X" leads the country of the adjective
        for country in _countries(ctx, tok, title):
            for p in persons:
                yield from ctx.relation(p, "LEADS", (ctx.country_cluster(country), ""), title, tok, "title", mod)


def _plural_title(tok: Token) -> bool:
    """A title in the plural with a plural article: "les commissaires du Tour", "des dirigeants"."""
    return "Plur" in tok.morph.get("Number") and any(
        c.dep_ == "det" and "Plur" in c.morph.get("Number") for c in tok.children)


def _unit(ctx: Context, tok: Token) -> Token | None:
    """The unit of a body a title names right after it ("directeur [du bureau] ...", "chef [de
    mission] ...", "le porte-parole [du service] de presse ...")."""
    of = ctx.lex.preps("of")
    units = ctx.lex.words("unit_nouns") | ctx.lex.words("facility_nouns")
    for c in tok.children:
        if c.dep_ == "nmod" and c.i <= tok.i + 3 and c.lemma_.lower() in units and c.i not in ctx.token_cluster \
                and ctx.case(c) in of and c.text.islower() \
                and (c.lemma_.lower() in ctx.lex.words("facility_nouns")
                     or not any(n.i in ctx.token_cluster and not ctx.case(n)
                                and ctx.clusters[ctx.token_cluster[n.i]].type not in ("Location", "Country")
                                for n in c.children)):
            # not a unit named itself: "le directeur de l'équipe Alpine" leads it ("du bureau
            # Afrique" is one); a plant is the company's: "le directeur de l'usine Renault de Flins"
            return c
    for c in tok.children:
        # "attaché de presse du gouvernement russe": a title's own common-noun complement
        # "déléguée à la culture du Conseil départemental": a remit, after "à" and its article
        # (not a candidacy: "candidat à la reprise de Casino" works for no one)
        remit = ctx.case(c) in ctx.lex.preps("to") and c.i <= tok.i + 3 and not _aspiring(ctx, tok)
        if c.dep_ in ("nmod", "obl:arg") and (c.i <= tok.i + 2 or remit) and c.pos_ == "NOUN" \
                and c.i not in ctx.token_cluster and (ctx.case(c) in of or remit) and c.text.islower() \
                and (remit or not any(d.dep_ == "det" for d in c.children)) and not ctx.title_of(ctx.doc, c) \
                and _unit_bodies(ctx, c):
            return c
    return None


def _employer_after_remit(ctx: Context, tok: Token) -> list[Arg]:
    """The body named after "à" past the title's own complement: "responsable [de la communication]
    à la mairie de Nice", "directeur des opérations aux Galeries Lafayette"."""
    doc = ctx.doc
    of, at = ctx.lex.preps("of"), ctx.lex.preps("to")
    i = tok.i + 1
    if i >= tok.sent.end or doc[i].lower_.replace("’", "'") not in of or _aspiring(ctx, tok):
        return []  # (not "candidate de la droite à la mairie de Paris": she runs for it)
    i += 1
    while i < min(tok.i + 7, tok.sent.end) and i not in ctx.token_cluster and doc[i].text[:1].islower() \
            and doc[i].pos_ in ("DET", "NOUN", "ADJ", "ADP") and doc[i].lower_ not in at:
        i += 1
    if i >= tok.sent.end or doc[i].lower_ not in at:
        return []
    i += 1
    while i < tok.sent.end and doc[i].pos_ == "DET":
        i += 1
    if i in ctx.token_cluster and ctx.clusters[ctx.token_cluster[i]].type in ("Company", "Organization", "Government"):
        return [(ctx.token_cluster[i], "")]
    return []


def _aspiring(ctx: Context, tok: Token) -> bool:
    """A title one runs for, not one holds: "candidat", "candidate"."""
    return not {tok.lemma_.lower(), tok.lower_}.isdisjoint(ctx.lex.words("aspiring_titles"))


def _unit_bodies(ctx: Context, unit: Token) -> list[Arg]:
    """The bodies a unit belongs to: its "de" complements, or theirs ("du bureau des communications
    du gouvernement du Qatar")."""
    of = ctx.lex.preps("of")
    bodies = ("Company", "Organization", "Government")
    found = [x for x in prep_args(ctx, unit, of) if ctx.clusters[x[0]].type in bodies]
    if not found:
        found = [x for c in unit.children if c.dep_ == "nmod" and c.pos_ == "NOUN" and c.i not in ctx.token_cluster
                 and ctx.case(c) in of for x in prep_args(ctx, c, of) if ctx.clusters[x[0]].type in bodies]
    return found


def _countries(ctx: Context, tok: Token, title: str) -> list[str]:
    """The countries of the nationality adjectives of a title: on its noun, right after it ("le
    président américain", "le Premier ministre britannique"), or on the state it names ("la
    présidente de la République slovaque")."""
    after = ctx.doc[tok.i + 1:min(tok.i + 1 + len(title.split()) + 1, len(ctx.doc))]
    states = [c for c in tok.children if c.dep_ == "nmod" and c.lemma_.lower() in ctx.lex.words("republic_nouns")
              and c.i not in ctx.token_cluster and ctx.case(c) in ctx.lex.preps("of")]
    found = (ctx.demonym(adj) for adj in [*tok.children, *after, *(a for s in states for a in s.children)]
             if adj.dep_ == "amod" or adj in after)
    return [country for country in found if country]


def _inside_longer(ctx: Context, tok: Token) -> bool:
    """``tok`` is a word of a longer title that starts before it: the "chef" of "rédacteur en chef"."""
    for j in range(max(0, tok.i - 4), tok.i):
        title = ctx.title_of(ctx.doc, ctx.doc[j])
        if title and title_size(title) > 2 and title.startswith(ctx.doc[j].lower_) and j + title_size(title) > tok.i:
            return True
    return False


def _last_word(ctx: Context, tok: Token, title: str) -> Token:
    """The last word of a title of several words that starts at ``tok`` ("rédacteur en chef",
    "directeur de la rédaction"); ``tok`` itself otherwise."""
    if " " not in title and "'" not in title or not title.startswith(tok.lower_):
        return tok
    return ctx.doc[min(tok.i + title_size(title), tok.sent.end) - 1]


def _shared(ctx: Context, tok: Token) -> Token:
    """The last title coordinated with ``tok``, whose complement both share: "fondateur et président
    de Renault" (``tok`` itself when none is)."""
    last = tok
    for c in tok.children:
        if c.dep_ == "conj" and c.i > last.i and ctx.title_of(ctx.doc, c) and _bare_conjunct(ctx, c):
            last = c
    return last


def _bare_conjunct(ctx: Context, tok: Token) -> bool:
    """A title coordinated with no article nor past marker of its own: one holder holds both
    ("fondateur et président de X"; not "le président X et le directeur de Y, Z", two people, nor
    "député et ancien patron de Y", a past role)."""
    return not any(c.dep_ == "det" for c in tok.children) and not former(ctx, tok)


def appointed_as(ctx: Context, verb: Token, appointer: Arg, person: Arg) -> Iterator[RawRelation]:
    """ "Renault a nommé X directeur général": X then LEADS (or WORKS_FOR) the appointer."""
    if ctx.clusters[appointer[0]].type not in ("Company", "Organization", "Government"):
        return
    for t in verb.subtree:
        title = ctx.title_of(ctx.doc, t) if t.i > verb.i and t.i not in ctx.token_cluster else None
        if title and ctx.titles[title] in ("LEADS", "WORKS_FOR"):
            yield from ctx.relation(person, ctx.titles[title], appointer, title, t, "title", "asserted")
            return


def former(ctx: Context, tok: Token) -> bool:
    """The title or standing is a past one: marked so (:func:`marked_former`) or held before
    (:func:`_held_before`)."""
    return marked_former(ctx, tok) or _held_before(ctx, tok)


def marked_former(ctx: Context, tok: Token) -> bool:
    """The title or standing is marked as a past one: "ancien PDG", "ex-ministre", "l'ex PDG", "ancien allié"."""
    markers = ctx.lex.words("former_markers")
    if tok.lower_.split("-")[0] in markers and "-" in tok.text:
        return True
    i = tok.i - 1
    if i >= 1 and ctx.doc[i].text == "-":
        i -= 1
    return (i >= 0 and ctx.doc[i].lower_ in markers) or any(c.dep_ == "amod" and c.lower_ in markers for c in tok.children) \
        or _then_before(ctx, tok)


def _then_before(ctx: Context, tok: Token) -> bool:
    """ "Alors patron d'Axa, X ...", "l'alors ministre X": "alors" right before the title, where no
    verb precedes it ("X devient alors président" tells when, not that the role ended)."""
    doc = ctx.doc
    i = tok.i - 1
    if i < 0 or doc[i].lower_ not in ctx.lex.words("then_markers"):
        return False
    return i == tok.sent.start or doc[i - 1].pos_ in ("PUNCT", "DET", "CCONJ") or doc[i - 1].lower_.endswith("'")


def _held_before(ctx: Context, tok: Token) -> bool:
    """The title was held and is no more: after a past copula ("X a été député", "avait été"), with
    "alors" ("Il était alors le président de X"), or for a period with an end ("de 1992 à 1993",
    "entre 2001 et 2004"; "jusqu'en 2005" after a copula in the past)."""
    doc = ctx.doc
    past, then = ctx.lex.words("past_copulas"), ctx.lex.words("then_markers")
    copulas = [c for c in tok.children if c.dep_ == "cop"]
    cleft = any(c.dep_ in SUBJ and c.lower_ in ctx.lex.words("cleft_pronouns") for c in tok.children)
    if any(c.lower_ in past for c in copulas) and not cleft:
        return True  # (not "Ce fut le président de Renault, X, qui annonça ...": a narrative past)
    if copulas and any(t.lower_ in then for t in doc[copulas[0].i + 1:tok.i]):
        return True
    openers, closers, until = ctx.lex.words("period_openers"), ctx.lex.words("period_closers"), ctx.lex.words("until_words")

    def year(t: Token) -> bool:
        return t.is_digit and len(t.text) == 4

    for k in range(tok.i + 1, min(tok.i + 12, len(doc) - 2)):
        if doc[k].lower_ in openers and k + 3 < len(doc) and year(doc[k + 1]) and doc[k + 2].lower_ in closers \
                and year(doc[k + 3]):
            return True
        if doc[k].lower_.replace("’", "'") in until and (year(doc[k + 1]) or (doc[k + 1].pos_ == "ADP" and year(doc[k + 2]))) \
                and any(t in c.morph.get("Tense") for c in copulas for t in ("Imp", "Past")):
            return True  # "Il était président de X jusqu'en 2005" (not "présidente jusqu'en 2029": a term)
        if doc[k].is_punct or doc[k].pos_ in ("CCONJ", "VERB", "AUX"):
            return False
    return False


def _party_label(ctx: Context, tok: Token) -> Arg | None:
    """The organisation named right after the title, with no preposition: "député LR",
    "député-maire Les Républicains", "l'élue PS" (a party label, not the body the title heads)."""
    i = tok.i + 1
    while i < len(ctx.doc) and ctx.doc[i].pos_ == "ADJ" and ctx.doc[i].text[:1].islower():
        i += 1
    if i not in ctx.mention_at or i not in ctx.token_cluster or ctx.clusters[ctx.token_cluster[i]].type != "Organization":
        return None
    return (ctx.token_cluster[i], "")


def _hung_on_name(ctx: Context, verb: Token) -> bool:
    """``verb`` hangs on a name before it, with no auxiliary ("X, nommé ...", "X, présenté ...")."""
    return verb.head.i < verb.i and verb.head.i in ctx.token_cluster \
        and not any(c.dep_.startswith("aux") for c in verb.children)


def _nominated_as(ctx: Context, tok: Token) -> bool:
    """The title is the role of a nomination: "la nomination de X comme directeur général de Y"."""
    return ctx.case(tok) in ctx.lex.words("as_words") and tok.head.lemma_.lower() in ctx.lex.words("appointment_nouns")


def _withheld(ctx: Context, verb: Token) -> bool:
    """``verb`` blocks, rejects, bans or attacks what its object says ("Le Sénat a bloqué la
    nomination"; an approved one still holds, unlike :func:`kg.extract.constructions.nouns._decided_on`)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    trigger = trigger_at(ctx, verb)
    return trigger is not None and trigger.kind == "verb" and trigger.rtype in ("BLOCKS", "BANS", "CRITICIZES")


def _headline_participle(ctx: Context, tok: Token, verb: Token) -> bool:
    """ "X élue présidente de Y", a headline parsed with the participle as its verb and X as subject."""
    return verb.dep_ == "ROOT" and verb.lower_ in ctx.lex.words("appointed_participles") \
        and tok.dep_ in ("obl:mod", "obj", "xcomp") and not has_case(tok) \
        and not any(c.dep_.startswith("aux") for c in verb.children)


def _appointed_participle(ctx: Context, verb: Token) -> bool:
    """``verb`` is the participle of an appointment ("nommé", "élu") hung on a name: "X, nommé PDG de
    Y", "X élu président de Y" (the parser makes "élu" a noun at times)."""
    return verb.lower_ in ctx.lex.words("appointed_participles") and verb.dep_ in ("acl", "appos", "nmod") \
        and _hung_on_name(ctx, verb) and not any(c.dep_ == "case" for c in verb.children)


def _described_as(ctx: Context, tok: Token, verb: Token) -> bool:
    """The title is what a participle hung on a name presents it as: "X, présenté comme le chef de
    Y", "X, considéré comme le numéro deux du régime"."""
    return ctx.case(tok) in ctx.lex.words("as_words") and verb.pos_ == "VERB" and "Part" in verb.morph.get("VerbForm") \
        and verb.dep_ in ("acl", "appos") and _hung_on_name(ctx, verb)


def _appointed_by(ctx: Context, tok: Token, persons: list[Arg], orgs: list[Arg], mod: str) -> Iterator[RawRelation]:
    """ "X a été nommé PDG de Y" with no agent: Y appointed X (the body whose role it is)."""
    verb = tok.head
    lemma = ctx.verb_lemma(verb, verb.lemma_.lower())  # "élu" -> "élire"
    hung = (tok.dep_ in ("nmod", "obj") and not has_case(tok) and _appointed_participle(ctx, verb)) \
        or _headline_participle(ctx, tok, verb)  # "X, élu président de Y", "X élue présidente de Y"
    if not (tok.dep_ == "xcomp" and (passive(ctx, verb) or _appointed_participle(ctx, verb)) or hung) \
            or any(c.dep_ == "obl:agent" for c in verb.children) or lemma not in ctx.lex.words("appointing_verbs"):
        return
    # a body elects (the schema's APPOINTS: "élu président du Parlement européen"); a party's members
    # elect its president, not the party
    bodies = ("Company", "Government") if lemma in ctx.lex.words("electing_verbs") else ("Company", "Organization", "Government")
    for o in orgs:
        if ctx.clusters[o[0]].type in bodies:
            for p in persons:
                yield from ctx.relation(o, "APPOINTS", p, lemma, verb, "title", mod)


def _ministry(ctx: Context, tok: Token) -> list[Arg]:
    """The ministry the text names as an entity for the portfolio after a minister's title: "le
    ministre de l'Intérieur" and "le ministère de l'Intérieur" (the same words after the head)."""
    doc, skip = ctx.doc, ctx.lex.words("complement_words")
    words: list[str] = []
    j = tok.i + 1
    while j < len(doc) and j - tok.i <= 5 and j not in ctx.token_cluster \
            and (doc[j].lower_ in skip or doc[j].pos_ in ("NOUN", "ADJ", "PROPN")):
        if doc[j].lower_ not in skip:
            words.append(doc[j].lower_)
        j += 1
    if not words:
        return []
    heads = ctx.lex.words("portfolio_heads")
    for c in ctx.clusters:
        for m in c.mentions:
            if c.type == "Government" and m.end > m.start and doc[m.start].lower_ in heads \
                    and [t.lower_ for t in doc[m.start + 1:m.end] if t.lower_ not in skip] == words:
                return [(c.id, "")]
    return []


def _other_line(ctx: Context, tok: Token, cluster: int) -> bool:
    """The name of ``cluster`` nearest the title is in another paragraph ("— Barack Obama, président
    des États-Unis" then, below, "Ban Ki-moon se dit ..."; a line wrapped inside a sentence is not)."""
    doc = ctx.doc
    spots = [m.start for m in ctx.clusters[cluster].mentions] + [i for i, (c, _) in ctx.coref.items() if c == cluster]
    near = min(spots, key=lambda i: abs(i - tok.i), default=None)  # a name, or a pronoun taking it up
    if near is None:
        return False
    lo, hi = sorted((near, tok.i))
    return any("\n\n" in t.text_with_ws for t in doc[lo:hi])


def _holders(ctx: Context, tok: Token) -> list[Arg]:
    """Who holds the title at ``tok``."""
    doc = ctx.doc
    verb = tok.head
    if any(c.dep_ == "cop" or (c.dep_ == "aux:pass" and c.lemma_.lower() == "être") for c in tok.children):
        # "X est directrice générale de Y", "X était membre du conseil" (a bare title noun after
        # "est" is parsed as a passive at times: a noun has no passive)
        held = [x for c in tok.children if c.dep_ in (*SUBJ, "nsubj:pass") for x in expand(ctx, c)]
        if held:
            return held
    if tok.dep_ == "xcomp" and (passive(ctx, verb) or verb.lemma_.lower() in ctx.lex.words("copular_verbs")) \
            or _headline_participle(ctx, tok, verb):
        # "X a été élu président de Y", "X est devenu directeur de Y"
        held = [x for c in verb.children if c.dep_ in (*SUBJ, "nsubj:pass") for x in expand(ctx, c)]
        if held:
            return held
    if ((tok.dep_ in ("xcomp", "nmod", "obj") and not has_case(tok) and _appointed_participle(ctx, verb))
            or _described_as(ctx, tok, verb)):
        # "X, nommé directeur général de Y, ...", "X élu président de Y" (a headline), "X, présenté
        # comme le chef de Y": the participle hung on the name says what the name is (not "non élu",
        # "bientôt nommé", "présenté à tort comme", "le futur patron")
        unreal = ctx.lex.words("unreal_title_markers")
        if any(t.lower_ in unreal for t in ctx.doc[verb.head.i + 1:tok.i + 1]) \
                or any(c.dep_ in ("amod", "advmod") and c.lower_ in unreal for c in (*tok.children, *verb.children)):
            return []
        return [(ctx.token_cluster[verb.head.i], "")]
    if _nominated_as(ctx, tok):
        # "la nomination de X comme directeur général de Y": the one appointed holds the title
        return [x for x in prep_args(ctx, verb, ctx.lex.preps("of")) if ctx.clusters[x[0]].type == "Person"]
    label = _party_label(ctx, tok)
    apposed = [a for a in apposed_name(ctx, tok) if (label is None or a[0] != label[0])
               and ctx.clusters[a[0]].type == "Person"]  # not a place the parser hung there
    if apposed:
        return apposed
    if (tok.dep_ == "appos" or (tok.dep_ == "nmod" and not has_case(tok))) \
            and tok.head.i in ctx.token_cluster and tok.head.i < tok.i:
        # the name right before, when the parser hung the title on the first of coordinated names
        # ("avec Vladimir Poutine et Patrick Pouyanné, PDG de Total": Pouyanné's)
        nearest = max((c.i for c in tok.head.children if c.dep_ == "conj" and c.i < tok.i and c.i in ctx.token_cluster),
                      default=tok.head.i)
        if any(t.lower_ in ctx.lex.words("respective_words") for t in ctx.doc[tok.head.i:tok.i]):
            nearest = tok.head.i  # "X et Y, respectivement patrons de A et de B": the first title the first's
        return [(ctx.token_cluster[nearest], "")]
    # linear reading: "le PDG [de Danone] Antoine de Saint-Affrique", after the title's last word
    # ("le président du Conseil [italien] Matteo Renzi")
    title = ctx.title_of(doc, tok)
    last = _last_word(ctx, tok, title) if title else tok
    if any(i in ctx.token_cluster for i in range(tok.i + 1, last.i + 1)):
        last = tok  # "le président du [Conseil régional de Bretagne] X": a name is the complement
    nxt = last.i + 1
    while nxt < len(doc) and doc[nxt].pos_ == "ADJ":
        nxt += 1
    nxt = past_qualifier(ctx, nxt)
    if nxt < len(doc) and doc[nxt].lower_ in ctx.lex.preps("de_du"):
        # "le PDG de Danone X", "le porte-parole de la Maison-Blanche, X", "le président de la
        # région Nouvelle-Aquitaine X"
        at = nxt + 1
        noun = False
        for pos in ("DET", "NOUN"):
            if at + 1 < len(doc) and at not in ctx.mention_at and doc[at].pos_ == pos \
                    and (doc[at].text[:1].islower() or doc[at].lower_ in ctx.lex.words("republic_nouns")):
                at += 1
                noun = pos == "NOUN"
        while noun and at + 1 < len(doc) and at not in ctx.mention_at and doc[at].pos_ == "ADJ" \
                and doc[at].text[:1].islower():
            at += 1  # "la présidente de la République slovaque X"
        if at in ctx.mention_at and noun and ctx.clusters[ctx.token_cluster[at]].type == "Person":
            return [(ctx.token_cluster[at], "")]  # "le premier secrétaire du parti X": X holds the title
        if at in ctx.mention_at:
            nxt = ctx.mention_at[at].end
    if title and ctx.titles.get(title) == "WORKS_FOR" and tok.dep_ != "nmod":
        nxt = _past_workplace(ctx, nxt)  # "le chercheur au CNRS X" (not "le mari de la chercheuse au CNRS, X")
    if label is not None and nxt in ctx.mention_at:
        nxt = ctx.mention_at[nxt].end  # "le député LR Jean Durand": the name after the party label
        if nxt < len(doc) and doc[nxt].lower_ in ctx.lex.preps("to"):
            # "le candidat PS [à la présidentielle] Benoît Hamon": the race, then the name
            k = nxt + 1
            while k < min(nxt + 4, len(doc)) and doc[k].is_lower and doc[k].pos_ in ("DET", "NOUN", "ADJ"):
                k += 1
            named = k in ctx.mention_at or (k + 1 < len(doc) and doc[k].text == "," and k + 1 in ctx.mention_at)
            if named and any(doc[j].pos_ == "NOUN" for j in range(nxt + 1, k)):
                nxt = k
    if nxt < len(doc) and nxt in ctx.token_cluster:
        return [(ctx.token_cluster[nxt], "")]
    # the name in apposition after the title: "Son gouverneur, François Villeroy de Galhau,"; not
    # the subject after "Selon le porte-parole de X, Y a dit"
    cases = {(c.text + "".join(f.text for f in c.children if f.dep_ == "fixed")).lower().replace("’", "'")
             for c in tok.children if c.dep_ == "case"}  # "D'" + "après"
    cited = bool(cases & {*ctx.lex.words("source_markers"), "pour"})
    if cited and nxt + 1 in ctx.mention_at:  # "..., selon le maire de Tignes, X." : the name ends the sentence
        end = ctx.mention_at[nxt + 1].end
        cited = end < len(doc) and doc[end].text not in (".", "!", "?", ";", ")")
    elif (cases or ((tok.dep_ in ("obj", "iobj") or tok.dep_.startswith("obl"))
                    and any(c.dep_ == "det" for c in tok.children))) and nxt + 1 in ctx.mention_at:
        # a title governed by a verb or a preposition: the name after its comma is its apposition
        # ("reçu par le président de la République, Emmanuel Macron, qui ..."), not the subject of
        # the next clause ("Interrogé par un journaliste de l'AFP, X a défendu ..."; a bare title
        # put first describes that subject: "Alors patron de Danone, X a soutenu ...")
        end = ctx.mention_at[nxt + 1].end
        cited = end < len(doc) and (doc[end].pos_ in ("VERB", "AUX")
                                    or doc[end].lower_.replace("’", "'") in ("ne", "n'", "se", "s'"))
    # not a title that is another title's complement: "le directeur de cabinet du président de X, Y"
    inner = tok.dep_ == "nmod" and tok.head.i < tok.i and ctx.case(tok) in ctx.lex.preps("of") \
        and bool(ctx.title_of(doc, tok.head))
    if not cited and not inner and nxt < len(doc) - 1 and doc[nxt].text == "," and (nxt + 1) in ctx.token_cluster \
            and ctx.clusters[ctx.token_cluster[nxt + 1]].type == "Person":
        return [(ctx.token_cluster[nxt + 1], "")]
    if tok.dep_ == "conj" and tok.head.i < tok.i and ctx.title_of(doc, tok.head) and _bare_conjunct(ctx, tok):
        return _holders(ctx, tok.head)  # "X, fondateur et président de Renault": X holds both
    return named_before(ctx, tok) or _name_right_before(ctx, tok)  # "Sundar Pichai, le patron de Google"


def _past_workplace(ctx: Context, i: int) -> int:
    """Past the body a staff title names as its place of work, from ``i``: "le chercheur [au
    CNRS] X", "la professeure de droit [à Sciences Po], X" (a remit first, "de droit"); else ``i``.
    The name after a comma then holds the title as for any other complement (not the subject of
    the next clause: "Interrogé par un journaliste à l'AFP, X a dit")."""
    doc = ctx.doc
    j = i
    if j + 1 < len(doc) and doc[j].lower_ in ctx.lex.preps("de_du") and doc[j + 1].pos_ == "NOUN" \
            and doc[j + 1].is_lower and j + 1 not in ctx.mention_at:
        j += 2
    if j >= len(doc) or doc[j].lower_ not in ctx.lex.preps("at_employer"):
        return i
    k = j + 1
    if k < len(doc) and doc[k].pos_ == "DET" and k not in ctx.mention_at:
        k += 1
    if k in ctx.mention_at and ctx.clusters[ctx.token_cluster[k]].type in ("Company", "Organization"):
        return ctx.mention_at[k].end  # (not a state body: "l'avocat au Conseil d'État X" is none of its staff)
    return i


def _name_right_before(ctx: Context, tok: Token) -> list[Arg]:
    """A person's name right before a bare title, with no comma between: "a déclaré Félix Tremblay
    porte-parole du RITQ" (the parser reads the title into the name at times). Not a name after a
    preposition ("la fille de X directrice de Dior" is she; "nommé par X directeur de Y"), the
    object of a verb of judgement ("tient X responsable de"), a minister's ("remplacé X ministre
    de l'Économie"), nor a title of the other gender ("X directrice" is no "M. X")."""
    doc = ctx.doc
    prev = ctx.mention_at.get(tok.i - 1)
    if prev is None or prev.end != tok.i or tok.i - 1 not in ctx.token_cluster \
            or any(c.dep_ == "det" for c in tok.children) or not tok.text[:1].islower():
        return []
    cluster = ctx.token_cluster[tok.i - 1]
    if ctx.clusters[cluster].type != "Person" or ctx.title_of(doc, tok) in ctx.lex.words("portfolio_titles"):
        return []
    i = prev.start - 1
    if i >= 0 and doc[i].pos_ == "ADP" and doc[i].lower_ not in ctx.lex.words("source_markers"):
        return []  # "la fille de X directrice de Dior", "nommé par X directeur de Y": not X's title
    root = doc[prev.start:prev.end].root
    if root.dep_ not in (*SUBJ, "nsubj:pass") and root.head.lemma_.lower() in ctx.lex.words("complement_verbs"):
        return []
    gender = word_gender(tok)
    if gender is not None and ctx.genders.get(cluster, gender) != gender:
        return []
    return [(cluster, "")]
