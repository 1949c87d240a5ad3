"""Entity mentions in a parsed ``Doc``, their type votes, and their grouping into clusters.

A mention comes from spaCy's NER, from the packaged gazetteers (countries, government bodies,
international organisations) or from a government noun phrase ("le gouvernement américain").
Its type is a vote of cues; mentions of one name, or of parts of one person's name, form a
cluster whose type is the sum of its mentions' votes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from kg.extract.lexicon import Lexicon
from kg.model import normalize_name

STRONG, CUE, WEAK = 5.0, 3.0, 1.0
COMPLEMENT_WORDS = frozenset({"du", "de", "des", "la", "l'", "l’", "d'", "d’"})
NAME_PARTICLES = frozenset({"De", "Di", "Da", "Du", "Del", "Della", "Van", "Von", "Le", "La", "Mac", "Mc"})
SENTENCE_OPENERS = frozenset({"«", "\"", "“", "–", "—", "-", ":", "(", "•", "*"})
PEOPLE_SUFFIXES = ("aise", "aises", "oise", "oises", "ienne", "iennes", "éenne", "éennes", "esse", "esses")
NER_TYPES = {"PER": "Person", "ORG": "Company", "LOC": "Location", "MISC": "Company"}
_TYPE_ORDER = ("Country", "Government", "Person", "Company", "Organization", "Location")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    votes: Counter[str] = field(default_factory=Counter)
    source: str = "ner"
    country: str | None = None
    title: str | None = None
    cue: str | None = None
    cluster: int = -1

    @property
    def misc_only(self) -> bool:
        return self.source == "misc" and sum(self.votes.values()) <= 0.5


@dataclass
class Cluster:
    id: int
    mentions: list[Mention]
    name: str
    type: str
    weak: bool = False

    @property
    def aliases(self) -> list[str]:
        names = {m.text for m in self.mentions} - {self.name}
        return sorted(names)


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


def compound_lemma(tok: Token) -> str:
    """The lemma of a hyphenated compound split by the tokenizer ("start - up" -> "start-up")."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-":
        return f"{doc[tok.i - 2].lower_}-{tok.lower_}"
    return tok.lemma_.lower()


def after_trade(doc: Doc, i: int) -> int:
    """Past the trade after a company noun, when a name follows: "le fabricant chinois [de drones] DJI"."""
    if i + 2 < len(doc) and doc[i].lower_ in ("de", "d'", "d’") and doc[i + 1].pos_ in ("NOUN", "ADV") \
            and doc[i + 1].text[:1].islower() and doc[i + 2].text[:1].isupper():
        return i + 2
    return i


def _alphanumeric(word: str) -> bool:
    return any(ch.isdigit() for ch in word) and any(ch.isalpha() for ch in word)


def _opens(doc: Doc, i: int) -> bool:
    """Token ``i`` starts a sentence, a line or a quotation, where any word takes a capital."""
    prev = doc[i - 1] if i > 0 else None
    return prev is None or doc[i].is_sent_start or "\n" in prev.text or prev.text in SENTENCE_OPENERS


def _clause_end(doc: Doc, start: int, end: int) -> int:
    """Where an NER span that ran into the clause should end: before a finite verb ("État islamique
    [revendique]") or a conjunction or relative pronoun ("Mediapart [que la justice]"), unless the
    word is inside a hyphenated name."""
    for i in range(start + 1, end):
        tok = doc[i]
        clause = "Fin" in tok.morph.get("VerbForm") or tok.pos_ == "SCONJ" or "Rel" in tok.morph.get("PronType")
        # "la Société générale [pour des manquements]": names take no indefinite or possessive article
        nxt = doc[i + 1] if i + 1 < end else None
        clause = clause or (tok.pos_ == "ADP" and tok.lower_ not in COMPLEMENT_WORDS and nxt is not None
                            and nxt.pos_ == "DET" and ("Ind" in nxt.morph.get("Definite") or "Yes" in nxt.morph.get("Poss")))
        if clause and tok.text[:1].islower() and doc[i - 1].text != "-" and (i + 1 >= len(doc) or doc[i + 1].text != "-"):
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


class MentionFinder:
    """Finds and types mentions; one instance per pipeline, reused for every document."""

    def __init__(self, nlp: Language, lex: Lexicon) -> None:
        self.lex = lex
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.gazetteer: dict[str, tuple[str, str | None]] = {}
        names: dict[str, tuple[str, str | None]] = {}
        for c in lex.countries:
            for n in (c.name, *c.other_names):
                names[n] = ("Country", c.name)
            if c.capital:
                names.setdefault(c.capital, ("Location", c.name))
        for name, country in lex.governments.items():
            names[name] = ("Government", country or None)
        for name in lex.organizations:
            names[name] = ("Organization", None)
        for name, value in names.items():
            for variant in {name, name.replace("'", "’")}:
                self.gazetteer[variant] = value
                self.matcher.add(variant, [nlp.make_doc(variant)])
        self.demonyms = lex.demonyms
        self.dictionary = _Dictionary(nlp)
        self.time_words = lex.words("weekdays") | lex.words("months")
        self.source_markers = lex.words("source_markers")
        self.state_nouns = lex.words("state_nouns")
        self.coordinators = lex.words("coordinators")
        self.not_entities = lex.words("not_entities")
        self.gov_name_words = lex.words("government_name_words")
        self.decision_nouns = lex.words("decision_nouns")
        self.demonym_forms = frozenset(f for a in self.demonyms for f in inflections(a))
        self.title_words = frozenset(w for t in lex.titles for w in t.split() if len(w) > 2) - {"des", "d'état"}
        self.titles = lex.titles
        self.honorifics = lex.words("person_honorifics")
        self.company_cues = lex.words("company_cues")
        self.company_suffixes = lex.words("company_suffixes")
        self.org_words = lex.words("organization_words")
        self.gov_heads = lex.words("government_heads") | lex.words("plural_government_heads")
        self.place_classifiers = lex.words("place_classifiers")
        self.court_heads = lex.words("court_heads")
        self.share_nouns = lex.words("share_nouns")
        self.plural_gov_heads = lex.words("plural_government_heads")  # "les autorités chinoises" act as one
        self.business_verbs = frozenset(
            v for v, spec in lex.data["verb_triggers"].items()
            if spec.get("type") in ("ACQUIRES", "SELLS", "MERGES_WITH") and "'" not in v)
        self.static_verbs = lex.words("reporting_verbs")
        self.business_nouns = frozenset(
            n for n, spec in lex.data["noun_triggers"].items()
            if spec.get("type") in ("ACQUIRES", "SELLS", "MERGES_WITH", "LEADS") and " " not in n)
        # a capitalised title or common noun tagged as a name ("le Président") is not an entity
        self.common = frozenset(lex.coref_nouns()) | self.gov_heads

    # -- finding ---------------------------------------------------------------------------
    def find(self, doc: Doc) -> list[Mention]:
        candidates: list[Mention] = []
        for match_id, start, end in self.matcher(doc):
            text = doc[start:end].text
            etype, country = self.gazetteer[doc.vocab.strings[match_id]]
            m = Mention(start, end, text, Counter({etype: STRONG}), "gazetteer", country)
            candidates.append(m)
        for ent in doc.ents:
            for start, end in _lines(doc, ent.start, _clause_end(doc, ent.start, ent.end)):
                mention = self._ner_mention(doc, start, end, ent.label_)
                if mention is not None:
                    candidates.append(mention)
        candidates += self._government_phrases(doc)
        candidates += self._introduced_names(doc)
        chosen = self._select(candidates)
        chosen = self._select(chosen + self._coordinated_names(doc, chosen))
        return self._select(chosen + self._repeated_names(doc, chosen))

    def _coordinated_names(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """A capitalised name coordinated with a found one, that the NER skipped: "[Heineken] et
        Carlsberg ont publié", "Airbus et [Boeing]". It takes the other name's type."""
        taken = {i for m in mentions for i in range(m.start, m.end)}
        out = []
        for m in mentions:
            if m.source == "misc" or not m.votes:
                continue
            votes = Counter({max(m.votes, key=m.votes.get): WEAK})
            if m.start >= 2 and doc[m.start - 1].lower_ in self.coordinators:
                end = m.start - 1
                start = end
                while start > 0 and end - start < 3 and self._bare_name_word(doc, start - 1, taken):
                    start -= 1
                if start < end:
                    out.append(Mention(start, end, doc[start:end].text, Counter(votes), "ner"))
            if m.end + 1 < len(doc) and doc[m.end].lower_ in self.coordinators:
                start = end = m.end + 1
                while end < len(doc) and end - start < 3 and self._bare_name_word(doc, end, taken):
                    end += 1
                if start < end:
                    out.append(Mention(start, end, doc[start:end].text, Counter(votes), "ner"))
        return out

    def _bare_name_word(self, doc: Doc, i: int, taken: set[int]) -> bool:
        tok = doc[i]
        return i not in taken and tok.pos_ in ("PROPN", "NOUN", "X") and tok.text[:1].isupper() \
            and tok.is_alpha and tok.lower_ not in self.dictionary and tok.text not in self.gazetteer

    def _repeated_names(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """Later uses of a person's surname, or of a whole name, that the NER did not tag:
        "Christopher Froome ... Froome a gardé le maillot"."""
        known: dict[str, Counter[str]] = {}
        for m in mentions:
            if m.source == "misc":
                continue
            words = m.text.split()
            if len(words) > 1 and m.votes.get("Person", 0) > 0 and max(m.votes, key=m.votes.get) == "Person":
                last = words[-1]
                if len(last) > 2 and last[:1].isupper() and last.lower() not in self.dictionary:
                    known.setdefault(last, Counter({"Person": WEAK}))
            if len(words) == 1 and m.text[:1].isupper() and m.text.lower() not in self.dictionary:
                known.setdefault(m.text, Counter({k: min(v, WEAK) for k, v in m.votes.items()}))
        taken = {i for m in mentions for i in range(m.start, m.end)}
        return [Mention(t.i, t.i + 1, t.text, Counter(known[t.text]), "ner")
                for t in doc if t.text in known and t.i not in taken]

    def _ner_mention(self, doc: Doc, start: int, end: int, label: str) -> Mention | None:
        """The mention an NER span (or one line of it) stands for, if it names something."""
        # a capitalised article inside a sentence belongs to the name: "selon Le Monde", "Les Échos"
        start, end = _strip(doc, start, end, keep_particle=label == "PER" or not _opens(doc, start))
        if label == "PER" and start > 0 and doc[start - 1].text in NAME_PARTICLES and start < end:
            start -= 1  # "[De] Gendt", "[Van] Aert": the NER left the particle out
        if label == "PER" and start > 0 and self._first_name_before(doc, start - 1):
            start -= 1  # "[Marine] Le Pen": a capitalised word the NER left before a person's name
        while end - start > 1 and doc[end - 1].text in self.time_words:
            end -= 1  # "l'ONU [lundi]": the NER ran into the date
        while end - start > 1 and self._leading_word(doc, start):
            start += 1  # "Premier ministre David Cameron", "Américaine Virginia Thrasher"
        start = self._after_description(doc, start, end)
        if label == "LOC":
            start = self._after_place_classifier(doc, start, end)
        if start >= end or (end - start == 1 and self._not_a_name(doc[start], label)):
            return None
        portfolio = self._portfolio(doc, start, end)
        if portfolio:
            start = portfolio  # "le ministre de [l'Économie] Bruno Le Maire": the name follows
        elif self.title_of(doc, doc[start]):
            start = self._after_title(doc, start, end)  # "Haut-Commissaire des [Nations unies]"
            if start is None:
                return None  # "ministre de l'Intérieur", "président de la République": a role
        span = doc[start:end]
        if not any(ch.isupper() for ch in span.text) and not any(_alphanumeric(t.text) for t in span):
            return None  # "13 novembre 2017", "18 heures": a date or a number names nothing
        if label in ("ORG", "MISC"):
            end = self._extend_name(doc, end)
            span = doc[start:end]
        if end - start == 1 and doc[start].lower_ in self.dictionary and not _opens(doc, start):
            end = self._institution_name(doc, start)  # "l'[État islamique]", "le [Front national]"
            span = doc[start:end]
        etype = NER_TYPES.get(label)
        if etype is None or span.text.lower() in self.titles or span.text.lower() in self.common:
            return None
        # a capitalised dictionary word ("Hier", "Rassemblement", "l'État") counts only with a cue
        source = "misc" if label == "MISC" or (end - start == 1 and self._common_word(doc, start)) else "ner"
        weight = 0.5 if source == "misc" else WEAK
        return Mention(start, end, clean_name(span.text), Counter({etype: weight}), source)

    @staticmethod
    def _after_description(doc: Doc, start: int, end: int) -> int:
        """Where the name starts in a span that took in the common noun describing it:
        "[banque russe] Gazprombank", "[fonds américain] KKR" (no preposition in between)."""
        i = start
        while i < end and doc[i].text[:1].islower() and doc[i].pos_ in ("NOUN", "ADJ"):
            i += 1
        return i if start < i < end and doc[i].text[:1].isupper() else start

    def _after_place_classifier(self, doc: Doc, start: int, end: int) -> int:
        """Where a place's name starts after the kind of place: "la province de [Ghôr]", "l'État du
        [Rajasthan]", "le quartier de [Sultanahmet]" (the kind is no part of the proper name)."""
        tok = doc[start]
        if tok.lower_ not in self.place_classifiers or (tok.text[:1].isupper() and tok.lower_ != "état"):
            return start
        i = start + 1
        while i < end and doc[i].lower_ in COMPLEMENT_WORDS:
            i += 1
        if not (start + 1 < i < end and doc[i].text[:1].isupper()):
            return start
        # "le département de la Justice" is a ministry, "le département de l'Hérault" a place
        return start if tok.lower_ in self.gov_heads and doc[i].lower_ in self.dictionary else i

    def _first_name_before(self, doc: Doc, i: int) -> bool:
        tok = doc[i]
        low = tok.lower_
        return tok.text[:1].isupper() and tok.is_alpha and tok.pos_ in ("PROPN", "NOUN") and not tok.ent_type_ \
            and (i == 0 or doc[i - 1].pos_ != "DET") and tok.text not in self.gazetteer \
            and low not in self.title_words and low not in self.honorifics and low not in self.demonym_forms \
            and not self.title_of(doc, tok)

    def _described_after(self, doc: Doc, i: int) -> bool:
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
        return bool({noun, two} & (self.company_cues | self.org_words | self.gov_heads)) or bool(self.title_of(doc, doc[j]))

    def _after_title(self, doc: Doc, start: int, end: int) -> int | None:
        """Where a name starts after a title heading an NER span, or None if only a role is left."""
        i = start + 1
        while i < end and not doc[i].text[:1].isupper():
            i += 1
        if i >= end or (end - i == 1 and self._common_word(doc, i, anywhere=True)):
            return None
        return i

    def _common_word(self, doc: Doc, i: int, anywhere: bool = False) -> bool:
        """A dictionary word capitalised by its place (sentence start) or used as a common noun."""
        tok = doc[i]
        if tok.text in self.gazetteer or tok.lower_ not in self.dictionary:
            return False
        if tok.dep_ in ("nsubj", "nsubj:pass") and not any(c.dep_ == "det" for c in tok.children):
            return False  # a French common noun takes an article: a bare subject is a name ("Orange prévoit")
        if self._described_after(doc, i):
            return False  # "Alphabet, la maison mère de Google, ...": a name being described
        if anywhere or tok.pos_ not in ("PROPN", "NOUN", "X"):
            return True
        if tok.pos_ != "NOUN":  # a proper noun that is also a word ("Orange", "Tesla") unless alone on its line
            return _opens(doc, i) and (i + 1 == len(doc) or "\n" in doc[i + 1].text)
        # a noun: "Les Républicains", "Les Verts" are names by the capital of their article
        return not (i > 0 and doc[i - 1].pos_ == "DET" and doc[i - 1].text[:1].isupper() and not _opens(doc, i - 1))

    def _introduced_names(self, doc: Doc) -> list[Mention]:
        """Capitalised names NER missed where French introduces an organisation:
        "le PDG de Danone", "la société Ynsect", "le constructeur coréen Hyundai"."""
        out = self._introduced_people(doc) + self._titled_people(doc)
        for tok in doc:
            compound = tok.i >= 2 and doc[tok.i - 1].text == "-"  # "start-up" is three tokens
            if tok.pos_ != "NOUN" and not compound:
                continue
            lemma = compound_lemma(tok)
            i = tok.i + 1
            if self.title_of(doc, tok) and i < len(doc) and doc[i].lower_ in ("de", "d'", "d’", "du"):
                i += 1
            elif (lemma in self.company_cues or (i < len(doc) and f"{lemma} {doc[i].lower_}" in self.company_cues)) \
                    and not tok.text[:1].isupper():  # "la société X", "le réseau social X"
                while i < len(doc) and doc[i].pos_ == "ADJ" and doc[i].text[:1].islower():
                    i += 1
                i = after_trade(doc, i)
            else:
                continue
            start = i
            while i < len(doc) and any(ch.isupper() for ch in doc[i].text[:3]) \
                    and doc[i].pos_ in ("PROPN", "NOUN", "ADJ", "X") \
                    and doc[i].ent_type_ != "PER" and i - start < 4:
                i += 1
            if i > start:
                out.append(Mention(start, i, doc[start:i].text, Counter({"Company": CUE}), "cue"))
        return out

    def _titled_people(self, doc: Doc) -> list[Mention]:
        """A name the NER missed, followed by a person's title in apposition: "François-Henri
        Pinault, le PDG de Kering" (two to five capitalised words, hyphens kept)."""
        out = []
        for comma in (t.i for t in doc if t.text == "," and t.i >= 2):
            if doc[comma - 1].ent_type_ or not self.title_after(doc, comma):
                continue
            start = comma
            while start > 0 and comma - start < 5 and (doc[start - 1].text == "-" or (
                    doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha and doc[start - 1].pos_ == "PROPN")):
                start -= 1
            words = [t for t in doc[start:comma] if t.text != "-"]
            if len(words) >= 2 and doc[start].text != "-":
                out.append(Mention(start, comma, doc[start:comma].text, Counter({"Person": CUE}), "cue"))
        return out

    def _introduced_people(self, doc: Doc) -> list[Mention]:
        """A person introduced by nationality, a name the NER often misses or mislabels:
        "la Cubaine Idalys Ortiz", "l'Australienne Ashleigh Gentle", "le Britannique Chris Froome"."""
        out = []
        for tok in doc[1:-1]:
            low = tok.lower_
            people = low in self.demonym_forms or (low.endswith("esse") and low[:-4] + "e" in self.demonym_forms)
            if not tok.text[:1].isupper() or not people or low.endswith("s") or doc[tok.i - 1].pos_ != "DET":
                continue
            start = i = tok.i + 1
            while i < len(doc) and i - start < 4 and doc[i].text[:1].isupper() and doc[i].is_alpha \
                    and doc[i].lower_ not in self.demonym_forms and doc[i].pos_ in ("PROPN", "NOUN", "X", "ADJ"):
                i += 1
            if i > start:
                out.append(Mention(start, i, doc[start:i].text, Counter({"Person": CUE}), "cue"))
        return out

    def _institution_name(self, doc: Doc, i: int) -> int:
        """The end of a name made of a capitalised noun and its adjectives, as French writes the
        names of institutions: "Assemblée nationale", "Parti socialiste", "État islamique"."""
        end = i + 1
        while end < len(doc) and end - i <= 2 and doc[end].text[:1].islower() and doc[end].head.i == i \
                and (doc[end].pos_ == "ADJ" or "Part" in doc[end].morph.get("VerbForm")) \
                and doc[end].lower_ not in self.demonym_forms:
            end += 1
        return end

    @staticmethod
    def _extend_name(doc: Doc, end: int) -> int:
        """Capitalised words the NER left out of an organisation's name: "Siemens [Energy]"."""
        limit = min(end + 3, len(doc))
        while end < limit and doc[end].text[:1].isupper() and not doc[end].ent_type_ \
                and doc[end].pos_ in ("PROPN", "X", "NOUN") and doc[end - 1].text not in (".", "!", "?", ":"):
            end += 1
        return end

    def _portfolio(self, doc: Doc, start: int, end: int) -> int | None:
        """Where the person's name starts in an NER span that swallowed a title's portfolio:
        "ministre de [l'Économie Bruno Le Maire]", "ministre déléguée au [Numérique Clara Chappaz]"."""
        if end - start < 3:
            return None
        i = start - 1
        while i >= 0 and doc[i].lower_ in COMPLEMENT_WORDS | {"au", "aux", "à"}:
            i -= 1
        if i == start - 1:
            return None  # no "de" before the span: "le président colombien [Juan Manuel Santos]"
        while i >= 0 and doc[i].pos_ == "ADJ" and doc[i].text[:1].islower():
            i -= 1
        if i < 0 or not self.title_of(doc, doc[i]):
            return None
        rest = doc[start + 1:end]
        return start + 1 if all(t.text[:1].isupper() or t.lower_ in ("de", "du", "le", "la") for t in rest) else None

    def _not_a_name(self, tok: Token, label: str) -> bool:
        """One-word NER spans that are not names: "les Britanniques", "UTC", "A", "l'État"."""
        low = tok.lower_
        if low in self.demonym_forms or low in self.not_entities or len(tok.text) == 1:
            return True
        if label == "PER" or tok.text in self.gazetteer:
            return False
        # a people: "une Suissesse", "les Tunisiennes"
        return low.endswith(PEOPLE_SUFFIXES)

    def _leading_word(self, doc: Doc, i: int) -> bool:
        """A title, honorific or nationality word heading an NER span before a capitalised name."""
        low = doc[i].lower_
        nxt = doc[i + 1]
        if not nxt.text[:1].isupper() and low not in ("premier", "première"):
            return False
        if low in ("premier", "première"):
            return nxt.lower_ == "ministre"
        return low in self.title_words or low in self.honorifics or low in self.demonym_forms

    def _government_phrases(self, doc: Doc) -> list[Mention]:
        """Common-noun government bodies with a nationality: "le ministère chinois du Commerce"."""
        out = []
        for tok in doc:
            if tok.lower_ in self.state_nouns and tok.text[:1].isupper():
                adjs = [c for c in tok.children if c.dep_ == "amod" and c.i == tok.i + 1 and self._demonym(c)]
                if adjs:  # "l'État français va entrer au capital": the country acting
                    country = self._demonym(adjs[0])
                    out.append(Mention(tok.i, tok.i + 2, country, Counter({"Country": STRONG}), "gazetteer", country))
                continue
            if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in self.gov_heads \
                    or ("Plur" in tok.morph.get("Number") and tok.lower_ not in self.plural_gov_heads):
                continue
            if tok.i > 0 and doc[tok.i - 1].lower_ in ("de", "d'", "d’"):
                continue  # a bare complement of another noun: "le conseil d'administration de X"
            adjs = [c for c in tok.children if c.dep_ == "amod" and self._demonym(c)]
            court = None if adjs else self._court_of_place(doc, tok)
            if court is not None:
                out.append(court)
                continue
            if not adjs:
                portfolio = self._portfolio_body(doc, tok)
                if portfolio is not None:
                    out.append(portfolio)
                continue
            end = max(a.i for a in adjs) + 1
            # "du Commerce", "du cyberespace": the complement right after names the body
            j = end
            while j < len(doc) and j - end < 3 and doc[j].pos_ in ("ADP", "DET") and doc[j].lower_ in COMPLEMENT_WORDS:
                j += 1
            if j > end and j < len(doc) and doc[j].pos_ in ("NOUN", "PROPN") and not doc[j].ent_type_ in ("PER",):
                end = j + 1
            country = self._demonym(adjs[0])
            out.append(Mention(tok.i, end, doc[tok.i:end].text, Counter({"Government": STRONG}),
                               "government", country))
        return out

    def _court_of_place(self, doc: Doc, tok: Token) -> Mention | None:
        """A court or prosecutor's office named by its seat: "le tribunal correctionnel de Paris",
        "la cour d'appel de Versailles", "le parquet de Nanterre"."""
        if tok.lower_ not in self.court_heads or not tok.text[:1].islower():
            return None
        j = tok.i + 1
        while j < len(doc) and j - tok.i <= 4:  # "correctionnel", "de commerce", "d'appel"
            if doc[j].pos_ == "ADJ" and doc[j].text[:1].islower():
                j += 1
            elif doc[j].lower_ in ("de", "d'", "d’"):  # "de grande instance"
                k = j + 1
                while k < len(doc) and doc[k].pos_ == "ADJ" and doc[k].text[:1].islower():
                    k += 1
                if not (k + 1 < len(doc) and doc[k].pos_ == "NOUN" and doc[k].text[:1].islower()
                        and doc[k + 1].lower_ in ("de", "d'", "d’")):
                    break
                j = k + 1
            else:
                break
        if j >= len(doc) or doc[j].lower_ not in ("de", "d'", "d’"):
            return None
        end = j + 1
        while end < len(doc) and end - j <= 3 and doc[end].text[:1].isupper() and doc[end].ent_type_ != "PER" \
                and (doc[end].is_alpha or doc[end].text == "-") \
                and (doc[end].lower_ not in self.dictionary or doc[end].ent_type_ == "LOC" or doc[end].text in self.gazetteer):
            end += 1
        if end == j + 1:
            return None
        return Mention(tok.i, end, doc[tok.i:end].text, Counter({"Government": STRONG}), "government")

    def _portfolio_body(self, doc: Doc, tok: Token) -> Mention | None:
        """A government body named by its portfolio: "le ministère du Travail", "le département de
        la Justice", "le ministère de l'Intérieur turc" (a place as complement is not a portfolio)."""
        j = tok.i + 1
        while j < len(doc) and j - tok.i <= 3 and doc[j].lower_ in COMPLEMENT_WORDS:
            j += 1
        if j == tok.i + 1 or j >= len(doc) or not doc[j].text[:1].isupper() or doc[j].ent_type_ in ("PER", "LOC") \
                or doc[j].text in self.gazetteer:
            return None
        end = j
        while end < len(doc) and end - j < 4 and doc[end].text[:1].isupper() and doc[end].is_alpha:
            end += 1
        if end == j:
            return None
        country = self._demonym(doc[end]) if end < len(doc) and doc[end].text[:1].islower() else None
        if country:
            end += 1
        return Mention(tok.i, end, doc[tok.i:end].text, Counter({"Government": STRONG}), "government", country)

    def _demonym(self, tok: Token) -> str | None:
        for form in (tok.lemma_.lower(), tok.text.lower()):
            if form in self.demonyms:
                return self.demonyms[form]
        return None

    def _select(self, candidates: list[Mention]) -> list[Mention]:
        """Keep non-overlapping mentions: longer first, gazetteer before NER on ties."""
        rank = {"gazetteer": 0, "government": 1, "ner": 2, "cue": 3, "misc": 4}
        chosen: list[Mention] = []
        taken: set[int] = set()
        for m in sorted(candidates, key=lambda m: (m.source == "misc", -(m.end - m.start), rank[m.source], m.start)):
            if taken.isdisjoint(range(m.start, m.end)):
                chosen.append(m)
                taken.update(range(m.start, m.end))
        return sorted(chosen, key=lambda m: m.start)

    # -- typing ----------------------------------------------------------------------------
    def type_votes(self, doc: Doc, mentions: list[Mention]) -> None:
        """Add context cues to each mention's votes and record titles and nationalities."""
        for m in mentions:
            span = doc[m.start:m.end]
            words = [t.lower_ for t in span]
            if m.source != "gazetteer":
                first = span[0].lemma_.lower()
                if first in self.gov_heads or span[0].lower_ in self.gov_heads:
                    m.votes["Government"] += CUE
                    for t in span[1:]:
                        m.country = m.country or self._demonym(t)
                if any(w in self.org_words for w in words):
                    m.votes["Organization"] += CUE * 0.7
                if len(words) > 1 and any(w in self.gov_name_words for w in words):
                    m.votes["Government"] += CUE  # "Federal Trade Commission", "Cour de cassation"
                if words[-1] in self.company_suffixes and len(words) > 1:
                    m.votes["Company"] += CUE
            root = span.root
            acts = self._acts(doc, m, root)
            if m.source == "gazetteer" and m.votes.get("Location") and m.country and acts:
                m.votes["Government"] += STRONG + 1  # "Bruxelles inflige une amende": the capital acts
            named_person = m.source == "ner" and m.votes.get("Person") and m.end - m.start > 1  # "Elon Musk a cédé"
            if root.dep_ in ("nsubj", "nsubj:pass", "obj") and root.head.lemma_.lower() in self.business_verbs \
                    and not named_person:
                m.votes["Company"] += CUE * 0.7
            head = self._complemented_noun(doc, m.start)
            if head is not None and (self.title_of(doc, head) or head.lemma_.lower() in self.business_nouns):
                m.votes["Company"] += CUE * 0.7  # "le patron de X", "à la tête de X", "le rachat de X"
            elif head is not None and head.lemma_.lower() in self.share_nouns:
                m.votes["Company"] += CUE * 0.7  # "des actions de X", "le capital de X"
            title = self._title_before(doc, m)
            if title:
                m.title = title
                m.votes["Person"] += CUE
            if m.start >= 2 and doc[m.start - 2].pos_ == "DET" and doc[m.start - 1].lower_ in self.demonym_forms \
                    and doc[m.start - 1].text[:1].islower():
                m.votes["Company"] += CUE  # "le chinois Sinochem", "l'américain Pfizer"
            if m.source == "misc" and m.start > 0 and doc[m.start - 1].lower_ in self.source_markers:
                m.votes["Company"] += CUE * 0.7  # "selon Les Échos": a source that is named
            cue = self._cue_noun(doc, m)
            if cue in self.company_cues:
                m.cue = cue
                m.votes["Company"] += CUE
            elif cue in self.org_words:
                m.votes["Organization"] += CUE

    @staticmethod
    def _complemented_noun(doc: Doc, start: int) -> Token | None:
        """The noun whose "de" complement starts at ``start``: "le patron [de] [la] X" -> patron."""
        j = start - 1
        if j >= 0 and doc[j].pos_ == "DET":
            j -= 1
        if j < 1 or doc[j].lower_ not in ("de", "d'", "d’", "du", "des"):
            return None
        k = j - 1
        while k > 0 and doc[k].pos_ == "ADJ":
            k -= 1
        return doc[k] if doc[k].pos_ in ("NOUN", "PROPN") else None

    def _acts(self, doc: Doc, m: Mention, root: Token) -> bool:
        """The mention does something: subject of an action verb, right before a finite verb,
        or the agent of a passive ("autorisé par Bruxelles")."""
        if root.dep_ in ("nsubj", "nsubj:pass") and root.head.pos_ == "VERB":
            # a reporting verb with a thing for object acts too: "Washington a ajouté X à sa liste"
            return root.head.lemma_.lower() not in self.static_verbs or any(
                (c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN"))
                # "Bruxelles doit encore autoriser": a modal before an action
                or (c.dep_ == "xcomp" and c.pos_ == "VERB" and c.lemma_.lower() not in self.static_verbs)
                for c in root.head.children)
        nxt = doc[m.end] if m.end < len(doc) else None
        if nxt is not None and nxt.pos_ in ("VERB", "AUX") and "Fin" in nxt.morph.get("VerbForm"):
            return nxt.lemma_.lower() not in self.static_verbs or nxt.lemma_.lower() == "avoir"
        prev = doc[m.start - 1] if m.start > 0 else None
        if prev is not None and prev.lower_ == "par" and root.dep_ in ("obl:agent", "obl", "obl:mod"):
            return True
        head = self._complemented_noun(doc, m.start)  # "la décision de Bruxelles de ..."
        return head is not None and head.lemma_.lower() in self.decision_nouns

    def _title_before(self, doc: Doc, m: Mention) -> str | None:
        """A person title or honorific right before or governing the mention ("le PDG X")."""
        root = doc[m.start:m.end].root
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
            key = self.title_of(doc, h)
            if key:
                return key
            if h.lower_ in self.honorifics:
                return h.lower_
        for c in root.children:  # "Isabelle Kocher, directrice générale de ..."
            if c.dep_ in ("appos", "nmod") and not any(x.dep_ == "case" for x in c.children):
                key = self.title_of(doc, c)
                if key:
                    return key
        if any(c.dep_ == "case" for c in root.children):
            return None  # "Selon X, le ministre a dit": no apposition after a preposition's object
        return self.title_after(doc, m.end)

    def title_after(self, doc: Doc, end: int) -> str | None:
        """A title in apposition right after a name: "Sundar Pichai, le patron de Google"."""
        i = end
        if i < len(doc) and doc[i].text == ",":
            i += 1
            while i < len(doc) and doc[i].pos_ in ("DET", "ADJ") and doc[i].text[:1].islower():
                i += 1
            if i < len(doc):
                return self.title_of(doc, doc[i])
        return None

    def title_of(self, doc: Doc, tok: Token) -> str | None:
        """The title (one or two words, lower case) whose head word is ``tok``, if any."""
        low = tok.lower_
        if low.startswith("ex-") and low[3:] in self.titles:
            return low[3:]  # "ex-PDG": the title, which the relation reader knows is a past one
        if tok.i + 1 < len(doc):
            two = f"{low} {doc[tok.i + 1].lower_}"
            if two in self.titles:
                return two
        if tok.i > 0 and f"{doc[tok.i - 1].lower_} {low}" in self.titles:
            return f"{doc[tok.i - 1].lower_} {low}"  # "Premier [ministre]": the parser's head is the noun
        if low in self.titles or tok.lemma_.lower() in self.titles:
            return low if low in self.titles else tok.lemma_.lower()
        return None

    def _cue_noun(self, doc: Doc, m: Mention) -> str | None:
        """The common noun that introduces the mention: "la société X", "X, le géant de ..."."""
        root = doc[m.start:m.end].root
        i = m.start - 1
        while i >= 0 and doc[i].pos_ == "ADJ":
            i -= 1
        if i >= 0 and doc[i].pos_ in ("NOUN", "X", "PROPN") and doc[i].text[:1].islower():
            k = i - 2  # past the trade: "le fabricant [de freins] Knorr"
            while k >= 0 and doc[k].pos_ == "ADJ":
                k -= 1
            if k >= 0 and after_trade(doc, i - 1) == m.start and doc[k].lemma_.lower() in self.company_cues:
                return doc[k].lemma_.lower()
            return compound_lemma(doc[i])
        bare = not any(c.dep_ == "case" for c in root.children)
        if root.dep_ in ("appos", "flat:name", "nmod") and bare and root.head.pos_ == "NOUN" and root.head.i < m.start:
            return root.head.lemma_.lower()
        for c in root.children:
            if c.dep_ == "appos" and c.pos_ == "NOUN":
                return c.lemma_.lower()
        return None


class _Dictionary:
    """The common words of the pipeline's language: the forms and lemmas its lemmatizer knows.
    Empty when the pipeline has no lookup tables."""

    def __init__(self, nlp: Language) -> None:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None) if "lemmatizer" in nlp.pipe_names else None
        self.forms = lookups.get_table("lemma_lookup") if lookups and lookups.has_table("lemma_lookup") else {}
        index = lookups.get_table("lemma_index") if lookups and lookups.has_table("lemma_index") else {}
        self.lemmas = frozenset(w for words in index.values() for w in words)

    def __contains__(self, word: str) -> bool:
        return word in self.lemmas or word in self.forms


def clean_name(text: str) -> str:
    """A name without the punctuation a token kept: "France-" (of "France-Presse"), "CD&R."."""
    name = text.strip(" -–—'’\"«»,;:")
    if name.endswith(".") and len(name.rsplit(" ", 1)[-1]) > 3:
        name = name[:-1]
    return name or text


def inflections(adjective: str) -> set[str]:
    """Feminine and plural forms of a French adjective of nationality (masculine singular)."""
    a = adjective.lower()
    forms = {a, a + "s"}
    if a.endswith("e"):
        return forms
    forms |= {a + "e", a + "es"}
    if a.endswith(("en", "on")):
        forms |= {a + "ne", a + "nes"}
    if a.endswith("c"):
        forms |= {a + "que", a + "ques"}
    return forms


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())


def cluster_mentions(mentions: list[Mention]) -> list[Cluster]:
    """Group mentions of one entity: the same folded name, a part of a person's full name,
    or an acronym of a longer name."""
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        groups.setdefault(normalize_name(m.text), []).append(m)
    keys = sorted(groups, key=lambda k: (-len(k.split()), -len(k), k))
    merged: dict[str, str] = {}
    for short in keys:
        votes = sum((m.votes for m in groups[short]), Counter())
        for long in keys:
            if long == short or long in merged or len(long.split()) <= len(short.split()):
                continue
            long_votes = sum((m.votes for m in groups[long]), Counter())
            both = votes + long_votes
            if _winner(both) == "Person" and set(short.split()) <= set(long.split()) \
                    and votes["Country"] == 0 and votes["Government"] == 0:
                merged[short] = long
                break
            text = groups[short][0].text
            if text.isupper() and len(text) >= 2 and _initials(groups[long][0].text) == text \
                    and _winner(long_votes) in ("Company", "Government", "Organization"):
                merged[short] = long
                break
    clusters: list[Cluster] = []
    index: dict[str, int] = {}
    for key in keys:
        target = key
        while target in merged:
            target = merged[target]
        if target not in index:
            index[target] = len(clusters)
            clusters.append(Cluster(len(clusters), [], "", ""))
        clusters[index[target]].mentions.extend(groups[key])
    for c in clusters:
        votes = sum((m.votes for m in c.mentions), Counter())
        c.type = _winner(votes)
        c.name = max((m.text for m in c.mentions), key=lambda n: (len(n.split()), len(n), n))
        c.weak = all(m.misc_only for m in c.mentions)
        for m in c.mentions:
            m.cluster = c.id
    return clusters


def _winner(votes: Counter[str]) -> str:
    if not votes:
        return "Organization"
    best = max(votes.values())
    return next(t for t in _TYPE_ORDER if votes.get(t, 0) == best)
