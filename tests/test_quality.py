"""Quality floors measured on gold files. Each fails when extraction gets worse.

seed.gold.jsonl is the schema's seed article; constructions.gold.jsonl and news*.gold.jsonl hold
sentences and short articles written for this project; winer/relations.*.gold.jsonl are real
Wikinews articles annotated for it (the test split is scored only to report). Floors sit a little under the measured figures (see the commit that set them).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.evaluate import load_records, records_of, score
from kg.extract import extract
from kg.read import read_documents

DATA = Path(__file__).resolve().parent / "data"
SHARED_SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


_SCORED: dict[tuple, tuple] = {}


def _scored(nlp, gold_path: Path, inputs: list[Path]):
    """The score of one extraction of ``inputs`` against ``gold_path`` (once a session)."""
    key = (id(nlp), gold_path, tuple(inputs))
    if key not in _SCORED:
        gold = load_records(gold_path)
        pred = records_of(extract([d for d in read_documents(inputs)], nlp))
        _SCORED[key] = (score(gold, pred), pred)
    return _SCORED[key]


def _metrics(nlp, gold_path: Path, inputs: list[Path]):
    s, pred = _scored(nlp, gold_path, inputs)
    return s.as_dict(), pred


def test_seed_floors(nlp, seed_dir):
    m, _ = _metrics(nlp, DATA / "seed.gold.jsonl", [seed_dir])
    assert m["entities"]["f1"] >= 0.90
    assert m["entities"]["type_acc"] >= 0.95
    assert m["relations_strict"]["f1"] >= 0.75
    assert m["relations_unlabeled"]["f1"] >= 0.85
    assert m["relations_strict"]["modality_acc"] >= 0.85


def test_construction_gold_floors(nlp):
    path = DATA / "constructions.gold.jsonl"
    m, _ = _metrics(nlp, path, [path])
    assert m["entities"]["f1"] >= 0.90
    assert m["entities"]["type_acc"] >= 0.90
    assert m["relations_strict"]["f1"] >= 0.85
    assert m["relations_strict"]["modality_acc"] >= 0.90


@pytest.mark.parametrize(("name", "entity_f1", "strict_f1"), [
    ("news", 0.95, 0.90), ("news2", 0.90, 0.85), ("news3", 0.95, 0.90), ("news4", 0.92, 0.85), ("news5", 0.90, 0.85), ("news6", 0.95, 0.90), ("news7", 0.95, 0.90), ("news8", 0.95, 0.85), ("news9", 0.95, 0.80), ("news10", 0.92, 0.75),
    ("news11", 0.95, 0.90), ("news12", 0.95, 0.88), ("news13", 0.95, 0.90),
    ("news14", 0.95, 0.83)])
def test_news_gold_floors(nlp, name, entity_f1, strict_f1):
    path = DATA / f"{name}.gold.jsonl"
    m, _ = _metrics(nlp, path, [path])
    assert m["entities"]["f1"] >= entity_f1
    assert m["entities"]["type_acc"] >= 0.90
    assert m["relations_strict"]["f1"] >= strict_f1
    assert m["relations_strict"]["modality_acc"] >= 0.90


@pytest.mark.parametrize(("split", "strict_f1", "entity_p"), [
    ("train", 0.52, 0.91), ("dev", 0.55, 0.92), ("test", 0.34, 0.87), ("batch2", 0.41, 0.935),
    ("batch3", 0.44, 0.915), ("batch4", 0.27, 0.86)])
def test_real_news_floors(nlp, split, strict_f1, entity_p):
    """Real Wikinews articles annotated for the project (tests/data/winer), under today's figures
    (strict F1 0.545, 0.577, 0.360, 0.433, 0.469, 0.295; blind at first scoring: 0.20, 0.23, 0.16,
    0.314 for the second batch by the code of 354b784, 0.467 for the third by the code of a0eb139,
    0.295 for the fourth by the code of 474bc8d). Entity precision 0.914, 0.928, 0.872, 0.938,
    0.918, 0.862 since one entity told twice in an article is one node (0.907, 0.918, 0.868, 0.934,
    0.907, 0.858 before)."""
    path = DATA / "winer" / f"relations.{split}.gold.jsonl"
    m, _ = _metrics(nlp, path, [path])
    assert m["entities"]["f1"] >= 0.84
    assert m["entities"]["p"] >= entity_p
    assert m["entities"]["type_acc"] >= 0.90
    assert m["relations_strict"]["f1"] >= strict_f1
    assert m["relations_strict"]["p"] >= 0.55


def test_entity_types_over_every_gold_file(nlp):
    """Entity type accuracy pooled over every gold file, the real-news corpus included (the
    measure of the NER issue: 0.957 when this floor was set)."""
    files = sorted(DATA.glob("*.gold.jsonl")) + sorted((DATA / "winer").glob("relations.*.gold.jsonl"))
    right = matched = 0
    for path in files:
        s, _ = _scored(nlp, path, [path])
        right += s.type_ok
        matched += s.entities.tp
    assert matched > 2500
    assert right / matched >= 0.945


def test_scorer_catches_a_wrong_relation():
    gold = {"d": {"entities": [{"name": "A", "type": "Company"}, {"name": "B", "type": "Company"}],
                  "relations": [{"subject": "A", "type": "ACQUIRES", "object": "B", "modality": "asserted"}]}}
    right = {"d": {"entities": gold["d"]["entities"], "relations": gold["d"]["relations"]}}
    wrong = {"d": {"entities": gold["d"]["entities"],
                   "relations": [{"subject": "B", "type": "ACQUIRES", "object": "A", "modality": "asserted"}]}}
    assert score(gold, right).as_dict()["relations_strict"]["f1"] == 1.0
    assert score(gold, wrong).as_dict()["relations_strict"]["f1"] == 0.0
    assert score(gold, wrong).as_dict()["relations_unlabeled"]["f1"] == 1.0


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason="the shared scorer is only beside a development checkout")
def test_same_numbers_as_the_shared_scorer(nlp, tmp_path):
    path = DATA / "constructions.gold.jsonl"
    m, pred = _metrics(nlp, path, [path])
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in pred.values()), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SHARED_SCORER), str(path), str(pred_file), "--json"],
                         capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == m


WINER = Path(__file__).resolve().parents[2] / "shared" / "data" / "winer-fr" / "dev.gold.jsonl"


@pytest.mark.skipif(not WINER.exists(), reason="the WiNER-fr dev corpus is only beside a development checkout")
def test_winer_entity_floors(nlp):
    """Named entities on 964 real news articles (coarse types), merged and as surface forms."""
    from kg.evaluate import coarse_types
    from kg.jsonl import surface_forms

    gold = load_records(WINER, coarse=True)
    pred = coarse_types(records_of(extract(read_documents([WINER]), nlp)))
    merged = score(gold, pred).as_dict()["entities"]
    forms = score(gold, {k: surface_forms(r) for k, r in pred.items()}).as_dict()["entities"]
    assert merged["f1"] >= 0.82 and merged["p"] >= 0.83
    assert forms["f1"] >= 0.84 and forms["r"] >= 0.84
