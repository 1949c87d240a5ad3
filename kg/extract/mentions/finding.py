"""Finding the mentions of a document: gazetteer matches, NER spans, government noun phrases and
introduced names, then names coordinated with or repeating those found; overlaps are settled by
:func:`select`."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from kg.extract.mentions import STRONG, Mention
from kg.extract.mentions.governments import government_phrases
from kg.extract.mentions.introduced import coordinated_names, introduced_names, repeated_names
from kg.extract.mentions.spans import ner_mentions
from kg.extract.mentions.words import MentionLexicon


def find_mentions(lx: MentionLexicon, doc: Doc) -> list[Mention]:
    """The mentions of ``doc``, in text order, none overlapping another."""
    candidates: list[Mention] = []
    for match_id, start, end in lx.matcher(doc):
        key = doc.vocab.strings[match_id]
        if key in lx.lowered and doc[start].is_sent_start:
            continue
        if key in lx.decapitalised and (start == 0 or doc[start - 1].lower_.replace("’", "'") not in lx.articles
                                        or (end < len(doc) and doc[end].pos_ == "ADJ" and doc[end].text.islower())):
            continue  # "l'assemblée nationale"; not "une assemblée nationale", "le parti conservateur canadien"
        text = doc[start:end].text
        etype, country = lx.gazetteer[key]
        m = Mention(start, end, text, Counter({etype: STRONG}), "gazetteer", country)
        m.canonical = lx.canonical.get(text)
        candidates.append(m)
    candidates += _body_of(lx, doc, candidates)
    candidates += ner_mentions(lx, doc)
    candidates += government_phrases(lx, doc)
    candidates += introduced_names(lx, doc)
    chosen = select(candidates)
    chosen = select(chosen + coordinated_names(lx, doc, chosen))
    return select(chosen + repeated_names(lx, doc, chosen))


def _body_of(lx: MentionLexicon, doc: Doc, known: list[Mention]) -> list[Mention]:
    """A known body named with the one it belongs to: "[Conseil des droits de l'homme] des
    [Nations unies]" is one name (whose inner relation the constructions read)."""
    starts = {m.start: m for m in known}
    out = []
    for m in known:
        if not (m.votes.get("Organization") or m.votes.get("Government")) or m.end >= len(doc) \
                or doc[m.end].lower_ not in lx.lex.preps("de_du_des"):
            continue
        j = m.end + 1
        if j < len(doc) and doc[j].lower_ in lx.complement_words:
            j += 1  # "de l'ONU"
        other = starts.get(j)
        if other is not None:
            out.append(Mention(m.start, other.end, doc[m.start:other.end].text, Counter(m.votes), "government"))
    return out


def select(candidates: list[Mention]) -> list[Mention]:
    """Keep non-overlapping mentions: longer first, gazetteer before NER on ties."""
    rank = {"gazetteer": 0, "government": 1, "ner": 2, "cue": 3, "misc": 4}
    chosen: list[Mention] = []
    taken: set[int] = set()
    for m in sorted(candidates, key=lambda m: (m.source == "misc", -(m.end - m.start), rank[m.source], m.start)):
        if taken.isdisjoint(range(m.start, m.end)):
            chosen.append(m)
            taken.update(range(m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)
