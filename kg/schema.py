"""The closed lists of the schema (``shared/spec/schema.md``): labels, relation types, modalities.

Every label and relationship type that reaches a Cypher statement comes from these tuples; the
stores check membership before formatting a statement.
"""

from __future__ import annotations

ENTITY_TYPES: tuple[str, ...] = (
    "Person",
    "Company",
    "Government",
    "Country",
    "Organization",
    "Location",
)

RELATION_TYPES: tuple[str, ...] = (
    "ACQUIRES",
    "SELLS",
    "OWNS",
    "MERGES_WITH",
    "INVESTS_IN",
    "PARTNERS_WITH",
    "NEGOTIATES_WITH",
    "COMPETES_WITH",
    "LEADS",
    "WORKS_FOR",
    "FOUNDED",
    "SUCCEEDS",
    "APPOINTS",
    "MEETS",
    "REGULATES",
    "APPROVES",
    "BLOCKS",
    "BANS",
    "BANNED_IN",
    "SANCTIONS",
    "SUES",
    "CRITICIZES",
    "SUPPORTS",
    "OPERATES_IN",
    "BASED_IN",
    "PART_OF",
    "RELATED_TO",
)

#: Relations whose direction carries no meaning: (a, T, b) and (b, T, a) are one fact.
SYMMETRIC_TYPES: frozenset[str] = frozenset(
    {"MERGES_WITH", "PARTNERS_WITH", "NEGOTIATES_WITH", "COMPETES_WITH", "MEETS"}
)

#: Relations a person holds (schema: Person -> ...): their subject is a person.
PERSON_SUBJECT_TYPES: frozenset[str] = frozenset({"LEADS", "WORKS_FOR"})
#: Relations a body holds, never a person (schema: Company -> place; a person is BASED_IN a place).
NO_PERSON_SUBJECT_TYPES: frozenset[str] = frozenset({"OPERATES_IN"})
#: Relations whose object is a body or a place, never a person (nobody leads, works for, is part
#: of or is based in a person).
NO_PERSON_OBJECT_TYPES: frozenset[str] = frozenset({"LEADS", "WORKS_FOR", "FOUNDED", "PART_OF", "BASED_IN",
                                                    "OPERATES_IN", "BANNED_IN"})

#: Deals are about companies: what is bought, sold or merged is never a place (a city "reprise" by
#: an army is retaken, not bought).
NO_PLACE_OBJECT_TYPES: frozenset[str] = frozenset({"ACQUIRES", "SELLS", "MERGES_WITH"})


def signature_ok(rel_type: str, subject_type: str, object_type: str) -> bool:
    """The relation's ends have types the schema allows for it (the checks above)."""
    return not ((rel_type in PERSON_SUBJECT_TYPES and subject_type != "Person")
                or (rel_type in NO_PERSON_SUBJECT_TYPES and subject_type == "Person")
                or (rel_type in NO_PERSON_OBJECT_TYPES and object_type == "Person")
                or (rel_type in NO_PLACE_OBJECT_TYPES and object_type in ("Location", "Country")))


MODALITIES: tuple[str, ...] = ("asserted", "hedged", "negated")

#: Strength order used when one fact is stated several times: asserted beats hedged beats negated.
MODALITY_RANK: dict[str, int] = {"asserted": 2, "hedged": 1, "negated": 0}

DOCUMENT_LABEL = "Document"
MENTIONED_IN = "MENTIONED_IN"
#: Bookkeeping nodes for resolution against the store, outside the graph proper (no relationship
#: touches them; exports, counts and queries never see them): the name index (``key`` -> the
#: ``ids`` of extracted names) and one record per extracted name (its id as extraction made it,
#: every form seen, the documents, and the entity ``node`` it is part of).
NAME_KEY_LABEL = "NameKey"
EXTRACTED_NAME_LABEL = "ExtractedName"


def label_of(entity_id: str) -> str | None:
    """The entity type an id was made for (:func:`kg.model.entity_id` starts it with the type)."""
    return _BY_PREFIX.get(entity_id.split("-", 1)[0])


_BY_PREFIX = {t.lower(): t for t in ENTITY_TYPES}


def check_label(label: str) -> str:
    """Return ``label`` if it is an entity type of the schema, else raise ``ValueError``."""
    if label not in ENTITY_TYPES:
        raise ValueError(f"not an entity type of the schema: {label!r}")
    return label


def check_relation_type(rel_type: str) -> str:
    """Return ``rel_type`` if it is a relation type of the schema, else raise ``ValueError``."""
    if rel_type not in RELATION_TYPES:
        raise ValueError(f"not a relation type of the schema: {rel_type!r}")
    return rel_type
