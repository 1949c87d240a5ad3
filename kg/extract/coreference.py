"""Coreference inside one document, resolved once before relations are read.

Subject pronouns ("il", "elle") go to the last actor, preferring subjects; object clitics ("le",
"la", "à la posséder") to the last company or organisation that is not the clause's own subject;
definite descriptions ("la société", "le président", "le régulateur américain") to the last
entity of their type that fits their title, nationality and specific noun; "les deux groupes" to
the last two named. The results fill ``ctx.coref`` and ``ctx.plural``, which
:meth:`Context.cluster_of` and :func:`kg.extract.arguments.expand` consult. Nouns that take up a
deal or a decision are resolved as relations are read (:func:`kg.extract.antecedents.taken_up`).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from kg.extract.agreement import FEM, person_genders, word_gender
from kg.extract.antecedents import (
    antecedent,
    cited_source,
    clause_subjects,
    definite,
    described_otherwise,
    named_after,
    plural_name,
    possessor,
)
from kg.extract.arguments import det_clitic, expand, subjects
from kg.extract.context import ACTOR_TYPES, SUBJ, Context
from kg.extract.mentions import Mention, tokens_with_pos


def resolve(ctx: Context) -> None:
    """Link the pronouns, clitics and descriptions of the document to earlier entities."""
    nationality = stated_nationalities(ctx)
    coref_nouns = ctx.lex.coref_nouns
    subject_pronouns = ctx.lex.words("subject_pronouns")
    plural_pronouns = ctx.lex.words("plural_subject_pronouns")
    object_clitics = ctx.lex.words("object_clitics")
    indirect_pronouns = ctx.lex.words("indirect_pronouns")
    ctx.genders.update(person_genders(ctx))
    latter = ctx.lex.words("latter_words")
    plural = {c.id for c in ctx.clusters if plural_name(ctx, c.id)}  # "il" is none of "les Aigles de ..."
    for tok in tokens_with_pos(ctx.doc, ("PRON", "NOUN", "PROPN", "DET", "ADJ")):
        if tok.i in ctx.token_cluster:
            continue
        low = tok.lower_
        if tok.pos_ == "ADJ":
            if low in latter and _latter(ctx, tok):  # "ce dernier", "cette dernière": the last one named
                target = antecedent(ctx, tok, ("Person",), gender=word_gender(tok))
                if target is not None and not _noun_since(ctx, target, tok):
                    ctx.coref[tok.i] = (target, "pronoun")
            continue
        if low.startswith("-") and tok.pos_ == "PRON" and tok.head.pos_ in ("VERB", "AUX"):
            low = low[1:]  # "a-t-il déclaré": the subject after the verb, whatever the parser called it
            if low in subject_pronouns and tok.dep_ in ("dep", "nsubj", "expl:subj"):
                target = antecedent(ctx, tok, ACTOR_TYPES, prefer_subject=True, gender=word_gender(tok))
                if target is not None:
                    ctx.coref[tok.i] = (target, "pronoun")
            continue
        if tok.pos_ == "PRON" and low in subject_pronouns and tok.dep_ in (*SUBJ, "nsubj:pass"):
            target = antecedent(ctx, tok, ACTOR_TYPES, prefer_subject=True, gender=word_gender(tok),
                                upper=_fronted_start(tok), exclude=plural)
            if target is not None:
                ctx.coref[tok.i] = (target, "pronoun")
        elif tok.pos_ == "PRON" and low in plural_pronouns and tok.dep_ in (*SUBJ, "nsubj:pass"):
            group = _last_group_subject(ctx, tok)
            if group:
                ctx.plural[tok.i] = group
        elif tok.pos_ == "PRON" and low in indirect_pronouns and tok.dep_ in ("iobj", "obl:arg", "obl", "obj"):
            # "X lui a remis le prix": a person, not the clause's own subject
            excluded = {c for c, _ in subjects(ctx, tok.head)}
            target = antecedent(ctx, tok, ("Person",), exclude=excluded, prefer_subject=True)
            if target is not None:
                ctx.coref[tok.i] = (target, "pronoun")
        elif (tok.pos_ == "PRON" and low in object_clitics and tok.dep_ == "obj") or det_clitic(ctx, tok):
            excluded = {c for c, _ in subjects(ctx, tok.head)}
            target = antecedent(ctx, tok, ("Company", "Organization"), exclude=excluded)
            if target is not None:
                ctx.coref[tok.i] = (target, "clitic")
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in coref_nouns and _pair(ctx, tok):
            _resolve_pair(ctx, tok, coref_nouns[tok.lemma_.lower()])
        elif tok.pos_ == "NOUN" and tok.dep_ in (*SUBJ, "nsubj:pass") and "Plur" in tok.morph.get("Number") \
                and (listed := _spelled_out(ctx, tok)):
            ctx.plural[tok.i] = listed
        elif tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in coref_nouns:
            if not definite(ctx, tok) or _named(ctx, tok) or "Plur" in tok.morph.get("Number"):
                continue  # "les entreprises américaines" is no one entity
            _resolve_description(ctx, tok, coref_nouns[tok.lemma_.lower()], nationality)


def _resolve_description(ctx: Context, tok: Token, etype: str, nationality: dict[int, str]) -> None:
    """ "la société", "le président chinois", "le constructeur français": the entity meant."""
    doc = ctx.doc
    if etype == "Country":
        target = _salient_country(ctx, tok)
        if target is not None:
            ctx.coref[tok.i] = (target, "description")
        return
    title = ctx.title_of(doc, tok) if etype == "Person" else None
    if title is not None:  # "le chef de l'État" is the one titled "président", "roi", ...
        title = _role(ctx, tok) or title
    subject = tok.dep_ in (*SUBJ, "nsubj:pass")
    # in object position, "le groupe" is not the clause's own subject
    excluded = set() if subject else {c for c, _ in clause_subjects(ctx, tok)}
    demonyms = [ctx.demonym(c) for c in tok.children if c.dep_ == "amod" and ctx.demonym(c)]
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if not demonyms and nxt is not None and nxt.text[:1].islower() and ctx.demonym(nxt):
        demonyms = [ctx.demonym(nxt)]  # "le géant chinois" parsed with the adjective as head
    specific = bool(demonyms)
    target = named_after(ctx, tok, (etype,), demonyms[0]) if demonyms else None
    if demonyms:  # "le constructeur français" is not the one the text called Chinese
        excluded |= {c for c, country in nationality.items() if ctx.lex.nation(country) != ctx.lex.nation(demonyms[0])}
    if target is None:
        excluded |= described_otherwise(ctx, tok.lemma_.lower())
        if etype == "Government" and tok.lemma_.lower() in ctx.lex.words("executive_nouns"):
            excluded |= _other_bodies(ctx, tok.lemma_.lower())
        # two descriptions in one sentence are two entities ("Le fabricant ... l'offre du groupe")
        excluded |= {c for i, (c, how) in ctx.coref.items()
                     if how == "description" and not any(t.text in ".!?" for t in doc[i:tok.i])}
        # "la présidente" is no man; "le ministre" may be a woman (the masculine is generic)
        gender = FEM if etype == "Person" and _description_gender(tok) == FEM else None
        target = antecedent(ctx, tok, (etype,), exclude=excluded, title=title,
                            prefer_subject=etype != "Person", specific=specific, gender=gender)
    if target is not None:
        ctx.coref[tok.i] = (target, "description")
        if demonyms:  # "le géant chinois" said of X: a later "l'éditeur français" is another
            nationality.setdefault(target, demonyms[0])


def _other_bodies(ctx: Context, noun: str) -> set[int]:
    """State bodies "le gouvernement", "le ministère" or "l'administration" cannot be: courts,
    councils, chambers, forces and agencies, by the first word of their name ("le Conseil d'État",
    "la Cour suprême", "la police de Libreville"); not executive seats ("la Maison Blanche",
    "Downing Street", "le Quai d'Orsay") nor departments ("le département du Trésor")."""
    heads = ctx.lex.words("non_executive_heads")
    return {c.id for c in ctx.clusters if c.type == "Government" and noun not in c.name.lower().split()
            and c.name.lower().replace("'", " ").split()[0] in heads}


def _role(ctx: Context, tok: Token) -> tuple[str, ...] | None:
    """The titles a role named by a phrase stands for: "le chef de l'État" (président, roi, émir,
    ...), "le chef du gouvernement" (Premier ministre, chancelier, ...)."""
    words = " ".join(t.lower_ for t in ctx.doc[tok.i:min(tok.i + 4, tok.sent.end)]).replace("’", "'")
    roles = ctx.lex.data["role_phrases"]
    phrase = next((p for p in roles if words.replace("' ", "'").startswith(p)), None)
    return tuple(roles[phrase]) if phrase else None


def _salient_country(ctx: Context, tok: Token) -> int | None:
    """ "le pays": the one country (not a union of states) the text names in the sentences before
    it (within four), and not in the same sentence as another; none when several are named there,
    or when the noun has a word of its own ("le pays voisin", "le pays hôte" is another one; a
    participle is not: "le pays dirigé par X", "l'instabilité du pays doublée de ...")."""
    if any(c.dep_ in ("amod", "acl:relcl") or (c.dep_ == "acl" and "Part" not in c.morph.get("VerbForm"))
           for c in tok.children):
        return None
    unions = ctx.lex.words("unions_of_states")
    starts = ctx.sentences_up_to(tok.i, 4)
    lower = starts[0] if starts else 0
    countries = [m for m in ctx.mentions if m.start < tok.i and ctx.clusters[m.cluster].type == "Country"
                 and not ctx.clusters[m.cluster].weak and ctx.clusters[m.cluster].name.lower() not in unions]
    named = {m.cluster for m in countries if m.start >= lower}
    if len(named) > 1:
        # a country that only situates a place ("Stockholm (Suède)") yields to another the text
        # has named more ("Égypte : ... c'est au tour de l'Égypte"), not to one named as often
        main = {m.cluster for m in countries if m.start >= lower and not _gloss(ctx, m)}
        counts = Counter(m.cluster for m in countries)
        if len(main) == 1 and all(counts[c] < counts[next(iter(main))] for c in named - main):
            named = main
    if not named and len(countries) >= 2 and len({m.cluster for m in countries}) == 1:
        return countries[-1].cluster  # the one country the text has named, further back, more than once
    return next(iter(named)) if len(named) == 1 else None


def _fronted_start(tok: Token) -> int:
    """Where the names that may be a subject pronoun's antecedent end: before the phrases fronted
    ahead of it in its sentence when no finite verb stands there ("Fils de X et frère de Y, ancien
    résistant, il était ...": X and Y are not "il"); the pronoun itself otherwise."""
    start = tok.sent.start
    if start < tok.i and tok.doc[tok.i - 1].text == "," and not any(
            "Fin" in t.morph.get("VerbForm") for t in tok.doc[start:tok.i]):
        return start
    return tok.i


def _gloss(ctx: Context, m: Mention) -> bool:
    """A country in parentheses after a place, which it only situates: "Stockholm (Suède)"."""
    doc = ctx.doc
    return m.start >= 2 and doc[m.start - 1].text == "(" and m.end < len(doc) and doc[m.end].text == ")" \
        and (m.start - 2) in ctx.token_cluster and ctx.clusters[ctx.token_cluster[m.start - 2]].type == "Location"


def _latter(ctx: Context, tok: Token) -> bool:
    """ "ce dernier", "cette dernière" standing alone (not "ce dernier rapport", "le dernier")."""
    det = ctx.doc[tok.i - 1] if tok.i > 0 else None
    if det is None or det.pos_ != "DET" or det.lower_ not in ctx.lex.words("demonstratives"):
        return False
    return tok.dep_ not in ("amod", "nummod") and not (tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].pos_ == "NOUN")


def _noun_since(ctx: Context, target: int, tok: Token) -> bool:
    """A noun of the gender of "ce dernier" stands between the person last named and it: "X a
    présenté le projet. Ce dernier ..." is the project."""
    last = max((m.end for m in ctx.clusters[target].mentions if m.end <= tok.i), default=tok.i)
    gender = word_gender(tok)
    return any(t.pos_ == "NOUN" and t.i not in ctx.token_cluster and "Sing" in t.morph.get("Number")
               and word_gender(t) in (gender, None) and not ctx.title_of(ctx.doc, t) and definite(ctx, t)
               for t in ctx.doc[last:tok.i])  # (not "faire barrage", "un temps")


def _last_group_subject(ctx: Context, tok: Token) -> list[int]:
    """ "ils", "elles": the names coordinated as the last subject before (within three sentences),
    when they are two or more actors ("X et Y ont été arrêtés. Ils voulaient ...")."""
    starts = ctx.sentences_up_to(tok.i, 3)
    lower = starts[0] if starts else 0
    for i in range(tok.i - 1, lower - 1, -1):
        t = ctx.doc[i]
        if t.dep_ not in (*SUBJ, "nsubj:pass") or t.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        if i not in ctx.token_cluster:
            return []  # "... mais les syndicats restent inquiets. Ils ...": the last subject is no entity
        group = [c for c, _ in expand(ctx, t)]
        if len(group) >= 2 and all(ctx.clusters[c].type in (*ACTOR_TYPES, "Country") for c in group):
            return group
        return []  # the last subject named is one entity: "ils" is no one we know
    return []


def _description_gender(tok: Token) -> str | None:
    """ "la chancelière", "cette ministre": the noun's or its article's gender."""
    det = next((c for c in tok.children if c.dep_ == "det"), None)
    return (word_gender(det) if det is not None else None) or word_gender(tok)


def stated_nationalities(ctx: Context) -> dict[int, str]:
    """Country of each entity the text gives one: "le chinois Geely", "le groupe suédois X"."""
    doc = ctx.doc
    out: dict[int, str] = {}
    for m in ctx.mentions:
        if m.country and ctx.clusters[m.cluster].type != "Country":
            out.setdefault(m.cluster, m.country)
        i = m.start - 1
        while i >= 0 and m.start - i <= 3 and doc[i].text[:1].islower() and doc[i].pos_ in ("ADJ", "NOUN", "DET"):
            country = ctx.demonym(doc[i])
            if country:
                out.setdefault(m.cluster, country)
                break
            i -= 1
    return out


def _pair(ctx: Context, tok: Token) -> bool:
    """ "les deux groupes", "les deux entreprises": a plural description of two."""
    two = ctx.lex.words("two")
    return "Plur" in tok.morph.get("Number") and any(c.dep_ == "nummod" and c.lower_ in two for c in tok.children)


def _spelled_out(ctx: Context, tok: Token) -> list[int]:
    """The names a plural subject is spelled out as after a colon in its sentence: "Sept candidats
    sont en lice pour succéder à X : A (PPE, Italie), B (PSE) et C" (A, B and C, of one type, each
    with its parentheses, up to the end of the list)."""
    doc = ctx.doc
    colon = next((t.i for t in doc[tok.i + 1:tok.sent.end] if t.text == ":"), None)
    if colon is None:
        return []
    coordinators = ctx.lex.words("coordinators")
    found: list[int] = []
    i = colon + 1
    end = min(len(doc), colon + 80)  # not the parser's sentence end: it cuts long lists
    end = next((t.i for t in doc[i:end] if t.text in (".", ";", "!", "?") or "\n" in t.text), end)
    while i < end:
        m = ctx.mention_at.get(i)
        if m is None or m.start != i or i not in ctx.token_cluster:
            return []
        found.append(ctx.token_cluster[i])
        i = m.end
        if i < end and doc[i].text == "(":  # "(PPE, Italie)"
            close = next((t.i for t in doc[i:min(i + 12, end)] if t.text == ")"), None)
            if close is None:
                return []
            i = close + 1
        if i < end and (doc[i].text == "," or doc[i].lower_ in coordinators):
            i += 1
            continue
        break
    kinds = {ctx.clusters[c].type for c in found}
    return found if len(set(found)) >= 2 and len(kinds) == 1 and kinds <= set(ACTOR_TYPES) else []


def _resolve_pair(ctx: Context, tok: Token, etype: str) -> None:
    """The two entities of the type named last before ``tok`` (within four sentences)."""
    sent_starts = ctx.sentences_up_to(tok.i, 4)
    lower = sent_starts[0] if sent_starts else 0
    found: list[int] = []
    for m in reversed(ctx.mentions):
        c = ctx.clusters[m.cluster]
        if lower <= m.start < tok.i and ctx.may_be(c.id, [etype]) and c.id not in found \
                and not cited_source(ctx, m):
            found.append(c.id)
        if len(found) == 2:  # in the order the text first names them
            ctx.plural[tok.i] = sorted(found, key=lambda c: ctx.position(c, tok))
            return


def _named(ctx: Context, tok: Token) -> bool:
    """A noun followed by its own name ("le groupe Y"), or a title with its organisation
    ("le président de X"): not a description that refers back."""
    doc = ctx.doc
    is_title = ctx.title_of(doc, tok) is not None
    kind = ctx.lex.coref_nouns.get(tok.lemma_.lower())
    for c in tok.children:
        if c.i <= tok.i or c.dep_ not in ("flat:name", "appos", "nmod"):
            continue
        if ctx.case(c) and not is_title:
            continue  # "le fabricant de l'iPhone" still refers back
        if c.i in ctx.token_cluster and not ctx.case(c) and _someone_else(ctx, kind, c.i):
            continue  # "le secrétaire du parti Jean Dupont": the person holds the title, the party is no name
        if c.i in ctx.token_cluster or c.pos_ == "PROPN":
            return True
    j = tok.i + 1
    while j < len(doc) and doc[j].pos_ == "ADJ":
        j += 1
    named = ctx.after_naming(j)
    if named != j:
        return named in ctx.token_cluster  # "la nouvelle société, baptisée Horse"
    return j in ctx.token_cluster and not _someone_else(ctx, kind, j)  # "le laboratoire [britannique] AstraZeneca"


def _someone_else(ctx: Context, kind: str | None, i: int) -> bool:
    """The name at ``i`` is a person's, after a noun describing no person: not the noun's own name."""
    return kind not in (None, "Person") and ctx.clusters[ctx.token_cluster[i]].type == "Person"


def resolutions(ctx: Context) -> dict[int, list[int]]:
    """What each resolved token refers to, as cluster ids: pronouns, clitics and descriptions of
    ``ctx.coref``, "les deux groupes" of ``ctx.plural``, and possessive determiners ("son", "leurs")
    read as :func:`possessor` reads them for the constructions. For measuring only
    (``bench.coref``): the relations do not read it."""
    out: dict[int, list[int]] = {i: [cid] for i, (cid, _) in ctx.coref.items()}
    out.update({i: list(cids) for i, cids in ctx.plural.items()})
    for tok in ctx.doc:
        if tok.dep_ == "det" and "Yes" in tok.morph.get("Poss") and tok.i not in out:
            owners = possessor(ctx, tok.head, ACTOR_TYPES)
            if owners:
                out[tok.i] = [owners[0][0]]
    return out
