"""The surfaces of a user's alias file, found in the text before relations are read.

Renaming names after extraction is not enough: "la firme de Redmond" is not a name spaCy's NER
finds whole, so its relations were read from the parts it did find ("Redmond" as a person). Here
an ``entity_ruler`` (spaCy's PhraseMatcher, case-insensitive) placed before ``kg_relations`` marks
each surface of the file as one entity, with a spaCy label from the file's type; ``kg_relations``
then reads its relations like any name's, and :func:`kg.resolve.resolve_graph` gives it the
canonical name and type of the file.
"""

from __future__ import annotations

from spacy.language import Language

from kg.resolve import AliasTable

PIPE_NAME = "kg_aliases"
#: The file's entity type -> the label spaCy's French NER would give such a name.
SPACY_LABELS = {"Person": "PER", "Company": "ORG", "Government": "ORG", "Organization": "ORG",
                "Country": "LOC", "Location": "LOC"}


def add_alias_matcher(nlp: Language, aliases: AliasTable) -> None:
    """Add (or refill) the ``kg_aliases`` entity ruler before ``kg_relations``."""
    if PIPE_NAME in nlp.pipe_names:
        nlp.remove_pipe(PIPE_NAME)
    if not aliases.surfaces:
        return
    where = {"before": "kg_relations"} if "kg_relations" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name=PIPE_NAME, config={"overwrite_ents": True,
                                                                  "phrase_matcher_attr": "LOWER"}, **where)
    ruler.add_patterns([{"label": SPACY_LABELS.get(etype, "MISC"), "pattern": surface, "id": canonical}
                        for surface, canonical, etype in aliases.surfaces])
