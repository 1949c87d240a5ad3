"""Neo4j loading: the batched loader against one MERGE per row, and against neo4j-admin import.

    python -m bench.loading [--relations 100000] [--entities 20000] [--documents 10000]

Starts its own Neo4j (tools/neo4j/server, free ports, a temporary folder), builds one synthetic
graph and loads it three ways, side by side in one run:

- kg's loader: ``UNWIND $rows AS row MERGE ...`` in batches through managed transactions;
- the naive baseline: one ``MERGE`` statement per node and per relationship through the driver;
- ``neo4j-admin database import full`` on the files of ``kg export --format neo4j-import``.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from bench.common import machine, table
from kg.model import Document, Entity, Evidence, Graph, Relation, entity_id
from kg.schema import RELATION_TYPES
from kg.store import statements as st
from kg.store.bulk import write_neo4j_import
from kg.store.neo4j import Neo4jStore

SERVER = Path(__file__).resolve().parents[1] / "tools" / "neo4j" / "server"


def free_port() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return str(s.getsockname()[1])


def synthetic(n_entities: int, n_relations: int, n_documents: int, seed: int = 7) -> Graph:
    rnd = random.Random(seed)
    g = Graph()
    labels = ["Company", "Company", "Company", "Person", "Government", "Country"]
    ents = []
    for i in range(n_entities):
        label = labels[i % len(labels)]
        e = Entity(entity_id(label, f"Entité {i}"), f"Entité {i}", label, (f"E{i}",))
        g.entities[e.id] = e
        ents.append(e)
    for i in range(n_documents):
        g.documents[f"doc-{i}"] = Document(f"doc-{i}", f"texte {i}")
    while len(g.relations) < n_relations:
        a, b = rnd.sample(ents, 2)
        rtype = rnd.choice(RELATION_TYPES)
        doc = f"doc-{rnd.randrange(n_documents)}"
        ev = Evidence(doc, f"Phrase {len(g.relations)} où {a.name} et {b.name} sont liés.", 0, 40)
        g.relations[(a.id, rtype, b.id)] = Relation(a.id, rtype, b.id, "verbe", "asserted", 0.8, (ev,))
        g.mentions.update({(a.id, doc), (b.id, doc)})
    return g


def wipe(store: Neo4jStore) -> None:
    while store.run("MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*)")[1][0][0]:
        pass


def one_by_one(store: Neo4jStore, graph: Graph) -> None:
    """The naive loader: a statement, and so a transaction, per row."""
    for d in st.document_rows(graph.documents.values()):
        store.run(st.MERGE_DOCUMENTS, {"rows": [d]})
    for label, rows in st.entity_rows(graph.entities.values()).items():
        for r in rows:
            store.run(st.merge_entities(label), {"rows": [r]})
    for label, rows in st.mention_rows(graph).items():
        for r in rows:
            store.run(st.merge_mentions(label), {"rows": [r]})
    for (sl, t, ol), rows in st.relation_rows(graph).items():
        for r in rows:
            store.run(st.merge_relations(sl, t, ol), {"rows": [r]})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--relations", type=int, default=100_000)
    ap.add_argument("--entities", type=int, default=20_000)
    ap.add_argument("--documents", type=int, default=10_000)
    args = ap.parse_args()
    graph = synthetic(args.entities, args.relations, args.documents)
    rows_total = len(graph.entities) + len(graph.documents) + len(graph.mentions) + len(graph.relations)
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "NEO4J_RUN_DIR": f"{tmp}/run", "NEO4J_BOLT_PORT": free_port(),
               "NEO4J_HTTP_PORT": free_port(), "NEO4J_PASSWORD": "bench-password", "NEO4J_HEAP": "2g"}
        subprocess.run([str(SERVER), "start"], env=env, check=True)
        results = {}
        try:
            store = Neo4jStore(f"bolt://127.0.0.1:{env['NEO4J_BOLT_PORT']}", "neo4j", "bench-password")
            warm = synthetic(2000, 5000, 500, seed=1)  # both loaders run on a warmed-up server
            store.write(warm)
            wipe(store)
            one_by_one(store, warm)
            wipe(store)
            t = time.perf_counter()
            store.write(graph)
            results["kg loader (batched UNWIND MERGE)"] = time.perf_counter() - t
            counts = store.counts()
            wipe(store)
            t = time.perf_counter()
            one_by_one(store, graph)
            results["one MERGE per row"] = time.perf_counter() - t
            assert store.counts() == counts, "both loaders built the same graph"
            store.close()
        finally:
            subprocess.run([str(SERVER), "stop"], env=env, check=False)
        files = Path(tmp) / "import"
        t = time.perf_counter()
        write_neo4j_import(graph, files)
        env2 = {**env, "NEO4J_RUN_DIR": f"{tmp}/run2"}
        subprocess.run([str(SERVER), "admin", "database", "import", "full", "neo4j", f"@{files}/import.args"],
                       env=env2, check=True, stdout=subprocess.DEVNULL)
        results["neo4j-admin import (files + import)"] = time.perf_counter() - t
    base = results["one MERGE per row"]
    rows = [[k, f"{v:.1f}", f"{rows_total / v:.0f}", f"{base / v:.1f}"] for k, v in results.items()]
    table(f"Loading {len(graph.relations)} relations, {len(graph.entities)} entities, {len(graph.documents)} documents, "
          f"{len(graph.mentions)} mentions into Neo4j 5.26; {machine()}",
          ["loader", "seconds", "rows/s", "vs one MERGE per row"], rows)


if __name__ == "__main__":
    main()
