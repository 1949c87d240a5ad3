"""The component: evidence, dates, determinism, any French pipeline."""

from __future__ import annotations

import spacy

from tests.extract import read


def test_evidence_points_into_the_text(nlp):
    text = "Premier paragraphe sans rien.\n\nLe rachat de Zalando par Amazon inquiète les syndicats."
    _, _, ex = read(nlp, text)
    ev = ex.relations[0].evidence[0]
    assert ev.doc_id == "t"
    assert text[ev.start:ev.end] == ev.sentence
    assert ev.sentence.startswith("Le rachat")
    assert 0 < ev.confidence <= 1


def test_component_registers_in_any_french_pipeline():
    nlp = spacy.load("fr_core_news_sm")
    nlp.add_pipe("kg_relations")
    doc = nlp("Le groupe allemand Siemens a racheté la société Mentor Graphics.")
    names = {e.name for e in doc._.kg_entities}
    assert {"Siemens", "Mentor Graphics"} <= names
    assert any(r.type == "ACQUIRES" for r in doc._.kg_relations)


def test_output_is_deterministic(nlp):
    text = "Le PDG de Microsoft Satya Nadella a rencontré le président français Emmanuel Macron."
    assert read(nlp, text)[2] == read(nlp, text)[2]


def test_dates_are_kept_on_the_evidence(nlp):
    _, _, ex = read(nlp, "Le 3 mars 2021, Vivendi a racheté Prisma Media. L'accord avait été signé lundi.")
    (rel,) = [r for r in ex.relations if r.type == "ACQUIRES"]
    assert rel.evidence[0].dates == ("3 mars 2021",)


def test_every_construction_module_is_in_the_table_and_has_its_tests():
    import pkgutil
    from pathlib import Path

    from kg.extract import constructions

    table = {f.__module__ for f in (*constructions.TOKEN_CONSTRUCTIONS, *constructions.DOCUMENT_CONSTRUCTIONS)}
    here = Path(__file__).parent
    for module in pkgutil.iter_modules(constructions.__path__):
        if module.name != "implied":  # run on the relations found, after the table
            assert f"kg.extract.constructions.{module.name}" in table, module.name
        assert (here / f"test_{module.name}.py").is_file(), module.name


def test_no_one_leads_or_works_for_a_person():
    from kg.schema import signature_ok

    assert signature_ok("LEADS", "Person", "Company")
    assert not signature_ok("LEADS", "Organization", "Person")
    assert not signature_ok("WORKS_FOR", "Company", "Organization")
    assert not signature_ok("BASED_IN", "Company", "Person")
    assert signature_ok("CRITICIZES", "Organization", "Person")
    assert not signature_ok("ACQUIRES", "Government", "Location")  # a deal is never about a place
    assert not signature_ok("OPERATES_IN", "Person", "Location")  # a person is present, not operating
    assert signature_ok("OPERATES_IN", "Organization", "Location")
    assert signature_ok("ACQUIRES", "Person", "Company")


def test_a_relation_against_the_schema_is_dropped(nlp):
    text = ("Le PPE préside désormais les trois principaux organes de l'Union avec Donald Tusk au Conseil européen, "
            "Jean-Claude Juncker à la Commission européenne et Antonio Tajani au Parlement européen.")
    types, triples, _ = read(nlp, text)
    assert types.get("Jean-Claude Juncker") == "Person"
    assert not any(t[1] == "LEADS" for t in triples)
