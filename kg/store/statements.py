"""The loader's Cypher, shared by the embedded store and Neo4j.

Every statement is parameterised; the only text formatted into a statement is a label or a
relationship type, and only after it has been checked against the schema's closed lists.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from kg.model import Document, Entity, Evidence, Graph, Relation
from kg.schema import (
    DOCUMENT_LABEL,
    EXTRACTED_NAME_LABEL,
    MENTIONED_IN,
    MODALITY_RANK,
    NAME_KEY_LABEL,
    check_label,
    check_relation_type,
)

#: A document's hash is written in two steps: ``pending:HASH`` with its node, then ``HASH`` once
#: everything it supports (entities, mentions, evidence) is stored. A document left pending by an
#: interruption is written again on the next run; one with the full hash is complete.
PENDING = "pending:"

MERGE_DOCUMENTS = (
    f"UNWIND $rows AS row MERGE (d:{DOCUMENT_LABEL} {{id: row.id}}) "
    "SET d.title = row.title, d.url = row.url, d.date = row.date, d.source = row.source, "
    "d.hash = CASE WHEN d.hash = row.hash THEN d.hash ELSE row.pending END"
)
COMMIT_DOCUMENTS = f"UNWIND $rows AS row MATCH (d:{DOCUMENT_LABEL} {{id: row.id}}) SET d.hash = row.hash"

DOCUMENT_HASHES = f"MATCH (d:{DOCUMENT_LABEL}) WHERE d.id IN $ids RETURN d.id AS id, d.hash AS hash"


def merge_entities(label: str) -> str:
    check_label(label)
    return (
        f"UNWIND $rows AS row MERGE (e:{label} {{id: row.id}}) "
        "SET e.name = row.name, e.aliases = row.aliases"
    )


def existing_entities(label: str) -> str:
    check_label(label)
    return f"MATCH (e:{label}) WHERE e.id IN $ids RETURN e.id AS id, e.name AS name, e.aliases AS aliases"


def merge_mentions(label: str) -> str:
    check_label(label)
    return (
        f"UNWIND $rows AS row MATCH (e:{label} {{id: row.entity}}) MATCH (d:{DOCUMENT_LABEL} {{id: row.doc}}) "
        f"MERGE (e)-[:{MENTIONED_IN}]->(d)"
    )


#: How a batch row updates a relationship on the embedded store (one writer): its sightings are
#: new to the relationship (:meth:`GraphStore.write` leaves out the stored ones). ``rank`` is set
#: last so that the CASE expressions before it compare with the old rank.
_ON_MERGE = (
    "ON CREATE SET r.predicate = row.predicate, r.modality = row.modality, r.confidence = row.confidence, "
    "r.count = row.count, r.doc_ids = row.doc_ids, r.sentences = row.sentences, r.evidence = row.evidence, "
    "r.rank = row.rank "
    "ON MATCH SET r.count = r.count + row.count, r.doc_ids = r.doc_ids + row.doc_ids, "
    "r.sentences = r.sentences + row.sentences, r.evidence = r.evidence + row.evidence, "
    "r.predicate = CASE WHEN row.rank > r.rank OR (row.rank = r.rank AND row.predicate > r.predicate) "
    "THEN row.predicate ELSE r.predicate END, "
    "r.modality = CASE WHEN row.rank > r.rank THEN row.modality ELSE r.modality END, "
    "r.confidence = CASE WHEN row.confidence > r.confidence THEN row.confidence ELSE r.confidence END, "
    "r.rank = CASE WHEN row.rank > r.rank THEN row.rank ELSE r.rank END"
)

#: The same on Neo4j, where two writers may add the same sighting at once: evidence is merged on
#: the sighting (its JSON record) in the statement itself, so writing a document twice (a rerun
#: after an interruption, two builds at once) leaves the relationship of one write. The first
#: ``SET`` writes a property (removed at the end), which makes Neo4j lock the relationship before
#: the ``WITH`` reads its evidence: no lost update between two writers. (An earlier ``SET r.count =
#: r.count`` lost one sighting in four concurrent loads on a loaded machine: a write that changes
#: nothing is not a reliable lock.)
_ON_MERGE_NEO4J = (
    "ON CREATE SET r.predicate = row.predicate, r.modality = row.modality, r.confidence = row.confidence, "
    "r.rank = row.rank, r.count = 0, r.doc_ids = [], r.sentences = [], r.evidence = [] "
    "ON MATCH SET r._lock = true "
    "WITH r, row, [x IN row.items WHERE NOT x.e IN r.evidence] AS new "
    "SET r.doc_ids = r.doc_ids + [x IN new | x.d], r.sentences = r.sentences + [x IN new | x.s], "
    "r.evidence = r.evidence + [x IN new | x.e], r.count = r.count + size(new), "
    "r.predicate = CASE WHEN row.rank > r.rank THEN row.predicate ELSE r.predicate END, "
    "r.modality = CASE WHEN row.rank > r.rank THEN row.modality ELSE r.modality END, "
    "r.confidence = CASE WHEN row.confidence > r.confidence THEN row.confidence ELSE r.confidence END, "
    "r.rank = CASE WHEN row.rank > r.rank THEN row.rank ELSE r.rank END "
    "REMOVE r._lock"
)


def stored_evidence(subject_label: str, rel_type: str, object_label: str) -> str:
    """The evidence already on the relationships of a batch's rows."""
    return _one_relation(subject_label, rel_type, object_label) + "RETURN a.id AS s, b.id AS o, r.evidence AS evidence"


def _merge_relation(subject_label: str, rel_type: str, object_label: str, then: str) -> str:
    check_label(subject_label)
    check_label(object_label)
    check_relation_type(rel_type)
    return (
        f"UNWIND $rows AS row MATCH (a:{subject_label} {{id: row.s}}) MATCH (b:{object_label} {{id: row.o}}) "
        f"MERGE (a)-[r:{rel_type}]->(b) {then}"
    )


def merge_relations(subject_label: str, rel_type: str, object_label: str) -> str:
    """Create a relationship, or add evidence to it: one relationship per (subject, type, object)."""
    return _merge_relation(subject_label, rel_type, object_label, _ON_MERGE)


def merge_entities_returning_elements(label: str) -> str:
    """Neo4j: merge entities in one atomic statement (the longer name wins, aliases are united,
    as :func:`kg.model.merge_entities` does) and return their element ids for the relationship
    writes that follow."""
    check_label(label)
    return (
        f"UNWIND $rows AS row MERGE (e:{label} {{id: row.id}}) "
        # read and written directly: Neo4j locks the node before the WITHs read it
        "SET e.name = coalesce(e.name, row.name) "
        "WITH e, row, e.name AS old "
        "WITH e, row, old, CASE WHEN size(row.name) > size(old) OR (size(row.name) = size(old) AND row.name > old) "
        "THEN row.name ELSE old END AS best "
        "WITH e, best, reduce(acc = [], a IN coalesce(e.aliases, []) + row.aliases + [old, row.name] | "
        "CASE WHEN a = best OR a IN acc THEN acc ELSE acc + a END) AS aliases "
        "SET e.name = best, e.aliases = aliases RETURN e.id AS id, elementId(e) AS element"
    )


def merge_relations_by_element(rel_type: str) -> str:
    """Like :func:`merge_relations`, the ends found by element id (Neo4j): one statement per type
    instead of one per (label, type, label), which Neo4j would plan one by one."""
    check_relation_type(rel_type)
    return (
        "UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.a MATCH (b) WHERE elementId(b) = row.b "
        f"MERGE (a)-[r:{rel_type}]->(b) {_ON_MERGE_NEO4J}"
    )


def read_entities(label: str) -> str:
    check_label(label)
    return f"MATCH (e:{label}) RETURN e.id AS id, e.name AS name, e.aliases AS aliases ORDER BY e.id"


def read_relations(rel_type: str) -> str:
    check_relation_type(rel_type)
    return (
        f"MATCH (a)-[r:{rel_type}]->(b) RETURN a.id AS s, b.id AS o, r.predicate AS predicate, "
        "r.modality AS modality, r.confidence AS confidence, r.evidence AS evidence ORDER BY s, o"
    )


READ_DOCUMENTS = (
    f"MATCH (d:{DOCUMENT_LABEL}) RETURN d.id AS id, d.title AS title, d.url AS url, d.date AS date, "
    "d.source AS source, d.hash AS hash ORDER BY id"
)
READ_MENTIONS = f"MATCH (e)-[:{MENTIONED_IN}]->(d:{DOCUMENT_LABEL}) RETURN e.id AS e, d.id AS d"


# -- rows ------------------------------------------------------------------------------------

def document_rows(documents: Iterable[Document]) -> list[dict[str, Any]]:
    return [{"id": d.id, "title": d.title, "url": d.url, "date": d.date, "source": d.source, "hash": d.hash,
             "pending": PENDING + d.hash} for d in documents]


def evidence_json(ev: Evidence) -> str:
    return json.dumps(ev.to_dict(), ensure_ascii=False, sort_keys=True)


def evidence_from_json(text: str) -> Evidence:
    return Evidence.from_dict(json.loads(text))


def relation_rows(graph: Graph) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """Relation rows grouped by (subject label, type, object label)."""
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in sorted(graph.relations.values(), key=lambda r: r.key):
        s, o = graph.entities[r.subject], graph.entities[r.object]
        groups[(s.type, r.type, o.type)].append(relation_row(r))
    return groups


def relation_row(r: Relation) -> dict[str, Any]:
    return {
        "s": r.subject, "o": r.object, "predicate": r.predicate, "modality": r.modality,
        "rank": MODALITY_RANK[r.modality], "confidence": r.confidence, "count": len(r.evidence),
        "doc_ids": [e.doc_id for e in r.evidence], "sentences": [e.sentence for e in r.evidence],
        "evidence": [evidence_json(e) for e in r.evidence],
        "items": [{"e": evidence_json(e), "d": e.doc_id, "s": e.sentence} for e in r.evidence],
    }


def entity_rows(entities: Iterable[Entity]) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in sorted(entities, key=lambda e: e.id):
        groups[e.type].append({"id": e.id, "name": e.name, "aliases": list(e.aliases)})
    return groups


def mention_rows(graph: Graph) -> dict[str, list[dict[str, str]]]:
    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for entity, doc in sorted(graph.mentions):
        groups[graph.entities[entity].type].append({"entity": entity, "doc": doc})
    return groups


#: What a relationship's evidence decides, overwritten from a relation row.
_SET_EVIDENCE = (
    "r.modality = row.modality, r.rank = row.rank, r.confidence = row.confidence, r.count = row.count, "
    "r.doc_ids = row.doc_ids, r.sentences = row.sentences, r.evidence = row.evidence"
)

# -- replacing a document -----------------------------------------------------------------------

RELATIONS_OF_DOCUMENT = (
    "MATCH (a)-[r]->(b) WHERE $doc IN r.doc_ids "
    "RETURN labels(a)[0] AS sl, a.id AS s, type(r) AS t, labels(b)[0] AS ol, b.id AS o, r.predicate AS predicate, "
    "r.evidence AS evidence"
)
NAMES_OF_DOCUMENT = f"MATCH (e)-[:{MENTIONED_IN}]->(d:{DOCUMENT_LABEL} {{id: $doc}}) RETURN e.keys AS keys"
DELETE_DOCUMENT = f"MATCH (d:{DOCUMENT_LABEL} {{id: $doc}}) DETACH DELETE d"


def _one_relation(subject_label: str, rel_type: str, object_label: str) -> str:
    check_label(subject_label)
    check_label(object_label)
    check_relation_type(rel_type)
    return f"UNWIND $rows AS row MATCH (a:{subject_label} {{id: row.s}})-[r:{rel_type}]->(b:{object_label} {{id: row.o}}) "


def set_relation(subject_label: str, rel_type: str, object_label: str) -> str:
    """Overwrite a relationship's evidence and what derives from it (after a document left)."""
    return _one_relation(subject_label, rel_type, object_label) + "SET " + _SET_EVIDENCE


def delete_relation(subject_label: str, rel_type: str, object_label: str) -> str:
    return _one_relation(subject_label, rel_type, object_label) + "DELETE r"


def delete_orphans(label: str) -> str:
    """Entities no document mentions and no relation touches any more."""
    check_label(label)
    return f"MATCH (e:{label}) WHERE NOT EXISTS {{ MATCH (e)--() }} DELETE e"


# -- resolution against the store ---------------------------------------------------------------

READ_NAME_KEYS = f"UNWIND $keys AS k MATCH (n:{NAME_KEY_LABEL} {{key: k}}) RETURN n.key AS key, n.ids AS ids"
SET_NAME_KEYS = f"UNWIND $rows AS row MERGE (n:{NAME_KEY_LABEL} {{key: row.key}}) SET n.ids = row.ids"
#: Neo4j: add ids to a key in one atomic statement (concurrent loads lose none).
ADD_NAME_KEYS = (
    f"UNWIND $rows AS row MERGE (n:{NAME_KEY_LABEL} {{key: row.key}}) "
    "SET n.ids = reduce(acc = coalesce(n.ids, []), i IN row.ids | CASE WHEN i IN acc THEN acc ELSE acc + i END)"
)


READ_NAMES = (
    f"UNWIND $ids AS i MATCH (n:{EXTRACTED_NAME_LABEL} {{id: i}}) "
    "RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.docs AS docs, n.node AS node, n.pin AS pin"
)
SET_NAMES = (
    f"UNWIND $rows AS row MERGE (n:{EXTRACTED_NAME_LABEL} {{id: row.id}}) "
    "SET n.name = row.name, n.aliases = row.aliases, n.docs = row.docs, n.node = row.node, n.pin = row.pin"
)


def entities_by_id(label: str) -> str:
    """Entities found by id, one index lookup each."""
    check_label(label)
    return (f"UNWIND $ids AS i MATCH (e:{label} {{id: i}}) "
            "RETURN e.id AS id, e.name AS name, e.aliases AS aliases, e.keys AS keys")


def set_entities(label: str) -> str:
    """Create or overwrite entities with the name, aliases and extracted names already computed."""
    check_label(label)
    return (f"UNWIND $rows AS row MERGE (e:{label} {{id: row.id}}) "
            "SET e.name = row.name, e.aliases = row.aliases, e.keys = row.keys")


def delete_mentions(label: str) -> str:
    check_label(label)
    return (f"UNWIND $rows AS row MATCH (e:{label} {{id: row.entity}})-[m:{MENTIONED_IN}]->"
            f"(d:{DOCUMENT_LABEL} {{id: row.doc}}) DELETE m")


def relations_from(label: str) -> str:
    check_label(label)
    return (
        f"MATCH (a:{label} {{id: $id}})-[r]->(b) RETURN type(r) AS t, labels(b)[0] AS ol, b.id AS o, "
        "r.predicate AS predicate, r.modality AS modality, r.confidence AS confidence, r.evidence AS evidence"
    )


def relations_to(label: str) -> str:
    check_label(label)
    return (
        f"MATCH (a)-[r]->(b:{label} {{id: $id}}) RETURN type(r) AS t, labels(a)[0] AS sl, a.id AS s, "
        "r.predicate AS predicate, r.modality AS modality, r.confidence AS confidence, r.evidence AS evidence"
    )


def read_relation(subject_label: str, rel_type: str, object_label: str) -> str:
    return _one_relation(subject_label, rel_type, object_label) + (
        "RETURN r.predicate AS predicate, r.modality AS modality, r.confidence AS confidence, r.evidence AS evidence"
    )


def put_relation(subject_label: str, rel_type: str, object_label: str) -> str:
    """Create a relationship or overwrite it with a relation merged in Python."""
    return _merge_relation(subject_label, rel_type, object_label, "SET r.predicate = row.predicate, " + _SET_EVIDENCE)


def mentions_of(label: str) -> str:
    check_label(label)
    return f"MATCH (e:{label} {{id: $id}})-[:{MENTIONED_IN}]->(d:{DOCUMENT_LABEL}) RETURN d.id AS doc"


def delete_entity(label: str) -> str:
    check_label(label)
    return f"MATCH (e:{label} {{id: $id}}) DETACH DELETE e"


def all_entities(label: str) -> str:
    check_label(label)
    return f"MATCH (e:{label}) RETURN e.id AS id, e.name AS name, e.aliases AS aliases"
