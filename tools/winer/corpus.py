"""The WiNER-fr split and the selection of the real-news relation corpus.

One deterministic split of the 964 WiNER-fr development articles serves both the NER training
(train / dev / test) and the relation corpus annotated on a selection of them: an article of the
relation corpus's test split is in the NER's test split too, so no model or rule is ever tuned on
it.

    python tools/winer/corpus.py split  ../shared/data/winer-fr/dev.gold.jsonl > tests/data/winer/split.tsv
    python tools/winer/corpus.py select ../shared/data/winer-fr/dev.gold.jsonl > tests/data/winer/selection.tsv
    python tools/winer/corpus.py double ../shared/data/winer-fr/dev.gold.jsonl > tests/data/winer/double.tsv
    python tools/winer/corpus.py batch2 ../shared/data/winer-fr/dev.gold.jsonl  # relations.batch2.gold.jsonl's ids
    python tools/winer/corpus.py batch3 ../shared/data/winer-fr/dev.gold.jsonl  # relations.batch3.gold.jsonl's ids
    python tools/winer/corpus.py batch4 ../shared/data/winer-fr/dev.gold.jsonl  # relations.batch4.gold.jsonl's ids

Selection rule (kept here, nowhere else): an article is about companies, governments, politics
and the people in them when its gold lists at least four Person/Organization names, one of them
an Organization; sports results, weather and disasters, and science news are left out by words of
the title; articles over 600 words are left out (annotation cost). The eligible articles are
ordered by the hash of their id and the first ``SIZE`` are taken.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterator

SIZE = 240
#: The corpus was first drawn at 210 articles and the double-annotated sample from those; 30 more
#: (the next in hash order) were added to reach 1,200 relations. The sample stays as drawn.
FIRST_SIZE = 210
MAX_WORDS = 600
#: A second batch, drawn after the corpus by the same rule (the next eligible articles in hash
#: order), annotated once each and scored blind before any rule was written from it.
BATCH2 = 24
#: A third batch, the next eligible articles after the second, drawn and scored blind the same way.
BATCH3 = 24
#: A fourth batch: the last 20 eligible articles after the third, drawn and scored blind the same way.
BATCH4 = 20

SPORT = re.compile(
    r"\b(football|ligue 1|ligue des champions|championnat|match|tennis|rugby|cyclisme|tour de france|"
    r"jeux olympiques|JO|coupe du monde|euro 2016|médaille|grand prix|formule 1|F1|basket|handball|"
    r"athlétisme|ski|biathlon|triathlon|natation|golf|boxe|marathon|olympiques?|paralympiques|sportif|"
    r"stade|MotoGP|rallye|NBA|NFL|UEFA|FIFA|Roland-Garros|Wimbledon|podium|vainqueur|s.impose|victoire|"
    r"coupe|mondiaux|cyclistes?|footballeur|tournoi)\b", re.I)
WEATHER = re.compile(
    r"\b(météo|tempête|ouragan|cyclone|séisme|tremblement de terre|inondations?|canicule|neige|orages?|"
    r"typhon|éruption|volcan|incendies? de forêt|glissement de terrain)\b", re.I)
SCIENCE = re.compile(
    r"\b(astronom\w*|astrophysique|espace|planète|comète|paléontolog\w*|fossiles?|dinosaures?|"
    r"galaxie|étoile|exoplanète|biologie|archéolog\w*|sonde|requins?|espèces?|martienne?|scientifiques|"
    r"chercheurs|découverte|instrument)\b", re.I)


def split_of(doc_id: str) -> str:
    """``train``, ``dev`` or ``test`` for a WiNER-fr document id, by the MD5 of the id."""
    bucket = int(hashlib.md5(doc_id.encode("utf-8")).hexdigest(), 16) % 10
    return "test" if bucket < 2 else "dev" if bucket == 2 else "train"


def eligible(doc: dict) -> bool:
    """Whether an article is about companies, governments, politics and their people."""
    title = doc["text"].split("\n", 1)[0]
    if SPORT.search(title) or WEATHER.search(title) or SCIENCE.search(title):
        return False
    if len(doc["text"].split()) > MAX_WORDS:
        return False
    types = [e["type"] for e in doc["entities"]]
    return sum(t in ("Person", "Organization") for t in types) >= 4 and "Organization" in types


def read(path: str) -> Iterator[dict]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def select(docs: list[dict], size: int = SIZE) -> list[dict]:
    """The relation corpus: the first ``size`` eligible articles in hash order."""
    ranked = sorted((d for d in docs if eligible(d)),
                    key=lambda d: hashlib.md5(d["id"].encode("utf-8")).hexdigest())
    return ranked[:size]


def double_sample(selected: list[dict], size: int = 22) -> list[dict]:
    """The random sample annotated twice, independently: the first ``size`` by SHA-1 of the id."""
    return sorted(selected, key=lambda d: hashlib.sha1(d["id"].encode("utf-8")).hexdigest())[:size]


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in ("split", "select", "double", "batch2", "batch3", "batch4"):
        print(__doc__, file=sys.stderr)
        return 2
    docs = list(read(argv[2]))
    chosen = docs if argv[1] == "split" else select(docs)
    if argv[1] == "double":
        chosen = double_sample(select(docs, FIRST_SIZE))
    if argv[1] == "batch2":
        chosen = select(docs, SIZE + BATCH2)[SIZE:]
    if argv[1] == "batch3":
        chosen = select(docs, SIZE + BATCH2 + BATCH3)[SIZE + BATCH2:]
    if argv[1] == "batch4":
        chosen = select(docs, SIZE + BATCH2 + BATCH3 + BATCH4)[SIZE + BATCH2 + BATCH3:]
    for d in chosen:
        print(f"{d['id']}\t{split_of(d['id'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
