"""Grouping mentions of one entity into clusters: the same folded name, a part of a person's full
name ("Satya Nadella" / "Nadella", "E. Macron"), an acronym of a longer name, the short form of
an institution's name ("le Parlement" for the Parlement européen); then descriptions merged into
the name they describe ("Le régulateur britannique des marchés, la CMA", "La FTC ... Le
régulateur américain")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

from spacy.tokens import Doc

from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Cluster, Mention
from kg.model import normalize_name

_TYPE_ORDER = ("Country", "Government", "Person", "Company", "Organization", "Location")


_FUNCTION_WORDS = frozenset({"de", "des", "du", "la", "le", "les", "l", "d", "pour", "et", "en", "à", "au", "aux", "dans",
                             "of", "the", "for", "and"})
_ORGANISATIONS = ("Government", "Organization")


def _initials(name: str) -> set[str]:
    """The acronyms a name may go by: of its capitalised words ("Organisation des Nations Unies"
    -> "ONU", "Les Républicains" -> "LR"), or of all its words but the function words ("Forces
    démocratiques syriennes" -> "FDS", "Al-Qaïda dans la péninsule arabique" -> "AQPA")."""
    words = name.replace("-", " ").replace("'", " ").replace("’", " ").split()
    capitals = "".join(w[0] for w in words if w[:1].isupper())
    content = "".join(w[0] for w in words if w.lower() not in _FUNCTION_WORDS).upper()
    return {capitals, content}


def _acronym(text: str, long_text: str) -> bool:
    """``text`` is written as the acronym of ``long_text``, a name of more words ("CNDD-FDD"),
    accents aside ("EI" / "État islamique")."""
    return text.isupper() and len(text) >= 2 and len(long_text.split()) > len(text.split()) \
        and normalize_name(text.replace("-", "")) in {normalize_name(i) for i in _initials(long_text)}


def _abbreviated(short: str, long: str) -> bool:
    """``short`` is ``long`` with its first names cut to their initials ("e. macron" / "emmanuel
    macron", "a. coulibaly" / "amadou gon coulibaly"); both folded."""
    words, full = short.split(), long.split()
    initials = words[:-1]
    return bool(initials) and all(len(w) == 2 and w.endswith(".") for w in initials) \
        and len(full) > len(initials) and words[-1] == full[-1] \
        and all(f.startswith(w[0]) for w, f in zip(initials, full))


def _short_form(short: str, long: str, demonyms: Collection[str]) -> bool:
    """``short`` begins the name ``long`` (both folded), which goes on with a complement or
    adjectives of nationality ("Parlement" / "Parlement européen", "Cour d'appel" / "Cour d'appel
    de Reims"; not "Armée syrienne" / "Armée syrienne libre")."""
    if not long.startswith(short + " "):
        return False
    rest = long[len(short) + 1:].split()
    return rest[0] in ("de", "du", "des", "d'") or all(w in demonyms for w in rest)


def _defined_after(short: list[Mention], long: list[Mention], doc: Doc | None) -> bool:
    """An acronym written in parentheses right after one of the long name's mentions: "le Parti
    socialiste (PS)"."""
    ends = {m.end for m in long}
    return doc is not None and any(m.start - 1 in ends and doc[m.start - 1].text == "(" for m in short)


def cluster_mentions(mentions: list[Mention], first_names: Collection[str] = (), doc: Doc | None = None,
                     demonyms: Collection[str] = ()) -> list[Cluster]:
    """Group mentions of one entity: the same folded name, a part of a person's full name,
    an acronym of a longer name, or the capitalised short form of one institution's name (a
    longer name going on with a complement or adjectives of nationality, ``demonyms``, folded).
    A full name that ends another one in the same sentence of ``doc`` is another person when it
    starts with a first name (``first_names``, folded): "Kulsoom Nawaz Sharif, l'épouse de Nawaz
    Sharif" (not "Juan Carlos Varela ... Carlos Varela")."""
    groups: dict[str, list[Mention]] = {}
    for m in mentions:  # another listed name of a thing is that thing: "USA", "États-Unis"
        groups.setdefault(normalize_name(m.canonical or m.text), []).append(m)
    keys = sorted(groups, key=lambda k: (-len(k.split()), -len(k), k))
    merged: dict[str, str] = {}
    key_votes = {k: sum((m.votes for m in group), Counter()) for k, group in groups.items()}
    sizes = {k: len(k.split()) for k in keys}
    for short in keys:
        votes = key_votes[short]
        for long in keys:
            if long == short or long in merged or sizes[long] <= sizes[short]:
                continue
            if _winner(votes + key_votes[long]) == "Person" and set(short.split()) <= set(long.split()) \
                    and votes["Country"] == 0 and votes["Government"] == 0 \
                    and not (_another_full_name(short, long, first_names)
                             and _one_sentence(doc, groups[short], groups[long])):
                merged[short] = long
                break
        if short not in merged and not groups[short][0].canonical:
            target = _other_name(short, keys, groups, key_votes, doc, demonyms)
            if target is not None and target not in merged:
                merged[short] = target
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
        listed = [m.canonical for m in c.mentions if m.canonical]
        c.name = listed[0] if listed else max((m.text for m in c.mentions), key=lambda n: (len(n.split()), len(n), n))
        c.weak = all(m.misc_only for m in c.mentions)
        for m in c.mentions:
            m.cluster = c.id
    return clusters


def _other_name(short: str, keys: list[str], groups: dict[str, list[Mention]], key_votes: dict[str, Counter[str]],
                doc: Doc | None, demonyms: Collection[str]) -> str | None:
    """The one longer name the name ``short`` (no listed name: "l'ONU" is no "Office national des
    urgences") stands for in the article: the name of a body it is the acronym of (the one it is
    written after in parentheses when several fit); the full name of a person with first names
    cut to initials ("E. Macron"; not "J. Lapierre" next to Jean and Jonathan Lapierre); a
    capitalised short form of a body's name written only after that name (so "le Sénat" before
    "le Sénat italien" is not the Italian one), the one name it begins, listed nowhere
    ("l'Assemblée nationale" is France's) and with no adjective of its own."""
    text, votes = groups[short][0].text, key_votes[short]
    bodies = ("Company", *_ORGANISATIONS)
    if text.isupper():
        found = [k for k in keys if k != short and _winner(key_votes[k]) in bodies and _acronym(text, groups[k][0].text)]
        if len(found) > 1:
            found = [k for k in found if _defined_after(groups[short], groups[k], doc)]
    elif _winner(votes) == "Person":
        found = [k for k in keys if k != short and _winner(votes + key_votes[k]) == "Person" and _abbreviated(short, k)]
    elif _winner(votes) in bodies and text[:1].isupper() and all(m.source != "gazetteer" for m in groups[short]):
        found = [k for k in keys if k.startswith(short + " ")]  # one only ("l'Union" with two Unions named)
        if len(found) != 1 or _winner(key_votes[found[0]]) not in ("Country", *_ORGANISATIONS, _winner(votes)) \
                or not groups[found[0]][0].text[:1].isupper() or not _short_form(short, found[0], demonyms) \
                or min(m.start for m in groups[found[0]]) > min(m.start for m in groups[short]) \
                or any(doc is not None and m.end < len(doc) and doc[m.end].pos_ == "ADJ" and doc[m.end].is_lower
                       for m in groups[short]) or _placed(short, groups, key_votes, doc):
            return None  # (not "la Radio-Télévision [sénégalaise]", "À Grenoble, la Cour d'appel": another one)
    else:
        return None
    return found[0] if len(found) == 1 else None


def _placed(short: str, groups: dict[str, list[Mention]], key_votes: dict[str, Counter[str]], doc: Doc | None) -> bool:
    """A sentence with a mention of ``short`` names a place or a country too: "En Italie, la
    Cour constitutionnelle", "À Lyon, le Conseil municipal" (that place's body, maybe another)."""
    if doc is None:
        return False
    sentences = {doc[m.start].sent.start for m in groups[short]}
    return any(doc[m.start].sent.start in sentences for k, group in groups.items()
               if _winner(key_votes[k]) in ("Country", "Location") for m in group)


def _another_full_name(short: str, long: str, first_names: Collection[str]) -> bool:
    """ ``short`` is a first name and a surname that end ``long``, after another first name."""
    words = short.split()
    return len(words) >= 2 and long.endswith(" " + short) and words[0] in first_names


def _one_sentence(doc: Doc | None, some: list[Mention], others: list[Mention]) -> bool:
    """A mention of ``some`` and one of ``others`` are in one sentence of ``doc``."""
    if doc is None:
        return False
    sentences = {doc[m.start].sent.start for m in some}
    return any(doc[m.start].sent.start in sentences for m in others)


def _winner(votes: Counter[str]) -> str:
    if not votes:
        return "Organization"
    best = max(votes.values())
    return next(t for t in _TYPE_ORDER if votes.get(t, 0) == best)


def merge_regulator_descriptions(lex: Lexicon, doc: Doc, clusters: list[Cluster]) -> None:
    """ "La FTC a ouvert une enquête. Le régulateur américain examine ...": a described
    regulator after a named government body is that body, not a new entity."""
    heads = lex.words("regulator_descriptions")
    named = []
    for c in sorted(clusters, key=lambda c: min((m.start for m in c.mentions), default=0)):
        first = min((m.start for m in c.mentions), default=None)
        if first is None or c.type != "Government":
            continue
        bare = all(m.source == "government" and m.end - m.start == 2 for m in c.mentions)  # no "du X"
        # of the same country: "les autorités chinoises" after "le gouvernement de Taïwan" is another body
        # and a place below the state only of its own ("l'autorité tchétchène" is not "le ministère
        # de l'Intérieur")
        country = _country(c)
        below = country is not None and lex.demonym_type(country) != "Country"
        same = [n for n in named if _country(n) == country or (_country(n) is None and not below)] if bare else []
        if bare and doc[first].lemma_.lower() in heads and same:
            _absorb(same[-1], c)
        elif not any(m.votes.get("Location") for m in c.mentions):  # a capital acting is no regulator
            named.append(c)


def _country(c: Cluster) -> str | None:
    """The country a cluster's mentions name or imply, if any."""
    return next((m.country for m in c.mentions if m.country), None)


def merge_named_appositions(doc: Doc, mentions: list[Mention], clusters: list[Cluster]) -> None:
    """ "Le régulateur britannique des marchés, la CMA, ...": a described body followed by its
    name in apposition is that name's entity (the name stays its name)."""
    starts = {m.start: m for m in mentions}
    for m in mentions:
        if m.source != "government" or m.end >= len(doc) or doc[m.end].text != ",":
            continue
        j = m.end + 1
        if j < len(doc) and doc[j].pos_ == "DET":
            j += 1
        named = starts.get(j)
        if named is None or named.source == "government" or named.cluster == m.cluster:
            continue
        after = doc[named.end] if named.end < len(doc) else None
        if after is not None and after.text not in (",", ")") and after.pos_ not in ("VERB", "AUX"):
            continue
        source, target = clusters[m.cluster], clusters[named.cluster]
        if target.type == "Person":  # "le chef de la police de Libreville, Jean Oye,": its head, not its name
            continue
        if source.type == "Government":
            target.type = "Government"
        _absorb(target, source)


def _absorb(target: Cluster, source: Cluster) -> None:
    """Move the mentions of ``source`` into ``target``, which keeps its name; ``source`` is left empty."""
    for m in source.mentions:
        m.cluster = target.id
    target.mentions.extend(source.mentions)
    source.mentions, source.weak = [], True
