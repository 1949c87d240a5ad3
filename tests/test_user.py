"""kg as a new user meets it: stdin and stdout, formats, help, progress, the Python API, files for
graph tools and the HTML view (issue 16)."""

from __future__ import annotations

import io
import json
import re
import tomllib
from pathlib import Path

import pytest
import typer
from rich.console import Console
from typer.testing import CliRunner

import kg
from kg import cli
from kg.cli import app
from kg.read import read_stdin
from kg.store.embedded import EmbeddedStore

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "queries"
runner = CliRunner()
COMMANDS = typer.main.get_command(app).commands
STORE_OPTIONS = {"--db", "--store", "--uri", "--user", "--database"}


def _options(command: str) -> dict[str, object]:
    return {opt: p for p in COMMANDS[command].params for opt in getattr(p, "opts", [])}


# -- packaging, version, help ---------------------------------------------------------------------
def test_the_distribution_has_a_name_of_its_own_and_an_spdx_licence():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "kg-news-fr" and project["scripts"]["kg"] == "kg.cli:app"
    assert project["license"] == "MIT"  # a string: setuptools' deprecation warning is gone from `make run`
    assert "pandas" not in " ".join(project["dependencies"])  # nothing imported it
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install 'kg[" not in readme and "kg-news-fr[dask]" in readme


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"kg {kg.__version__}" and kg.__version__[0].isdigit()


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_help_names_no_python_type(command):
    text = runner.invoke(app, [command, "--help"], terminal_width=200).output
    assert not re.search(r"<(str|bool|int|float|path|list|Path)\b", text), text


@pytest.mark.parametrize("command", ["build", "query", "export", "stats", "load", "view"])
def test_every_command_that_reads_a_store_has_the_store_options(command):
    options = _options(command)
    assert STORE_OPTIONS <= set(options)
    assert options["--store"].default == "embedded"  # kg load too


@pytest.mark.parametrize("command", ["query", "stats", "sparql"])
def test_row_commands_have_the_same_formats(command):
    assert set(_options(command)["--format"].type_descriptor.choices) == set(cli.QueryFormat)


def test_dask_local_zero_is_a_bad_option(seed_dir, tmp_path):
    result = runner.invoke(app, ["build", str(seed_dir), "--db", str(tmp_path / "db"), "--dask", "local:0"])
    assert result.exit_code == 2 and "[K400]" in result.output


# -- stdin and stdout ---------------------------------------------------------------------------
def test_stdin_is_text_or_json_lines():
    (doc,) = read_stdin(io.StringIO("\nMicrosoft rachète LinkedIn.\n"))
    assert doc.id.startswith("stdin-") and doc.text.strip() == "Microsoft rachète LinkedIn."
    (again,) = read_stdin(io.StringIO("\nMicrosoft rachète LinkedIn.\n"))
    assert again.id == doc.id  # the same text is the same document
    docs = list(read_stdin(io.StringIO('{"id": "a", "text": "Un."}\n\n{"text": "Deux."}\nnot json\n')))
    assert [getattr(d, "id", None) for d in docs[:2]] == ["a", "stdin-3"]
    assert docs[2].code == "K105"
    assert [e.code for e in read_stdin(io.StringIO("  \n"))] == ["K103"]


def test_extract_reads_stdin_and_writes_stdout():
    result = runner.invoke(app, ["extract", "-", "-o", "-"], input="Microsoft a racheté la société LinkedIn en 2016.")
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["id"].startswith("stdin-")
    assert {(r["subject"], r["type"], r["object"]) for r in record["relations"]} >= {
        ("Microsoft", "ACQUIRES", "LinkedIn")}
    assert not Path("-").exists()
    lines = '{"id": "a", "text": "Microsoft a racheté la société LinkedIn."}\n{"id": "b", "text": "Apple a signé un accord avec OpenAI."}\n'
    result = runner.invoke(app, ["extract", "-", "--format", "json"], input=lines)
    assert [r["id"] for r in json.loads(result.stdout)] == ["a", "b"]


def test_export_and_view_write_stdout(seed_store):
    result = runner.invoke(app, ["export", "--db", str(seed_store), "--format", "nt", "-o", "-"])
    assert result.exit_code == 0 and result.stdout.count(" .\n") > 100
    result = runner.invoke(app, ["view", "--db", str(seed_store), "-o", "-"])
    assert result.exit_code == 0 and result.stdout.startswith("<!DOCTYPE html>")


def test_load_reads_extractions_from_stdin_into_the_embedded_store_by_default(seed_graph, tmp_path):
    from kg.jsonl import to_record
    from kg.model import Extraction

    doc = next(iter(seed_graph.documents.values()))
    record = to_record(Extraction(doc, tuple(seed_graph.entities.values()), tuple(seed_graph.relations.values())))
    db = tmp_path / "db"
    result = runner.invoke(app, ["load", "-", "--db", str(db)], input=json.dumps(record) + "\n")
    assert result.exit_code == 0, result.output
    with EmbeddedStore(db, read_only=True) as store:
        assert store.counts().relations == len(seed_graph.relations)


def test_neo4j_import_writes_a_folder_by_default(seed_store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("kg.ttl").write_text("an earlier export\n", encoding="utf-8")
    result = runner.invoke(app, ["export", "--db", str(seed_store), "--format", "neo4j-import"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "neo4j-import" / "import.args").is_file()
    result = runner.invoke(app, ["export", "--db", str(seed_store), "--format", "neo4j-import", "-o", "kg.ttl"])
    assert result.exit_code == 2 and "[K400]" in result.output


# -- formats --------------------------------------------------------------------------------------
def test_json_is_one_array_and_jsonl_one_object_a_line(seed_store):
    query = str(QUERIES / "leaders.cypher")
    as_json = runner.invoke(app, ["query", query, "--db", str(seed_store), "--format", "json"]).stdout
    as_lines = runner.invoke(app, ["query", query, "--db", str(seed_store), "--format", "jsonl"]).stdout
    rows = json.loads(as_json)
    assert isinstance(rows, list) and rows == [json.loads(line) for line in as_lines.splitlines()]
    stats = json.loads(runner.invoke(app, ["stats", "--db", str(seed_store), "--format", "json"]).stdout)
    assert {"label or type": "Company", "count": 6} in stats
    assert json.loads(runner.invoke(app, ["query", "MATCH (n:Company) WHERE n.name = 'none' RETURN n",
                                          "--db", str(seed_store), "--format", "json"]).stdout) == []


def test_piped_tables_never_cut_a_cell(seed_store):
    cypher = "MATCH (a:Person)-[r:LEADS]->(b) RETURN a.name AS person, r.sentences AS sentences"
    result = runner.invoke(app, ["query", cypher, "--db", str(seed_store)])
    with EmbeddedStore(seed_store, read_only=True) as store:
        _, rows = store.run("MATCH (a:Person)-[r:LEADS]->(b) RETURN r.sentences")
    sentence = rows[0][0][0]
    assert len(sentence) > 150
    assert any(sentence in line for line in result.stdout.splitlines()), result.stdout


def test_a_path_keeps_its_nodes_and_relationships(seed_store):
    with EmbeddedStore(seed_store, read_only=True) as store:
        _, rows = store.query((QUERIES / "paths.cypher").read_text(encoding="utf-8"),
                              {"from": "Satya Nadella", "to": "TikTok"})
    assert rows
    for hops, path in rows:
        assert len(path["relationships"]) == hops and len(path["nodes"]) == hops + 1
        for i, rel in enumerate(path["relationships"]):
            ends = {path["nodes"][i]["id"], path["nodes"][i + 1]["id"]}
            assert {rel["_start"], rel["_end"]} == ends and rel["_label"]
    table = runner.invoke(app, ["query", str(QUERIES / "paths.cypher"), "--db", str(seed_store),
                                "-p", "from=Satya Nadella", "-p", "to=TikTok"]).stdout
    assert "Satya Nadella -[LEADS]-> Microsoft -[ACQUIRES]-> TikTok" in table


def test_a_missing_parameter_is_a_coded_error(seed_store):
    result = runner.invoke(app, ["query", str(QUERIES / "entity.cypher"), "--db", str(seed_store)])
    assert result.exit_code == 2 and "[K400]" in result.output and "--param name=" in result.output


# -- progress -------------------------------------------------------------------------------------
def test_progress_bars_show_on_a_terminal_only(seed_store, seed_graph, tmp_path, monkeypatch):
    from kg.jsonl import write_jsonl
    from kg.model import Extraction

    extract_file = tmp_path / "p.jsonl"
    doc = next(iter(seed_graph.documents.values()))
    with extract_file.open("w", encoding="utf-8") as f:
        write_jsonl([Extraction(doc, tuple(seed_graph.entities.values()), tuple(seed_graph.relations.values()))], f)
    screen = io.StringIO()
    monkeypatch.setattr(cli.common, "err", Console(file=screen, force_terminal=True, width=100))
    assert runner.invoke(app, ["load", str(extract_file), "--db", str(tmp_path / "db")]).exit_code == 0
    assert runner.invoke(app, ["export", "--db", str(seed_store), "-o", str(tmp_path / "kg.ttl")]).exit_code == 0
    assert "kg load" in screen.getvalue() and "kg export" in screen.getvalue()
    piped = io.StringIO()
    monkeypatch.setattr(cli.common, "err", Console(file=piped, force_terminal=False))
    assert runner.invoke(app, ["load", str(extract_file), "--db", str(tmp_path / "db2")]).exit_code == 0
    assert "kg load" not in piped.getvalue()


def test_build_reports_progress_for_every_document(nlp, seed_dir, tmp_path):
    from kg.pipeline import build

    done: list[int] = []
    with EmbeddedStore(tmp_path / "db") as store:
        build([seed_dir], store, nlp, advance=done.append)
        build([seed_dir], store, nlp, advance=done.append)  # skipped documents count too
    assert done == [1, 1]


# -- the Python API, networkx, graph files ------------------------------------------------------------
def test_python_api(nlp, seed_dir, tmp_path):
    graph = kg.extract_graph([seed_dir], nlp)
    g = graph.to_networkx()
    assert g.number_of_nodes() == len(graph.entities) and g.number_of_edges() == len(graph.relations)
    microsoft = next(e for e in graph.entities.values() if e.name == "Microsoft")
    assert g.nodes[microsoft.id]["label"] == "Company"
    tiktok = next(e for e in graph.entities.values() if e.name == "TikTok")
    edge = g.edges[microsoft.id, tiktok.id, "ACQUIRES"]
    assert edge["sentences"] and edge["modality"] in ("asserted", "hedged", "negated")
    with kg.open_store("embedded", str(tmp_path / "db")) as store:
        kg.build([seed_dir], store, nlp)
        _, rows = store.run("MATCH (p:Person)-[:LEADS]->(c) RETURN p.name, c.name")
    assert ["Satya Nadella", "Microsoft"] in rows
    with_docs = graph.to_networkx(documents=True)
    assert with_docs.number_of_nodes() == len(graph.entities) + len(graph.documents)


def test_the_readme_python_example_runs(tmp_path, monkeypatch, capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Python API.*?```python\n(.*?)```", readme, re.DOTALL).group(1)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    exec(compile(block, "README.md", "exec"), {})  # noqa: S102 (the README's own example)
    printed = capsys.readouterr().out
    assert kg.__version__ in printed and "TikTok" in printed and "[['Satya Nadella']]" in printed


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_files_for_gephi_yed_and_cytoscape(seed_store, tmp_path, fmt):
    import networkx as nx

    out = tmp_path / f"kg.{fmt}"
    result = runner.invoke(app, ["export", "--db", str(seed_store), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    g = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(out)
    with EmbeddedStore(seed_store, read_only=True) as store:
        graph = store.read_graph()
    assert g.number_of_nodes() == len(graph.entities) and g.number_of_edges() == len(graph.relations)
    names = {d.get("name") for _, d in g.nodes(data=True)}
    assert {"Microsoft", "TikTok", "Satya Nadella"} <= names
    assert {d.get("type") for _, d in g.nodes(data=True)} >= {"Company", "Person"}
    assert {d.get("relation") for _, _, d in g.edges(data=True)} >= {"ACQUIRES", "LEADS"}


# -- kg view --------------------------------------------------------------------------------------
def _page_data(html: str) -> dict:
    return json.loads(re.search(r"var data = (\{.*?\});\n", html, re.DOTALL).group(1).replace("<\\/", "</"))


def test_view_is_one_self_contained_page(seed_store, tmp_path):
    out = tmp_path / "graph.html"
    result = runner.invoke(app, ["view", "--db", str(seed_store), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<script src" not in html and "<link" not in html  # nothing fetched: no CDN, no network
    assert "vis.Network" in html and "@version 9.1.2" in html
    data = _page_data(html)
    with EmbeddedStore(seed_store, read_only=True) as store:
        graph = store.read_graph()
    assert len(data["nodes"]) == len(graph.entities) and len(data["edges"]) == len(graph.relations)
    colours = {n["group"]: n["color"] for n in data["nodes"]}
    assert len(set(colours.values())) == len(colours) >= 4  # one colour a label
    acquires = next(e for e in data["edges"] if e["label"] == "ACQUIRES")
    assert "Microsoft ACQUIRES TikTok" in acquires["title"] and "•" in acquires["title"]  # evidence on hover


def test_view_of_one_neighbourhood(seed_store, tmp_path):
    out = tmp_path / "n.html"
    result = runner.invoke(app, ["view", "--db", str(seed_store), "--entity", "satya nadella", "--depth", "1",
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    names = {n["label"] for n in _page_data(out.read_text(encoding="utf-8"))["nodes"]}
    assert names == {"Satya Nadella", "Microsoft", "Donald J. Trump"}
    result = runner.invoke(app, ["view", "--db", str(seed_store), "--entity", "Nobody", "-o", str(out)])
    assert result.exit_code == 2 and "[K400]" in result.output
