"""Against a real Neo4j server (see conftest: started from tools/neo4j/server)."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import ConfigError, StoreError
from kg.jsonl import read_extractions, write_jsonl
from kg.model import Document, Entity, Evidence, Extraction, Graph, Relation, entity_id
from kg.pipeline import build, load
from kg.store.embedded import EmbeddedStore
from kg.store.neo4j import Neo4jStore
from tests.test_store import HOSTILE, NEO4J_FORMS, PARAMS, QUERIES, _graph_of, replace_scenario

pytestmark = pytest.mark.neo4j
runner = CliRunner()


def _comparable(rows):
    """Rows as sorted JSON strings, floats rounded: the same graph must give the same multiset."""
    def norm(v):
        if isinstance(v, float):
            return round(v, 6)
        if isinstance(v, list):
            return [norm(x) for x in v]
        if isinstance(v, dict):
            return {k: norm(x) for k, x in v.items()}
        return v

    return sorted(json.dumps(norm(r), ensure_ascii=False, sort_keys=True) for r in rows)


def test_loading_twice_changes_nothing(neo4j_store, nlp, seed_dir, tmp_path):
    first = build([seed_dir], neo4j_store, nlp)
    counts = neo4j_store.counts()
    second = build([seed_dir], neo4j_store, nlp)
    assert first.extracted == 1 and second.extracted == 0
    assert neo4j_store.counts() == counts
    extract_file = tmp_path / "p.jsonl"
    with extract_file.open("w", encoding="utf-8") as f:
        from kg.extract import extract
        from kg.read import read_documents

        write_jsonl(extract(list(read_documents([seed_dir])), nlp), f)
    with extract_file.open(encoding="utf-8") as f:
        report = load(read_extractions(f), neo4j_store)
    assert report.unchanged == 1 and neo4j_store.counts() == counts
    assert counts.entities >= 15 and counts.relations >= 15


@pytest.fixture
def both_stores(neo4j_store, seed_store, seed_dir, nlp):
    build([seed_dir], neo4j_store, nlp)
    with EmbeddedStore(seed_store, read_only=True) as embedded:
        yield neo4j_store, embedded


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_every_query_gives_the_same_rows_on_both_stores(both_stores, query):
    neo4j, embedded = both_stores
    text = query.read_text(encoding="utf-8")
    params = {k: v for k, v in PARAMS.items() if f"${k}" in text}
    n_cols, n_rows = neo4j.run(text, params)
    e_cols, e_rows = embedded.run(text, params)
    assert n_cols == e_cols
    assert _comparable(n_rows) == _comparable(e_rows)


@pytest.mark.parametrize("query", NEO4J_FORMS)
def test_neo4j_forms_give_the_same_rows_on_both_stores(both_stores, query):
    neo4j, embedded = both_stores
    n_cols, n_rows = neo4j.query(query)
    e_cols, e_rows = embedded.query(query)
    assert n_cols == e_cols and n_rows == e_rows  # ordered queries: the same rows in the same order


def test_a_missing_parameter_is_the_same_error_on_both_stores(both_stores):
    for store in both_stores:
        with pytest.raises(ConfigError, match="--param name="):
            store.query((Path(QUERIES[0]).parent / "entity.cypher").read_text(encoding="utf-8"))


def test_the_browser_is_styled_on_connect(neo4j_store):
    """tools/neo4j/server sets browser.post_connect_cmd to kg's style (no manual step)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools" / "neo4j"))
    from browser_style import grass_to_dict

    _, rows = neo4j_store.run("CALL dbms.clientConfig()")
    config = {r[0]: r[2] for r in rows} if rows and len(rows[0]) > 2 else {}
    command = config.get("browser.post_connect_cmd") or ""
    assert command.startswith("style "), config
    grass = (Path(__file__).resolve().parents[1] / "queries" / "browser-style.grass").read_text(encoding="utf-8")
    assert json.loads(command[len("style "):]) == grass_to_dict(grass)
    assert ";" not in command  # Neo4j Browser splits the setting at ';'


def test_the_seed_graph_is_the_same_in_both_stores(both_stores, seed_graph):
    neo4j, embedded = both_stores
    a, b = neo4j.read_graph(), embedded.read_graph()
    assert a.entities == b.entities == seed_graph.entities
    assert a.relations == b.relations
    assert a.mentions == b.mentions


def _shared_graph(doc_id: str, n: int = 150) -> Graph:
    """Documents that name the same companies and relations: what concurrent loads fight over."""
    entities = [Entity(entity_id("Company", f"Société {i}"), f"Société {i}", "Company", (f"S{i}-{doc_id}",))
                for i in range(n)]
    relations = [Relation(entities[i].id, "PARTNERS_WITH", entities[i + 1].id, "accord", "asserted", 0.7,
                          (Evidence(doc_id, f"phrase {i}", i, i + 5),)) for i in range(n - 1)]
    graph = Graph()
    graph.add(Extraction(Document(doc_id, f"texte {doc_id}"), tuple(entities), tuple(relations)))
    return graph


def test_concurrent_loads_leave_no_duplicates(neo4j_store, neo4j_settings):
    s = neo4j_settings
    errors: list[BaseException] = []

    def write(doc_id: str) -> None:
        try:
            with Neo4jStore(s["uri"], s["user"], s["password"], s["database"]) as store:
                store.write(_shared_graph(doc_id))
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(f"doc-{k}",)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    _, rows = neo4j_store.run("MATCH (c:Company) RETURN c.id AS id, count(*) AS n ORDER BY n DESC LIMIT 1")
    assert rows[0][1] == 1
    counts = neo4j_store.counts()
    assert counts.by_label["Company"] == 150 and counts.documents == 4
    _, rels = neo4j_store.run("MATCH (a)-[r:PARTNERS_WITH]->(b) RETURN count(r), min(r.count), max(r.count)")
    assert rels == [[149, 4, 4]]


def test_hostile_names_round_trip_exactly(neo4j_store):
    neo4j_store.write(_graph_of(HOSTILE))
    stored = neo4j_store.read_graph()
    assert sorted(e.name for e in stored.entities.values()) == sorted(HOSTILE)
    assert sorted(a for e in stored.entities.values() for a in e.aliases) == sorted(n + " alias" for n in HOSTILE)
    for name in HOSTILE:
        _, rows = neo4j_store.run("MATCH (c:Company {name: $name}) RETURN c.name", {"name": name})
        assert rows == [[name]]


def test_cli_builds_and_queries_neo4j(neo4j_store, neo4j_env, seed_dir):
    result = runner.invoke(app, ["build", str(seed_dir), "--store", "neo4j"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["query", str(Path(QUERIES[0]).parent / "leaders.cypher"), "--store", "neo4j",
                                 "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["person"] == "Satya Nadella"
    assert neo4j_env["password"] not in result.output


def test_wrong_password_is_a_coded_error_without_the_password(neo4j_settings):
    s = neo4j_settings
    secret = "wrong-secret-123"
    with pytest.raises(StoreError) as info:
        Neo4jStore(s["uri"], s["user"], secret)
    assert str(info.value).startswith("[K300]") and secret not in str(info.value)


def test_turtle_export_loads_into_neo4j_with_the_loader_shape(neo4j_store, seed_graph, tmp_path):
    from kg.pipeline import load_graph
    from kg.rdf import read_rdf, write_rdf

    ttl = tmp_path / "kg.ttl"
    write_rdf(seed_graph, ttl)
    report = load_graph(read_rdf(ttl), neo4j_store)
    assert report.extracted == 1
    stored = neo4j_store.read_graph()
    assert stored.entities == seed_graph.entities
    assert stored.mentions == seed_graph.mentions
    assert {k: set(r.evidence) for k, r in stored.relations.items()} == \
        {k: set(r.evidence) for k, r in seed_graph.relations.items()}
    counts = neo4j_store.counts()
    assert load_graph(read_rdf(ttl), neo4j_store).unchanged == 1
    assert neo4j_store.counts() == counts


def test_a_changed_document_replaces_its_old_evidence(neo4j_store, nlp, tmp_path):
    replace_scenario(neo4j_store, nlp, tmp_path)


def test_bulk_import_files_load_with_the_real_neo4j_admin(seed_graph, tmp_path):
    """kg export --format neo4j-import, then neo4j-admin from the local server's jars, then count."""
    import os
    import subprocess

    from tests.conftest import ROOT, _free_port

    result = runner.invoke(app, ["export", "--from", str(_seed_extract(seed_graph, tmp_path)),
                                 "--format", "neo4j-import", "-o", str(tmp_path / "import")])
    assert result.exit_code == 0, result.output
    server = ROOT / "tools" / "neo4j" / "server"
    env = {**os.environ, "NEO4J_RUN_DIR": str(tmp_path / "run"), "NEO4J_BOLT_PORT": _free_port(),
           "NEO4J_HTTP_PORT": _free_port(), "NEO4J_PASSWORD": "import-test-1"}
    admin = subprocess.run([str(server), "admin", "database", "import", "full", "neo4j",
                            f"@{tmp_path / 'import' / 'import.args'}"], env=env, capture_output=True, text=True,
                           timeout=600, check=False)
    assert admin.returncode == 0, admin.stdout[-2000:] + admin.stderr[-2000:]
    assert subprocess.run([str(server), "start"], env=env, capture_output=True, timeout=600, check=False).returncode == 0
    try:
        store = Neo4jStore(f"bolt://127.0.0.1:{env['NEO4J_BOLT_PORT']}", "neo4j", "import-test-1")
        imported = store.read_graph()
        store.close()
    finally:
        subprocess.run([str(server), "stop"], env=env, capture_output=True, timeout=120, check=False)
    assert imported.entities == seed_graph.entities
    assert imported.mentions == seed_graph.mentions
    assert {k: set(r.evidence) for k, r in imported.relations.items()} == \
        {k: set(r.evidence) for k, r in seed_graph.relations.items()}


def _seed_extract(seed_graph, tmp_path):
    from kg.jsonl import write_jsonl
    from kg.model import Extraction

    path = tmp_path / "seed.jsonl"
    (doc,) = seed_graph.documents.values()
    with path.open("w", encoding="utf-8") as f:
        write_jsonl([Extraction(doc, tuple(seed_graph.entities.values()), tuple(seed_graph.relations.values()))], f)
    return path


def test_query_runs_read_only_on_neo4j_unless_write(neo4j_store, neo4j_env):
    neo4j_store.run("CREATE (:Company {id: 'c1', name: 'Acme'})")
    result = runner.invoke(app, ["query", "MATCH (n) DETACH DELETE n", "--store", "neo4j"])
    assert result.exit_code == 4 and "[K301]" in result.stderr and "--write" in result.stderr
    assert neo4j_store.counts().entities == 1
    result = runner.invoke(app, ["query", "MATCH (n) DETACH DELETE n", "--store", "neo4j", "--write"])
    assert result.exit_code == 0, result.output
    assert neo4j_store.counts().entities == 0
