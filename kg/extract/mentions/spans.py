"""Mentions from spaCy's NER spans, cleaned up: a span loses the title, honorific, nationality,
description, kind of place or date it ran into ("[Premier ministre] David Cameron", "[fonds
américain] KKR", "la province de [Ghôr]", "l'ONU [lundi]"), gains what it left out ("[Marine] Le
Pen", "Siemens [Energy]", "[De] Gendt") and is dropped when what is left is no name (a role, a
people, a capitalised dictionary word without a cue)."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from kg.extract.mentions import WEAK, Mention, clean_name
from kg.extract.mentions.words import MentionLexicon

SENTENCE_OPENERS = frozenset({"«", "\"", "“", "–", "—", "-", ":", "(", "•", "*"})
DASHES = frozenset({"-", "–", "—"})
NER_TYPES = {"PER": "Person", "ORG": "Company", "LOC": "Location", "MISC": "Company"}


def ner_mentions(lx: MentionLexicon, doc: Doc) -> list[Mention]:
    """The mentions spaCy's NER spans stand for, one line of a span at a time."""
    out = []
    for ent_start, ent_end, label in ner_spans(lx.unfinished_words, doc):
        for start, end in _lines(doc, ent_start, _clause_end(lx, doc, ent_start, ent_end)):
            mention = ner_mention(lx, doc, start, end, label)
            if mention is not None:
                out.append(mention)
    return out


def ner_spans(unfinished: frozenset[str], doc: Doc) -> list[tuple[int, int, str]]:
    """The NER's spans, made whole: a hyphenated name cut at its hyphen ("François-[Henri
    Pinault]") gets its other half back, and a name cut after a word no name ends on ("sa marque
    [Yves Saint] [Laurent Beauté]") is one span with the next (but "le député [LR] [Jean
    Durand]", "le patron de [Tesla] [Elon Musk]" are two names). ``unfinished``: the words no name
    ends on (particles, "Saint"). :class:`kg.extract.ner.NameRepair` writes these spans to
    ``doc.ents``; read again, they are the same."""
    spans: list[list] = []
    for ent_start, ent_end, label in _separated(doc):
        start, end = ent_start, ent_end
        while start >= 2 and _hyphen_join(doc, start - 2):
            start -= 2
        while end + 1 < len(doc) and _hyphen_join(doc, end - 1):
            end += 2
        if doc[end - 1].text in unfinished and doc[end - 1].text[:1].isupper():
            # "[Yves Saint] Laurent Beauté": a name never ends on "Saint"; the capitalised words
            # the NER left after it belong to it
            while end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper() and not doc[end].ent_type_:
                end += 1
        if spans and start < spans[-1][1]:
            spans[-1][1] = max(end, spans[-1][1])  # the hyphen reached the span before
            continue
        if spans and spans[-1][1] == start and doc[start - 1].whitespace_ and doc[start].text[:1].isupper() \
                and doc[start - 1].text in unfinished:
            spans[-1][1] = end
            continue
        spans.append([start, end, label])
    return [(s, e, label) for s, e, label in spans]


def _separated(doc: Doc) -> list[tuple[int, int, str]]:
    """The NER's spans cut at a dash written between spaces, which separates names ("[Belgique -
    Irlande]" is two countries, "Saint-Denis" one place)."""
    out = []
    for ent in doc.ents:
        start = ent.start
        for i in range(ent.start + 1, ent.end - 1):
            if doc[i].text in DASHES and doc[i - 1].whitespace_ and doc[i].whitespace_:
                if start < i:
                    out.append((start, i, ent.label_))
                start = i + 1
        out.append((start, ent.end, ent.label_))
    return out


def _hyphen_join(doc: Doc, i: int) -> bool:
    """Tokens ``i``, ``i + 1``, ``i + 2`` are "Word", "-", "Word" written as one word."""
    a, dash, b = doc[i], doc[i + 1], doc[i + 2]
    return dash.text == "-" and not a.whitespace_ and not dash.whitespace_ and a.is_alpha and b.is_alpha \
        and a.text[:1].isupper() and b.text[:1].isupper()


def _strip(doc: Doc, start: int, end: int, keep_particle: bool = False) -> tuple[int, int]:
    """Without the determiners, punctuation and spaces at the ends; a capitalised particle of a
    person's name stays ("De Gendt", "Le Pen")."""
    while start < end and (doc[start].pos_ in ("DET", "ADP", "PUNCT") or doc[start].is_space):
        if keep_particle and doc[start].text[:1].isupper() and doc[start].pos_ in ("DET", "ADP") \
                and start + 1 < end and doc[start + 1].text[:1].isupper():
            break
        start += 1
    while end > start and (doc[end - 1].pos_ in ("PUNCT", "ADP", "DET", "CCONJ") or doc[end - 1].is_space):
        end -= 1  # "la province [du]": a name does not end on a function word
    return start, end


def _alphanumeric(word: str) -> bool:
    return any(ch.isdigit() for ch in word) and any(ch.isalpha() for ch in word)


def _opens(doc: Doc, i: int) -> bool:
    """Token ``i`` starts a sentence, a line or a quotation, where any word takes a capital."""
    prev = doc[i - 1] if i > 0 else None
    return prev is None or doc[i].is_sent_start or "\n" in prev.text or prev.text in SENTENCE_OPENERS


def _clause_end(lx: MentionLexicon, doc: Doc, start: int, end: int) -> int:
    """Where an NER span that ran into the clause should end: before a finite verb ("État islamique
    [revendique]") or a conjunction or relative pronoun ("Mediapart [que la justice]"), unless the
    word is inside a hyphenated name."""
    for i in range(start + 1, end):
        tok = doc[i]
        if not tok.text[:1].islower():
            continue  # only a word in lower case ends a name here
        clause = "Fin" in tok.morph.get("VerbForm") or tok.pos_ == "SCONJ" or "Rel" in tok.morph.get("PronType")
        # "la Société générale [pour des manquements]": names take no indefinite or possessive article
        nxt = doc[i + 1] if i + 1 < end else None
        clause = clause or (tok.pos_ == "ADP" and tok.lower_ not in lx.complement_words and nxt is not None
                            and nxt.pos_ == "DET" and ("Ind" in nxt.morph.get("Definite") or "Yes" in nxt.morph.get("Poss")))
        if clause and doc[i - 1].text != "-" and (i + 1 >= len(doc) or doc[i + 1].text != "-"):
            return i
    return end


def _lines(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a span between line breaks: a name never runs across lines."""
    parts, begin = [], start
    for i in range(start, end):
        if "\n" in doc[i].text:
            parts.append((begin, i))
            begin = i + 1
    parts.append((begin, end))
    return [(a, b) for a, b in parts if b > a]


def ner_mention(lx: MentionLexicon, doc: Doc, start: int, end: int, label: str) -> Mention | None:
    """The mention an NER span (or one line of it) stands for, if it names something."""
    # a capitalised article inside a sentence belongs to the name: "selon Le Monde", "Les Échos"
    start, end = _strip(doc, start, end, keep_particle=label == "PER" or not _opens(doc, start))
    if label == "PER" and start > 0 and doc[start - 1].text in lx.name_particles and start < end:
        start -= 1  # "[De] Gendt", "[Van] Aert": the NER left the particle out
    if label == "PER" and start > 0 and _first_name_before(lx, doc, start - 1):
        start -= 1  # "[Marine] Le Pen": a capitalised word the NER left before a person's name
    while end - start > 1 and doc[end - 1].text in lx.time_words:
        end -= 1  # "l'ONU [lundi]": the NER ran into the date
    while end - start > 1 and _leading_word(lx, doc, start):
        start += 1  # "Premier ministre David Cameron", "Américaine Virginia Thrasher"
    if end - start == 2 and doc[start + 1].lower_ in lx.demonym_forms and ends_title(lx, doc, start):
        start += 1  # "le président du [Conseil italien]": the title's last word, then a nationality
    start = _after_description(doc, start, end)
    if label == "LOC":
        start = _after_place_classifier(lx, doc, start, end)
    if start >= end or (end - start == 1 and _not_a_name(lx, doc[start], label)):
        return None
    if _only_portfolio(lx, doc, start, end):
        return None  # "le ministre de [l'Industrie]": a portfolio, named by common nouns
    portfolio = _portfolio(lx, doc, start, end)
    if portfolio:
        start = portfolio  # "le ministre de [l'Économie] Bruno Le Maire": the name follows
    elif lx.title_of(doc, doc[start]):
        start = _after_title(lx, doc, start, end)  # "Haut-Commissaire des [Nations unies]"
        if start is None:
            return None  # "ministre de l'Intérieur", "président de la République": a role
    span = doc[start:end]
    text = span.text
    if not any(ch.isupper() for ch in text) and not any(_alphanumeric(t.text) for t in span):
        return None  # "13 novembre 2017", "18 heures": a date or a number names nothing
    if label in ("ORG", "MISC"):
        end = _extend_name(doc, _before_remit(lx, doc, start, end))
        if end - start == 2 and doc[start].lower_ not in lx.dictionary and doc[end - 1].text.islower() \
                and doc[end - 1].lower_ in lx.demonym_forms:
            end -= 1  # "le [Hezbollah] libanais": a name and its nationality ("Parti socialiste" stays whole)
        span = doc[start:end]
    if end - start == 1 and doc[start].lower_ in lx.dictionary and not _opens(doc, start):
        end = _institution_name(lx, doc, start)  # "l'[État islamique]", "le [Front national]"
        span = doc[start:end]
    text = span.text
    etype = NER_TYPES.get(label)
    if etype is None or text.lower() in lx.titles or text.lower() in lx.common:
        return None
    if label != "PER" and doc[start].lower_ in lx.lex.words("event_heads"):
        return None  # "Élection présidentielle taïwanaise de 2016", "Loi Travail": an event, a law
    if start > 0 and doc[start - 1].lower_ in lx.lex.words("named_thing_nouns"):
        # "le prix Carl-Sagan", "la médaille Fields", "la tempête Egon": an award, a storm; with a
        # name after the award's own word ("Nobel", "Albert-Londres"), in the span or right after
        # it, the laureate is named ("le prix Nobel Annie Ernaux"): left as the NER gave it
        after = start + 1
        while after + 1 < end and doc[after].text == "-":
            after += 2  # "Albert-Londres" cut at its hyphen
        laureate = after < end or (end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha)
        if not laureate:
            return None
    # a capitalised dictionary word ("Hier", "Rassemblement", "l'État") counts only with a cue
    source = "misc" if label == "MISC" or (end - start == 1 and _common_word(lx, doc, start)) else "ner"
    weight = 0.5 if source == "misc" else WEAK
    if label == "ORG" and _acronym(text):
        etype = "Organization"  # an acronym no list knows: a party, an agency, a union as often as a firm
    return Mention(start, end, clean_name(text), Counter({etype: weight}), source)


def _acronym(text: str) -> bool:
    """ "SNR", "CNDD-FDD": capitals only, two to eight letters."""
    letters = text.replace("-", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def _after_description(doc: Doc, start: int, end: int) -> int:
    """Where the name starts in a span that took in the common noun describing it:
    "[banque russe] Gazprombank", "[fonds américain] KKR" (no preposition in between)."""
    i = start
    while i < end and doc[i].text[:1].islower() and doc[i].pos_ in ("NOUN", "ADJ"):
        i += 1
    return i if start < i < end and doc[i].text[:1].isupper() else start


def _after_place_classifier(lx: MentionLexicon, doc: Doc, start: int, end: int) -> int:
    """Where a place's name starts after the kind of place: "la province de [Ghôr]", "l'État du
    [Rajasthan]", "le quartier de [Sultanahmet]" (the kind is no part of the proper name)."""
    tok = doc[start]
    if tok.lower_ not in lx.place_classifiers or (tok.text[:1].isupper() and tok.lower_ not in lx.state_nouns):
        return start
    i = start + 1
    while i < end and doc[i].lower_ in lx.complement_words:
        i += 1
    if not (start + 1 < i < end and doc[i].text[:1].isupper()):
        return start
    # "le département de la Justice" is a ministry, "le département de l'Hérault" a place
    return start if tok.lower_ in lx.gov_heads and doc[i].lower_ in lx.dictionary else i


def _first_name_before(lx: MentionLexicon, doc: Doc, i: int) -> bool:
    tok = doc[i]
    low = tok.lower_
    return tok.text[:1].isupper() and tok.is_alpha and tok.pos_ in ("PROPN", "NOUN") and not tok.ent_type_ \
        and (i == 0 or doc[i - 1].pos_ != "DET") and tok.text not in lx.gazetteer \
        and low not in lx.title_words and low not in lx.honorifics and low not in lx.demonym_forms \
        and not lx.title_of(doc, tok)


def _described_after(lx: MentionLexicon, doc: Doc, i: int) -> bool:
    """The word is followed by an apposition naming what it is: ", la maison mère de", ", le groupe"."""
    if i + 3 >= len(doc) or doc[i + 1].text != "," or doc[i + 2].pos_ != "DET":
        return False
    j = i + 3
    while j < len(doc) and doc[j].pos_ == "ADJ":
        j += 1
    if j >= len(doc):
        return False
    noun = doc[j].lemma_.lower()
    two = f"{noun} {doc[j + 1].lower_}" if j + 1 < len(doc) else noun
    return bool({noun, two} & (lx.company_cues | lx.org_words | lx.gov_heads)) or bool(lx.title_of(doc, doc[j]))


def _after_title(lx: MentionLexicon, doc: Doc, start: int, end: int) -> int | None:
    """Where a name starts after a title heading an NER span, or None if only a role is left."""
    i = start + 1
    while i < end and not doc[i].text[:1].isupper():
        i += 1
    if i >= end or (end - i == 1 and _common_word(lx, doc, i, anywhere=True)):
        return None
    return i


def _before_remit(lx: MentionLexicon, doc: Doc, start: int, end: int) -> int:
    """Where a listed name ends when a remit follows it in the span: "Haut-Commissaire des [Nations
    unies] aux droits de l'homme" (the remit is the title's, not the body's)."""
    to = lx.lex.preps("to")
    for k in range(start + 1, end - 1):
        if doc[k].lower_ in to and doc[k + 1].text[:1].islower() and doc[start:k].text in lx.gazetteer:
            return k
    return end


def _common_word(lx: MentionLexicon, doc: Doc, i: int, anywhere: bool = False) -> bool:
    """A dictionary word capitalised by its place (sentence start) or used as a common noun."""
    tok = doc[i]
    if tok.text in lx.gazetteer or tok.lower_ not in lx.dictionary:
        return False
    if tok.dep_ in ("nsubj", "nsubj:pass") and not any(c.dep_ == "det" for c in tok.children):
        return False  # a French common noun takes an article: a bare subject is a name ("Orange prévoit")
    if _described_after(lx, doc, i):
        return False  # "Alphabet, la maison mère de Google, ...": a name being described
    if anywhere or tok.pos_ not in ("PROPN", "NOUN", "X"):
        return True
    if tok.pos_ != "NOUN":  # a proper noun that is also a word ("Orange", "Tesla") unless alone on its line
        return _opens(doc, i) and (i + 1 == len(doc) or "\n" in doc[i + 1].text)
    # a noun: "Les Républicains", "Les Verts" are names by the capital of their article
    return not (i > 0 and doc[i - 1].pos_ == "DET" and doc[i - 1].text[:1].isupper() and not _opens(doc, i - 1))


def _institution_name(lx: MentionLexicon, doc: Doc, i: int) -> int:
    """The end of a name made of a capitalised noun and its adjectives, as French writes the
    names of institutions: "Assemblée nationale", "Parti socialiste", "État islamique"."""
    end = i + 1
    while end < len(doc) and end - i <= 2 and doc[end].text[:1].islower() and doc[end].head.i == i \
            and (doc[end].pos_ == "ADJ" or "Part" in doc[end].morph.get("VerbForm")) \
            and doc[end].lower_ not in lx.demonym_forms:
        end += 1
    return end


def _extend_name(doc: Doc, end: int) -> int:
    """Capitalised words the NER left out of an organisation's name: "Siemens [Energy]"."""
    limit = min(end + 3, len(doc))
    while end < limit and doc[end].text[:1].isupper() and not doc[end].ent_type_ \
            and doc[end].pos_ in ("PROPN", "X", "NOUN") and doc[end - 1].text not in (".", "!", "?", ":"):
        end += 1
    return end


def _portfolio(lx: MentionLexicon, doc: Doc, start: int, end: int) -> int | None:
    """Where the person's name starts in an NER span that swallowed a title's portfolio:
    "ministre de [l'Économie Bruno Le Maire]", "ministre déléguée au [Numérique Clara Chappaz]"."""
    if end - start < 3:
        return None
    i = _before_complement(lx, doc, start)
    if i is None:
        return None  # no "de" before the span: "le président colombien [Juan Manuel Santos]"
    while i >= 0 and doc[i].pos_ == "ADJ" and doc[i].text[:1].islower():
        i -= 1
    if i < 0 or not lx.title_of(doc, doc[i]):
        return None
    rest = doc[start + 1:end]
    if not rest[0].text[:1].isupper() and doc[i].lemma_.lower() not in lx.lex.words("portfolio_titles"):
        return None  # "chef de la [République de Tchétchénie]": a place's name goes on, no person follows
    return start + 1 if all(t.text[:1].isupper() or t.lower_ in lx.lex.words("portfolio_words") for t in rest) else None


def _only_portfolio(lx: MentionLexicon, doc: Doc, start: int, end: int) -> bool:
    """The span is a minister's portfolio: dictionary words right after "ministre de (l')"."""
    if not all(t.lower_ in lx.dictionary or t.lower_ in lx.complement_words or t.lower_ in lx.lex.words("and_words")
               for t in doc[start:end]):
        return False
    i = _before_complement(lx, doc, start)
    if i is not None and i > 0 and doc[i].lower_ in lx.demonym_forms:
        i -= 1  # "le ministre iranien des [Transports]"
    return i is not None and i >= 0 and doc[i].lemma_.lower() in lx.lex.words("portfolio_titles")


def _before_complement(lx: MentionLexicon, doc: Doc, start: int) -> int | None:
    """The word before the "de (l')", "au" that introduces the span at ``start`` (-1 at the
    document's start), or None when no such word introduces it."""
    i = start - 1
    while i >= 0 and (doc[i].lower_ in lx.complement_words or doc[i].lower_ in lx.lex.preps("to")):
        i -= 1
    return None if i == start - 1 else i


def _not_a_name(lx: MentionLexicon, tok: Token, label: str) -> bool:
    """One-word NER spans that are not names: "les Britanniques", "UTC", "A", "l'État"."""
    low = tok.lower_
    if low in lx.demonym_forms or low in lx.not_entities or len(tok.text) == 1:
        return True
    if label == "PER" or tok.text in lx.gazetteer:
        return False
    # a people: "une Suissesse", "les Tunisiennes"
    return low.endswith(lx.people_suffixes)


def _leading_word(lx: MentionLexicon, doc: Doc, i: int) -> bool:
    """A title, honorific or nationality word heading an NER span before a capitalised name."""
    low = doc[i].lower_
    nxt = doc[i + 1]
    first_words = lx.lex.data["title_first_words"]  # "Premier ministre"
    if not nxt.text[:1].isupper() and low not in first_words:
        return False
    if low in first_words:
        return nxt.lower_ == first_words[low]
    return low in lx.title_words or low in lx.honorifics or low in lx.demonym_forms


def ends_title(lx: MentionLexicon, doc: Doc, i: int) -> bool:
    """The word at ``i`` is the last of a title of several words ("président du [conseil]")."""
    for k in (1, 2, 3):
        if i - k >= 0:
            title = lx.title_of(doc, doc[i - k])
            if title is not None and len(title.split()) == k + 1 and title.startswith(doc[i - k].lower_):
                return True
    return False
