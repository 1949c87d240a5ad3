"""Names the NER missed, found where French introduces them: after a title or a company cue ("le
PDG de Danone", "la société Ynsect", "le constructeur coréen Hyundai"), before a title in
apposition ("François-Henri Pinault, le PDG de Kering"), after a nationality ("la Cubaine Idalys
Ortiz"), coordinated with a found name ("Heineken et Carlsberg"), or repeated ("Froome")."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from kg.extract.mentions import CUE, WEAK, Mention, after_trade, compound_lemma, positions, tokens_with_pos
from kg.extract.mentions.words import MentionLexicon, title_size


def introduced_names(lx: MentionLexicon, doc: Doc) -> list[Mention]:
    """Capitalised names NER missed where French introduces an organisation:
    "le PDG de Danone", "la société Ynsect", "le constructeur coréen Hyundai"."""
    out = _introduced_people(lx, doc) + _titled_people(lx, doc) + _people_after_title(lx, doc)
    nouns = {t.i for t in tokens_with_pos(doc, ("NOUN",))}
    nouns |= {i + 1 for i in positions(doc, "ORTH", (doc.vocab.strings["-"],)) if 1 <= i < len(doc) - 1}  # "start-up" is three tokens
    for tok in (doc[i] for i in sorted(nouns)):
        lemma = compound_lemma(tok)
        i = tok.i + 1
        title = lx.title_of(doc, tok)
        if title and title.startswith(tok.lower_):
            i = tok.i + title_size(title)  # past the title's own words: "directeur de la [rédaction] du Monde"
        if title and i < len(doc) and doc[i].lower_ in lx.lex.preps("de_du"):
            i += 1
        elif (lemma in lx.company_cues or (i < len(doc) and f"{lemma} {doc[i].lower_}" in lx.company_cues)) \
                and not tok.text[:1].isupper():  # "la société X", "le réseau social X"
            while i < len(doc) and doc[i].pos_ == "ADJ" and doc[i].text[:1].islower():
                i += 1
            i = after_trade(lx.lex, doc, i)
        else:
            continue
        start = i
        while i < len(doc) and any(ch.isupper() for ch in doc[i].text[:3]) \
                and doc[i].pos_ in ("PROPN", "NOUN", "ADJ", "X") \
                and doc[i].ent_type_ != "PER" and i - start < 4:
            i += 1
        if i > start and not (i - start == 1 and doc[start].lower_ in lx.lex.words("state_nouns")):
            # (not "chef d'État": the state is no name)
            out.append(Mention(start, i, doc[start:i].text, Counter({"Company": CUE}), "cue"))
    return out


def _titled_people(lx: MentionLexicon, doc: Doc) -> list[Mention]:
    """A name the NER missed, followed by a person's title in apposition: "François-Henri
    Pinault, le PDG de Kering" (two to five capitalised words, hyphens kept)."""
    out = []
    for comma in (i for i in positions(doc, "ORTH", (doc.vocab.strings[","],)) if i >= 2):
        if doc[comma - 1].ent_type_ or not lx.title_after(doc, comma):
            continue
        start = comma
        while start > 0 and comma - start < 5 and (doc[start - 1].text == "-" or (
                doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha and doc[start - 1].pos_ == "PROPN")):
            start -= 1
        words = [t for t in doc[start:comma] if t.text != "-"]
        if len(words) >= 2 and doc[start].text != "-":
            out.append(Mention(start, comma, doc[start:comma].text, Counter({"Person": CUE}), "cue"))
    return out


def _people_after_title(lx: MentionLexicon, doc: Doc) -> list[Mention]:
    """A name the NER missed right after a person's title and its lower-case complement: "le
    président du groupe, Masayoshi Son, a ...", "le ministre des affaires étrangères Miroslav
    Lajčák (Smer-DS)" (two to four capitalised words, the first no dictionary word, then a comma,
    a parenthesis, a full stop or a verb)."""
    out = []
    for tok in tokens_with_pos(doc, ("NOUN",)):
        title = lx.title_of(doc, tok)
        if not title or not title.startswith(tok.lower_) or not tok.is_lower:
            continue
        i = tok.i + title_size(title)
        j = i
        while j < min(i + 5, len(doc)) and doc[j].is_lower and doc[j].pos_ in ("ADP", "DET", "NOUN", "ADJ"):
            j += 1  # "du groupe", "des affaires étrangères"
        if j > i and doc[i].lower_ not in lx.lex.preps("de_du_des"):
            continue
        if j < len(doc) and doc[j].text == ",":
            j += 1
        start = j
        while j < len(doc) and j - start < 4 and doc[j].text[:1].isupper() and doc[j].is_alpha \
                and not doc[j].ent_type_ and (j > start or doc[j].lower_ not in lx.dictionary):
            j += 1
        after = doc[j] if j < len(doc) else None
        if j - start >= 2 and after is not None and (after.text in (",", "(", ".") or after.pos_ in ("VERB", "AUX")):
            out.append(Mention(start, j, doc[start:j].text, Counter({"Person": CUE}), "cue"))
    return out


def _introduced_people(lx: MentionLexicon, doc: Doc) -> list[Mention]:
    """A person introduced by nationality, a name the NER often misses or mislabels:
    "la Cubaine Idalys Ortiz", "l'Australienne Ashleigh Gentle", "le Britannique Chris Froome"."""
    out = []
    for i in positions(doc, "LOWER", lx.people_word_ids):
        if not 0 < i < len(doc) - 1:
            continue
        tok = doc[i]
        low = tok.lower_
        people = low in lx.demonym_forms or (low.endswith("esse") and low[:-4] + "e" in lx.demonym_forms)
        if not tok.text[:1].isupper() or not people or low.endswith("s") or doc[tok.i - 1].pos_ != "DET":
            continue
        start = i = tok.i + 1
        while i < len(doc) and i - start < 4 and doc[i].text[:1].isupper() and doc[i].is_alpha \
                and doc[i].lower_ not in lx.demonym_forms and doc[i].pos_ in ("PROPN", "NOUN", "X", "ADJ"):
            i += 1
        if i > start:
            out.append(Mention(start, i, doc[start:i].text, Counter({"Person": CUE}), "cue"))
    return out


def coordinated_names(lx: MentionLexicon, doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A capitalised name coordinated with a found one, that the NER skipped: "[Heineken] et
    Carlsberg ont publié", "Airbus et [Boeing]". It takes the other name's type."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = []
    for m in mentions:
        if m.source == "misc" or not m.votes:
            continue
        votes = Counter({max(m.votes, key=m.votes.get): WEAK})
        if m.start >= 2 and doc[m.start - 1].lower_ in lx.coordinators:
            end = m.start - 1
            start = end
            while start > 0 and end - start < 3 and _bare_name_word(lx, doc, start - 1, taken):
                start -= 1
            if start < end:
                out.append(Mention(start, end, doc[start:end].text, Counter(votes), "ner"))
        if m.end + 1 < len(doc) and doc[m.end].lower_ in lx.coordinators:
            start = end = m.end + 1
            while end < len(doc) and end - start < 3 and _bare_name_word(lx, doc, end, taken):
                end += 1
            if start < end:
                out.append(Mention(start, end, doc[start:end].text, Counter(votes), "ner"))
    return out


def _bare_name_word(lx: MentionLexicon, doc: Doc, i: int, taken: set[int]) -> bool:
    tok = doc[i]
    return i not in taken and tok.pos_ in ("PROPN", "NOUN", "X") and tok.text[:1].isupper() \
        and tok.is_alpha and tok.lower_ not in lx.dictionary and tok.text not in lx.gazetteer


def repeated_names(lx: MentionLexicon, doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Later uses of a person's surname, or of a whole name, that the NER did not tag:
    "Christopher Froome ... Froome a gardé le maillot"."""
    known: dict[str, Counter[str]] = {}
    for m in mentions:
        if m.source == "misc":
            continue
        words = m.text.split()
        if len(words) > 1 and m.votes.get("Person", 0) > 0 and max(m.votes, key=m.votes.get) == "Person":
            last = words[-1]
            if len(last) > 2 and last[:1].isupper() and last.lower() not in lx.dictionary:
                known.setdefault(last, Counter({"Person": WEAK}))
        if len(words) == 1 and m.text[:1].isupper() and m.text.lower() not in lx.dictionary:
            known.setdefault(m.text, Counter({k: min(v, WEAK) for k, v in m.votes.items()}))
    taken = {i for m in mentions for i in range(m.start, m.end)}
    named = positions(doc, "ORTH", (doc.vocab.strings[n] for n in known))
    return [Mention(i, i + 1, doc[i].text, Counter(known[doc[i].text]), "ner") for i in named if i not in taken]
