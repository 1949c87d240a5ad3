from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def nlp():
    """The real French pipeline with the kg_relations component, loaded once."""
    from kg.extract import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_graph(nlp, seed_dir):
    """The seed articles extracted into the data model."""
    from kg.extract import extract
    from kg.model import Graph
    from kg.read import read_documents

    graph = Graph()
    for ex in extract([d for d in read_documents([seed_dir])], nlp):
        graph.add(ex)
    return graph


@pytest.fixture(scope="session")
def seed_store(nlp, seed_dir, tmp_path_factory):
    """An embedded store built from seeds/ (read-only use in tests)."""
    from kg.pipeline import build
    from kg.store.embedded import EmbeddedStore

    path = tmp_path_factory.mktemp("seed-db") / "db"
    with EmbeddedStore(path) as store:
        build([seed_dir], store, nlp)
    return path


# -- Neo4j ----------------------------------------------------------------------------------
# The tests start their own server (tools/neo4j/server, on test ports, in a temporary folder) and
# wipe it freely. KG_TEST_NEO4J_URI points them at another server instead: it will be wiped.
# With KG_REQUIRE_NEO4J=1 (set by .ci/run) a server that cannot be had is a failure, not a skip.
TEST_PASSWORD = "kg-test-password"


def _free_port() -> str:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return str(sock.getsockname()[1])


def _unavailable(reason: str):
    message = f"NEO4J TESTS NOT RUN: {reason}"
    if os.environ.get("KG_REQUIRE_NEO4J") == "1":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def neo4j_settings(tmp_path_factory):
    uri = os.environ.get("KG_TEST_NEO4J_URI")
    if uri:
        yield {"uri": uri, "user": os.environ.get("NEO4J_USER", "neo4j"),
               "password": os.environ.get("NEO4J_PASSWORD", ""), "database": os.environ.get("NEO4J_DATABASE"),
               "server_env": None}
        return
    if shutil.which("java") is None or shutil.which("mvn") is None:
        _unavailable("java and mvn are needed to run the local server (tools/neo4j/server)")
    server = ROOT / "tools" / "neo4j" / "server"
    bolt = _free_port()
    env = {**os.environ, "NEO4J_RUN_DIR": str(tmp_path_factory.mktemp("neo4j-run")),
           "NEO4J_BOLT_PORT": bolt, "NEO4J_HTTP_PORT": _free_port(), "NEO4J_PASSWORD": TEST_PASSWORD}
    started = subprocess.run([str(server), "start"], env=env, capture_output=True, text=True, timeout=900,
                             check=False)
    if started.returncode != 0:
        _unavailable(f"tools/neo4j/server start failed: {started.stderr[-3000:]}")
    try:
        # server_env lets the fault tests stop and start this server (tools/neo4j/server stop|start)
        yield {"uri": f"bolt://127.0.0.1:{bolt}", "user": "neo4j", "password": TEST_PASSWORD,
               "database": None, "server_env": env}
    finally:
        subprocess.run([str(server), "stop"], env=env, capture_output=True, timeout=120, check=False)


@pytest.fixture
def neo4j_env(neo4j_settings, monkeypatch):
    """The environment a user sets to reach the test server."""
    monkeypatch.setenv("NEO4J_URI", neo4j_settings["uri"])
    monkeypatch.setenv("NEO4J_USER", neo4j_settings["user"])
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings["password"])
    if neo4j_settings["database"]:
        monkeypatch.setenv("NEO4J_DATABASE", neo4j_settings["database"])
    return neo4j_settings


@pytest.fixture
def neo4j_store(neo4j_settings):
    """An empty graph on the test server."""
    from kg.store.neo4j import Neo4jStore

    s = neo4j_settings
    store = Neo4jStore(s["uri"], s["user"], s["password"], s["database"])
    store.run("MATCH (n) DETACH DELETE n")
    try:
        yield store
    finally:
        store.close()
