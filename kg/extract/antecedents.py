"""Looking back through the text for what a pronoun, a description or a possessive refers to,
and for the deal or decision a noun takes up ("l'opération", "cette décision").

These are the searches; :mod:`kg.extract.coreference` runs them over the document once, before
the constructions read relations, and the constructions call them again where a verb's own
arguments decide ("il a succédé à X" said of a company, "son patron").
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.agreement import body_gender
from kg.extract.context import SUBJ, Arg, Context
from kg.extract.mentions import Mention
from kg.model import normalize_name


def antecedent(ctx: Context, tok: Token, types: tuple[str, ...], exclude: set[int] = frozenset(),
               title: str | tuple[str, ...] | None = None, prefer_subject: bool = False,
               specific: bool = False, gender: str | None = None, upper: int | None = None) -> int | None:
    """The cluster, of one of ``types``, that ``tok`` refers back to (within four sentences, and
    before ``upper`` when given); with ``gender``, no person the text showed to be of the other
    gender ("elle" is no "M. X")."""
    sent_starts = ctx.sentences_up_to(tok.i, 4)
    lower = sent_starts[0] if sent_starts else 0
    upper = tok.i if upper is None else upper
    fallback = None
    # names, and the pronouns and descriptions already resolved ("Le groupe a annoncé ...")
    spots = [(m.start, m.cluster, m) for m in ctx.mentions]
    spots += [(i, cid, None) for i, (cid, _) in ctx.coref.items()]
    for start, cid, m in sorted(spots, key=lambda s: -s[0]):
        if start >= upper or start < lower:
            continue
        c = ctx.clusters[cid]
        if c.type not in types or c.id in exclude or c.weak or (m is not None and cited_source(ctx, m)):
            continue
        if gender is not None and c.type == "Person" and ctx.genders.get(c.id, gender) != gender:
            continue
        if gender is not None and c.type != "Person" and body_gender(ctx, c.id) not in (None, gender):
            continue  # "elle" is not "le conseil de l'Union européenne"
        if title is not None:
            if any(x.title is not None and x.title in ((title,) if isinstance(title, str) else title)
                   for x in c.mentions):
                return c.id
            if fallback is None and specific and not (c.type == "Person" and tok.sent.start <= start):
                # "le président chinois": the last person named, if none had the title (not one named
                # in its own sentence: "X ... pour dialoguer avec le président ukrainien" is another,
                # and "Macron a reçu Zelensky, puis le président français" is not the last one named)
                fallback = c.id
            continue
        subject = is_subject(ctx, m) if m is not None else ctx.doc[start].dep_ in (*SUBJ, "nsubj:pass")
        if not prefer_subject or subject:
            return c.id
        if fallback is None:
            fallback = c.id
    return fallback


def cited_source(ctx: Context, m: Mention) -> bool:
    """A source in an incise ("..., affirme le Wall Street Journal", "selon Les Échos"): not
    what is talked about."""
    if m.start > 0 and ctx.doc[m.start - 1].lower_ in ctx.lex.words("source_markers"):
        return True
    root = ctx.doc[m.start:m.end].root
    head = root.head
    return root.dep_ in SUBJ and head.i < m.start and head.lemma_.lower() in ctx.lex.words("reporting_verbs")


def is_subject(ctx: Context, m: Mention) -> bool:
    """The mention is a clause's subject, or names it ("Le milliardaire Elon Musk a ...")."""
    doc = ctx.doc
    root = doc[m.start:m.end].root
    if root.dep_ in (*SUBJ, "nsubj:pass", "dep"):
        return True
    if root.dep_ in ("appos", "flat:name") and root.head.dep_ in (*SUBJ, "nsubj:pass"):
        return True
    title = root.head if root.dep_ == "nmod" else None
    if title is not None and ctx.title_of(doc, title) and title.dep_ == "appos" \
            and title.head.dep_ in (*SUBJ, "nsubj:pass"):
        return True  # "Bernard Arnault, PDG de [LVMH], a racheté ...": the subject's organisation
    nxt = doc[m.end] if m.end < len(doc) else None
    return nxt is not None and nxt.pos_ in ("AUX", "VERB") and "Fin" in nxt.morph.get("VerbForm")


def named_after(ctx: Context, tok: Token, types: tuple[str, ...], country: str) -> int | None:
    """ "La compagnie française" after "Air France-KLM et Delta": the recent name that
    carries the country's name is the one meant."""
    key = normalize_name(country).split()[0][:5]
    for m in reversed(ctx.mentions):
        if m.start >= tok.i or tok.i - m.start > 60:
            continue
        c = ctx.clusters[m.cluster]
        if c.type in types and key in normalize_name(c.name):
            return c.id
    return None


def described_otherwise(ctx: Context, noun: str) -> set[int]:
    """Entities introduced with another specific noun: "l'opérateur" is not "le fonds KKR"
    (generic nouns such as "la société" or "le groupe" fit any company)."""
    generic = ctx.lex.words("generic_descriptions")
    if noun in generic:
        return set()
    return {m.cluster for m in ctx.mentions if m.cue and m.cue != noun and m.cue not in generic}


def clause_subjects(ctx: Context, tok: Token) -> list[Arg]:
    """The subject of the verb governing ``tok`` (through nouns and prepositions)."""
    return [ctx.cluster_of(c) for c in _subject_tokens(ctx, tok) if ctx.cluster_of(c)]


def _subject_tokens(ctx: Context, tok: Token) -> list[Token]:
    """The subject tokens before ``tok`` of the verb governing it."""
    head = tok.head
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        head = head.head
    if head.dep_ in ("advcl", "xcomp", "conj") and head.head.pos_ in ("VERB", "AUX") \
            and "Part" in head.morph.get("VerbForm") and not any(c.dep_ in (*SUBJ, "nsubj:pass") for c in head.children):
        head = head.head  # "X acquiert Y, devenant ainsi ... devant son concurrent": the participle's subject is X
    return [c for c in head.children if c.dep_ in (*SUBJ, "nsubj:pass") and c.i < tok.i]


def possessor(ctx: Context, tok: Token, types: tuple[str, ...], exclude: set[int] = frozenset()) -> list[Arg]:
    """Whom "son"/"ses" refers to: the clause's own subject if it can be, else the last subject named."""
    subjects = [c for c, _ in clause_subjects(ctx, tok) if ctx.clusters[c].type in types and c not in exclude]
    if subjects:  # (also for "leur": "Les employés d'Ubisoft ont critiqué leur PDG", "X et Y ... leur")
        return [(subjects[0], "possessive")]
    owner = antecedent(ctx, tok, types, exclude=exclude, prefer_subject=True)
    if owner is not None and _plural_possessive(ctx, tok) and not plural_name(ctx, owner, inside=True) \
            and not _among_several(ctx, owner, tok) \
            and not any("Plur" in c.morph.get("Number") or any(d.dep_ == "conj" for d in c.children)
                        for c in _subject_tokens(ctx, tok)):
        # "leurs excuses" said after "Jason Lopez": not one person's, nor one firm's (but "Chez
        # Renault, les ouvriers ont interpellé leur directeur": a plural subject's)
        return []
    return [(owner, "possessive")] if owner is not None else []


def _among_several(ctx: Context, cluster: int, tok: Token) -> bool:
    """The last name of ``cluster`` before ``tok`` is one of several "leur" may stand for: in a
    list ("Renault et Nissan ... leur partenaire"), or the complement of a plural noun ("Les
    employés d'Ubisoft ont critiqué leur PDG", "Les députés de LFI ... Leur présidente")."""
    doc = ctx.doc
    last = ctx.last_mention(cluster, tok.i)
    if last is None:
        return False
    root = doc[last.start:last.end].root
    listed = root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children) \
        or (last.start > 0 and doc[last.start - 1].lower_ in ctx.lex.words("and_words")) \
        or (last.end < len(doc) and doc[last.end].lower_ in ctx.lex.words("and_words"))
    return listed or (root.head.pos_ == "NOUN" and "Plur" in root.head.morph.get("Number"))


def _plural_possessive(ctx: Context, tok: Token) -> bool:
    """ "leur", "leurs": a possessor of several (of the noun ``tok``, or ``tok`` itself)."""
    plural = ctx.lex.words("plural_possessives")
    return tok.lower_ in plural or any(c.dep_ == "det" and c.lower_ in plural for c in tok.children)


def plural_name(ctx: Context, cluster: int, inside: bool = False) -> bool:
    """An entity named in the plural, by the article before its name ("les États-Unis", "des
    Nations unies"; with ``inside``, in it too: "Les Échos", who may be "leur" owner but take a
    singular verb), not by the parser's number of a name ("Bouygues", "Greenpeace")."""
    doc, articles = ctx.doc, ctx.lex.words("plural_articles")

    def before(i: int) -> str:  # the word before a name, past an opening quote: "les « Aigles ... »"
        i -= 1
        while i > 0 and doc[i].is_punct and doc[i].is_quote:
            i -= 1
        return doc[i].lower_ if i >= 0 else ""

    return any(before(m.start) in articles or (inside and doc[m.start].lower_ in articles)
               for m in ctx.clusters[cluster].mentions)


def retyped_pronouns(ctx: Context, verb: Token, subs: list[Arg], types: list[str] | None,
                     deps: tuple[str, ...] = SUBJ) -> list[Arg]:
    """A pronoun subject whose antecedent cannot do this verb ("il a succédé à X" said of a
    company) is read again among the earlier names that can."""
    if not types:
        return subs
    out = []
    for cid, how in subs:
        pron = next((c for c in verb.children if c.dep_ in deps and c.i in ctx.coref), None)
        if how == "pronoun" and ctx.clusters[cid].type not in types and pron is not None:
            again = antecedent(ctx, pron, tuple(types), prefer_subject=True)
            out.append((again, how) if again is not None else (cid, how))
        else:
            out.append((cid, how))
    return out


def definite(ctx: Context, tok: Token) -> bool:
    """Has a definite or demonstrative article, also a contracted one ("au groupe", "du géant")."""
    if any(c.dep_ == "det" and c.lemma_.lower() in ctx.lex.words("definite_determiners") for c in tok.children):
        return True
    i = tok.i - 1
    while i >= 0 and ctx.doc[i].pos_ == "ADJ":
        i -= 1
    return i >= 0 and ctx.doc[i].lower_ in ctx.lex.words("definite_forms")


def taken_up(ctx: Context, tok: Token, rtype: str) -> list[Arg] | None:
    """A definite noun that takes up a deal ("bloquer l'opération": its buyer, or both merging
    parties) or, for a criticism, a decision ("conteste cette décision": its author); None when
    ``tok`` is no such noun."""
    if not definite(ctx, tok) or any(c.dep_ == "nmod" for c in tok.children):
        return None
    if tok.lemma_.lower() in ctx.lex.words("deal_anaphors"):
        return _last(ctx, ctx.deals, tok)  # "Berlin avait menacé de bloquer l'opération"
    if rtype == "CRITICIZES" and tok.lemma_.lower() in ctx.lex.words("decision_anaphors"):
        return _last(ctx, ctx.acts, tok)  # "La banque conteste cette décision": its author
    return None


def _last(ctx: Context, stated: list[tuple[int, list[Arg]]], tok: Token) -> list[Arg]:
    """The parties of the last deal (its buyer, or both merging parties), or the author of the last
    decision, stated in the three sentences before ``tok``."""
    sent_starts = ctx.sentences_before(tok.sent.start, 3)
    earlier = [parties for i, parties in stated if sent_starts and sent_starts[0] <= i < tok.sent.start]
    return [(c, "anaphor") for c, _ in earlier[-1]] if earlier else []
