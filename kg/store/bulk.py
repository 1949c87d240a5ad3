"""The graph as CSV files for ``neo4j-admin database import full`` (a first load of a big graph).

Writes one node file per label, one relationship file per type, their headers inline, and
``import.args`` with the matching options; run it with::

    neo4j-admin database import full neo4j @DIR/import.args

The files hold exactly the properties the loader writes, so an imported graph answers the same
queries as a loaded one.
"""

from __future__ import annotations

import csv
from pathlib import Path

from kg.model import Graph
from kg.schema import DOCUMENT_LABEL, ENTITY_TYPES, MENTIONED_IN, RELATION_TYPES
from kg.store import statements as st

#: Between the elements of an array property; removed from the values themselves.
ARRAY_DELIMITER = "\x1f"


def _array(values: list[str]) -> str:
    return ARRAY_DELIMITER.join(v.replace(ARRAY_DELIMITER, " ") for v in values)


def write_neo4j_import(graph: Graph, directory: str | Path) -> dict[str, int]:
    """Write the import files into ``directory``; return the row count of each file."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    node_files, rel_files = [], []

    def write(name: str, header: list[str], rows) -> None:
        path = out / name
        n = 0
        with path.open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(header)
            for row in rows:
                w.writerow(row)
                n += 1
        counts[name] = n

    by_label = st.entity_rows(graph.entities.values())
    for label in ENTITY_TYPES:
        name = f"nodes_{label}.csv"
        write(name, ["id:ID(Entity)", "name", "aliases:string[]", ":LABEL"],
              ([r["id"], r["name"], _array(r["aliases"]), label] for r in by_label.get(label, [])))
        node_files.append(name)
    write("nodes_Document.csv", ["id:ID(Document)", "title", "url", "date", "source", "hash", ":LABEL"],
          ([r["id"], r["title"], r["url"], r["date"], r["source"], r["hash"], DOCUMENT_LABEL]
           for r in st.document_rows(graph.documents.values())))
    node_files.append("nodes_Document.csv")

    grouped = st.relation_rows(graph)
    for rtype in RELATION_TYPES:
        rows = [r for (_, t, _), group in grouped.items() if t == rtype for r in group]
        name = f"rels_{rtype}.csv"
        write(name, [":START_ID(Entity)", ":END_ID(Entity)", "predicate", "modality", "confidence:double",
                     "count:long", "rank:long", "doc_ids:string[]", "sentences:string[]", "evidence:string[]", ":TYPE"],
              ([r["s"], r["o"], r["predicate"], r["modality"], r["confidence"], r["count"], r["rank"],
                _array(r["doc_ids"]), _array(r["sentences"]), _array(r["evidence"]), rtype] for r in rows))
        rel_files.append(name)
    write(f"rels_{MENTIONED_IN}.csv", [":START_ID(Entity)", ":END_ID(Document)", ":TYPE"],
          ([e, d, MENTIONED_IN] for e, d in sorted(graph.mentions)))
    rel_files.append(f"rels_{MENTIONED_IN}.csv")

    args = [f"--nodes={out.resolve() / n}" for n in node_files]
    args += [f"--relationships={out.resolve() / n}" for n in rel_files]
    args += ["--array-delimiter=U+001F", "--multiline-fields=true", "--overwrite-destination=true",
             f"--report-file={out.resolve() / 'import.report'}"]  # not in the caller's working directory
    (out / "import.args").write_text("\n".join(args) + "\n", encoding="utf-8")
    return counts
