"""Faults and hostile inputs: nothing lost, nothing crashes.

Writers are stopped at a known point through :func:`kg.store.base.fault_point`: with
``KG_FAULT_PAUSE=STAGE`` and ``KG_FAULT_MARKER=PATH`` a ``kg build`` process creates PATH when it
reaches STAGE and waits while PATH exists. The tests wait for the marker (an observable event, no
racing sleep), then kill the process, stop the server or release it. Each interrupted or concurrent
build is then compared with a clean build of the same input: the full RDF export (isomorphic), the
graph read back (documents and their hashes, entities, relations with their evidence in order,
mentions) and the counts by label and type (which see a duplicated relationship).
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.cli import app
from kg.pipeline import build
from kg.rdf import write_rdf
from kg.store.embedded import EmbeddedStore

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
KG = str(Path(sys.executable).with_name("kg"))
SERVER = ROOT / "tools" / "neo4j" / "server"
runner = CliRunner()


def _articles(tmp_path: Path, n: int = 10) -> Path:
    """``n`` short articles of the project's news file, as one JSON Lines input."""
    records = [json.loads(line) for line in (DATA / "news.gold.jsonl").read_text(encoding="utf-8").splitlines()]
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n"
                            for r in records[:n]), encoding="utf-8")
    return path


def _snapshot(store, tmp_path: Path, name: str) -> dict:
    graph = store.read_graph()
    nt = tmp_path / f"{name}.nt"
    write_rdf(graph, nt, "nt")
    return {
        "counts": store.counts(),
        "documents": {d.id: d.hash for d in graph.documents.values()},
        "entities": graph.entities,
        "relations": graph.relations,
        "mentions": graph.mentions,
        "rdf": rdflib.Graph().parse(nt, format="nt"),
    }


def _assert_same(got: dict, clean: dict) -> None:
    for key in ("counts", "documents", "entities", "relations", "mentions"):
        assert got[key] == clean[key], f"{key} differ from the clean build's"
    assert isomorphic(got["rdf"], clean["rdf"]), "the RDF exports differ"


def _paused_build(args: list[str], stage: str, marker: Path) -> subprocess.Popen:
    """A ``kg build`` that stops at ``stage``; returns once it is waiting there."""
    env = {**os.environ, "KG_FAULT_PAUSE": stage, "KG_FAULT_MARKER": str(marker)}
    proc = subprocess.Popen([KG, "build", *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    while not marker.exists():
        if proc.poll() is not None:
            out, errs = proc.communicate()
            pytest.fail(f"the build ended before reaching {stage!r}: {out}{errs}")
        time.sleep(0.05)
    return proc


def _kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([KG, *args], capture_output=True, text=True, timeout=900, check=False)


# -- interruptions -------------------------------------------------------------------------------

def test_kill_9_during_an_embedded_write_then_a_rerun_equals_a_clean_build(nlp, tmp_path):
    src = _articles(tmp_path)
    with EmbeddedStore(tmp_path / "clean") as store:
        build([src], store, nlp)
        clean = _snapshot(store, tmp_path, "clean")
    db = str(tmp_path / "db")
    proc = _paused_build([str(src), "--db", db], "relations", tmp_path / "marker")
    proc.send_signal(signal.SIGKILL)  # documents, entities and mentions are written, no relation yet
    proc.communicate()
    rerun = _kg("build", str(src), "--db", db)
    assert rerun.returncode == 0, rerun.stderr
    assert "Traceback" not in rerun.stderr
    with EmbeddedStore(db, read_only=True) as store:
        _assert_same(_snapshot(store, tmp_path, "rerun"), clean)


def test_a_failed_load_leaves_nothing_and_the_corrected_file_loads(tmp_path):
    """Before: a relation type outside the schema failed after the document and its hash were
    written, and the corrected file then said 'unchanged 1' and stored no relation."""
    record = {"id": "l1", "hash": "h1", "entities": [{"name": "Renault", "type": "Company"},
                                                     {"name": "Nissan", "type": "Company"}],
              "relations": [{"subject": "Renault", "type": "BUYS", "object": "Nissan", "evidence": "Renault achète."}]}
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(record) + "\n{oops\n", encoding="utf-8")
    db = str(tmp_path / "db")
    result = runner.invoke(app, ["load", str(bad), "--store", "embedded", "--db", db])
    assert result.exit_code == 2
    assert "[K105]" in result.stderr and "bad.jsonl:1: relation type 'BUYS'" in result.stderr
    assert "bad.jsonl:2: not valid JSON" in result.stderr and "Traceback" not in result.output
    record["relations"][0]["type"] = "ACQUIRES"
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["load", str(good), "--store", "embedded", "--db", db])
    assert result.exit_code == 0, result.output
    with EmbeddedStore(db, read_only=True) as store:
        counts = store.counts()
    assert counts.documents == 1 and counts.by_type["ACQUIRES"] == 1


@pytest.mark.neo4j
def test_neo4j_stopped_mid_batch_then_a_rerun_equals_a_clean_build(neo4j_store, neo4j_env, nlp, tmp_path):
    server_env = neo4j_env["server_env"]
    if server_env is None:
        pytest.skip("stops the server the tests start; KG_TEST_NEO4J_URI points at another one")
    src = _articles(tmp_path)
    build([src], neo4j_store, nlp)
    clean = _snapshot(neo4j_store, tmp_path, "clean")
    neo4j_store.run("MATCH (n) DETACH DELETE n")
    marker = tmp_path / "marker"
    proc = _paused_build([str(src), "--store", "neo4j"], "relations", marker)
    try:
        subprocess.run([str(SERVER), "stop"], env=server_env, capture_output=True, timeout=120, check=True)
        marker.unlink()  # the writer goes on against a stopped server
        out, errs = proc.communicate(timeout=600)
    finally:
        started = subprocess.run([str(SERVER), "start"], env=server_env, capture_output=True, text=True,
                                 timeout=900, check=False)
    assert started.returncode == 0, started.stderr
    assert proc.returncode == 4, out + errs
    assert "[K302] lost the connection to Neo4j" in errs and "Traceback" not in out + errs
    rerun = _kg("build", str(src), "--store", "neo4j")
    assert rerun.returncode == 0, rerun.stderr
    _assert_same(_snapshot(neo4j_store, tmp_path, "rerun"), clean)


@pytest.mark.neo4j
def test_concurrent_builds_of_the_same_documents_give_the_clean_graph(neo4j_store, neo4j_env, nlp, tmp_path):
    """Both builds find nothing stored, extract everything, and are released together to write
    the same documents at once (the same input, so that each batch resolves names alike)."""
    src = _articles(tmp_path)
    build([src], neo4j_store, nlp)
    clean = _snapshot(neo4j_store, tmp_path, "clean")
    neo4j_store.run("MATCH (n) DETACH DELETE n")
    markers = [tmp_path / "a", tmp_path / "b"]
    procs = [_paused_build([str(src), "--store", "neo4j"], "documents", m) for m in markers]
    for m in markers:
        m.unlink()
    for proc in procs:
        out, errs = proc.communicate(timeout=600)
        assert proc.returncode == 0, out + errs
    _assert_same(_snapshot(neo4j_store, tmp_path, "concurrent"), clean)


# -- hostile inputs ------------------------------------------------------------------------------

def test_a_folder_of_hostile_inputs(tmp_path):
    """Every bad input gets one coded line, every good one is stored, exit 2, no traceback."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("La Société générale a racheté Lyxor.".encode("latin-1"))
    (folder / "nul.txt").write_bytes(b"Renault a rachet\x00 Nissan.")
    (folder / "lines.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Orange a racheté Free."}, ensure_ascii=False) + "\n{oops\n"
        + json.dumps({"id": "j3"}) + "\n", encoding="utf-8")
    (folder / "report.txt").write_text(_long_report(1_300_000), encoding="utf-8")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "a.md").write_text("---\nid: same\n---\nSanofi a racheté Opella.", encoding="utf-8")
    (folder / "b.md").write_text("---\nid: same\n---\nTotalEnergies a racheté Total.", encoding="utf-8")
    (folder / "good.txt").write_text("Microsoft a racheté Activision.", encoding="utf-8")
    db = str(tmp_path / "db")
    result = runner.invoke(app, ["build", str(folder), "--db", db])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    coded = sorted(line.split("]")[0] + "] " + Path(line.split()[1].rstrip(":")).name
                   for line in result.stderr.splitlines() if line.startswith("[K"))
    assert coded == ["[K102] binary.txt", "[K102] nul.txt", "[K103] empty.txt", "[K104] latin1.txt",
                     "[K105] lines.jsonl:2", "[K105] lines.jsonl:3", "[K106] gone.txt", "[K108] b.md"]
    with EmbeddedStore(db, read_only=True) as store:
        graph = store.read_graph()
    assert sorted(graph.documents) == ["good", "j1", "report", "same"]
    report = (folder / "report.txt").read_text(encoding="utf-8")
    evidence = [e for r in graph.relations.values() for e in r.evidence if e.doc_id == "report"]
    assert max(e.start for e in evidence) > 1_000_000, "the whole report was read"
    assert all(report[e.start:e.end] == e.sentence for e in evidence), "offsets are the document's"


def _long_report(chars: int) -> str:
    """A report of ``chars`` characters: the project's news articles, each followed by an annex
    table of long codes (few tokens, so that parsing the report takes seconds, not minutes)."""
    texts = [json.loads(line)["text"] for f in sorted(DATA.glob("news*.gold.jsonl"))
             for line in f.read_text(encoding="utf-8").splitlines()]
    annex = "\n".join(" ".join(f"{(row * 7 + col) * 2654435761 % 16**60:060x}" for col in range(8))
                      for row in range(40))
    out: list[str] = []
    size = 0
    while size < chars:
        out.append(texts[len(out) // 2 % len(texts)] if len(out) % 2 == 0 else annex)
        size += len(out[-1]) + 2
    return "\n\n".join(out)[:chars]


def test_a_document_over_max_chars_gets_a_coded_line_and_the_rest_goes_on(tmp_path):
    (tmp_path / "long.txt").write_text("Renault a racheté Nissan. " * 4, encoding="utf-8")
    (tmp_path / "short.txt").write_text("Orange a racheté Free.", encoding="utf-8")
    out = tmp_path / "p.jsonl"
    result = runner.invoke(app, ["extract", str(tmp_path), "-o", str(out), "--max-chars", "50"])
    assert result.exit_code == 2
    assert re.search(r"^\[K109\] .*long\.txt: 104 characters, more than --max-chars 50", result.stderr, re.MULTILINE)
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["short"]


def test_long_documents_are_cut_at_paragraphs_then_sentences():
    from kg.extract import pieces

    text = "Un. Deux.\n\nTrois quatre cinq. Six sept.\n\n" + "x" * 30
    cut = pieces(text, 20)
    assert "".join(p for _, p in cut) == text and all(len(p) <= 20 for _, p in cut)
    assert [text[o:o + len(p)] == p for o, p in cut] == [True] * len(cut)
    assert cut[0][1] == "Un. Deux.\n\n" and cut[1][1] == "Trois quatre cinq. "


# -- coded errors on every path --------------------------------------------------------------------

def test_an_unreadable_folder_is_reported(tmp_path, monkeypatch):
    """(Tests run as root here, which reads any folder: the refusal is simulated.)"""
    from kg.errors import UnreadableInput
    from kg.read import read_documents

    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("Renault a racheté Nissan.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Orange a racheté Free.", encoding="utf-8")
    scandir = os.scandir

    def refuse(path):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    items = list(read_documents([tmp_path]))
    errors = [i for i in items if isinstance(i, UnreadableInput)]
    assert [str(e) for e in errors] == [(f"[K101] {locked}: folder cannot be read (Permission denied); "
                                        "check its permissions")]
    assert [i.id for i in items if not isinstance(i, UnreadableInput)] == ["b"]


def test_an_unsupported_uri_scheme_is_a_coded_error(tmp_path):
    result = runner.invoke(app, ["query", "RETURN 1", "--store", "neo4j", "--uri", "http://127.0.0.1:7474"])
    assert result.exit_code == 2
    assert result.stderr.startswith("[K400] Neo4j URI 'http://127.0.0.1:7474': unsupported scheme 'http'")
    assert "Traceback" not in result.output


def test_secrets_are_redacted_from_messages(monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "env-secret-42")
    result = runner.invoke(app, ["query", "RETURN 1", "--store", "neo4j",
                                 "--uri", "bolt://neo4j:uri-secret-7@127.0.0.1:1"])
    assert result.exit_code == 4 and "[K300]" in result.stderr
    assert "uri-secret-7" not in result.output and "bolt://neo4j:***@127.0.0.1:1" in result.stderr
    from kg.errors import StoreError

    assert "env-secret-42" not in str(StoreError("the server said: bad password env-secret-42"))


def test_the_local_server_sets_its_password_without_a_command_line_argument(tmp_path):
    """tools/neo4j/server start, run with a stand-in `java` that records its command lines."""
    import shutil

    here = tmp_path / "neo4j"
    (here / "cache" / "lib").mkdir(parents=True)
    for name in ("server", "pom.xml", "SetInitialPassword.java"):
        shutil.copy2(SERVER.parent / name, here / name)
    (here / "cache" / "lib" / ".complete").touch()
    log = tmp_path / "java.log"
    fake = tmp_path / "bin" / "java"
    fake.parent.mkdir()
    fake.write_text(f'#!/bin/sh\necho "$@" >> {log}\necho "env:$NEO4J_PASSWORD" >> {log}\n'
                    'case "$*" in *CommunityEntryPoint*) exit 1;; esac\n', encoding="utf-8")
    fake.chmod(0o755)
    env = {**os.environ, "PATH": f"{fake.parent}:{os.environ['PATH']}", "NEO4J_PASSWORD": "pw-in-env-only",
           "NEO4J_RUN_DIR": str(tmp_path / "run"), "NEO4J_BOLT_PORT": "1", "NEO4J_HTTP_PORT": "2"}
    subprocess.run([str(here / "server"), "start"], env=env, capture_output=True, timeout=120, check=False)
    calls = log.read_text(encoding="utf-8").splitlines()
    command_lines = [c for c in calls if not c.startswith("env:")]
    assert any("SetInitialPassword.java" in c for c in command_lines), calls
    assert not any("pw-in-env-only" in c for c in command_lines)
    assert "env:pw-in-env-only" in calls, "the password reaches the JVM through its environment"
