"""Trigger verbs: "X rachète Y", "Y a été racheté par X", "X, qui veut racheter Y", "X a cédé Y à Z".

A verb of ``verb_triggers`` in the lexicon gives its relation type, the types its subject and
object may have, the prepositions of its object ("investir dans"), whether subject and object
swap ("appartenir à") and the senses a complement gives it ("poursuivre en justice"). The
subject comes through control, relatives and passives (:func:`kg.extract.arguments.subjects`).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.antecedents import retyped_pronouns
from kg.extract.arguments import (
    after_preposition,
    complements,
    decision_object,
    described,
    expand,
    first_and_others,
    linear_prep_object,
    objects,
    other_party,
    passive,
    prep_args,
    subjects,
)
from kg.extract.constructions.implied import buyers, sellers
from kg.extract.constructions.titles import appointed_as
from kg.extract.context import DECISION_TYPES, Context, RawRelation
from kg.extract.triggers import trigger_at
from kg.schema import SYMMETRIC_TYPES


def _in_sense(spec: dict) -> dict:
    """A trigger's spec read in another sense: whoever does it, and no ban from a market."""
    return {k: v for k, v in spec.items() if k not in ("subject_types", "banned_in")}


def _deal(ctx: Context, tok: Token) -> bool:
    """``tok`` names a deal: "la fusion", "la prise de contrôle", "le projet de fusion"."""
    deals, lemma = ctx.lex.words("deal_anaphors"), tok.lemma_.lower()
    if lemma in deals:
        return True
    plan = lemma in ctx.lex.words("deal_plan_nouns")  # "le projet de fusion" (not "l'échec du rachat")
    return any(g.dep_ == "nmod" and ((plan and g.lemma_.lower() in deals) or f"{lemma} de {g.lemma_.lower()}" in deals)
               for g in tok.children)


def _agent_phrases(ctx: Context, tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("obl:agent", "obl:mod", "obl") and ctx.case(c) in ctx.lex.preps("by")]


def _agents(ctx: Context, tok: Token) -> list:
    """The agents of a passive verb: "par X"."""
    return [x for c in _agent_phrases(ctx, tok) for x in expand(ctx, c)]


def _shared_agents(ctx: Context, tok: Token) -> list:
    """The agents of the next participle coordinated to ``tok`` that has an agent phrase ("fondée
    et dirigée par X"), not of a later one ("fondée et dirigée par ses salariés, puis rachetée par
    Y"), nor of one with a subject of its own."""
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > tok.i and not any(g.dep_ == "nsubj:pass" for g in c.children):
            phrases = _agent_phrases(ctx, c)
            if phrases:
                return [x for p in phrases for x in expand(ctx, p)]
    return []


def read(ctx: Context, tok: Token) -> Iterator[RawRelation]:
    """The relation a trigger verb at ``tok`` states between its subject and its object."""
    trigger = trigger_at(ctx, tok)
    if trigger is None or trigger.kind != "verb":
        return
    lemma, spec, rtype = trigger.lemma, trigger.spec, trigger.rtype
    # a sense that depends on a complement: "poursuivre en justice", "ajouter à la liste noire"
    senses = spec.get("with", {})
    words = {w for t in tok.subtree for w in (t.lower_, t.lemma_.lower())} if senses else set()
    for word, sense in senses.items():
        if word in words:  # another sense, whoever does it: "X rejette ces accusations"
            rtype, spec = sense, _in_sense(spec)
    if spec.get("deal_object") and any((c.dep_ == "obj" or ctx.case(c) in spec.get("preps", ())) and _deal(ctx, c)
                                       for c in tok.children):
        # "interdire la fusion entre X et Y", "s'opposer à l'offre publique d'achat de X": a deal
        # forbidden or opposed is blocked (not a ban from a market, not a criticism), by an authority
        # when the verb says whom ("Greenpeace s'oppose au rachat" blocks nothing)
        who = spec.get("deal_subject_types")
        rtype, spec = spec["deal_object"], {**_in_sense(spec), **({"subject_types": who} if who else {})}
    if rtype is None:
        return
    marks = spec.get("xcomp_mark")
    if marks and not any(c.dep_ == "xcomp" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
                         for c in tok.children):
        return  # "appeler X à cesser le feu" urges; "appeler X" calls or names
    # what the verb's object noun stands for: a decision's or a deal's party ("soutenir la décision de
    # X"), unless the verb says nothing of them ("financer le rachat de X" supports no X)
    judged = None if spec.get("no_decision") else rtype
    if passive(ctx, tok):
        # "fondée et dirigée par X": a later participle shares the first one's subject, the first
        # one shares the agent of the later ones
        first = tok.head if tok.dep_ == "conj" and tok.head.pos_ == "VERB" else tok
        objs = [x for c in first.children if c.dep_ == "nsubj:pass" for x in decision_object(ctx, c, judged)]
        if not objs:  # "le constructeur, dirigé par X,", "Critiqué par X, le ministre a ..."
            objs = [x for t in described(ctx, first) for x in decision_object(ctx, t, judged)]
        if not objs and first.dep_ == "xcomp":  # "l'opération doit être approuvée par X"
            objs = [x for c in first.head.children if c.dep_ in ("nsubj", "nsubj:pass")
                    for x in decision_object(ctx, c, judged)]
        subs = _agents(ctx, tok) or _shared_agents(ctx, tok) or linear_prep_object(ctx, tok, ctx.lex.preps("by"))
    else:
        if spec.get("passive_only"):
            return
        subs = subjects(ctx, tok)
        objs = [] if spec.get("no_object") else objects(ctx, tok)
        if spec.get("successor_by"):  # "Sanofi a remplacé X par Y": Y succeeds X, whoever decided
            subs = prep_args(ctx, tok, tuple(spec["successor_by"])) or subs
        if not objs and not spec.get("no_object"):
            objs = [x for c in tok.children if c.dep_ == "obj" and not after_preposition(ctx, c, ctx.lex.preps("of"))
                    for x in decision_object(ctx, c, judged)]
    preps = tuple(spec.get("preps", ()))
    if preps:
        found = prep_args(ctx, tok, preps)
        if not found:
            # "mettre son veto au rachat de X par Y": the deal's party; what a decision is about is
            # read from its noun ("s'oppose à l'adhésion de l'Ukraine à l'UE" opposes no UE)
            decided = [c for c in tok.children if c.pos_ == "NOUN" and ctx.case(c) in preps] \
                if judged in DECISION_TYPES else []
            found = [x for c in decided for x in decision_object(ctx, c, judged)] if decided \
                else linear_prep_object(ctx, tok, preps)
        objs += [x for x in found if x not in objs]
    # "Trois groupes veulent racheter X : A, B et C": the names that spell out the subject are not
    # its objects too, wherever the parser hung them
    subject_ids = {s for s, _ in subs}
    objs = [o for o in objs if o[0] not in subject_ids]
    if spec.get("reverse"):
        subs, objs = objs, subs
    countries: list = []
    if spec.get("banned_in"):
        countries = [o for o in objs if ctx.clusters[o[0]].type in ("Country", "Location")]
        objs = [o for o in objs if o not in countries]
    if not objs and rtype in SYMMETRIC_TYPES and len(subs) >= 2 and not (rtype == "MEETS" and _met_otherwise(ctx, tok)) \
            and not any(c.dep_.startswith("obl") and other_party(ctx, c) for c in tok.children):
        # "Orange et Bouygues négocient" (not "négocient avec les syndicats": someone else is dealt with)
        subs, objs = first_and_others(ctx, subs, tok)
    if rtype == "MEETS":
        # "a rencontré les dirigeants de HSBC et de Barclays": the people stand for their companies
        representatives = ctx.lex.words("representative_nouns")
        stand_for = [x for c in tok.children if c.dep_ == "obj" and c.lemma_.lower() in representatives
                     for x in complements(ctx, c, ctx.lex.preps("of"))]
        if stand_for:
            objs = stand_for + [x for x in objs if x not in stand_for]
            spec = {k: v for k, v in spec.items() if k != "object_types"}
    if rtype in ("LEADS", "WORKS_FOR") and "Imp" in tok.morph.get("Tense"):
        return  # "qui dirigeait jusqu'ici la filiale": a past role
    subs = retyped_pronouns(ctx, tok, subs, spec.get("subject_types"))
    if passive(ctx, tok):  # "Il sera remplacé par X": the pronoun is the one replaced
        objs = retyped_pronouns(ctx, tok, objs, spec.get("object_types"), ("nsubj:pass",))
    pairs = ((s, o) for s in subs for o in objs)
    for s, o in ctx.typed(pairs, spec):
        yield from ctx.relation(s, rtype, o, lemma, tok, "verb")
        if rtype == "APPOINTS":
            yield from appointed_as(ctx, tok, s, o)
    if rtype == "SELLS" and not passive(ctx, tok):
        yield from buyers(ctx, tok, lemma, subs, objs)
    if rtype == "ACQUIRES" and not passive(ctx, tok):
        yield from sellers(ctx, tok, lemma, subs, objs)
    if spec.get("banned_in") and not passive(ctx, tok) and subs:
        yield from _banned_in(ctx, tok, lemma, objs, countries)


def _met_otherwise(ctx: Context, tok: Token) -> bool:
    """The meeting verb has a noun object of its own, no entity: "X et Y ont reçu le prix", "ont
    rencontré des élus" meet someone else, not each other (a time the parser made an object is none:
    "se sont entretenus une heure", "deux heures", "ont dîné ensemble lundi")."""
    adverbial = ctx.lex.words("adverbial_nouns") | ctx.lex.words("weekdays")
    return any(c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN") and c.i not in ctx.token_cluster
               and c.lemma_.lower() not in adverbial and not any(n.dep_ == "nummod" for n in c.children)
               for c in tok.children)


def _banned_in(ctx: Context, tok: Token, lemma: str, banned: list, countries: list) -> Iterator[RawRelation]:
    """ "X a interdit TikTok en Inde", "X a interdit à Huawei d'opérer aux États-Unis": the banned
    company is banned in the place the ban names."""
    verbs = [tok, *(c for c in tok.children if c.dep_ == "xcomp")]
    found = countries + [x for v in verbs for x in prep_args(ctx, v, ctx.lex.preps("in"))]
    where = [c for i, c in enumerate(found) if ctx.clusters[c[0]].type == "Country" and c not in found[:i]]
    for o in banned:
        if ctx.clusters[o[0]].type == "Company":
            for c in where:
                yield from ctx.relation(o, "BANNED_IN", c, lemma, tok, "verb")
