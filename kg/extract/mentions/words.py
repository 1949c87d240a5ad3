"""The words the mention finder reads, gathered once a pipeline from the lexicon: gazetteer
names and their matcher, word sets, the demonyms and their inflected forms, the titles, and the
pipeline's own dictionary of common words."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from kg.extract.lexicon import Lexicon


class MentionLexicon:
    """Word sets and gazetteer of one language for one pipeline, reused for every document."""

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
        for name, country in lex.companies.items():
            names.setdefault(name, ("Company", country))
        self.canonical: dict[str, str] = {}
        #: a body's name written all in lower case after its article ("l'assemblée nationale", "le
        #: parti socialiste", a name the list writes so: "la coalition internationale"): read only
        #: after a definite article
        self.decapitalised: set[str] = set()
        for name, value in names.items():
            for variant in {name, name.replace("'", "’")}:
                if " " in variant and variant[:1].islower() and variant.split()[0].isalpha():
                    self.decapitalised.add(variant)
                self.gazetteer[variant] = value
                self.matcher.add(variant, [nlp.make_doc(variant)])
                if name in lex.canonical:
                    self.canonical[variant] = lex.canonical[name]
        #: variants whose last word the list writes with a capital: "Crédit agricole" (read only
        #: inside a sentence: "Home office, télétravail : ..." starts one with common words)
        self.lowered: set[str] = set()
        for name, value in names.items():
            for variant in written_variants(name):
                if variant not in self.gazetteer:  # another listed name keeps its own spelling
                    self.gazetteer[variant] = value
                    self.matcher.add(variant, [nlp.make_doc(variant)])
                    self.canonical[variant] = lex.canonical.get(name, name)
                    if variant.split()[-1].islower() and not name.split()[-1].islower():
                        self.lowered.add(variant)
        body_heads = lex.words("lowercase_body_heads")
        self.articles = lex.words("definite_articles")
        for name, value in names.items():
            words = name.split()
            # a state body, a party or a council ("le parti socialiste"); not other organisations, whose
            # names are often common phrases ("sur la place publique", "des jeunes agriculteurs")
            kind = value[0] == "Government" or (value[0] == "Organization" and words[0].lower() in body_heads)
            if not kind or len(words) < 2 or not words[0][:1].isupper() or not all(w[:1].islower() for w in words[1:]):
                continue
            variant = name[:1].lower() + name[1:]
            for v in {variant, variant.replace("'", "’")}:
                if v not in self.gazetteer:
                    self.gazetteer[v] = value
                    self.matcher.add(v, [nlp.make_doc(v)])
                    self.canonical[v] = lex.canonical.get(name, name)
                    self.decapitalised.add(v)
        self._titles_doc: Doc | None = None
        self._titles_seen: dict[int, str | None] = {}
        self._lowers: list[str] = []
        self.complement_words = lex.words("complement_words")
        self.name_particles = frozenset(lex.data["name_particles"])  # as written: "De Gendt", "Van Aert"
        self.unfinished_words = lex.unfinished_name_words  # "Yves Saint"
        self.people_suffixes = tuple(lex.data["people_suffixes"])
        self.dictionary = _Dictionary(nlp)
        self.time_words = lex.words("weekdays") | lex.words("months")
        self.source_markers = lex.words("source_markers")
        self.state_nouns = lex.words("state_nouns")
        self.coordinators = lex.words("coordinators")
        self.not_entities = lex.words("not_entities")
        self.gov_name_words = lex.words("government_name_words")
        self.decision_nouns = lex.words("decision_nouns")
        self.demonym_forms = lex.country_demonym_forms
        # "Cubaine", "Suissesse": the words that introduce a person by nationality, as string ids
        self.people_word_ids = frozenset(nlp.vocab.strings.add(w) for w in sorted(
            self.demonym_forms | {f[:-1] + "esse" for f in self.demonym_forms if f.endswith("e")}))
        self.title_words = frozenset(w for t in lex.titles for w in t.split() if len(w) > 2) - lex.words("not_title_words")
        self.titles = lex.titles
        # the first and second words of two-word titles ("directeur général"), looked at before
        # a pair of words is put together
        self._title_firsts = frozenset(t.split()[0] for t in lex.titles if t.count(" ") == 1)
        self._title_seconds = frozenset(t.split()[1] for t in lex.titles if t.count(" ") == 1)
        # the first words of longer titles ("rédacteur en chef", "chef de l'État"), and the most
        # tokens one spans (an elided article is a token of its own)
        longer = [t for t in lex.titles if t.count(" ") > 1 or "'" in t]
        self._long_firsts = frozenset(t.split()[0] for t in longer)
        self._long_size = max((title_size(t) for t in longer), default=0)
        self.honorifics = lex.words("person_honorifics")
        self.company_cues = lex.words("company_cues")
        self.company_suffixes = lex.words("company_suffixes")
        self.org_words = lex.words("organization_words")
        self.gov_heads = lex.words("government_heads") | lex.words("plural_government_heads")
        self.place_classifiers = lex.words("place_classifiers")
        self.court_heads = lex.words("court_heads")
        self.place_body_heads = lex.words("place_body_heads")  # "le gouvernement du Burundi"
        self.portfolio_heads = lex.words("portfolio_heads")  # "le ministère de la Défense de Russie"
        self.share_nouns = lex.words("share_nouns")
        self.plural_gov_heads = lex.words("plural_government_heads")  # "les autorités chinoises" act as one
        self.business_verbs = frozenset(
            v for v, spec in lex.data["verb_triggers"].items()
            if spec.get("type") in ("ACQUIRES", "SELLS", "MERGES_WITH") and "'" not in v)
        self.static_verbs = lex.words("reporting_verbs")
        self.business_nouns = frozenset(
            n for n, spec in lex.data["noun_triggers"].items()
            # (not a noun that is a deal under some verbs only: "prendre le contrôle de Goma")
            if spec.get("type") in ("ACQUIRES", "SELLS", "MERGES_WITH") and " " not in n and "governors" not in spec)
        self.company_titles = lex.words("company_titles")  # "le PDG de X" says X is a company
        self.person_cues = lex.words("person_or_company_cues")  # "sa rivale Marine Le Pen"
        # a capitalised title or common noun tagged as a name ("le Président") is not an entity
        self.common = frozenset(lex.coref_nouns) | self.gov_heads

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
        """The title (one or two words, lower case) whose head word is ``tok``, if any (looked up
        once a token: the constructions ask for most tokens several times)."""
        if self._titles_doc is not doc:
            self._titles_doc, self._titles_seen = doc, {}
            strings = doc.vocab.strings
            self._lowers = [strings[x] for x in doc.to_array("LOWER").tolist()]
        seen = self._titles_seen
        if tok.i not in seen:
            seen[tok.i] = self._title_of(tok, self._lowers)
        return seen[tok.i]

    def _title_of(self, tok: Token, lowers: list[str]) -> str | None:
        low = lowers[tok.i]
        if low.startswith("ex-") and low[3:] in self.titles:
            return low[3:]  # "ex-PDG": the title, which the relation reader knows is a past one
        if low in self._long_firsts:
            phrase = low
            for j in range(tok.i + 1, min(tok.i + self._long_size, len(lowers))):
                phrase += ("" if phrase.endswith("'") else " ") + lowers[j].replace("’", "'")
                if phrase in self.titles:
                    return phrase
        if low in self._title_firsts and tok.i + 1 < len(lowers):
            two = f"{low} {lowers[tok.i + 1]}"
            if two in self.titles:
                return two
        if low in self._title_seconds and tok.i > 0 and f"{lowers[tok.i - 1]} {low}" in self.titles:
            return f"{lowers[tok.i - 1]} {low}"  # "Premier [ministre]": the parser's head is the noun
        if low in self.titles or tok.lemma_.lower() in self.titles:
            return low if low in self.titles else tok.lemma_.lower()
        return None

    def demonym(self, tok: Token) -> str | None:
        """The country a nationality word names, if any."""
        return self.lex.demonym_of(tok)


ARTICLES = frozenset({"le", "la", "les", "un", "une", "des"})


def title_size(title: str) -> int:
    """How many tokens a title spans in the text (an elided article is one of its own: "chef de l'
    État")."""
    return title.count(" ") + title.count("'") + 1


def written_variants(name: str) -> set[str]:
    """Other ways the press writes a listed name: a capital without its accent ("Etats-Unis"), a
    two-word name hyphenated and capitalised or not ("Maison-Blanche", "Maison blanche",
    "Nations-Unies", "Nations Unies", "Nations unies"), unless it starts with an article ("La
    Poste": "La poste" is any post office)."""
    out = set()
    unaccented = {"É": "E", "È": "E", "Ê": "E", "À": "A", "Î": "I", "Ô": "O"}
    if name[:1] in unaccented:
        out.add(unaccented[name[0]] + name[1:])
    words = name.split()
    if len(words) == 2 and all(w.isalpha() for w in words) and words[0][:1].isupper():
        second = words[1][:1].upper() + words[1][1:]
        out |= {f"{words[0]}-{words[1]}", f"{words[0]}-{second}", f"{words[0]} {second}"}
        if words[0].lower() not in ARTICLES:
            out.add(f"{words[0]} {words[1].lower()}")
    return out - {name}


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

