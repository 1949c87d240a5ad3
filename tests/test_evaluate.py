"""The scorer: the schema's matching rules, symmetric relations, per-type figures."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kg.cli import app
from kg.evaluate import score

runner = CliRunner()


def _doc(relations: list[tuple[str, str, str]]) -> dict:
    names = {n for s, _, o in relations for n in (s, o)}
    return {"id": "d", "entities": [{"name": n, "type": "Company", "aliases": []} for n in sorted(names)],
            "relations": [{"subject": s, "type": t, "object": o, "modality": "asserted"} for s, t, o in relations]}


def test_symmetric_relations_match_in_either_direction():
    gold = {"d": _doc([("Renault", "PARTNERS_WITH", "Nissan"), ("Renault", "ACQUIRES", "Nissan")])}
    pred = {"d": _doc([("Nissan", "PARTNERS_WITH", "Renault"), ("Nissan", "ACQUIRES", "Renault")])}
    m = score(gold, pred).as_dict()
    assert m["relations_strict"]["tp"] == 1  # the partnership, not the reversed acquisition


def test_by_type_counts_each_relation_type():
    gold = {"d": _doc([("A", "ACQUIRES", "B"), ("C", "ACQUIRES", "D"), ("A", "OWNS", "B")])}
    pred = {"d": _doc([("A", "ACQUIRES", "B"), ("A", "SUES", "D")])}
    by_type = score(gold, pred).by_type_dict()
    assert next(iter(by_type)) == "ACQUIRES"  # most frequent in gold first
    assert by_type["ACQUIRES"] == {"p": 1.0, "r": 0.5, "f1": 0.667, "tp": 1, "pred": 1, "gold": 2}
    assert by_type["OWNS"]["r"] == 0.0 and by_type["SUES"]["p"] == 0.0


def test_evaluate_by_type_option(tmp_path):
    gold = tmp_path / "gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    gold.write_text(json.dumps(_doc([("A", "ACQUIRES", "B"), ("A", "OWNS", "B")])) + "\n", encoding="utf-8")
    pred.write_text(json.dumps(_doc([("A", "ACQUIRES", "B")])) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "--gold", str(gold), "--pred", str(pred), "--by-type", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["by_type"]["OWNS"]["gold"] == 1
    table = runner.invoke(app, ["evaluate", "--gold", str(gold), "--pred", str(pred), "--by-type"])
    assert table.exit_code == 0
    assert any(line.split()[:2] == ["ACQUIRES", "1.0"] for line in table.stdout.splitlines())
