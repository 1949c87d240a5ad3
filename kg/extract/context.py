"""The shared reading of one document that every construction consults.

A :class:`Context` knows which mention and cluster each token belongs to, what coreference
linked to what (filled by :mod:`kg.extract.coreference`), which deals and decisions the text has
stated so far, and how to turn a pair of arguments into a :class:`RawRelation`
(:meth:`Context.relation`). Finding arguments is in :mod:`kg.extract.arguments`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Cluster, Mention, after_trade, compound_lemma
from kg.extract.modality import modality
from kg.schema import SYMMETRIC_TYPES

if TYPE_CHECKING:
    from kg.extract.triggers import Trigger

#: Universal Dependencies relations of a subject.
SUBJ = ("nsubj", "expl:subj")
ACTOR_TYPES = ("Company", "Person", "Government", "Organization")
#: Relations whose subject is the author of a decision a later noun takes up ("cette décision").
ACT_TYPES = ("SANCTIONS", "BLOCKS", "APPROVES", "REGULATES", "BANS", "SUES")
#: Relations whose object may be named through what they judge ("soutient les projets de X").
DECISION_TYPES = ("APPROVES", "BLOCKS", "REGULATES", "SUPPORTS", "CRITICIZES", "BANS", "SANCTIONS")

#: What opens a quoted name: "le mouvement « En marche »".
OPENING_QUOTES = frozenset({"«", "\"", "“"})

#: An argument: a cluster id and how it was reached ("" directly, else "pronoun", "description", ...).
Arg = tuple[int, str]


@dataclass(frozen=True)
class RawRelation:
    """A relation between two clusters, before clusters become entities."""

    subject: int
    type: str
    object: int
    predicate: str
    modality: str
    confidence: float
    construction: str
    sentence: Span
    resolution: str = ""


class Context:
    """One document being read: token maps, coreference links, deals and decisions stated."""

    def __init__(self, doc: Doc, mentions: list[Mention], clusters: list[Cluster], lex: Lexicon,
                 title_of: Callable[[Doc, Token], str | None]) -> None:
        self.doc = doc
        self.lex = lex
        self.clusters = clusters
        self.mentions = mentions
        self.titles = lex.titles
        self.title_of = title_of
        self.token_cluster: dict[int, int] = {}
        self.mention_at: dict[int, Mention] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                self.token_cluster[i] = m.cluster
                self.mention_at[i] = m
        self.coref: dict[int, Arg] = {}
        self.plural: dict[int, list[int]] = {}  # "les deux groupes" -> the two last named
        self.genders: dict[int, str] = {}  # person cluster -> "Fem" / "Masc" (kg.extract.agreement)
        self.deals: list[tuple[int, list[Arg]]] = []  # (trigger, buyer or both merging parties)
        self.acts: list[tuple[int, list[Arg]]] = []  # (trigger, [who decided, sanctioned, ...])
        self.verbs = lex.data["verb_triggers"]
        self.nouns = lex.data["noun_triggers"]
        self.extra_clusters: dict[str, int] = {}
        self.claims: list[tuple[int, list[Arg]]] | None = None  # attacks claimed (kg.extract.arguments.claimants)
        self.triggers: dict[int, Trigger | None] = {}  # token -> its trigger, read once (kg.extract.triggers)

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Where each sentence of the document starts (read once: a pass over ``doc.sents`` makes
        a span a sentence)."""
        return [s.start for s in self.doc.sents]

    def sentences_up_to(self, i: int, n: int) -> list[int]:
        """The starts of the last ``n`` sentences starting at or before token ``i``."""
        k = bisect_right(self.sentence_starts, i)
        return self.sentence_starts[max(0, k - n):k]

    def sentences_before(self, start: int, n: int) -> list[int]:
        """The starts of the last ``n`` sentences starting before token ``start``."""
        k = bisect_left(self.sentence_starts, start)
        return self.sentence_starts[max(0, k - n):k]

    # -- what a token stands for ----------------------------------------------------------------
    def cluster_of(self, tok: Token) -> Arg | None:
        """The cluster a token stands for, directly, through a title noun, or by coreference."""
        if tok.i in self.token_cluster:
            return self.token_cluster[tok.i], ""
        if tok.i in self.coref:
            return self.coref[tok.i]
        if tok.lower_ in self.lex.words("person_honorifics"):
            m = self.mention_at.get(tok.i + 1)  # "M. Schultz, un partisan de X": the parser's head is "M."
            if m is not None and m.start == tok.i + 1 and self.clusters[m.cluster].type == "Person":
                return m.cluster, ""
        if tok.pos_ in ("NOUN", "ADJ", "PROPN", "X"):
            # "le PDG de Microsoft Satya Nadella", "le groupe chinois Huawei": a noun introducing a name
            if self.title_of(self.doc, tok) is not None:
                for c in tok.children:
                    if c.i > tok.i and c.i in self.token_cluster and c.dep_ in ("appos", "flat:name", "nmod") \
                            and not self.case(c):
                        return self.token_cluster[c.i], ""
            describing = self.lex.coref_nouns  # a noun describing an entity -> its type
            kind = describing.get(tok.lemma_.lower())
            if kind is None and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_.replace("’", "'") in self.lex.preps("de"):
                kind = describing.get(self.doc[tok.i:tok.i + 3].text.lower().replace("’", "'"))  # "homme d'affaires"
            if kind is not None:  # "l'homme d'affaires tchèque Daniel Kretinsky": the name in apposition
                for c in tok.children:
                    if c.i > tok.i and c.dep_ == "appos" and c.i in self.token_cluster \
                            and self.clusters[self.token_cluster[c.i]].type == kind:
                        return self.token_cluster[c.i], ""
            if not tok.text[:1].islower():
                # "l'Américain Nvidia", "l'Italien Luca de Meo": a nationality noun before a name
                m = self.mention_at.get(tok.i + 1)
                if m is not None and m.start == tok.i + 1 and self.lex.demonym_of(tok):
                    return m.cluster, ""
                return None
            j = tok.i + 1
            while j + 1 < len(self.doc) and self.doc[j].text == "-":  # "la start-up X"
                j += 2
            while j < len(self.doc) and self.doc[j].text[:1].islower() and (self.doc[j].pos_ == "ADJ" or (
                    self.doc[j].pos_ == "ADV" and j + 1 < len(self.doc) and self.doc[j + 1].pos_ == "ADJ")):
                j += 1  # "l'organisation non gouvernementale X"
            j = self.after_naming(j)
            if compound_lemma(tok) in self.lex.words("company_cues"):
                j = after_trade(self.lex, self.doc, j)
            m = self.mention_at.get(j)
            if m is None and j + 1 < len(self.doc) and self.doc[j].pos_ == "DET" and self.doc[j].text[:1].isupper():
                m = self.mention_at.get(j + 1)  # "le journal Le Parisien"
                j += 1
            if m is not None and m.start == j:
                return m.cluster, ""
        return None

    def after_naming(self, j: int) -> int:
        """Past a naming participle: "[, baptisée] Horse", "[appelée] X", or an opening quote: "le
        mouvement [«] En marche »"."""
        naming = self.lex.words("naming_words")
        if j + 1 < len(self.doc) and self.doc[j].text == "," and self.doc[j + 1].lower_ in naming:
            return j + 2
        if j < len(self.doc) and self.doc[j].lower_ in naming:
            j += 1
        return j + 1 if j < len(self.doc) and self.doc[j].text in OPENING_QUOTES else j

    def case(self, tok: Token) -> str:
        """The prepositions marking ``tok`` (or the mention it is in), lower case: "de", "à la"."""
        marks = [c.lower_ for c in tok.children if c.dep_ in ("case", "fixed", "mark") and c.i < tok.i]
        if not marks and tok.i in self.mention_at:
            m = self.mention_at[tok.i]
            marks = [c.lower_ for t in self.doc[m.start:m.end] for c in t.children
                     if c.dep_ == "case" and c.i < m.start]
            if not marks and m.start > 0 and self.doc[m.start - 1].pos_ == "ADP":
                marks = [self.doc[m.start - 1].lower_]
        return " ".join(marks).replace("’", "'")

    def demonym(self, tok: Token) -> str | None:
        """The country a nationality adjective names ("chinois" -> "Chine"), if any."""
        return self.lex.demonym_of(tok)

    def country_cluster(self, country: str) -> int:
        """The cluster of a country (or of a place below the state: "genevois" -> Genève, a
        location), added to the document when the text only gave its adjective."""
        etype = self.lex.demonym_type(country)
        for c in self.clusters:
            if c.type == etype and c.name == country:
                return c.id
        if country not in self.extra_clusters:
            cid = len(self.clusters)
            self.clusters.append(Cluster(cid, [], country, etype))
            self.extra_clusters[country] = cid
        return self.extra_clusters[country]

    def government_of(self, name: str) -> int | None:
        """The cluster of a country's government when the text names it as an entity ("le
        gouvernement burundais", "le gouvernement du Burundi"), else None."""
        heads = self.lex.words("government_words")
        for c in self.clusters:
            if c.type == "Government" and any(m.country == name and self.doc[m.start].lower_ in heads
                                              for m in c.mentions if m.end > m.start):
                return c.id
        return None

    def may_be(self, cluster: int, types: Iterable[str]) -> bool:
        """The cluster has one of ``types``, or is a name the NER took for a place that a
        company-typed slot may turn into a company (see the component's retyping)."""
        c = self.clusters[cluster]
        if c.type in types:
            return True
        return "Company" in types and c.type == "Location" and not any(m.source == "gazetteer" for m in c.mentions)

    def last_mention(self, cluster: int, before: int) -> Mention | None:
        """The last mention of ``cluster`` that ends by token ``before``."""
        return max((m for m in self.clusters[cluster].mentions if m.end <= before), key=lambda m: m.start, default=None)

    def position(self, cluster: int, tok: Token) -> int:
        """Where the text first names a cluster (its order in "X et Y ont ...")."""
        return min((m.start for m in self.mentions if m.cluster == cluster), default=tok.i)

    # -- verbs ----------------------------------------------------------------------------------
    def verb_lemma(self, tok: Token, lemma: str) -> str:
        """The trigger verb an inflected lemma stands for ("reproche" -> "reprocher"), or a form the
        lemmatizer reads as another verb ("vit" -> "vivre", not "voir")."""
        fixed = self.lex.data.get("lemma_fixes", {}).get(tok.lower_)
        if fixed:
            return fixed
        if tok.pos_ not in ("VERB", "AUX") or lemma.endswith(("er", "ir", "re", "oir")):
            return lemma
        return infinitive(lemma, self.verbs)

    @staticmethod
    def lemma_in(tok: Token, verbs: frozenset[str]) -> bool:
        """The verb is one of ``verbs``, also when the lemmatizer left it inflected ("réclame")."""
        return infinitive(tok.lemma_.lower(), verbs) in verbs

    # -- making relations -----------------------------------------------------------------------
    def relation(self, s: Arg, rtype: str, o: Arg, predicate: str, trigger: Token, construction: str,
                 mood: str | None = None) -> Iterator[RawRelation]:
        """The relation ``s rtype o`` read at ``trigger``, with its modality and confidence; deals and
        decisions are remembered for the nouns that take them up later."""
        if s[0] == o[0]:
            return
        if not s[1] and self.clusters[s[0]].type == "Company" and self._product(s[0], trigger):
            return  # "Un Boeing 747 s'est écrasé au Kirghizistan": a plane, not its maker
        if rtype in ("ACQUIRES", "OWNS", "INVESTS_IN") and not o[1] and self._product(o[0], trigger):
            rtype = "RELATED_TO"  # "l'achat de 114 Airbus": planes bought from their maker
        if rtype in SYMMETRIC_TYPES and self.position(o[0], trigger) < self.position(s[0], trigger):
            s, o = o, s  # either way round: the one the text names first comes first
        if rtype in ("ACQUIRES", "MERGES_WITH", "INVESTS_IN"):
            self.deals.append((trigger.i, [s, o] if rtype == "MERGES_WITH" else [s]))
        elif rtype in ACT_TYPES:
            self.acts.append((trigger.i, [s]))
        mod = mood or modality(self.lex, trigger)
        conf = self.lex.confidence(construction)
        how = ",".join(sorted({r for r in (s[1], o[1]) if r}))
        if how:
            conf -= self.lex.confidence("coref_penalty")
        if mod == "hedged":
            conf -= self.lex.confidence("hedged_penalty")
        yield RawRelation(s[0], rtype, o[0], predicate, mod, round(max(conf, 0.05), 3), construction,
                          trigger.sent, how)

    def _product(self, cluster: int, trigger: Token) -> bool:
        """Every name of the company in the trigger's sentence stands for what it makes: after a
        count ("114 Airbus"; not a year) or before a model number, which the NER may take in ("un Boeing
        747", "un [Airbus A320]")."""
        sent, doc = trigger.sent, self.doc
        spots = [m for m in self.clusters[cluster].mentions if sent.start <= m.start < sent.end]
        amounts = self.lex.words("amount_words")
        return bool(spots) and all(_counted(doc, m.start) or _model_number(doc, m.end, amounts)
                                   or (m.end - m.start > 1 and _model_number(doc, m.end - 1, amounts, inside=True))
                                   for m in spots)

    def typed(self, pairs: Iterable[tuple[Arg, Arg]], spec: dict) -> Iterator[tuple[Arg, Arg]]:
        """The pairs whose ends have the types a trigger's ``spec`` asks for."""
        st, ot = spec.get("subject_types"), spec.get("object_types")
        for s, o in pairs:
            if st and not self.may_be(s[0], st):
                continue
            if ot and not self.may_be(o[0], ot):
                continue
            yield s, o

    def typed_ok(self, s: Arg, o: Arg, spec: dict) -> bool:
        """One pair's ends have the types ``spec`` asks for."""
        return any(True for _ in self.typed(iter([(s, o)]), spec))


def _counted(doc: Doc, start: int) -> bool:
    """A count in figures right before a name: "114 Airbus" (not a year, "en 2016 Airbus"; not a
    word, "le numéro deux Stellantis")."""
    prev = doc[start - 1] if start > 0 else None
    return prev is not None and prev.is_digit and len(prev.text) != 4


def _model_number(doc: Doc, i: int, amounts: frozenset[str], inside: bool = False) -> bool:
    """A model number at ``i``: "Boeing 747", "Airbus A320", "Boeing 737-800"; three figures or
    more, or figures with letters (not "12 %", "Forever 21", "France 24", nor a year); not a
    figure of ``amounts`` ("300 millions d'euros")."""
    if i >= len(doc) or (not inside and i + 1 < len(doc) and (doc[i + 1].is_currency or doc[i + 1].text == "%"
                                                              or doc[i + 1].lower_ in amounts)):
        return False  # "12 %", "300 millions d'euros"
    word = doc[i].text
    digits = sum(ch.isdigit() for ch in word)
    letters = any(ch.isalpha() for ch in word)
    if word.isdigit() and len(word) == 4 or len(word) > 8 or not word[:1].isalnum():
        return False
    return digits >= 3 or (letters and digits >= 2)


def infinitive(lemma: str, known) -> str:
    """The verb of ``known`` a lemma the lemmatizer left inflected stands for ("reste" -> "rester",
    "reproche" -> "reprocher", "combat" -> "combattre", "défend" -> "défendre", "soutient" ->
    "soutenir"), or the lemma itself."""
    if lemma in known:
        return lemma
    forms = (lemma + "r", lemma + "er", lemma[:-1] + "er", lemma + "re", lemma + "tre", lemma[:-1] + "re")
    if lemma.endswith("ient"):
        forms += (lemma[:-4] + "enir",)
    return next((c for c in forms if lemma and c in known), lemma)


def has_case(tok: Token) -> bool:
    """The token has a preposition of its own."""
    return any(c.dep_ == "case" for c in tok.children)


def possessive(tok: Token) -> bool:
    """ "son patron", "ses activités": the noun has a possessive determiner (or one right before
    its adjectives that the parser hung on an adjective: "son légendaire concurrent")."""
    if any(c.dep_ == "det" and "Yes" in c.morph.get("Poss") for c in tok.children):
        return True
    i = tok.i - 1
    while i > tok.sent.start and tok.doc[i].pos_ == "ADJ" and tok.i - i <= 2:
        i -= 1
    return i < tok.i - 1 and "Yes" in tok.doc[i].morph.get("Poss") and tok.doc[i].head.i != tok.i \
        and tok.doc[i].head.pos_ == "ADJ"
