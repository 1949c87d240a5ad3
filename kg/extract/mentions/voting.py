"""Typing mentions by a vote of cues: a title ("le PDG X"), a cue noun ("la société X"), a
government or organisation word, a company suffix ("Inc."), a role (the buyer of a deal is a
company), metonymy ("Bruxelles inflige une amende": the capital acts as a government)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.mentions import CUE, STRONG, Mention, after_trade, compound_lemma
from kg.extract.mentions.words import MentionLexicon


def vote_types(lx: MentionLexicon, doc: Doc, mentions: list[Mention]) -> None:
    """Add context cues to each mention's votes and record titles and nationalities.

    What the name itself says (a government or organisation word in it, a company suffix) and
    a person's full name outweigh the context: "le président de la [Fédération française de
    ski]" and "l'ancien ministre de [François Hollande]" name no company."""
    for m in mentions:
        span = doc[m.start:m.end]
        words = [t.lower_ for t in span]
        named = False  # the name says what it is
        if m.source != "gazetteer":
            first = span[0].lemma_.lower()
            if first in lx.gov_heads or span[0].lower_ in lx.gov_heads or " ".join(words[:2]) in lx.gov_heads:
                # (of two words: "Force aérienne algérienne", not "Force ouvrière")
                m.votes["Government"] += CUE
                named = True
                for t in span[1:]:
                    m.country = m.country or lx.demonym(t)
            if len(words) > 1 and any(w in lx.org_words for w in words):  # not "Rassemblement" alone
                m.votes["Organization"] += CUE * 0.7
                named = True
            if len(words) > 1 and any(w in lx.gov_name_words for w in words):
                m.votes["Government"] += CUE  # "Federal Trade Commission", "Cour de cassation"
                named = True
            if words[-1] in lx.company_suffixes and len(words) > 1:
                m.votes["Company"] += CUE
        root = span.root
        acts = _acts(lx, doc, m, root)
        if m.source == "gazetteer" and m.votes.get("Location") and m.country and acts:
            m.votes["Government"] += STRONG + 1  # "Bruxelles inflige une amende": the capital acts
        named_person = m.source == "ner" and m.votes.get("Person") and m.end - m.start > 1  # "Elon Musk a cédé"
        # context cues that a company is meant, for names that do not say what they are
        context = not named and not named_person
        if root.dep_ in ("nsubj", "nsubj:pass", "obj") and root.head.lemma_.lower() in lx.business_verbs \
                and context:
            m.votes["Company"] += CUE * 0.7
        head = _complemented_noun(lx, doc, m.start) if context else None
        if head is not None and (lx.title_of(doc, head) in lx.company_titles
                                 or head.lemma_.lower() in lx.business_nouns):
            m.votes["Company"] += CUE * 0.7  # "le PDG de X", "le rachat de X" (not "le maire de X")
        elif head is not None and head.lemma_.lower() in lx.share_nouns:
            m.votes["Company"] += CUE * 0.7  # "des actions de X", "le capital de X"
        title = _title_before(lx, doc, m)
        if title:
            m.title = title
            m.votes["Person"] += CUE
        if m.start >= 2 and doc[m.start - 2].pos_ == "DET" and doc[m.start - 1].lower_ in lx.demonym_forms \
                and doc[m.start - 1].text[:1].islower() and not named_person:
            m.votes["Company"] += CUE  # "le chinois Sinochem", "l'américain Pfizer"
        if m.source == "misc" and m.start > 0 and doc[m.start - 1].lower_ in lx.source_markers:
            m.votes["Company"] += CUE * 0.7  # "selon Les Échos": a source that is named
        cue = _cue_noun(lx, doc, m)
        if cue in lx.company_cues and not (named_person and cue in lx.person_cues):
            m.cue = cue
            m.votes["Company"] += CUE
        elif cue in lx.org_words and not named_person:
            m.votes["Organization"] += CUE


def _complemented_noun(lx: MentionLexicon, doc: Doc, start: int) -> Token | None:
    """The noun whose "de" complement starts at ``start``: "le patron [de] [la] X" -> patron."""
    j = start - 1
    if j >= 0 and doc[j].pos_ == "DET":
        j -= 1
    if j < 1 or doc[j].lower_ not in lx.lex.preps("de_du_des"):
        return None
    k = j - 1
    while k > 0 and doc[k].pos_ == "ADJ":
        k -= 1
    return doc[k] if doc[k].pos_ in ("NOUN", "PROPN") else None


def _acts(lx: MentionLexicon, doc: Doc, m: Mention, root: Token) -> bool:
    """The mention does something: subject of an action verb, right before a finite verb,
    or the agent of a passive ("autorisé par Bruxelles")."""
    if root.dep_ in ("nsubj", "nsubj:pass") and root.head.pos_ == "VERB":
        # a reporting verb with a thing for object acts too: "Washington a ajouté X à sa liste"
        return root.head.lemma_.lower() not in lx.static_verbs or any(
            (c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN"))
            # "Bruxelles doit encore autoriser": a modal before an action
            or (c.dep_ == "xcomp" and c.pos_ == "VERB" and c.lemma_.lower() not in lx.static_verbs)
            for c in root.head.children)
    nxt = doc[m.end] if m.end < len(doc) else None
    # "le bureau de X à [Paris] emploie": a place where, not an actor ("la réponse de Moscou" acts)
    after_prep = m.start > 0 and doc[m.start - 1].lower_ in lx.lex.preps("in")
    if nxt is not None and nxt.pos_ in ("VERB", "AUX") and "Fin" in nxt.morph.get("VerbForm") and not after_prep:
        return nxt.lemma_.lower() not in lx.static_verbs or nxt.lemma_.lower() == "avoir"
    prev = doc[m.start - 1] if m.start > 0 else None
    if prev is not None and prev.lower_ == "par" and root.dep_ in ("obl:agent", "obl", "obl:mod"):
        return True
    head = _complemented_noun(lx, doc, m.start)  # "la décision de Bruxelles de ..."
    return head is not None and head.lemma_.lower() in lx.decision_nouns


def _title_before(lx: MentionLexicon, doc: Doc, m: Mention) -> str | None:
    """A person title or honorific right before or governing the mention ("le PDG X")."""
    root = doc[m.start:m.end].root
    if m.start > 0 and doc[m.start - 1].text == "(":
        return None  # "maire (UDE) de la commune": a party label in parentheses holds no title
    direct = root.dep_ in ("appos", "flat:name") or (root.dep_ == "nmod" and not any(
        c.dep_ == "case" for c in root.children))
    # "le président [du parti] Horizons": a noun after a preposition in between is what is headed
    between = doc[root.head.i + 1:m.start]
    direct = direct and not (any(t.pos_ == "ADP" for t in between)
                             and any(t.pos_ == "NOUN" and t.text[:1].islower() for t in between))
    heads = [root.head] if direct and root.head.i < m.start else []
    if m.start > 0:
        heads.append(doc[m.start - 1])
    for h in heads:
        key = lx.title_of(doc, h)
        if key:
            return key
        if h.lower_ in lx.honorifics:
            return h.lower_
    for c in root.children:  # "Isabelle Kocher, directrice générale de ..."
        if c.dep_ in ("appos", "nmod") and not any(x.dep_ == "case" for x in c.children):
            key = lx.title_of(doc, c)
            if key:
                return key
    if any(c.dep_ == "case" for c in root.children):
        return None  # "Selon X, le ministre a dit": no apposition after a preposition's object
    return lx.title_after(doc, m.end)


def _cue_noun(lx: MentionLexicon, doc: Doc, m: Mention) -> str | None:
    """The common noun that introduces the mention: "la société X", "X, le géant de ..."."""
    root = doc[m.start:m.end].root
    i = m.start - 1
    while i >= 0 and doc[i].pos_ == "ADJ":
        i -= 1
    if i >= 0 and doc[i].pos_ in ("NOUN", "X", "PROPN") and doc[i].text[:1].islower():
        k = i - 2  # past the trade: "le fabricant [de freins] Knorr"
        while k >= 0 and doc[k].pos_ == "ADJ":
            k -= 1
        if k >= 0 and after_trade(lx.lex, doc, i - 1) == m.start and doc[k].lemma_.lower() in lx.company_cues:
            return doc[k].lemma_.lower()
        return compound_lemma(doc[i])
    bare = not any(c.dep_ == "case" for c in root.children)
    if root.dep_ in ("appos", "flat:name", "nmod") and bare and root.head.pos_ == "NOUN" and root.head.i < m.start \
            and not _past_another_name(doc, root.head.i, m.start):
        return root.head.lemma_.lower()
    for c in root.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN":
            return c.lemma_.lower()
    return None


def _past_another_name(doc: Doc, noun: int, start: int) -> bool:
    """A name stands between the noun and the mention: "le PDG du groupe Danone Jean Martin" ("groupe"
    introduces Danone), not an article or the name an acronym in parentheses repeats ("l'association
    Airlines for Europe (A4E)")."""
    return doc[start - 1].text != "(" and any(t.text[:1].isupper() and t.pos_ != "DET" for t in doc[noun + 1:start])

