"""Gender of the people a text names, and of the words that refer back to them.

A person gets a gender from what the text says of them: "Mme X" / "M. X" (``gender_markers``
of the lexicon), the article of a title before the name ("la chancelière X", "le ministre X"), a
feminine title in apposition ("X, présidente de Y"), and a predicate that agrees with the name
("X est arrivée", "X a été élue", "X est candidate"); else the first name, from the list of
``first_names.tsv`` ("Sophie", "Paul"; names given to both are not listed). :mod:`kg.extract.antecedents` uses it so
that "elle" does not take up a man nor "il" a woman.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from kg.extract.context import SUBJ, Context

#: Universal Dependencies gender values.
FEM, MASC = "Fem", "Masc"


def person_genders(ctx: Context) -> dict[int, str]:
    """Cluster id -> "Fem" or "Masc" for the people whose gender the text shows."""
    votes: dict[int, Counter[str]] = {}
    for m in ctx.mentions:
        if ctx.clusters[m.cluster].type != "Person":
            continue
        for g in _mention_genders(ctx, m.start, m.end):
            votes.setdefault(m.cluster, Counter())[g] += 1
    out = {}
    for cid, v in votes.items():
        if v[FEM] != v[MASC]:
            out[cid] = FEM if v[FEM] > v[MASC] else MASC
    for c in ctx.clusters:  # what the text shows comes first; else the first name ("Sophie Pétronin")
        if c.type == "Person" and c.id not in out:
            first = next((ctx.doc[m.start].text for m in c.mentions if m.end - m.start >= 2), None)
            if first in ctx.lex.first_names:
                out[c.id] = ctx.lex.first_names[first]
    return out


def word_gender(tok: Token) -> str | None:
    """The gender a pronoun, a determiner or a noun carries ("elle", "la présidente"), if any."""
    g = tok.morph.get("Gender")
    return g[0] if len(g) == 1 else None


def body_gender(ctx: Context, cluster: int) -> str | None:
    """The grammatical gender of a body, which a pronoun taking it up agrees with: of its common
    noun ("le conseil de l'Union européenne", "la police turque") or of the article the text puts
    before its name ("le MHP", "du Parti socialiste", "la SNCF"); None for a name the text gives
    no article ("Apple" is "il" or "elle") or when its mentions disagree."""
    doc = ctx.doc
    found = set()
    for m in ctx.clusters[cluster].mentions:
        head = doc[m.start]
        if head.pos_ == "NOUN" and head.text[:1].islower():
            found.add(word_gender(head))
        elif m.start > 0 and doc[m.start - 1].pos_ in ("DET", "ADP"):
            found.add(word_gender(doc[m.start - 1]))
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _mention_genders(ctx: Context, start: int, end: int) -> list[str]:
    doc = ctx.doc
    markers = ctx.lex.data.get("gender_markers", {})
    out = []
    if start > 0:
        before = doc[start - 1]
        for g, words in markers.items():
            if before.lower_ in words:
                out.append(g)
        # "la chancelière X", "le ministre américain X": the title's article
        i = start - 1
        while i > 0 and doc[i].pos_ == "ADJ":
            i -= 1
        if doc[i].pos_ == "NOUN" and ctx.title_of(doc, doc[i]):
            out += _title_gender(doc[i])
    root = doc[start:end].root
    for c in root.children:  # "X, présidente de Y"
        if c.dep_ == "appos" and c.pos_ == "NOUN" and ctx.title_of(doc, c) and word_gender(c) == FEM:
            out.append(FEM)
    if root.dep_ in ("flat:name", "appos") and root.head.i < start:
        root = root.head  # "Mme X est arrivée": the parse hangs the name on "Mme"
    if root.dep_ in (*SUBJ, "nsubj:pass"):
        out += _predicate_gender(root.head)
    return out


def _title_gender(title: Token) -> list[str]:
    """ "la présidente", "le ministre": the article says it; without one only a feminine form does."""
    det = next((c for c in title.children if c.dep_ == "det"), None)
    g = word_gender(det) if det is not None else None
    if g:
        return [g]
    return [FEM] if word_gender(title) == FEM else []


def _predicate_gender(head: Token) -> list[str]:
    """ "est arrivée", "a été élue", "est candidate": a participle with "être" or an adjective
    predicate agrees with its subject (a participle with "avoir" does not)."""
    kids = list(head.children)
    with_etre = any((c.dep_.startswith("aux") or c.dep_ == "cop") and c.lemma_ == "être" for c in kids)
    if not with_etre or head.pos_ not in ("VERB", "ADJ", "NOUN"):
        return []
    if "Plur" in head.morph.get("Number"):
        return []
    if head.pos_ == "NOUN":  # "X est ministre": only a feminine form says anything
        return [FEM] if word_gender(head) == FEM else []
    g = word_gender(head)
    return [g] if g else []
