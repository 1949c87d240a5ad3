"""The graph as GraphML or GEXF through networkx, for Gephi, yEd and Cytoscape.

Those formats hold scalar attributes only, so lists (aliases, document ids, sentences) are joined
into one string. Every node has ``name`` and ``type``, every edge ``relation`` (its type) and
``label``; GEXF also gets the node label (the name)
and a colour a type, the ones of ``kg view`` and of the Neo4j Browser style.
"""

from __future__ import annotations

from typing import IO

from kg.model import Graph

#: One colour a label, shared by ``kg view``, GEXF files and ``queries/browser-style.grass``.
LABEL_COLOURS = {
    "Person": "#F79767",
    "Company": "#4C8EDA",
    "Government": "#DA7194",
    "Country": "#57C7E3",
    "Organization": "#8DCC93",
    "Location": "#FFE081",
    "Document": "#C990C0",
}
#: Between the items of a list attribute.
LIST_SEPARATOR = " | "


def flat_graph(graph: Graph, documents: bool = False, gexf: bool = False):
    """``graph.to_networkx()`` with every attribute a scalar (what GraphML and GEXF can hold)."""
    import networkx as nx

    g = graph.to_networkx(documents=documents)
    flat = nx.MultiDiGraph()
    for node, data in g.nodes(data=True):
        attrs = {"name": data.get("name") or node, "type": data["label"],
                 "aliases": LIST_SEPARATOR.join(data.get("aliases", []))}
        for key in ("url", "date"):
            if data.get(key):
                attrs[key] = data[key]
        if gexf:
            colour = LABEL_COLOURS.get(data["label"], "#A5ABB6")
            attrs["label"] = attrs["name"]
            attrs["viz"] = {"color": {"r": int(colour[1:3], 16), "g": int(colour[3:5], 16),
                                      "b": int(colour[5:7], 16), "a": 1.0}}
        flat.add_node(node, **attrs)
    for s, o, key, data in g.edges(keys=True, data=True):
        attrs = {"relation": data["type"], "label": data["type"]}  # GEXF keeps "type" for directed/undirected
        for k in ("predicate", "modality", "confidence", "count"):
            if data.get(k) is not None:
                attrs[k] = data[k]
        for k in ("doc_ids", "sentences"):
            if data.get(k):
                attrs[k] = LIST_SEPARATOR.join(data[k])
        flat.add_edge(s, o, key=key, **attrs)
    return flat


def write_graph_file(graph: Graph, out: IO[str], fmt: str = "graphml", documents: bool = False) -> None:
    """Write ``graph`` as GraphML (``fmt="graphml"``) or GEXF 1.2 (``fmt="gexf"``) to a text stream."""
    import networkx as nx

    if fmt == "graphml":
        lines = nx.generate_graphml(flat_graph(graph, documents), named_key_ids=True)
    elif fmt == "gexf":
        lines = nx.generate_gexf(flat_graph(graph, documents, gexf=True))
    else:
        raise ValueError(f"unknown graph format {fmt!r}; use graphml or gexf")
    for line in lines:
        out.write(line + "\n")
