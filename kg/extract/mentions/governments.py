"""Government bodies named by common nouns: "le ministère chinois du Commerce", "l'État français"
(the country acting), "le tribunal correctionnel de Paris", "le ministère du Travail"."""

from __future__ import annotations

from collections import Counter

from spacy.parts_of_speech import IDS
from spacy.tokens import Doc, Token

from kg.extract.mentions import STRONG, Mention, positions
from kg.extract.mentions.spans import ends_title
from kg.extract.mentions.words import MentionLexicon


def government_phrases(lx: MentionLexicon, doc: Doc) -> list[Mention]:
    """Common-noun government bodies with a nationality: "le ministère chinois du Commerce"."""
    out = []
    heads = set(positions(doc, "POS", (IDS["NOUN"], IDS["PROPN"])))
    heads |= set(positions(doc, "LOWER", (doc.vocab.strings[w] for w in lx.state_nouns)))
    for tok in (doc[i] for i in sorted(heads)):
        if tok.lower_ in lx.state_nouns and tok.text[:1].isupper():
            adjs = [c for c in tok.children if c.dep_ == "amod" and c.i == tok.i + 1 and lx.demonym(c)]
            if adjs:  # "l'État français va entrer au capital": the country acting
                country = lx.demonym(adjs[0])
                out.append(Mention(tok.i, tok.i + 2, country, Counter({"Country": STRONG}), "gazetteer", country))
            continue
        council = _local_council(lx, doc, tok)
        if council is not None:
            out.append(council)
            continue
        if tok.pos_ not in ("NOUN", "PROPN") or (tok.lemma_.lower() not in lx.gov_heads
                                                  and tok.lower_ not in lx.plural_gov_heads):
            continue  # "les troupes américaines" (a troupe, a force alone are no body)
        if "Plur" in tok.morph.get("Number") and tok.lower_ not in lx.plural_gov_heads:
            out += _each_nationality(lx, tok)  # "les gouvernements britannique, australien et danois"
            continue
        body = _body_of_place(lx, doc, tok) or _led_by(lx, doc, tok)
        if body is not None:
            out.append(body)
            continue
        if tok.i > 0 and doc[tok.i - 1].lower_ in lx.lex.preps("de"):
            continue  # a bare complement of another noun: "le conseil d'administration de X"
        if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in lx.demonym_forms and ends_title(lx, doc, tok.i) \
                and not (tok.i + 2 < len(doc) and doc[tok.i + 2].lower_ in lx.complement_words):
            continue  # "le président du Conseil italien": a title and a nationality, not a council
        adjs = [c for c in tok.children if c.dep_ == "amod" and lx.demonym(c)]
        court = None if adjs else _court_of_place(lx, doc, tok)
        if court is not None:
            out.append(court)
            continue
        if not adjs:
            portfolio = _portfolio_body(lx, doc, tok)
            if portfolio is not None:
                out.append(portfolio)
            continue
        end = max(a.i for a in adjs) + 1
        # "du Commerce", "du cyberespace": the complement right after names the body
        j = end
        while j < len(doc) and j - end < 3 and doc[j].pos_ in ("ADP", "DET") and doc[j].lower_ in lx.complement_words:
            j += 1
        if j > end and j < len(doc) and doc[j].pos_ in ("NOUN", "PROPN") and not doc[j].ent_type_ in ("PER",) \
                and not lx.title_of(doc, doc[j]):
            # (a ministry's portfolio, a remit: "le régulateur australien de la concurrence", "des
            # marchés financiers"; not a title: "l'armée syrienne du président X", "les autorités
            # béninoises des candidats")
            end = _with_adjectives(lx, doc, j, j + 1)
        country = lx.demonym(adjs[0])
        out.append(Mention(tok.i, end, doc[tok.i:end].text, Counter({"Government": STRONG}),
                           "government", country))
    return out


def _each_nationality(lx: MentionLexicon, tok: Token) -> list[Mention]:
    """A plural body with coordinated nationalities is one body of each country: "les
    gouvernements britannique, australien et danois", "les gouvernements français et allemand"
    (each adjective stands for "gouvernement britannique", ...; a portfolio after them is not read)."""
    adjs = [c for c in tok.children if c.dep_ == "amod" and c.i > tok.i and lx.demonym(c)]
    if not adjs:
        return []
    # the others hang from the first adjective, or from the noun ("français et [allemand]")
    adjs += [c for h in (*adjs, tok) for c in h.children
             if c.dep_ == "conj" and c.text[:1].islower() and c.i > tok.i and lx.demonym(c)]
    if len(adjs) < 2 or any(a.lower_.endswith(("s", "x")) and a.lower_ not in lx.lex.demonyms for a in adjs):
        return []  # "les armées russes et syriennes": adjectives in the plural, not one body each
    head = tok.lemma_.lower()
    return [Mention(a.i, a.i + 1, f"{head} {a.lower_}", Counter({"Government": STRONG}), "government", lx.demonym(a))
            for a in sorted(adjs, key=lambda a: a.i)]


def _body_of_place(lx: MentionLexicon, doc: Doc, tok: Token) -> Mention | None:
    """A state body named by the country or place it serves: "le gouvernement du Burundi",
    "l'assemblée nationale du Burundi", "le gouvernement fédéral du Canada", "la police de
    Chicago", "le ministère des affaires étrangères du Burundi", "le ministère de la Défense de
    Russie" (a body "de" a person, "le gouvernement de Theresa May", is :func:`_led_by`)."""
    if tok.lower_ not in lx.place_body_heads:
        return None
    j = tok.i + 1
    while j < len(doc) and doc[j].pos_ == "ADJ" and doc[j].text[:1].islower() and not lx.demonym(doc[j]):
        j += 1  # "nationale", "fédéral"
    place = _place_after(lx, doc, j)
    if place is None and tok.lower_ in lx.portfolio_heads:
        # a portfolio first: "des affaires étrangères", "de la Défense"
        k = j
        while k < len(doc) and k - j < 2 and doc[k].lower_ in lx.complement_words:
            k += 1
        if k == j:
            return None
        end = k
        while end < len(doc) and end - k < 3 and doc[end].pos_ in ("NOUN", "ADJ", "PROPN") \
                and _place_after(lx, doc, end) is None and not doc[end].ent_type_ in ("PER", "LOC"):
            end += 1
        place = _place_after(lx, doc, end) if end > k else None
    if place is None:
        return None
    end, country = place
    return Mention(tok.i, end, doc[tok.i:end].text, Counter({"Government": STRONG}), "government", country)


def _local_council(lx: MentionLexicon, doc: Doc, tok: Token) -> Mention | None:
    """A local council named by its kind and its place, in lower case: "le conseil départemental des
    Landes", "le conseil municipal de Lyon" (``local_body_heads`` of two words)."""
    if tok.i + 1 >= len(doc) or tok.text[:1].isupper() \
            or f"{tok.lower_} {doc[tok.i + 1].lower_}" not in lx.lex.words("local_body_heads"):
        return None
    place = _place_after(lx, doc, tok.i + 2)
    if place is None:
        return None
    end, country = place
    return Mention(tok.i, end, doc[tok.i:end].text, Counter({"Government": STRONG}), "government", country)


def _led_by(lx: MentionLexicon, doc: Doc, tok: Token) -> Mention | None:
    """A government named by the person who leads it: "l'administration Trump", "le gouvernement
    Assad", "le régime de Pierre Nkurunziza" (the person's name, as the NER tagged it, ends it)."""
    if tok.lower_ not in lx.lex.words("led_body_heads") or (tok.i > 0 and doc[tok.i - 1].lower_.replace("’", "'")
                                                            in lx.lex.preps("de")):
        return None  # "le conseil d'administration de X" is a company's board
    j = tok.i + 1
    if j < len(doc) and doc[j].lower_.replace("’", "'") in lx.lex.preps("de"):
        if tok.lower_ == "administration":
            return None  # "sous l'administration de X": a manager's tenure, not a government
        j += 1
    if j >= len(doc) or doc[j].ent_iob_ != "B" or doc[j].ent_type_ != "PER":
        return None
    end = j + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if lx.gazetteer.get(doc[j:end].text, ("", None))[0] in ("Country", "Location"):
        return None  # "le régime de Damas": a capital the NER took for a person
    return Mention(tok.i, end, doc[tok.i:end].text, Counter({"Government": STRONG}), "government")


def _place_after(lx: MentionLexicon, doc: Doc, j: int) -> tuple[int, str | None] | None:
    """Where "de <place>" starting at ``j`` ends, and the country it names if it is one: a
    listed country or place, or a place the NER tagged."""
    if j >= len(doc) or doc[j].lower_ not in lx.lex.preps("de_du_des"):
        return None
    k = j + 1
    if k < len(doc) and doc[k].lower_ in lx.complement_words:
        k += 1  # "de la", "de l'"
    if k >= len(doc) or not doc[k].text[:1].isupper():
        return None
    for end in range(min(len(doc), k + 5), k, -1):
        etype, _ = lx.gazetteer.get(doc[k:end].text, ("", None))
        if etype in ("Country", "Location"):
            return end, lx.canonical.get(doc[k:end].text, doc[k:end].text) if etype == "Country" else None
    if doc[k].ent_type_ == "LOC" and doc[k].ent_iob_ == "B":
        end = k + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return end, None
    return None


def _court_of_place(lx: MentionLexicon, doc: Doc, tok: Token) -> Mention | None:
    """A court or prosecutor's office named by its seat: "le tribunal correctionnel de Paris",
    "la cour d'appel de Versailles", "le parquet de Nanterre"."""
    if tok.lower_ not in lx.court_heads or not tok.text[:1].islower():
        return None
    j = tok.i + 1
    while j < len(doc) and j - tok.i <= 4:  # "correctionnel", "de commerce", "d'appel"
        if doc[j].pos_ == "ADJ" and doc[j].text[:1].islower():
            j += 1
        elif doc[j].lower_ in lx.lex.preps("de"):  # "de grande instance"
            k = j + 1
            while k < len(doc) and doc[k].pos_ == "ADJ" and doc[k].text[:1].islower():
                k += 1
            if not (k + 1 < len(doc) and doc[k].pos_ == "NOUN" and doc[k].text[:1].islower()
                    and doc[k + 1].lower_ in lx.lex.preps("de")):
                break
            j = k + 1
        else:
            break
    if j >= len(doc) or doc[j].lower_ not in lx.lex.preps("de"):
        return None
    end = j + 1
    while end < len(doc) and end - j <= 3 and (doc[end].text[:1].isupper() or _inner_hyphen(doc, end)) \
            and doc[end].ent_type_ != "PER" \
            and (doc[end].is_alpha or doc[end].text == "-" or (end == j + 1 and _hyphenated(doc[end].text))) \
            and (doc[end].lower_ not in lx.dictionary or doc[end].ent_type_ == "LOC" or doc[end].text in lx.gazetteer):
        end += 1
    if end == j + 1:
        return None
    return Mention(tok.i, end, doc[tok.i:end].text, Counter({"Government": STRONG}), "government")


def _inner_hyphen(doc: Doc, i: int) -> bool:
    """Token ``i`` is the hyphen inside a place name split by the tokenizer: "Clermont-Ferrand"."""
    return doc[i].text == "-" and 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ and not doc[i].whitespace_ \
        and doc[i + 1].text[:1].isupper()


def _hyphenated(word: str) -> bool:
    """A place name written as one hyphenated token: "Châlons-en-Champagne", "Boulogne-sur-Mer"."""
    return "-" in word and all(part.isalpha() for part in word.split("-"))


def _portfolio_body(lx: MentionLexicon, doc: Doc, tok: Token) -> Mention | None:
    """A government body named by its portfolio: "le ministère du Travail", "le département de
    la Justice", "le ministère de l'Intérieur turc" (a place as complement is not a portfolio)."""
    j = tok.i + 1
    while j < len(doc) and j - tok.i <= 3 and doc[j].lower_ in lx.complement_words:
        j += 1
    # a ministry's portfolio in lower case after its article: "le ministère des affaires étrangères"
    lowered = tok.lemma_.lower() in lx.lex.words("ministry_heads") and j < len(doc) and doc[j].pos_ == "NOUN" \
        and doc[j].text.islower() and any(doc[k].lower_.replace("’", "'") in lx.articles | lx.lex.words("contracted_articles")
                for k in range(tok.i + 1, j))
    if j == tok.i + 1 or j >= len(doc) or not (doc[j].text[:1].isupper() or lowered) \
            or doc[j].ent_type_ in ("PER", "LOC") or doc[j].text in lx.gazetteer:
        return None
    end = j + 1 if lowered else j
    while end < len(doc) and end - j < 4 and doc[end].text[:1].isupper() and doc[end].is_alpha:
        end += 1
    if end == j:
        return None
    end = _with_adjectives(lx, doc, j, end)
    if doc[j:end].text in lx.gazetteer:
        return None  # "les forces de l'[Union africaine]": a known name, no portfolio
    country = lx.demonym(doc[end]) if end < len(doc) and doc[end].text[:1].islower() else None
    if country:
        end += 1
    return Mention(tok.i, end, doc[tok.i:end].text, Counter({"Government": STRONG}), "government", country)


def _with_adjectives(lx: MentionLexicon, doc: Doc, first: int, end: int) -> int:
    """Past the lower-case adjectives of a portfolio ("des Affaires [étrangères]", "de la Transition
    [écologique]"); a nationality after them is the body's, not the portfolio's."""
    while end < len(doc) and doc[end].pos_ == "ADJ" and doc[end].text.islower() and first <= doc[end].head.i < end \
            and not lx.demonym(doc[end]):
        end += 1
    return end

