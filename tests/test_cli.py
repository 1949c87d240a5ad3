"""The kg command as a user runs it (Typer's runner, real model and store)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()
COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example_and_is_in_the_readme(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: kg " + command in result.output
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"kg {command}" in readme


def test_build_query_export_stats(seed_dir, tmp_path):
    db = str(tmp_path / "db")
    result = runner.invoke(app, ["build", str(seed_dir), "--db", db])
    assert result.exit_code == 0, result.output
    assert "entities in store" in result.output
    result = runner.invoke(app, ["query", str(ROOT / "queries" / "leaders.cypher"), "--db", db, "--format", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert {"person": "Satya Nadella", "leads": "Microsoft"}.items() <= rows[0].items()
    result = runner.invoke(app, ["query", "MATCH (c:Company) WHERE c.name = $n RETURN c.name AS name",
                                 "--param", "n=TikTok", "--db", db, "--format", "csv"])
    assert result.stdout.splitlines() == ["name", "TikTok"]
    ttl = tmp_path / "kg.ttl"
    result = runner.invoke(app, ["export", "--db", db, "--format", "turtle", "-o", str(ttl)])
    assert result.exit_code == 0 and ttl.stat().st_size > 1000
    result = runner.invoke(app, ["stats", "--db", db])
    assert result.exit_code == 0 and "ACQUIRES" in result.output


def test_extract_writes_gold_format(seed_dir, tmp_path):
    out = tmp_path / "p.jsonl"
    result = runner.invoke(app, ["extract", str(seed_dir), "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["id"] == "seed-001"
    rel = record["relations"][0]
    assert {"subject", "type", "object", "modality", "predicate", "confidence", "evidence"} <= set(rel)
    ev = rel["evidence"][0]
    assert ev["doc_id"] == "seed-001" and ev["sentence"] and ev["end"] > ev["start"]


def test_bad_inputs_exit_non_zero_and_keep_good_work(seed_dir, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "binary.txt").write_bytes(b"\x00\xff")
    (bad / "lines.jsonl").write_text('{"id": "g1", "text": "Renault a racheté Nissan."}\n{oops\n', encoding="utf-8")
    db = str(tmp_path / "db")
    result = runner.invoke(app, ["build", str(seed_dir), str(bad), "--db", db])
    assert result.exit_code == 2
    assert re.search(r"\[K102\] .*binary\.txt", result.stderr)
    assert re.search(r"\[K105\] .*lines\.jsonl:2", result.stderr)
    assert "2 input(s) could not be used" in result.stderr
    assert "Traceback" not in result.output
    result = runner.invoke(app, ["stats", "--db", db])
    assert re.search(r"Document\s*│\s*2", result.output)
    again = runner.invoke(app, ["build", str(seed_dir), str(bad), "--db", db])
    assert again.exit_code == 2
    assert runner.invoke(app, ["stats", "--db", db]).output == result.output


def test_user_mistakes_are_one_coded_line(tmp_path):
    result = runner.invoke(app, ["query", "nope.cypher", "--db", str(tmp_path / "db")])
    assert result.exit_code != 0 and "[K100]" in result.stderr and "Traceback" not in result.stderr
    result = runner.invoke(app, ["build", str(tmp_path), "--model", "no_such_model"])
    assert result.exit_code == 3 and "[K200]" in result.stderr


def test_evaluate_command_scores_a_prediction(tmp_path):
    gold = ROOT / "tests" / "data" / "seed.gold.jsonl"
    result = runner.invoke(app, ["evaluate", "--gold", str(gold), "--pred", str(gold), "--json"])
    assert result.exit_code == 0
    metrics = json.loads(result.stdout)
    assert metrics["relations_strict"]["f1"] == 1.0 and metrics["entities"]["f1"] == 1.0


def test_extract_with_aliases_and_min_confidence(seed_dir, tmp_path):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("Microsoft,Microsoft Corporation,Company\n", encoding="utf-8")
    out = tmp_path / "p.jsonl"
    result = runner.invoke(app, ["extract", str(seed_dir), "-o", str(out), "--aliases", str(aliases),
                                 "--min-confidence", "0.8"])
    assert result.exit_code == 0, result.output
    record = json.loads(out.read_text(encoding="utf-8"))
    names = {e["name"] for e in record["entities"]}
    assert "Microsoft Corporation" in names and "Microsoft" not in names
    assert record["relations"] and all(r["confidence"] >= 0.8 for r in record["relations"])


def test_surface_forms_count_each_name_form_as_an_entity(tmp_path):
    text = "Emmanuel Macron a reçu Olaf Scholz à Paris. Macron a ensuite appelé Scholz."
    gold = tmp_path / "gold.jsonl"
    forms = [("Emmanuel Macron", "Person"), ("Macron", "Person"), ("Olaf Scholz", "Person"),
             ("Scholz", "Person"), ("Paris", "Location")]
    gold.write_text(json.dumps({"id": "m1", "text": text, "relations": [],
                                "entities": [{"name": n, "type": t, "aliases": []} for n, t in forms]}) + "\n",
                    encoding="utf-8")
    out = tmp_path / "p.jsonl"
    assert runner.invoke(app, ["extract", str(gold), "-o", str(out), "--surface-forms"]).exit_code == 0
    names = {e["name"] for e in json.loads(out.read_text(encoding="utf-8"))["entities"]}
    assert {"Emmanuel Macron", "Macron", "Olaf Scholz", "Scholz"} <= names

    def entity_f1(*extra: str) -> float:
        result = runner.invoke(app, ["evaluate", "--gold", str(gold), "--json", "--coarse", *extra])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)["entities"]["f1"]

    # merged ("Emmanuel Macron" with alias "Macron") one entity matches one gold form only
    assert entity_f1() < 1.0
    assert entity_f1("--surface-forms") == 1.0


def test_duplicates_then_merge_keeps_the_decision_in_later_builds(tmp_path):
    db = str(tmp_path / "db")
    assert runner.invoke(app, ["build", str(ROOT / "tests" / "data" / "resolution.jsonl"), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["duplicates", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    pairs = {(r["entity"], r["other"]) for r in json.loads(result.stdout)}
    assert {("Trump", "Donald Trump"), ("Trump", "Ivanka Trump")} <= pairs  # two Trumps: rules leave it
    result = runner.invoke(app, ["merge", "trump", "Donald Trump", "--db", db])
    assert result.exit_code == 0, result.output
    later = tmp_path / "later.txt"
    later.write_text("Trump a reçu le président chinois à Washington.", encoding="utf-8")
    assert runner.invoke(app, ["build", str(later), "--db", db]).exit_code == 0
    trumps = ("MATCH (p:Person)-[:MENTIONED_IN]->(d) WHERE p.name CONTAINS 'Trump' "
              "RETURN p.name AS name, p.aliases AS aliases, d.id AS doc ORDER BY doc")
    result = runner.invoke(app, ["query", trumps, "--db", db, "--format", "json"])
    rows = json.loads(result.stdout)
    assert [(r["name"], r["doc"]) for r in rows] == [("Donald Trump", "later"), ("Donald Trump", "r-01"),
                                                   ("Donald Trump", "r-02"), ("Ivanka Trump", "r-05")]
    assert rows[0]["aliases"] == ["Trump"]
    result = runner.invoke(app, ["merge", "Nobody", "Donald Trump", "--db", db])
    assert result.exit_code == 2 and "[K701]" in result.output
    result = runner.invoke(app, ["merge", "Donald Trump", "donald trump", "--db", db])
    assert result.exit_code == 2 and "[K702]" in result.output


def test_query_params_are_strings_unless_typed(tmp_path):
    from kg.cli import _parse_params
    from kg.errors import ConfigError

    assert _parse_params(["name=1789", "t:int=5", "x:float=0.5", "b:bool=true", "j:json=[1]", "s:str=a=b"]) == \
        {"name": "1789", "t": 5, "x": 0.5, "b": True, "j": [1], "s": "a=b"}
    for bad in ("n:int=cinq", "n:date=2024", "=x"):
        with pytest.raises(ConfigError):
            _parse_params([bad])


def test_an_entity_named_like_a_number_can_be_looked_up(tmp_path):
    from kg.model import Document, Entity, Extraction, Graph, entity_id
    from kg.store.embedded import EmbeddedStore

    graph = Graph()
    graph.add(Extraction(Document("d", "x"), (Entity(entity_id("Company", "1789"), "1789", "Company"),), ()))
    db = tmp_path / "db"
    with EmbeddedStore(db) as store:
        store.write(graph)
    result = runner.invoke(app, ["query", "MATCH (c:Company) WHERE c.name = $name RETURN c.name AS name",
                                 "--param", "name=1789", "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["name", "1789"]


def test_query_is_read_only_unless_write(tmp_path):
    db = str(tmp_path / "db")
    create = "CREATE (:Company {id: 'c1', name: 'Acme'})"
    from kg.store.embedded import EmbeddedStore

    EmbeddedStore(db).close()
    result = runner.invoke(app, ["query", create, "--db", db])
    assert result.exit_code == 4 and "[K301]" in result.stderr
    assert runner.invoke(app, ["query", create, "--db", db, "--write"]).exit_code == 0
    result = runner.invoke(app, ["query", "MATCH (c:Company) RETURN c.name AS n", "--db", db, "--format", "csv"])
    assert result.stdout.splitlines() == ["n", "Acme"]


def test_the_embedded_translation_leaves_string_literals_alone():
    from kg.store.embedded import translate

    assert translate("MATCH (a)-[r]->() RETURN type(r), 'type(x)', \"labels(a)[0]\" // l'type(y)") == \
        "MATCH (a)-[r]->() RETURN label(r), 'type(x)', \"labels(a)[0]\" // l'type(y)"
    assert translate("RETURN 'it\\'s type(x)', labels(n)[0]") == "RETURN 'it\\'s type(x)', label(n)"


def test_the_alias_file_keeps_newlines_inside_quoted_fields(tmp_path):
    from kg.model import normalize_name
    from kg.resolve import load_aliases

    path = tmp_path / "aliases.csv"
    path.write_text('surface,canonical,type\n"Big\nBlue",IBM,Company\nla firme,"Micro\nsoft",Company\nx\n',
                    encoding="utf-8")
    from kg.errors import ConfigError

    with pytest.raises(ConfigError) as info:
        load_aliases(path)
    assert "aliases.csv:6:" in str(info.value), "the line number counts the quoted newlines"
    path.write_text('surface,canonical,type\n"Big\nBlue",IBM,Company\n', encoding="utf-8")
    assert load_aliases(path).entries == {normalize_name("Big\nBlue"): ("IBM", "Company")}
