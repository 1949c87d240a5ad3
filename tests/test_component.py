"""The spaCy component keeps spaCy's conventions (issue 16): results survive to_bytes, DocBin and
n_process > 1, entity mentions are Spans displaCy can draw; alias surfaces are found in the text."""

from __future__ import annotations

import json
from pathlib import Path

from spacy import displacy
from spacy.tokens import Doc, DocBin
from typer.testing import CliRunner

from kg.cli import app
from kg.extract.component import SPANS_KEY
from kg.extract.display import relation_arcs

TEXTS = [
    "Microsoft a racheté la société LinkedIn en 2016. Satya Nadella dirige Microsoft.",
    "Le groupe Apple a signé un accord avec OpenAI, selon Les Échos.",
]


def _docs(nlp):
    return list(nlp.pipe(TEXTS))


def test_results_survive_to_bytes_and_docbin(nlp):
    docs = _docs(nlp)
    assert docs[0]._.kg_relations
    again = Doc(nlp.vocab).from_bytes(docs[0].to_bytes())
    assert again._.kg_entities == docs[0]._.kg_entities
    assert again._.kg_relations == docs[0]._.kg_relations
    spans = [(s.text, s.label_, s.kb_id_) for s in again.spans[SPANS_KEY]]
    microsoft = next(e for e in docs[0]._.kg_entities if e.name == "Microsoft")
    assert ("Microsoft", "Company", microsoft.id) in spans
    stored = DocBin(store_user_data=True, docs=docs).to_bytes()
    back = list(DocBin().from_bytes(stored).get_docs(nlp.vocab))
    assert [d._.kg_relations for d in back] == [d._.kg_relations for d in docs]


def test_pipe_with_two_processes_gives_the_same_results(nlp):
    one = _docs(nlp)
    two = list(nlp.pipe(TEXTS, n_process=2))
    assert [d._.kg_entities for d in two] == [d._.kg_entities for d in one]
    assert [d._.kg_relations for d in two] == [d._.kg_relations for d in one]


def test_displacy_draws_entities_and_relations(nlp):
    doc = _docs(nlp)[0]
    html = displacy.render(doc, style="span", options={"spans_key": SPANS_KEY})
    assert "LinkedIn" in html and "Company" in html
    pictures = relation_arcs(doc)
    assert [a["label"] for p in pictures for a in p["arcs"]] == ["ACQUIRES", "LEADS"]
    first = pictures[0]
    arc = first["arcs"][0]
    assert first["words"][arc["start"]]["text"] == "Microsoft" and first["words"][arc["end"]]["text"] == "LinkedIn"
    svg = displacy.render(pictures, style="dep", manual=True)
    assert "ACQUIRES" in svg and "LEADS" in svg


def test_the_readme_alias_example_gives_microsoft_partners_with_openai(tmp_path):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("surface,canonical,type\nBig Blue,IBM,Company\nla firme de Redmond,Microsoft,Company\n",
                       encoding="utf-8")
    text = "La firme de Redmond a signé un accord avec OpenAI. Big Blue a racheté Red Hat."
    result = CliRunner().invoke(app, ["extract", "-", "--aliases", str(aliases)], input=text)
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    relations = {(r["subject"], r["type"], r["object"]) for r in record["relations"]}
    assert ("Microsoft", "PARTNERS_WITH", "OpenAI") in relations
    assert ("IBM", "ACQUIRES", "Red Hat") in relations
    assert {e["name"]: e["type"] for e in record["entities"]}["Microsoft"] == "Company"
    assert not any("Redmond" == e["name"] for e in record["entities"])
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "la firme de Redmond,Microsoft,Company" in readme and "PARTNERS_WITH OpenAI" in readme
