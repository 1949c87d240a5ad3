"""Order and batch independence: building A then B gives the graph A and B give together.

Each comparison is of the full N-Triples export. The articles are extracted once; the property
test writes them in random orders and random cuts, as a user building every day would.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kg.extract import extract
from kg.model import Document, Entity, Extraction, Graph, entity_id
from kg.pipeline import Options, build, load
from kg.rdf import n_triples
from kg.read import read_documents
from kg.resolve import resolve_against
from kg.store.embedded import EmbeddedStore

DATA = Path(__file__).resolve().parent / "data"
ARTICLES = [DATA / "resolution.jsonl", DATA / "news.gold.jsonl", DATA / "news2.gold.jsonl",
            DATA / "news3.gold.jsonl", DATA / "constructions.gold.jsonl"]
WINER = Path(__file__).resolve().parents[2] / "shared" / "data" / "winer-fr" / "dev.gold.jsonl"
A = "Le président américain Donald Trump a critiqué la société chinoise Huawei."
B = "Trump a ensuite rencontré le PDG d'Apple, Tim Cook, à Washington."


def _person(name: str) -> Entity:
    return Entity(entity_id("Person", name), name, "Person")


def test_a_batch_name_joins_a_stored_full_name_and_a_stored_short_name_joins_a_batch_one():
    donald, trump = _person("Donald Trump"), _person("Trump")
    batch = Graph(entities={trump.id: trump})
    assert resolve_against(batch, [donald]).placement[trump.id].id == donald.id
    batch = Graph(entities={donald.id: donald})
    assert resolve_against(batch, [trump]).placement[trump.id].id == donald.id


def test_a_short_name_ambiguous_in_the_store_stays_alone():
    trump, ivanka, donald = _person("Trump"), _person("Ivanka Trump"), _person("Donald Trump")
    placement = resolve_against(Graph(entities={trump.id: trump}), [donald, ivanka]).placement
    assert placement[trump.id].id == trump.id
    # a second Trump arriving takes the stored short name back out of the first
    placement = resolve_against(Graph(entities={ivanka.id: ivanka}), [donald, trump]).placement
    assert placement[trump.id].id == trump.id


def test_a_stored_name_reached_through_another_name_keeps_its_place(tmp_path):
    # "France Ô" reaches the stored "FO" by its id (folded initials); "FO" must still see the
    # "Force ouvrière" it joined, or it would be moved out of it
    fo, union, channel = (Entity(entity_id("Company", n), n, "Company") for n in ("FO", "Force ouvrière", "France Ô"))
    first = Extraction(Document("d1", "x"), (fo, union), ())
    second = Extraction(Document("d2", "y"), (channel,), ())
    exports = []
    for name, parts in (("one", [[first, second]]), ("inc", [[first], [second]]), ("rev", [[second], [first]])):
        with EmbeddedStore(tmp_path / name) as store:
            exports.append(_in_parts(store, parts))
            _, rows = store.run("MATCH (c:Company) RETURN c.name, c.aliases ORDER BY c.name")
            assert rows == [["Force ouvrière", ["FO"]], ["France Ô", []]], name
    assert exports[0] == exports[1] == exports[2]


@pytest.fixture(scope="module")
def extractions(nlp):
    docs = [d for d in read_documents(ARTICLES) if isinstance(d, Document)]
    return list(extract(docs, nlp))


@pytest.fixture(scope="module")
def one_build(extractions, tmp_path_factory):
    with EmbeddedStore(tmp_path_factory.mktemp("one") / "db") as store:
        load(extractions, store)
        return n_triples(store.read_graph())


def _in_parts(store, parts, batch_size=256):
    for part in parts:
        load(part, store, options=Options(batch_size=batch_size))
    return n_triples(store.read_graph())


def _cuts(items, rng):
    k = rng.randint(2, 8)
    points = sorted(rng.sample(range(1, len(items)), k - 1))
    return [items[a:b] for a, b in zip([0, *points], [*points, len(items)], strict=True)]


def test_the_two_document_example_gives_one_person(nlp, tmp_path):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    exports = []
    for name, order in (("ab", [["a"], ["b"]]), ("ba", [["b"], ["a"]]), ("together", [["a", "b"]])):
        with EmbeddedStore(tmp_path / name) as store:
            for part in order:
                build([tmp_path / f"{p}.txt" for p in part], store, nlp)
            _, rows = store.run("MATCH (p:Person) RETURN p.name, p.aliases ORDER BY p.name")
            assert rows == [["Donald Trump", ["Trump"]], ["Tim Cook", []]], name
            exports.append(n_triples(store.read_graph()))
    assert exports[0] == exports[1] == exports[2]


def test_reversed_increments_give_the_graph_of_one_build(extractions, one_build, tmp_path):
    parts = [extractions[i:i + 6] for i in range(0, len(extractions), 6)][::-1]
    with EmbeddedStore(tmp_path / "db") as store:
        assert _in_parts(store, parts) == one_build


@pytest.mark.parametrize("seed", range(5))
def test_random_orders_and_cuts_give_the_graph_of_one_build(extractions, one_build, tmp_path, seed):
    rng = random.Random(seed)
    shuffled = list(extractions)
    rng.shuffle(shuffled)
    with EmbeddedStore(tmp_path / "db") as store:
        assert _in_parts(store, _cuts(shuffled, rng), batch_size=rng.randint(1, 16)) == one_build


@pytest.mark.neo4j
def test_reversed_increments_on_neo4j_give_the_graph_of_one_build(extractions, one_build, neo4j_store):
    rng = random.Random(7)
    assert _in_parts(neo4j_store, _cuts(extractions[::-1], rng), batch_size=5) == one_build


@pytest.mark.slow
@pytest.mark.skipif(not WINER.exists(), reason="the WiNER-fr articles are in ../shared")
def test_winer_articles_in_reversed_increments_give_the_graph_of_one_build(nlp, tmp_path):
    docs = [d for d in read_documents([WINER]) if isinstance(d, Document)][:100]
    found = list(extract(docs, nlp))
    with EmbeddedStore(tmp_path / "one") as store:
        whole = _in_parts(store, [found])
    with EmbeddedStore(tmp_path / "inc") as store:
        assert _in_parts(store, [found[i:i + 10] for i in range(0, len(found), 10)][::-1]) == whole
