"""Parses repaired around names: a sentence whose parse broke on a name is parsed again with each
name stood in for by one plain word, and the new tree is put back on the original tokens.

spaCy's French parser reads an unknown foreign name as words of the sentence ("Emmanuel Macron et
[Xi] Jinping se sont rencontrés": "Xi" an adverb of the verb, the verb a conjunct of "Emmanuel").
After the NER, ``kg_reparse`` finds the sentences where a name's head word has a role no name
has (adverb, adjective, determiner, punctuation, marker, unknown ``dep``); it parses each such
sentence again (the pipeline's own ``tok2vec`` and ``parser``, all flagged sentences of a batch
of documents at once) with every broken name replaced by a common one-word name of its type
("Pierre", "Renault", "Paris"), and copies the new heads and labels back: the head word of a
name takes the stand-in's place in the tree, its other words keep their places inside the name.
Parts of speech, morphology and lemmas stay those of the first pass.

"Sentences" the parser ended where no sentence ends (on a comma, or on a word with more text on
the line), one of them with a name for its root ("Free, | fondée par Xavier Niel, a annoncé
..."), are parsed again together, the name stood in for.

Only stretches with two names or more are read again: a relation needs two.

The stand-in parse is kept only if it is better by the same test (no name with a broken role,
one sentence where the parser had cut one); otherwise the text keeps its first parse.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator

from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import minibatch

#: The dependency labels a name's head word never has in a sound parse.
BROKEN_ROLES = frozenset({"advmod", "amod", "det", "case", "cc", "mark", "cop", "punct", "dep", "fixed",
                          "aux:tense", "aux:pass", "aux:caus", "nummod"})
#: What a sentence ends on.
SENTENCE_ENDS = frozenset({".", "!", "?", "…", ":", ";", "»", "\"", "”", ")"})
#: One-word stand-ins the parser knows well, by NER label.
STAND_INS = {"PER": "Pierre", "ORG": "Renault", "LOC": "Paris"}
#: The dash that ends a dateline ("17 janvier 2017 . –").
DASHES = frozenset({"–", "—", "-"})
#: The components that parse a sentence again (its parts of speech are kept).
PARSING = ("tok2vec", "parser")


def _cut(sent: Span) -> bool:
    """The parser ended ``sent`` where no sentence ends: on a comma, or on a word, on the same line
    as what follows ("Free, fondée et dirigée par Xavier Niel | , a annoncé ...")."""
    doc = sent.doc
    last = sent.end - 1
    while last >= sent.start and doc[last].is_space:
        last -= 1
    if last < sent.start or any("\n" in doc[i].text_with_ws for i in range(last, sent.end)):
        return False
    return doc[last].text not in SENTENCE_ENDS


def _capitalised(tok: Token) -> bool:
    """A capitalised word (not a number, not punctuation)."""
    return tok.text[:1].isupper() and tok.is_alpha


def _whole(doc: Doc, ent: Span, limit: int) -> Span:
    """``ent`` with the capitalised words right after it that a sentence cut left out ("Human Rights [Watch]")."""
    end = ent.end
    while end < limit and _capitalised(doc[end]) and "\n" not in doc[end - 1].whitespace_:
        end += 1
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_)


def broken(ent: Span) -> bool:
    """The parse of ``ent`` is broken: its head word has a role no name has, or its first word is
    read as its own preposition ("a créé [En] Marche")."""
    return ent.root.dep_ in BROKEN_ROLES or (len(ent) > 1 and ent[0].dep_ == "case" and ent[0].head.i < ent.end)


class Reparser:
    """spaCy component: sentences whose parse broke on a name are parsed again (see the module)."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """The docs of each batch repaired with one parse of all their flagged sentences."""
        for batch in minibatch(docs, batch_size):
            self._ledes(batch)
            plans = [(doc, sent, *self._stand_in(doc, sent, names)) for doc in batch for sent, names in self._flagged(doc)]
            parsed = [plan[2] for plan in plans]
            for name in PARSING:
                proc = self.nlp.get_pipe(name)
                parsed = list(proc.pipe(parsed))
            by_doc: dict[int, list] = {}
            for (doc, sent, _, where, spans), new in zip(plans, parsed, strict=True):
                if self._better(new, spans, where, sent):
                    by_doc.setdefault(id(doc), []).append((sent, new, where, spans))
            for doc in batch:
                repairs = by_doc.get(id(doc))
                if repairs:
                    rows = doc.to_array([HEAD, DEP])
                    for sent, new, where, spans in repairs:
                        self._copy(doc, rows, sent, new, where, spans)
                    doc.from_array([HEAD, DEP], rows)
                yield doc

    def _ledes(self, docs: list[Doc]) -> None:
        """A lede cut before its end by the dateline above it ("17 janvier 2017 . –" on its own line,
        as news sites write it): the lede, from the line after the dash to its first full stop, is
        parsed again on its own; the dateline's tokens stand alone."""
        cuts = [(doc, *lede) for doc in docs for lede in [_lede(doc)] if lede is not None]
        if not cuts:
            return
        parsed = [Doc(doc.vocab, words=[t.text for t in doc[k:end]], spaces=[bool(t.whitespace_) for t in doc[k:end]])
                  for doc, _, k, end in cuts]
        for name in PARSING:
            parsed = list(self.nlp.get_pipe(name).pipe(parsed))
        root = None
        for (doc, start, k, end), new in zip(cuts, parsed, strict=True):
            if len(list(new.sents)) > 1:
                continue  # not one sentence in the new parse either: the first parse stays
            root = root or doc.vocab.strings.add("ROOT")
            rows = doc.to_array([HEAD, DEP])
            for i in range(start, k):  # the dateline's last tokens: each a sentence of its own
                rows[i, 0], rows[i, 1] = 0, root
            for j, tok in enumerate(new):
                rows[k + j, 0], rows[k + j, 1] = _offset(tok.head.i - j), tok.dep
            doc.from_array([HEAD, DEP], rows)

    @staticmethod
    def _flagged(doc: Doc) -> list[tuple[Span, list[Span]]]:
        """The stretches to parse again, each with the names to stand in for: a sentence with a
        broken name; "sentences" the parser ended where none ends, one of them with a name for its
        root ("Free, | fondée par X, a annoncé ..."), together."""
        if not doc.has_annotation("DEP"):
            return []
        names = [e for e in doc.ents if e.label_ in STAND_INS]
        if len(names) < 2:
            return []
        sents = list(doc.sents)
        starts = [s.start for s in sents]
        begun: list[list[Span]] = [[] for _ in sents]  # the names that start in each sentence
        for e in names:
            begun[bisect_right(starts, e.start) - 1].append(e)

        def within(first: int, last: int) -> list[Span]:
            end = sents[last].end
            return [e for k in range(first, last + 1) for e in begun[k] if e.end <= end]

        out: list[tuple[Span, list[Span]]] = []
        k = 0
        while k < len(sents):
            last = k  # on while the parser cut where no sentence ends
            while last + 1 < len(sents) and _cut(sents[last]):
                last += 1
            stretch = within(k, last)
            cut = [e for e in stretch if e.root.dep_ == "ROOT" and e.end <= sents[last].start]
            # a cut right after or before a name, between two capitalised words ("l'organisation Human
            # Rights | Watch basée à", "la Britannique | Helen Jenkins entame"): the name, to its last
            # capitalised word, stands in
            ends = {sents[j].end for j in range(k, last)}
            named = [_whole(doc, e, sents[last].end) for e in stretch if e not in cut
                     and ((e.end in ends and _capitalised(doc[e.end])) or (e.start in ends and _capitalised(doc[e.start - 1])))]
            if (cut or named) and len(stretch) >= 2:
                out.append((doc[sents[k].start:sents[last].end],
                            cut + named + [e for e in stretch if broken(e) and e not in cut
                                           and not any(n.start == e.start for n in named)]))
                k = last + 1
                continue
            alone = within(k, k)
            if len(alone) >= 2 and any(broken(e) for e in alone):
                out.append((sents[k], [e for e in alone if broken(e)]))
            k += 1
        return out

    @staticmethod
    def _stand_in(doc: Doc, sent: Span, ents: list[Span]) -> tuple[Doc, list[int], list[tuple[int, int, int]]]:
        """The stretch ``sent`` with each name of ``ents`` as one word: the new ``Doc``, the new
        index of each original token, and the (start, end, new index) of each name replaced."""
        words: list[str] = []
        spaces: list[bool] = []
        where: list[int] = []
        spans: list[tuple[int, int, int]] = []
        starts = {e.start: e for e in ents}
        i = sent.start
        while i < sent.end:
            ent = starts.get(i)
            if ent is not None:
                spans.append((ent.start, ent.end, len(words)))
                where.extend([len(words)] * len(ent))
                words.append(STAND_INS[ent.label_])
                spaces.append(bool(doc[ent.end - 1].whitespace_))
                i = ent.end
                continue
            where.append(len(words))
            words.append(doc[i].text)
            spaces.append(bool(doc[i].whitespace_))
            i += 1
        return Doc(doc.vocab, words=words, spaces=spaces), where, spans

    @staticmethod
    def _better(new: Doc, spans: list[tuple[int, int, int]], where: list[int], sent: Span) -> bool:
        """The stand-in parse gives no name a broken role, nor makes it part of the name before; a
        stretch the parser had cut into sentences is one sentence in it."""
        if len(list(sent.sents)) > 1 and len(list(new.sents)) > 1:
            return False
        replaced = {start for start, _, _ in spans}
        kept = [where[e.start - sent.start] for e in sent.ents
                if len(e) == 1 and e.label_ in STAND_INS and e.start not in replaced]
        heads = [j for _, _, j in spans] + kept
        # a name hung on a common noun before it is sound ("l'organisation [Renault]"), on a name or a
        # verb is not (the stand-in parse has no parts of speech: the original word's)
        original = {j: sent.start + k for k, j in enumerate(where)}

        def on_noun(tok: Token) -> bool:
            i = original.get(tok.head.i)
            return tok.head.text.islower() and i is not None and sent.doc[i].pos_ == "NOUN"

        return all(new[j].dep_ not in BROKEN_ROLES and (new[j].dep_ != "flat:name" or on_noun(new[j])) for j in heads)

    @staticmethod
    def _copy(doc: Doc, rows, sent: Span, new: Doc, where: list[int], spans: list[tuple[int, int, int]]) -> None:
        """The stand-in parse written onto the original tokens of ``sent`` (rows of ``doc.to_array``):
        a name's head word takes the stand-in's place; its other words keep their places inside the
        name, or hang from its head word as ``flat:name`` if they hung from outside it."""
        anchors = {j: doc[start:end].root.i for start, end, j in spans}  # stand-in -> the name's head word
        original = {j: sent.start + k for k, j in enumerate(where)} | anchors  # new index -> original token
        span_of = {i: (start, end) for start, end, _ in spans for i in range(start, end)}
        flat = doc.vocab.strings.add("flat:name")
        for i in range(sent.start, sent.end):
            j = where[i - sent.start]
            tok = new[j]
            if i in span_of and anchors[j] != i:
                start, end = span_of[i]
                if not start <= doc[i].head.i < end:
                    rows[i, 0] = _offset(anchors[j] - i)
                    rows[i, 1] = flat
                continue
            rows[i, 0] = _offset(original[tok.head.i] - i)
            rows[i, 1] = tok.dep


def _lede(doc: Doc) -> tuple[int, int, int] | None:
    """(start, first word, end) of the stretch to parse again when the parser cut the first
    sentence after a dateline before its full stop: from the start of the parser's sentence that
    holds the line after the dash, to the end of the one that holds the full stop."""
    if not doc.has_annotation("DEP"):
        return None
    for i in range(2, min(len(doc), 60)):
        if doc[i - 1].is_space and "\n" in doc[i - 1].text and doc[i - 2].text in DASHES:
            stop = next((t.i for t in doc[i:] if t.text in (".", "!", "?")), None)
            sent = doc[i].sent
            if stop is None or sent.end > stop:
                return None  # the lede is whole
            return sent.start, i, doc[stop].sent.end
    return None


def _offset(delta: int) -> int:
    """A head offset as ``Doc.to_array`` stores it (unsigned 64 bits)."""
    return delta % (1 << 64)


@Language.factory("kg_reparse")
def make_reparser(nlp: Language, name: str) -> Reparser:
    """spaCy factory: ``nlp.add_pipe("kg_reparse", after="kg_names")``."""
    return Reparser(nlp)
