from __future__ import annotations

import pytest

from kg.errors import ConfigError
from kg.model import Document, Entity, Evidence, Extraction, Graph, Relation, entity_id
from kg.resolve import load_aliases, resolve_graph


def _e(name: str, etype: str) -> Entity:
    return Entity(entity_id(etype, name), name, etype)


def _graph(*docs: tuple[str, list[Entity], list[tuple[Entity, str, Entity]]]) -> Graph:
    g = Graph()
    for doc_id, ents, rels in docs:
        relations = tuple(Relation(s.id, t, o.id, "x", "asserted", 0.7, (Evidence(doc_id, "s", 0, 1),))
                          for s, t, o in rels)
        g.add(Extraction(Document(doc_id, doc_id), tuple(ents), relations))
    return g


def test_person_name_parts_across_documents():
    trump, donald = _e("Trump", "Person"), _e("Donald Trump", "Person")
    us = _e("États-Unis", "Country")
    g = resolve_graph(_graph(("a", [donald, us], [(donald, "LEADS", us)]), ("b", [trump, us], [(trump, "LEADS", us)])))
    persons = [e for e in g.entities.values() if e.type == "Person"]
    assert [(p.name, p.aliases) for p in persons] == [("Donald Trump", ("Trump",))]
    (rel,) = g.relations.values()
    assert rel.subject == donald.id and len(rel.evidence) == 2
    assert (donald.id, "b") in g.mentions


def test_ambiguous_last_name_is_left_alone():
    g = resolve_graph(_graph(("a", [_e("Marine Le Pen", "Person"), _e("Jean-Marie Le Pen", "Person"),
                                    _e("Pen", "Person")], [])))
    assert len(g.entities) == 3


def test_acronym_across_documents():
    omc, full = _e("OMC", "Organization"), _e("Organisation mondiale du commerce", "Organization")
    g = resolve_graph(_graph(("a", [full], []), ("b", [omc], [])))
    assert [(e.name, e.aliases) for e in g.entities.values()] == [("Organisation mondiale du commerce", ("OMC",))]


def test_alias_file(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("surface,canonical,type\nBig Blue,IBM,Company\nla Firme de Redmond,Microsoft,\n", encoding="utf-8")
    table = load_aliases(path)
    blue, ibm = _e("Big Blue", "Organization"), _e("IBM", "Company")
    redmond = _e("Firme de Redmond", "Company")
    g = resolve_graph(_graph(("a", [blue, ibm, redmond], [(blue, "ACQUIRES", redmond)])), table)
    names = {e.name: e.type for e in g.entities.values()}
    assert names == {"IBM": "Company", "Microsoft": "Company"}
    (rel,) = g.relations.values()
    assert rel.subject == entity_id("Company", "IBM") and rel.object == entity_id("Company", "Microsoft")


def test_bad_alias_file_is_a_coded_error(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("IBM,International Business Machines,Firm\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_aliases(path)
    assert "aliases.csv:1" in str(info.value) and str(info.value).startswith("[K400]")
