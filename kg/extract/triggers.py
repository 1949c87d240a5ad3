"""Which trigger a token is, read once and shared by the constructions that may use it.

A verb, adjective or participle is a located predicate ("interdit en Chine"), a trigger verb of
``verb_triggers`` ("racheter"), or another verb that may link two entities (RELATED_TO). A noun
of ``noun_triggers`` ("rachat", "feu vert") is a nominalisation, with the sense its modifiers and
governing verb give it and the frame it is read in: "faire l'objet de", a complement naming the
authority ("a obtenu le feu vert de X"), a place ("son usine de Poissy"), a capital entered
("l'entrée de X au capital de Y"), "entre X et Y", or plain ("le rachat de X par Y").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from kg.extract.context import Context, infinitive


@dataclass(frozen=True)
class Trigger:
    """What a token triggers: ``kind`` is ``located``, ``verb``, ``related`` or ``noun``."""

    kind: str
    lemma: str
    rtype: str | None = None
    spec: dict | None = None
    frame: str = ""  # nouns: object, authority, located, capital, between or plain
    preps: tuple[str, ...] = ()


def trigger_at(ctx: Context, tok: Token) -> Trigger | None:
    """The trigger ``tok`` is, if any (read once a token)."""
    if tok.i not in ctx.triggers:
        ctx.triggers[tok.i] = _classify(ctx, tok)
    return ctx.triggers[tok.i]


def _verb_frame(tok: Token) -> bool:
    """A word with a subject and a direct object of its own and no copula: a verb, whatever its tag."""
    deps = {c.dep_ for c in tok.children}
    return "nsubj" in deps and "obj" in deps and "cop" not in deps


def _classify(ctx: Context, tok: Token) -> Trigger | None:
    pos = tok.pos_
    if pos not in ("VERB", "AUX", "ADJ", "NOUN"):
        return None
    lemma = tok.lemma_.lower()
    if pos in ("ADJ", "NOUN") and tok.is_lower and _verb_frame(tok):
        # "Hillary Clinton [attaque] Donald Trump": a verb tagged as an adjective, with a subject and
        # an object of its own and no copula
        pos, lemma = "VERB", infinitive(tok.lower_, ctx.verbs)
    if pos == "VERB" and any(c.dep_ == "det" and "Yes" in c.morph.get("Poss") for c in tok.children):
        # "son opposant", "ses soutiens" tagged as a verb: the noun of that form
        pos, lemma = "NOUN", next((f for f in (tok.lower_, tok.lower_.removesuffix("s")) if f in ctx.nouns), lemma)
    if pos != "NOUN" or (tok.tag_ == "VERB" and tok.pos_ == "NOUN"):
        located = ctx.lex.data["located_adjective_types"]
        lemma = ctx.verb_lemma(tok, lemma)
        spec = None
        if "s'" + lemma in ctx.verbs and any(c.lower_ in ctx.lex.words("reflexive_pronouns") for c in tok.children):
            spec = ctx.verbs["s'" + lemma]
        spec = spec or ctx.verbs.get(lemma)
        if lemma in located and _passive_like(tok):
            return Trigger("located", lemma, located[lemma])
        if spec is not None:
            return Trigger("verb", lemma, spec.get("type"), spec)
        if pos == "VERB" and lemma not in ctx.lex.words("reporting_verbs"):
            return Trigger("related", lemma, "RELATED_TO")
        return None
    if tok.i not in ctx.token_cluster:
        if lemma in ctx.lex.noun_trigger_firsts and tok.i + 1 < len(ctx.doc):
            nxt = tok.nbor(1)
            # "feu vert", "prise de", "maison mère"; by form too, where the lemma is off ("mère" -> "mèr")
            for two in (f"{lemma} {nxt.lemma_.lower()}", f"{lemma} {nxt.lower_}"):
                if two in ctx.nouns:
                    return _noun(ctx, tok, two, ctx.nouns[two])
        if lemma in ctx.nouns:
            return _noun(ctx, tok, lemma, ctx.nouns[lemma])
    return None


def _passive_like(tok: Token) -> bool:
    """An adjective, a passive, or a participle qualifying a noun ("interdit en Chine") or detached
    by a comma ("Installé à Paris, le groupe ...")."""
    return tok.pos_ == "ADJ" or any(c.dep_ in ("aux:pass", "nsubj:pass") for c in tok.children) \
        or (tok.dep_ in ("acl", "acl:relcl", "amod", "advcl") and "Part" in tok.morph.get("VerbForm")
            and not any(c.dep_.startswith("aux") for c in tok.children))


def _noun(ctx: Context, tok: Token, lemma: str, spec: dict) -> Trigger | None:
    rtype = spec["type"]
    words = {c.lemma_.lower() for c in tok.children} | {c.lower_ for c in tok.children}
    for word, sense in spec.get("with", {}).items():
        if word in words:  # "une filiale commune": a joint venture, not a subsidiary
            rtype, spec = sense, {"type": sense}
    head = tok.head
    if head.lemma_.lower() in ctx.lex.words("stake_nouns") and tok.dep_ == "nmod":
        head = head.head  # "céder [une partie de] sa participation"
    governor = ctx.verb_lemma(head, head.lemma_.lower())
    if "governors" in spec and governor not in spec["governors"]:
        return None  # "prendre la suite de X" succeeds X; "à la suite de X" only follows it
    withdrawing = ctx.lex.words("withdrawing_verbs")
    if rtype == "SUPPORTS" and (governor in withdrawing
                                or any(c.dep_ == "obj" and c.lemma_.lower() in withdrawing for c in head.children)):
        return None  # "l'UE a interrompu son aide au gouvernement", "a mis fin à son aide": withdrawn
    if rtype in ("SANCTIONS", "BANS") and _lifted(ctx, tok, head, governor):
        return None  # "a levé les sanctions contre X", "la levée des restrictions imposées à X"
    if governor in spec.get("under", {}):  # "détenir une participation dans X": owns a stake
        rtype = spec["under"][governor]
        if rtype is None:
            return None  # "céder sa participation dans X": the verb says what happened
    preps = tuple(spec.get("preps", ctx.lex.preps("of")))
    if object_frame(ctx, tok) is not None:
        frame = "object"
    elif spec.get("authority_in_complement") or governor in ctx.lex.words("receiving_verbs") \
            or (spec.get("agent_of") and ctx.case(tok) in ctx.lex.words("backing_preps")
                and not any(ctx.case(c) in spec.get("preps", ()) for c in tok.children)):
        # "X a reçu le soutien de Y", "X avance avec le soutien de Y": the complement backs the subject
        # (not "en désaccord avec le soutien de Y à Z", which says whom Y backs)
        frame = "authority"
    elif spec.get("located"):
        frame = "located"
    elif spec.get("into_capital"):
        frame = "capital"
    elif any(p in preps for p in ctx.lex.preps("between")):
        frame = "between"
    else:
        frame = "plain"
    return Trigger("noun", lemma, rtype, spec, frame, preps)


def _lifted(ctx: Context, tok: Token, head: Token, governor: str) -> bool:
    """The measure ``tok`` is what is lifted, not one taken: the object of "lever", the complement
    of "la levée de", "mettre fin à" (not "après les sanctions" beside "retirer", nor "une
    suspension et une amende")."""
    lifting = ctx.lex.words("lifting_words")
    if tok.dep_ in ("obj", "nmod") and governor in lifting:
        return True
    return tok.dep_ in ("obl:arg", "obl", "iobj") \
        and any(c.dep_ == "obj" and c.lemma_.lower() in lifting for c in head.children)


def object_frame(ctx: Context, tok: Token) -> Token | None:
    """The verb of "faire l'objet de [tok]" (or the noun of "être sous le coup de [tok]"), whose
    subject undergoes what the noun says."""
    frame = ctx.lex.data["object_frame"]
    verb, noun = frame["verb"], frame["noun"]
    head = tok.head
    if head.lemma_.lower() == noun and head.head.lemma_.lower() == verb:
        return head.head
    if head.lemma_.lower() == verb and any(c.dep_ == "obj" and c.lemma_.lower() == noun for c in head.children):
        return head
    if head.lemma_.lower() == frame["under"] and any(c.dep_ == "cop" for c in head.children):
        return head
    return None
