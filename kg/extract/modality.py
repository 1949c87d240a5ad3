"""The modality of a relation: ``asserted``, ``hedged`` or ``negated``, read at its trigger.

The trigger inherits the mood of the words it depends on through transparent dependencies
("pourrait racheter", "le projet de rachat", "a renoncé à acheter"): conditional mood, modal and
intention verbs, hedging nouns, adjectives and markers ("selon"), and negation. The words are
lists of ``kg/lang/<lang>/lexicon.json``.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.lexicon import Lexicon

#: Dependencies through which a trigger inherits the mood of its governor.
TRANSPARENT = ("obj", "nmod", "xcomp", "obl:arg", "acl", "amod", "fixed", "flat", "iobj", "conj", "advcl")


def modality(lex: Lexicon, trigger: Token) -> str:
    """``negated``, ``hedged`` or ``asserted``: what the words governing ``trigger`` say of it."""
    neg_markers = lex.words("negation_markers")
    neg_verbs = lex.words("negation_verbs")
    hedge_verbs = lex.words("hedge_verbs")
    hedge_nouns = lex.words("hedge_nouns")
    hedge_adjs = lex.words("hedge_adjectives")
    hedge_marks = lex.words("hedge_markers")
    path = [trigger]
    t = trigger
    while t.head.i != t.i and len(path) < 8:
        if t.dep_ not in TRANSPARENT or (t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX")):
            break
        t = t.head
        path.append(t)
    hedged = False
    for k, tok in enumerate(path):
        lemma = tok.lemma_.lower()
        kids = list(tok.children)
        if any(c.lower_ in neg_markers and c.dep_ in ("advmod", "det", "cc") for c in kids) \
                or (k > 0 and lemma in neg_verbs):
            return "negated"
        if conditional(lex, tok):
            hedged = True
        if k > 0 and (lemma in hedge_verbs or lemma in hedge_nouns or lemma in hedge_adjs):
            hedged = True
        if any(c.dep_ == "amod" and c.lemma_.lower() in hedge_adjs for c in kids):
            hedged = True
        if any(c.lower_ in hedge_marks and c.dep_ in ("mark", "case", "advmod") for c in kids):
            hedged = True
        if any(c.dep_ == "aux" and c.lemma_.lower() in hedge_verbs for c in kids):
            hedged = True
        if any(c.dep_.startswith("aux") and conditional(lex, c) for c in kids):
            hedged = True  # "la Russie aurait financé X": the conditional past of reported facts
    return "hedged" if hedged else "asserted"


def conditional(lex: Lexicon, tok: Token) -> bool:
    """Conditional mood, also where the tagger says indicative ("couvrirait")."""
    if "Cnd" in tok.morph.get("Mood"):
        return True
    return tok.pos_ in ("VERB", "AUX") and "Fin" in tok.morph.get("VerbForm") \
        and tok.lower_.endswith(tuple(lex.data["conditional_endings"]))
