"""Coreference against mentions annotated by hand, by kind of mention.

    python -m bench.coref [--coref tests/data/winer/coref.train.jsonl]
                          [--gold tests/data/winer/relations.train.gold.jsonl] [--show-errors]

For each annotated mention (a pronoun, a possessive determiner or a description, with its
``antecedent``: a gold entity name, a list of them, or null), what kg resolves its tokens to
(``doc._.kg_coref``, filled when the component's ``keep_coref`` is set). A mention with an
antecedent is right when kg's entities are the antecedent(s), matched by the scorer's name rules
(:func:`kg.model.normalize_name` over names and aliases); a null mention counts as wrong when kg
resolves it to anything. Printed by kind: accuracy over the non-null mentions, how many kg left
unresolved, and the null mentions kg resolved anyway.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from bench.common import ROOT, table
from kg.extract import DEFAULT_MODEL, load_pipeline
from kg.model import normalize_name

COREF = ROOT / "tests" / "data" / "winer" / "coref.train.jsonl"
GOLD = ROOT / "tests" / "data" / "winer" / "relations.train.gold.jsonl"


def _keys(name: str, aliases: tuple[str, ...] | list[str] = ()) -> set[str]:
    return {normalize_name(n) for n in (name, *aliases) if n and normalize_name(n)}


def _resolved(doc: Any, start: int, end: int) -> list[tuple[str, tuple[str, ...]]]:
    """kg's entities for the character span: those of the last resolved token over it (the head
    noun of a description comes after its article; "-il" of "a-t-il" is one token with its hyphen)."""
    found: list[tuple[str, tuple[str, ...]]] = []
    for tok in doc:
        if tok.idx < end and tok.idx + len(tok.text) > start and tok.i in doc._.kg_coref:
            found = doc._.kg_coref[tok.i]
    return found


def run(coref_path: Path, gold_path: Path, model: str, show_errors: bool) -> dict[str, Counter]:
    gold = {r["id"]: r for r in map(json.loads, gold_path.read_text(encoding="utf-8").splitlines()) if r}
    annotated = [json.loads(x) for x in coref_path.read_text(encoding="utf-8").splitlines() if x.strip()]
    nlp = load_pipeline(model)
    nlp.get_pipe("kg_relations").keep_coref = True
    counts: dict[str, Counter] = {}
    for art in annotated:
        g = gold[art["id"]]
        entity_keys = {e["name"]: _keys(e["name"], e.get("aliases", [])) for e in g.get("entities", [])}
        doc = nlp(g["text"])
        for m in art["mentions"]:
            c = counts.setdefault(m["kind"], Counter())
            wanted = m.get("antecedents") or ([m["antecedent"]] if m.get("antecedent") else [])
            got = _resolved(doc, m["start"], m["end"])
            if not wanted:
                c["null"] += 1
                if got:
                    c["null_resolved"] += 1
                    if show_errors:
                        print(f"{art['id']} NULL {m['mention']!r}@{m['start']} -> {[n for n, _ in got]}")
                continue
            c["gold"] += 1
            if not got:
                c["unresolved"] += 1
                if show_errors:
                    print(f"{art['id']} MISS {m['mention']!r}@{m['start']} -> nothing (gold {wanted})")
                continue
            got_keys = [_keys(n, a) for n, a in got]
            want_keys = [entity_keys.get(w, _keys(w)) for w in wanted]
            ok = len(got_keys) == len(want_keys) and all(any(gk & wk for gk in got_keys) for wk in want_keys)
            if ok:
                c["right"] += 1
            else:
                c["wrong"] += 1
                if show_errors:
                    print(f"{art['id']} WRONG {m['mention']!r}@{m['start']} -> {[n for n, _ in got]} "
                          f"(gold {wanted})")
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--coref", type=Path, default=COREF)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--model", default=DEFAULT_MODEL)
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args()
    counts = run(args.coref, args.gold, args.model, args.show_errors)
    total = sum(counts.values(), Counter())
    rows = []
    for kind, c in [*sorted(counts.items()), ("all", total)]:
        acc = c["right"] / c["gold"] if c["gold"] else 0.0
        rows.append([kind, c["gold"], c["right"], c["wrong"], c["unresolved"], f"{acc:.3f}",
                     c["null"], c["null_resolved"]])
    table(f"Coreference on {args.coref.name} (accuracy over mentions with an antecedent)",
          ["kind", "with antecedent", "right", "wrong", "unresolved", "accuracy", "null", "null resolved"], rows)


if __name__ == "__main__":
    main()
