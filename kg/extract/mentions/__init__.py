"""Entity mentions: where a document names something, of which type, and which mentions name one
entity.

- :mod:`~kg.extract.mentions.finding` finds mentions: packaged gazetteers, spaCy's NER spans
  cleaned up (:mod:`~kg.extract.mentions.spans`), government noun phrases
  (:mod:`~kg.extract.mentions.governments`) and names introduced by a title, a cue noun or a
  nationality (:mod:`~kg.extract.mentions.introduced`);
- :mod:`~kg.extract.mentions.voting` types them by a vote of cues;
- :mod:`~kg.extract.mentions.clustering` groups the mentions of one entity into a :class:`Cluster`.

The words they read are gathered once a pipeline in :class:`~kg.extract.mentions.words.MentionLexicon`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.parts_of_speech import IDS
from spacy.tokens import Doc, Token

from kg.extract.lexicon import Lexicon

#: Weights of a vote: a gazetteer or a government phrase, a cue in the context, a bare NER label.
STRONG, CUE, WEAK = 5.0, 3.0, 1.0


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
    #: the listed name a gazetteer match stands for ("USA" -> "États-Unis"), else None
    canonical: str | None = None

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


#: Where :func:`positions` keeps a document's token indices by attribute value while the
#: ``kg_relations`` component reads it (``doc.user_data``; removed by :func:`forget_positions`).
POSITIONS_KEY = ("kg", "positions")


def positions(doc: Doc, attr: str, values: Iterable[int]) -> list[int]:
    """Indices of the tokens whose ``attr`` (``POS``, ``LOWER``, ``ORTH``) is one of ``values``
    (ids, string hashes), in order. The doc's array is read once an attribute and indexed by value
    (a pass over every ``Token`` object costs more than the few a rule looks at); the index lives
    until :func:`forget_positions`."""
    indexes = doc.user_data.setdefault(POSITIONS_KEY, {})
    index = indexes.get(attr)
    if index is None:
        index = indexes[attr] = {}
        for i, value in enumerate(doc.to_array(attr).tolist()):
            if value in index:
                index[value].append(i)
            else:
                index[value] = [i]
    wanted = values if isinstance(values, (set, frozenset)) else set(values)
    if len(wanted) < len(index):
        found = [i for value in wanted for i in index.get(value, ())]
    else:  # a long list of words (every nationality): look the document's words up in it
        found = [i for value, at in index.items() if value in wanted for i in at]
    found.sort()
    return found


def forget_positions(doc: Doc) -> None:
    """Drop the index :func:`positions` made (the document's annotation may change after)."""
    doc.user_data.pop(POSITIONS_KEY, None)


def tokens_with_pos(doc: Doc, tags: tuple[str, ...]) -> list[Token]:
    """The tokens of ``doc`` whose part of speech is one of ``tags``."""
    return [doc[i] for i in positions(doc, "POS", (IDS[t] for t in tags))]


def compound_lemma(tok: Token) -> str:
    """The lemma of a hyphenated compound split by the tokenizer ("start - up" -> "start-up")."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-":
        return f"{doc[tok.i - 2].lower_}-{tok.lower_}"
    return tok.lemma_.lower()


def after_trade(lex: Lexicon, doc: Doc, i: int) -> int:
    """Past the trade after a company noun, when a name follows: "le fabricant chinois [de drones] DJI"."""
    if i + 2 < len(doc) and doc[i].lower_ in lex.preps("de") and doc[i + 1].pos_ in ("NOUN", "ADV") \
            and doc[i + 1].text[:1].islower() and doc[i + 2].text[:1].isupper():
        return i + 2
    return i


def clean_name(text: str) -> str:
    """A name without the punctuation a token kept: "France-" (of "France-Presse"), "CD&R."."""
    name = text.strip(" -–—'’\"«»,;:")
    if name.endswith(".") and len(name.rsplit(" ", 1)[-1]) > 3:
        name = name[:-1]
    return name or text

