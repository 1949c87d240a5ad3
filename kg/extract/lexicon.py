"""Language data for the extractor, read from files under ``kg/lang/<lang>/``.

Nothing language-specific is written in code: trigger lemmas, titles, cue words, countries and
government bodies are all here, so a new language is a new folder.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

LANG_ROOT = Path(__file__).resolve().parent.parent / "lang"


@dataclass(frozen=True)
class Country:
    name: str
    adjectives: tuple[str, ...]
    capital: str
    other_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Place:
    """A place below the state named by an adjective as a country is ("genevois" -> Genève)."""
    name: str
    adjectives: tuple[str, ...]
    country: str


@dataclass(frozen=True)
class Lexicon:
    """Everything the extractor knows about one language."""

    lang: str
    countries: tuple[Country, ...]
    governments: dict[str, str]
    organizations: tuple[str, ...]
    data: dict[str, Any] = field(repr=False)
    #: company name -> country of its headquarters (``companies.tsv``): types a name and keeps
    #: "la firme britannique" from a company known to be elsewhere; never a relation by itself
    companies: dict[str, str] = field(default_factory=dict, repr=False)
    #: another name of a listed country, company, organisation or state body -> the name its row
    #: starts with ("USA" -> "États-Unis", "ONU" -> "Organisation des Nations unies"): one entity
    canonical: dict[str, str] = field(default_factory=dict, repr=False)
    #: first name -> "Fem" or "Masc" (``first_names.tsv``): a person's gender when the text shows none
    first_names: dict[str, str] = field(default_factory=dict, repr=False)
    #: places below the state whose adjective news uses like a nationality (``places.tsv``): each
    #: with its adjectives and the country it lies in ("Genève": "genevois", "Suisse")
    places: tuple[Place, ...] = field(default_factory=tuple, repr=False)
    _sets: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)
    _preps: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)

    def preps(self, role: str) -> tuple[str, ...]:
        """The prepositions, with their contracted and elided forms, that mark one role ("of": "de",
        "d'", "du", "des"; "by": "par"), in the order of the lexicon."""
        if role not in self._preps:
            self._preps[role] = tuple(self.data["prepositions"][role])
        return self._preps[role]

    def words(self, key: str) -> frozenset[str]:
        """A word list of the lexicon as a set of lower-case strings (built once)."""
        if key not in self._sets:
            self._sets[key] = frozenset(w.lower() for w in self.data.get(key, []))
        return self._sets[key]

    @cached_property
    def demonyms(self) -> dict[str, str]:
        """Adjective (masculine singular, lower case) -> country name, or the name of a place below
        the state ("genevois" -> "Genève"; a country's own adjective wins)."""
        return {a.lower(): c.name for c in (*self.places, *self.countries) for a in c.adjectives}

    @cached_property
    def place_countries(self) -> dict[str, str]:
        """Place below the state -> the country it lies in."""
        return {p.name: p.country for p in self.places}

    def nation(self, name: str) -> str:
        """The country of a demonym's place ("Genève" -> "Suisse"); a country is its own."""
        return self.place_countries.get(name, name)

    def demonym_type(self, name: str) -> str:
        """The entity type of what an adjective names: a place below the state is a Location."""
        return "Location" if name in self.place_countries else "Country"

    @cached_property
    def demonym_inflections(self) -> dict[str, str]:
        """Every form of each adjective (feminine, plural) -> country name (or place's)."""
        return {f: country for a, country in self.demonyms.items() for f in inflections(a)}

    @cached_property
    def country_demonym_forms(self) -> frozenset[str]:
        """Every form of the countries' adjectives only: the words a name never is nor starts or
        ends with ("les Britanniques", "[Américaine] Virginia Thrasher", "le Hezbollah [libanais]");
        a place's adjective may be a name ("Picard", "Thierry Breton", "la Generalitat catalane")."""
        return frozenset(f for c in self.countries for a in c.adjectives for f in inflections(a))

    def demonym_of(self, tok: Any) -> str | None:
        """The country a nationality word names ("chinois", "Norvégienne" -> its country), if any:
        by lemma, then by form (the lemmatizer leaves a capitalised noun as it is); of a compound
        ("franco-italien"), its last part."""
        found = self.demonyms.get(tok.lemma_.lower()) or self.demonym_inflections.get(tok.lower_)
        if found is None and "-" in tok.lower_:
            first, last = tok.lower_.rsplit("-", 1)  # not "pro-russe", "sud-américain"
            if first in self.data.get("demonym_prefixes", {}):
                found = self.demonym_inflections.get(last)
        return found

    def countries_of(self, tok: Any) -> list[str]:
        """Every country a nationality word names: both of "franco-italien"; the first part of
        "germano - américain" when the tokenizer cut it off ("germano" before a hyphen)."""
        prefixes = self.data.get("demonym_prefixes", {})
        low = tok.lower_
        nxt = tok.nbor(1).text if tok.i + 1 < len(tok.doc) else ""
        if low in prefixes and nxt == "-":
            return [prefixes[low]]
        last = self.demonym_of(tok)
        if last is None:
            return []
        first = prefixes.get(low.rsplit("-", 1)[0]) if "-" in low else None
        return [first, last] if first and first != last else [last]

    @cached_property
    def unfinished_name_words(self) -> frozenset[str]:
        """Words, as written, that no name ends on: the particles of people's names ("De", "Van")
        and "Saint" ("[Yves Saint] [Laurent Beauté]" is one name)."""
        return frozenset(self.data["name_particles"]) | frozenset(self.data["unfinished_name_words"])

    @cached_property
    def titles(self) -> dict[str, str]:
        """Person title (lower case, possibly several words) -> relation type."""
        out: dict[str, str] = {}
        for rel_type, words in self.data["person_titles"].items():
            for w in words:
                out[w.lower()] = rel_type
        return out

    @cached_property
    def coref_nouns(self) -> dict[str, str]:
        """Noun lemma that can refer back to an entity -> the entity type it refers to."""
        return {w: t for t, words in self.data["coref_nouns"].items() for w in words}

    @cached_property
    def noun_trigger_firsts(self) -> frozenset[str]:
        """The first words of the two-word trigger nouns ("feu" of "feu vert")."""
        return frozenset(n.split(" ")[0] for n in self.data["noun_triggers"] if n.count(" ") == 1)

    def confidence(self, construction: str) -> float:
        return float(self.data["confidence"][construction])


def _read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@cache
def load_lexicon(lang: str = "fr") -> Lexicon:
    """Load (once) the language data of ``lang`` from ``kg/lang/<lang>/``."""
    root = LANG_ROOT / lang
    if not root.is_dir():
        available = sorted(p.name for p in LANG_ROOT.iterdir() if p.is_dir())
        raise FileNotFoundError(f"no language data for {lang!r} (have: {', '.join(available)})")
    countries = tuple(
        Country(r[0], tuple(a.strip() for a in (r[1] if len(r) > 1 else "").split(",") if a.strip()),
                r[2] if len(r) > 2 else "",
                tuple(n for n in r[3:] if n))
        for r in _read_tsv(root / "countries.tsv")
    )
    government_rows = _read_tsv(root / "governments.tsv")
    governments = {name: (r[1] if len(r) > 1 else "") for r in government_rows for name in (r[0], *r[2:]) if name}
    organization_rows = [[n.strip() for n in line.split("\t") if n.strip()]
                         for line in (root / "organizations.txt").read_text(encoding="utf-8").splitlines()
                         if line.strip() and not line.startswith("#")]
    organizations = tuple(name for r in organization_rows for name in r)
    companies_file = root / "companies.tsv"
    company_rows = _read_tsv(companies_file) if companies_file.exists() else []
    companies = {name: r[1] for r in company_rows for name in (r[0], *r[2:]) if name}
    canonical = {name: r[0] for r in organization_rows for name in r[1:]}
    canonical |= {name: r[0] for rows in (government_rows, company_rows) for r in rows for name in r[2:] if name}
    canonical |= {name: c.name for c in countries for name in c.other_names}
    data = json.loads((root / "lexicon.json").read_text(encoding="utf-8"))
    _with_forms(data, data.get("preposition_forms", {}))
    names_file = root / "first_names.tsv"
    first_names = {r[0]: r[1] for r in _read_tsv(names_file)} if names_file.exists() else {}
    places_file = root / "places.tsv"
    places = tuple(Place(r[0], tuple(a.strip() for a in r[1].split(",") if a.strip()), r[2])
                   for r in (_read_tsv(places_file) if places_file.exists() else []))
    return Lexicon(lang, countries, governments, organizations, data, companies=companies, canonical=canonical,
                   first_names=first_names, places=places)


def _with_forms(node: Any, forms: dict[str, list[str]]) -> None:
    """Every ``preps`` list of the lexicon's triggers extended, in place, with the written forms of
    its prepositions ("de" -> "d'", "du", "des"; "à" -> "au", "aux"), after the listed ones."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "preps" and isinstance(value, list):
                value.extend(f for p in list(value) for f in forms.get(p, ()) if f not in value)
            else:
                _with_forms(value, forms)
    elif isinstance(node, list):
        for item in node:
            _with_forms(item, forms)


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
