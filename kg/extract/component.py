"""The ``kg_relations`` spaCy component: ``Doc -> Doc`` with entities and relations on ``Doc._``.

Any French pipeline with a parser and NER can add it: ``nlp.add_pipe("kg_relations")``.
Results are in ``doc._.kg_entities`` (:class:`kg.model.Entity`) and ``doc._.kg_relations``
(:class:`kg.model.Relation`); set ``doc._.kg_doc_id`` first to name the document in evidence.

What the component stores follows spaCy's conventions, so that ``doc.to_bytes()``, ``DocBin``
and ``nlp.pipe(..., n_process=2)`` keep it: every mention of an entity is a ``Span`` in
``doc.spans["kg"]`` (label: the entity type, ``kb_id``: the entity id), and the entities and
relations are plain data in ``doc._.kg_data``, from which the two getters above build the model's
dataclasses. :mod:`kg.extract.display` shows both with displaCy.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract import coreference
from kg.extract.constructions import read_relations
from kg.extract.context import Context, RawRelation
from kg.extract.lexicon import Lexicon, load_lexicon
from kg.extract.mentions import WEAK, Cluster, forget_positions
from kg.extract.mentions.clustering import cluster_mentions, merge_named_appositions, merge_regulator_descriptions
from kg.extract.mentions.finding import find_mentions
from kg.extract.mentions.voting import vote_types
from kg.extract.mentions.words import MentionLexicon
from kg.model import Entity, Evidence, Relation, entity_id, merge_relations, normalize_name
from kg.schema import SYMMETRIC_TYPES, signature_ok

#: Relations between businesses: their arguments are companies whatever the NER said.
BUSINESS_TYPES = frozenset({"ACQUIRES", "SELLS", "MERGES_WITH", "PARTNERS_WITH", "COMPETES_WITH", "INVESTS_IN",
                            "OWNS"})

#: The span group of entity mentions.
SPANS_KEY = "kg"


def _entities(doc: Doc) -> list[Entity] | None:
    data = doc._.kg_data
    return None if data is None else [Entity(e["id"], e["name"], e["type"], tuple(e["aliases"]))
                                      for e in data["entities"]]


def _relations(doc: Doc) -> list[Relation] | None:
    data = doc._.kg_data
    if data is None:
        return None
    return [Relation(r["subject"], r["type"], r["object"], r["predicate"], r["modality"], r["confidence"],
                     tuple(Evidence.from_dict(ev) for ev in r["evidence"])) for r in data["relations"]]


def _plain(entities: list[Entity], relations: list[Relation]) -> dict:
    """Entities and relations as the plain data spaCy serialises (strings, numbers, lists, dicts)."""
    return {
        "entities": [{"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases)} for e in entities],
        "relations": [{"subject": r.subject, "type": r.type, "object": r.object, "predicate": r.predicate,
                       "modality": r.modality, "confidence": r.confidence,
                       "evidence": [ev.to_dict() for ev in r.evidence]} for r in relations],
    }


for _name in ("kg_doc_id", "kg_data", "kg_coref"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
Doc.set_extension("kg_entities", getter=_entities, force=True)
Doc.set_extension("kg_relations", getter=_relations, force=True)


class RelationExtractor:
    """Finds typed entities and the relations between them in one parsed document."""

    def __init__(self, nlp: Language, lang: str = "fr") -> None:
        self.lex: Lexicon = load_lexicon(lang)
        self.words = MentionLexicon(nlp, self.lex)
        self.folded_first_names = frozenset(normalize_name(n) for n in self.lex.first_names)
        self.folded_demonyms = frozenset(normalize_name(f) for f in self.lex.demonym_inflections)
        #: set by ``bench.coref``: fill ``doc._.kg_coref`` (token -> names and aliases it refers to)
        self.keep_coref = False

    def __call__(self, doc: Doc) -> Doc:
        try:
            return self._read(doc)
        finally:
            forget_positions(doc)

    def _read(self, doc: Doc) -> Doc:
        doc_id = doc._.kg_doc_id or ""
        mentions = find_mentions(self.words, doc)
        vote_types(self.words, doc, mentions)
        clusters = cluster_mentions(mentions, self.folded_first_names, doc, self.folded_demonyms)
        merge_regulator_descriptions(self.lex, doc, clusters)
        merge_named_appositions(doc, mentions, clusters)
        ctx = Context(doc, mentions, clusters, self.lex, self.words.title_of)
        coreference.resolve(ctx)
        raw = read_relations(ctx)
        if self.keep_coref:
            doc._.kg_coref = {i: [(clusters[c].name, tuple(clusters[c].aliases)) for c in cids]
                              for i, cids in coreference.resolutions(ctx).items()}
        self._retype_by_role(clusters, raw)
        involved = {r.subject for r in raw} | {r.object for r in raw}
        entities: dict[int, Entity] = {}
        for c in clusters:
            if c.weak and c.id not in involved and not self._coordinated(doc, c, clusters):
                continue
            entities[c.id] = Entity(entity_id(c.type, c.name), c.name, c.type, tuple(c.aliases))
        relations: dict[tuple[str, str, str], Relation] = {}
        for r in raw:
            if r.subject not in entities or r.object not in entities:
                continue
            subject, obj = entities[r.subject], entities[r.object]
            if subject.id == obj.id or not signature_ok(r.type, subject.type, obj.type):
                continue  # two names of one entity; or "le PPE préside ... avec Donald Tusk": no one leads a person
            rel = self._relation(doc_id, r, entities, self.lex)
            key = rel.key
            mirror = (rel.object, rel.type, rel.subject)
            if rel.type in SYMMETRIC_TYPES and mirror in relations:
                key = mirror
                rel = Relation(rel.object, rel.type, rel.subject, rel.predicate, rel.modality,
                               rel.confidence, rel.evidence)
            relations[key] = merge_relations(relations.get(key), rel)
        doc._.kg_data = _plain(list(entities.values()), list(relations.values()))
        doc.spans[SPANS_KEY] = sorted(
            (Span(doc, m.start, m.end, label=entities[c.id].type, kb_id=entities[c.id].id)
             for c in clusters if c.id in entities for m in c.mentions if m.end > m.start),
            key=lambda span: (span.start, span.end))
        return doc

    @staticmethod
    def _relation(doc_id: str, r: RawRelation, entities: dict[int, Entity], lexicon: Lexicon) -> Relation:
        sent = r.sentence
        text = sent.text
        lead = len(text) - len(text.lstrip())
        stripped = text.strip()
        start = sent.start_char + lead
        evidence = Evidence(doc_id, stripped, start, start + len(stripped), r.modality, r.confidence,
                            r.construction, r.resolution, dates_in(stripped, lexicon))
        return Relation(entities[r.subject].id, r.type, entities[r.object].id, r.predicate, r.modality,
                        r.confidence, (evidence,))

    @staticmethod
    def _retype_by_role(clusters: list[Cluster], raw: list[RawRelation]) -> None:
        """A name the NER took for a place, or an acronym typed by default, that buys, merges or
        partners with a company is one; an acronym in parentheses after a person is a party."""
        for r in raw:
            if r.construction == "affiliation" and r.type == "WORKS_FOR" and clusters[r.object].type == "Location":
                clusters[r.object].type = "Organization"  # "Robert Fico (Smer-DS)": a party's acronym
                continue
            if r.type not in BUSINESS_TYPES:
                continue
            ends = (clusters[r.subject], clusters[r.object])
            if not any(c.type == "Company" for c in ends):
                # what a person buys, owns or invests in is a company; not a city a state, an army or
                # rebels take ("l'armée syrienne a repris Alep", "les rebelles ont pris le contrôle de Goma")
                buyer = clusters[r.subject].type == "Person"
                ends = (clusters[r.object],) if buyer and r.type in ("OWNS", "INVESTS_IN", "ACQUIRES") else ()
            for c in ends:
                weak = c.type == "Organization" and all(sum(m.votes.values()) <= WEAK for m in c.mentions)
                if (c.type == "Location" or weak) and not any(m.source == "gazetteer" for m in c.mentions):
                    c.type = "Company"  # a place or an unknown acronym that buys or merges is a company

    @staticmethod
    def _coordinated(doc: Doc, cluster: Cluster, clusters: list[Cluster]) -> bool:
        """A weak (MISC-only) name listed with a typed one: "Facebook, Twitter, Google"."""
        strong = {i for c in clusters if not c.weak for m in c.mentions for i in range(m.start, m.end)}
        for m in cluster.mentions:
            for tok in doc[m.start:m.end]:
                near = [tok.head, *tok.children]
                if any(t.i in strong and (t.dep_ == "conj" or tok.dep_ == "conj") for t in near):
                    return True
        return False


@lru_cache(maxsize=8)
def _date_pattern(lang: str, months: tuple[str, ...], weekdays: tuple[str, ...], preps: tuple[str, ...],
                  ordinals: tuple[str, ...]) -> re.Pattern:
    month = "|".join(months)
    day = rf"(?:{'|'.join(ordinals)}|\d{{1,2}})"
    return re.compile(
        rf"\b(?:(?:{'|'.join(weekdays)})\s+)?{day}\s+(?:{month})(?:\s+\d{{4}})?\b"
        rf"|\b(?:{month})\s+\d{{4}}\b"
        rf"|\b(?:{'|'.join(preps)})\s+(?:19|20)\d{{2}}\b"
        rf"|\b(?:{'|'.join(weekdays)})\b",
        re.IGNORECASE,
    )


def dates_in(sentence: str, lexicon: Lexicon) -> tuple[str, ...]:
    """The dates a sentence states ("le 15 septembre 2020", "en 2019", "lundi"), in order."""
    d = lexicon.data
    pattern = _date_pattern(lexicon.lang, tuple(d["months"]), tuple(d["weekdays"]), tuple(d["year_prepositions"]),
                            tuple(d["day_ordinals"]))
    return _dates(sentence, pattern)


@lru_cache(maxsize=4096)
def _dates(sentence: str, pattern: re.Pattern[str]) -> tuple[str, ...]:
    """The matches of ``pattern`` in ``sentence`` (a sentence states several relations)."""
    return tuple(m.group(0) for m in pattern.finditer(sentence))


@Language.factory("kg_relations", default_config={"lang": "fr"})
def make_relation_extractor(nlp: Language, name: str, lang: str) -> RelationExtractor:
    """spaCy factory: ``nlp.add_pipe("kg_relations", config={"lang": "fr"})``."""
    return RelationExtractor(nlp, lang)
