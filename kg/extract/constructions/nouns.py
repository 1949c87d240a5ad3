"""Nominalisations: a noun of ``noun_triggers`` with its complements.

"le rachat de X par Y", "l'achat de X" (the agent from the governing verb: "X a finalisé
l'achat de Y"), "X, filiale de Y" (the holder of the noun), "X fait l'objet d'une enquête de Y",
"X a obtenu le feu vert de Y" (the authority in the complement), "l'entrée de X au capital de
Y". "entre X et Y" is :mod:`~kg.extract.constructions.between`, located nouns are
:mod:`~kg.extract.constructions.located`.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.antecedents import possessor
from kg.extract.arguments import (
    apposed_name,
    between,
    complements,
    coordinated_before,
    decision_object,
    expand,
    first_and_others,
    linear_prep_object,
    named_before,
    other_party,
    prep_args,
    subjects,
    with_listed,
)
from kg.extract.constructions.implied import buyers, sellers
from kg.extract.constructions.titles import former
from kg.extract.context import ACTOR_TYPES, DECISION_TYPES, SUBJ, Arg, Context, RawRelation, possessive
from kg.extract.triggers import Trigger, object_frame, trigger_at
from kg.schema import SYMMETRIC_TYPES


def read(ctx: Context, tok: Token) -> Iterator[RawRelation]:
    """The relation a trigger noun at ``tok`` states, in the frame it is read in."""
    trigger = trigger_at(ctx, tok)
    if trigger is None or trigger.kind != "noun":
        return
    if trigger.frame == "object":
        yield from _object_frame(ctx, tok, trigger)
    elif trigger.frame == "authority":
        yield from _authority(ctx, tok, trigger)
    elif trigger.frame == "capital":
        yield from _into_capital(ctx, tok, trigger)
    elif trigger.frame == "plain" or (trigger.frame == "between" and len(between(ctx, tok)) < 2):
        yield from _plain(ctx, tok, trigger)


def _object_frame(ctx: Context, tok: Token, trigger: Trigger) -> Iterator[RawRelation]:
    """ "X fait l'objet d'une enquête de Y": Y investigates X."""
    for a in complements(ctx, tok, ctx.lex.preps("of")):
        for o in subjects(ctx, object_frame(ctx, tok)):
            if ctx.typed_ok(a, o, trigger.spec):
                yield from ctx.relation(a, trigger.rtype, o, trigger.lemma, tok, "noun")


def _authority(ctx: Context, tok: Token, trigger: Trigger) -> Iterator[RawRelation]:
    """ "X a obtenu l'autorisation de Y": Y approves X; "X a reçu le soutien de Y": Y supports X."""
    for a in complements(ctx, tok, ctx.lex.preps("of")):
        for o in subjects(ctx, tok):
            yield from ctx.relation(a, trigger.rtype, o, trigger.lemma, tok, "noun")


def _into_capital(ctx: Context, tok: Token, trigger: Trigger) -> Iterator[RawRelation]:
    """ "l'entrée de X au capital de Y"."""
    doc = ctx.doc
    shares = ctx.lex.words("share_nouns")
    caps = [c for c in tok.children if c.dep_ == "nmod" and c.lemma_.lower() in shares] or [
        t for t in doc[tok.i + 1:min(tok.i + 8, tok.sent.end)]  # the parser may hang it on the verb
        if t.lemma_.lower() in shares and doc[t.i - 1].lower_ in ctx.lex.preps("to_capital")][:1]
    for cap in caps:
        objs = complements(ctx, cap, ctx.lex.preps("of"))
        for s in (x for x in prep_args(ctx, tok, ctx.lex.preps("of")) if x not in objs):
            for o in objs:
                if ctx.typed_ok(s, o, trigger.spec):
                    yield from ctx.relation(s, trigger.rtype, o, trigger.lemma, tok, "noun")


def _plain(ctx: Context, tok: Token, trigger: Trigger) -> Iterator[RawRelation]:
    """ "le rachat de X par Y", "X, filiale de Y", "X et Y ont signé un partenariat"."""
    rtype, spec, lemma = trigger.rtype, trigger.spec, trigger.lemma
    plain = spec.get("only_adjectives")
    if plain is not None and any(c.dep_ == "amod" and c.lower_ not in plain for c in tok.children):
        return  # "prend la direction financière d'Airbus": a department's, not the company's
    if spec.get("leaving"):
        yield from _leaving(ctx, tok, trigger)
        return
    objs = complements(ctx, tok, trigger.preps)
    if not objs and tok.dep_ == "obj" and set(trigger.preps) & set(ctx.lex.preps("to")):
        # "X lui a apporté son soutien": the clitic of the verb is the noun's "à" complement
        objs = [x for c in tok.head.children if c.dep_ == "iobj" and c.pos_ == "PRON" for x in expand(ctx, c)]
    if not objs and rtype == "CRITICIZES":  # "en désaccord avec cette décision": its author
        doc = ctx.doc
        judged = [c for c in tok.children if c.pos_ == "NOUN" and ctx.case(c) in trigger.preps]
        if not judged and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ in trigger.preps:
            # the parser hung the complement on the verb: "leur opposition [aux projets] de X"
            judged = [t for t in doc[tok.i + 2:tok.i + 4] if t.pos_ == "NOUN"][:1]
        objs = [x for c in judged for x in decision_object(ctx, c, rtype)]
    if not objs and rtype in DECISION_TYPES:  # "les restrictions imposées à X par Y"
        imposing = ctx.lex.words("imposing_verbs")
        objs = [x for c in tok.children if c.dep_ == "acl" and ctx.lemma_in(c, imposing)
                for x in prep_args(ctx, c, trigger.preps)]
        if not objs and tok.dep_ == "nsubj:pass" and ctx.lemma_in(tok.head, imposing):
            objs = prep_args(ctx, tok.head, trigger.preps)  # "des sanctions ont été imposées à X par Y"
    if spec.get("holder_is_subject") or spec.get("reverse"):
        # the noun says what its holder is: "X, concurrent de Y"; reversed: "X, filiale de Y"
        if former(ctx, tok) or (rtype == "SUCCEEDS" and _one_of(ctx, tok)):
            return  # "X, ancien allié de Y"; "X, l'un des successeurs de Y" is not the next one
        holders = noun_holders(ctx, tok)
        if not objs and holders and possessive(tok):
            # "Volkswagen, son principal actionnaire": the possessor named before
            owners = tuple(spec.get("object_types", ("Company", "Organization", "Government")))
            objs = possessor(ctx, tok, owners, {h for h, _ in holders})
        if not objs and rtype in SYMMETRIC_TYPES and len(holders) >= 2:
            holders, objs = first_and_others(ctx, holders, tok)  # "X et Y sont des concurrents"
        pairs = ((o, h) if spec.get("reverse") else (h, o) for h in holders for o in objs)
    else:
        agents = []
        if spec.get("agent_of"):  # "le soutien de X à Y": the complement of "de" is who gives it
            if "Plur" in tok.morph.get("Number"):
                return  # "les soutiens de X à l'Assemblée": X's supporters, no support given
            detached = tok.dep_ == "appos" or (tok.dep_ == "conj" and ctx.doc[tok.i - 1].text == ",")
            if detached and not objs:  # "X, soutien de Y,": X is one (not "X, ancien soutien de Y")
                if former(ctx, tok):
                    return
                objs = prep_args(ctx, tok, ctx.lex.preps("of"))
                agents = [x for x in named_before(ctx, tok) or noun_holders(ctx, tok) if ctx.clusters[x[0]].type == "Person"]
                if not agents:
                    return
            else:
                of = ctx.lex.preps("of")
                agents = [x for x in with_listed(ctx, prep_args(ctx, tok, of), tok.sent, of) if x not in objs]
        agents = agents or _agents(ctx, tok, rtype)
        if not agents and possessive(tok) and rtype == "CRITICIZES":  # "leur opposition aux projets de X"
            agents = possessor(ctx, tok, (*ACTOR_TYPES, "Country"), {o for o, _ in objs})
        if not objs and rtype in SYMMETRIC_TYPES and len(agents) >= 2 \
                and not any(c.dep_ in ("nmod", "obl", "obl:arg", "obl:mod") and other_party(ctx, c)
                            for c in (*tok.children, *(tok.head.children if tok.dep_ == "obj" else ()))):
            # "X et Y ont signé un partenariat" (not "X et Y ont entamé des négociations avec les
            # syndicats": the other party is named, and no entity)
            agents, objs = first_and_others(ctx, agents, tok)
        pairs = ((a, o) for a in agents for o in objs)
    typed = list(ctx.typed(pairs, spec))
    if spec.get("same_kind"):  # "sa rivale Valérie Pécresse" is no party's (the candidate of the RN is)
        typed = [(a, b) for a, b in typed if ctx.clusters[a[0]].type == ctx.clusters[b[0]].type]
    for s, o in typed:
        yield from ctx.relation(s, rtype, o, lemma, tok, "noun")
    parties = [s for s, _ in typed]  # "X a finalisé l'acquisition de Y auprès de Z": X is no seller
    if rtype == "SELLS":
        yield from buyers(ctx, tok, lemma, parties, objs)
    if rtype == "ACQUIRES":
        yield from sellers(ctx, tok, lemma, parties, objs)


def _leaving(ctx: Context, tok: Token, trigger: Trigger) -> Iterator[RawRelation]:
    """ "la sortie du Royaume-Uni de l'Union européenne", "le retrait du Burundi de la CPI": the
    one who leaves, named right after the noun, and the body it leaves, right after that."""
    doc, of = ctx.doc, ctx.lex.preps("of")
    end = tok.sent.end
    i = tok.i + 1
    if i + 1 >= end or doc[i].lower_.replace("’", "'") not in of:
        return
    i += 1 + (doc[i + 1].pos_ == "DET")
    who = ctx.mention_at.get(i)
    # the one who leaves: a name, or a description taken up ("le retrait du pays de la CPI")
    s = (ctx.token_cluster[i], "") if who is not None and i in ctx.token_cluster else ctx.coref.get(i)
    after = who.end if who is not None else i + 1
    if s is None or after + 1 >= end or doc[after].lower_.replace("’", "'") not in of:
        return
    j = after + 1 + (doc[after + 1].pos_ == "DET")
    if j in ctx.mention_at and j in ctx.token_cluster:
        o = (ctx.token_cluster[j], "")
        body = ctx.typed_ok(s, o, trigger.spec) or ctx.clusters[o[0]].name.lower() in ctx.lex.words("unions_of_states")
        if ctx.clusters[s[0]].type in (*ACTOR_TYPES, "Country") and body:
            yield from ctx.relation(s, trigger.rtype, o, trigger.lemma, tok, "noun")


def _agents(ctx: Context, tok: Token, rtype: str) -> list[Arg]:
    """Who does what the noun says: "par X", the appointee of "nommer X à la tête de", the
    agent of a participle, or the subject of the governing verb."""
    by = ctx.lex.preps("by")
    agents = prep_args(ctx, tok, by)
    gov = tok.head
    if rtype in ("LEADS", "WORKS_FOR") and gov.i != tok.i \
            and ctx.verbs.get(ctx.verb_lemma(gov, gov.lemma_.lower()), {}).get("type") == "APPOINTS":
        # "nommer X à la tête de Y", "X a été nommée à la tête de Y": the appointee holds the role
        agents = [x for c in gov.children if c.dep_ in ("obj", "nsubj:pass") for x in expand(ctx, c)]
    elif rtype == "LEADS" and gov.i != tok.i and gov.lemma_.lower() in ctx.lex.words("appointment_nouns"):
        # "l'élection de X à la présidence de Y", "la nomination de X à la tête de Y"
        agents = [x for x in prep_args(ctx, gov, ctx.lex.preps("of")) if ctx.clusters[x[0]].type == "Person"]
    if not agents:  # "les sanctions imposées par l'UE"
        agents = [x for c in tok.children if c.dep_ in ("acl", "acl:relcl") for x in prep_args(ctx, c, by)]
    if not agents and tok.head.i != tok.i:
        agents = [x for c in tok.head.children if c.dep_ in ("obl:agent", "obl:mod", "obl") and c.i > tok.i
                  and ctx.case(c) in by for x in expand(ctx, c)]
    if not agents:
        agents = linear_prep_object(ctx, tok, by)  # "le rachat de X par le canadien Y"
    # "imposer des sanctions à X": whoever imposes a decision takes it
    imposed = rtype in DECISION_TYPES and ctx.lemma_in(tok.head, ctx.lex.words("imposing_verbs"))
    demand_verbs = ctx.lex.words("demand_verbs")  # the governor, or the one above a misattached noun
    demanded = any(ctx.lemma_in(a, demand_verbs) for a in list(tok.ancestors)[:2]) and not imposed
    demanded = demanded or (rtype not in DECISION_TYPES and _decided_on(ctx, tok.head))
    if not agents and tok.dep_ not in ("nsubj", "nsubj:pass") and not demanded:
        agents = subjects(ctx, tok)  # not "X réclame la cession de Y": X asks, another sells
    return agents


def _decided_on(ctx: Context, verb: Token) -> bool:
    """``verb`` states a decision on what its complement says ("bloquer", "mettre son veto à"):
    its subject decides on the deal, it is not a party to it."""
    trigger = trigger_at(ctx, verb) if verb.pos_ in ("VERB", "AUX") else None
    if trigger is None or trigger.kind != "verb" or trigger.spec.get("no_decision"):
        return False  # "Apple a financé son rachat de Beats": Apple still buys
    words = {c.lemma_.lower() for c in verb.children}
    senses = [sense for word, sense in trigger.spec.get("with", {}).items() if word in words]
    return trigger.rtype in DECISION_TYPES or any(sense in DECISION_TYPES for sense in senses)


def noun_holders(ctx: Context, tok: Token) -> list[Arg]:
    """Who "is" the noun: "X, filiale de Y", "X est le concurrent de Y"."""
    doc = ctx.doc
    if _one_of(ctx, tok):
        return noun_holders(ctx, tok.head)  # "X est l'un des alliés de Y": X is one
    if tok.dep_ == "appos" and tok.head.i != tok.i:
        return expand(ctx, tok.head)
    if any(c.dep_ == "cop" for c in tok.children):
        return subjects(ctx, tok)
    if tok.dep_ in SUBJ and tok.head.i in ctx.token_cluster and any(c.dep_ == "cop" for c in tok.head.children):
        # "Son successeur sera X": the name said to be it (when "son" can be only one person:
        # not after "Macron a nommé Philippe", where it may be either)
        named = expand(ctx, tok.head)
        start = ctx.sentences_before(tok.sent.start, 1)
        people = {m.cluster for m in ctx.mentions if (start[0] if start else tok.sent.start) <= m.start < tok.i
                  and ctx.clusters[m.cluster].type == "Person"} - {c for c, _ in named}
        return named if not possessive(tok) or len(people) <= 1 else []
    before = named_before(ctx, tok)
    if before and "Plur" in tok.morph.get("Number"):
        # "Sprint et OneWeb, filiales de SoftBank": a plural noun says it of each name listed
        last = max((m for m in ctx.mentions if m.cluster == before[0][0] and m.end < tok.i and ctx.doc[m.end].text == ","),
                   key=lambda m: m.end, default=None)
        if last is not None:
            before += [x for x in coordinated_before(ctx, last) if x not in before]
    if before:
        return before
    if tok.dep_ in ("obj", "xcomp") and ctx.lemma_in(tok.head, ctx.lex.words("copular_verbs")):
        return subjects(ctx, tok.head)  # "X reste le concurrent de Y", "X et Y restent des rivaux"
    if possessive(tok):  # the name after: "son rival américain Boeing", "Son successeur, X,"
        apposed = apposed_name(ctx, tok)
        if apposed:
            return apposed
        nxt = tok.i + 1
        while nxt < len(doc) and doc[nxt].pos_ == "ADJ":
            nxt += 1
        if nxt + 1 < len(doc) and doc[nxt].text == ",":
            nxt += 1
        if nxt in ctx.token_cluster and ctx.mention_at.get(nxt) is not None:
            return [(ctx.token_cluster[nxt], "")]
    return []


def _one_of(ctx: Context, tok: Token) -> bool:
    """``tok`` is the noun of "l'un des [alliés] de Y"."""
    return tok.dep_ == "nmod" and tok.head.pos_ == "PRON" and tok.head.lemma_.lower() in ctx.lex.words("one_of_words")
