"""The graph as one self-contained HTML page (``kg view``): no server, no network, no CDN.

The page inlines vis-network, the JavaScript library that the pyvis package ships (a dependency
installed from PyPI, read from its files without importing pyvis), and the graph as JSON: a
colour a label, relation types on the edges, names, aliases and evidence sentences on hover.
"""

from __future__ import annotations

import json
from collections import deque
from importlib.metadata import PackageNotFoundError, distribution
from importlib.resources import files
from typing import IO, Any

from kg.errors import ConfigError, MissingLibrary
from kg.graphs import LABEL_COLOURS
from kg.model import Graph, normalize_name

#: vis-network inside the pyvis distribution.
VIS_NETWORK = "pyvis/lib/vis-9.1.2/vis-network.min.js"
#: Evidence sentences shown on an edge's tooltip (the count says how many there are).
MAX_SENTENCES = 5


def vis_network_js() -> str:
    """The source of vis-network, from the installed pyvis distribution."""
    try:
        path = distribution("pyvis").locate_file(VIS_NETWORK)
        return open(path, encoding="utf-8").read()
    except (PackageNotFoundError, OSError) as exc:
        raise MissingLibrary(f"vis-network is missing ({exc}); reinstall kg, which depends on pyvis") from exc


def neighbourhood(graph: Graph, name: str, depth: int = 2) -> Graph:
    """The part of ``graph`` within ``depth`` relations of the entity named ``name`` (its name or
    an alias, folded as names are matched everywhere), both directions."""
    folded = normalize_name(name)
    starts = [e.id for e in graph.entities.values()
              if folded in {normalize_name(n) for n in (e.name, *e.aliases)}]
    if not starts:
        raise ConfigError(f"--entity {name!r}: no entity has this name or alias; "
                          "list them with kg query \"MATCH (e) RETURN e.name\"")
    links: dict[str, set[str]] = {}
    for r in graph.relations.values():
        links.setdefault(r.subject, set()).add(r.object)
        links.setdefault(r.object, set()).add(r.subject)
    seen = {s: 0 for s in starts}
    queue = deque(starts)
    while queue:
        node = queue.popleft()
        if seen[node] >= depth:
            continue
        for other in sorted(links.get(node, ())):
            if other not in seen:
                seen[other] = seen[node] + 1
                queue.append(other)
    relations = {k: r for k, r in graph.relations.items() if r.subject in seen and r.object in seen}
    mentions = {(e, d) for e, d in graph.mentions if e in seen}
    documents = {d: graph.documents[d] for _, d in mentions if d in graph.documents}
    return Graph(documents=documents, entities={k: e for k, e in graph.entities.items() if k in seen},
                 relations=relations, mentions=mentions)


def page_data(graph: Graph, documents: bool = False) -> dict[str, Any]:
    """Nodes, edges and legend of the page, as vis-network takes them."""
    nodes = []
    for e in sorted(graph.entities.values(), key=lambda e: e.id):
        tip = f"{e.name}\n{e.type}" + (f"\naussi : {', '.join(e.aliases)}" if e.aliases else "")
        nodes.append({"id": e.id, "label": e.name, "group": e.type, "title": tip,
                      "color": LABEL_COLOURS.get(e.type, "#A5ABB6")})
    names = {e.id: e.name for e in graph.entities.values()}
    edges = []
    for r in sorted(graph.relations.values(), key=lambda r: r.key):
        sentences = [f"• {ev.sentence} [{ev.doc_id}]" for ev in r.evidence[:MAX_SENTENCES]]
        more = len(r.evidence) - MAX_SENTENCES
        tip = "\n".join([
            f"{names.get(r.subject, r.subject)} {r.type} {names.get(r.object, r.object)}",
            f"{r.predicate} · {r.modality} · confiance {r.confidence:.2f} · {len(r.evidence)} source(s)",
            "", *sentences, *([f"… et {more} autre(s)"] if more > 0 else []),
        ])
        edges.append({"id": "|".join(r.key), "from": r.subject, "to": r.object, "label": r.type,
                      "title": tip, "arrows": "to", "type": r.type})
    if documents:
        for d in sorted(graph.documents.values(), key=lambda d: d.id):
            tip = "\n".join(x for x in (d.title, d.id, d.date, d.url) if x)
            nodes.append({"id": f"document:{d.id}", "label": d.title or d.id, "group": "Document", "title": tip,
                          "color": LABEL_COLOURS["Document"], "shape": "box"})
        for e, d in sorted(graph.mentions):
            edges.append({"id": f"mention|{e}|{d}", "from": e, "to": f"document:{d}", "label": "",
                          "arrows": "to", "type": "MENTIONED_IN", "dashes": True, "color": "#D9D9D9"})
    used = {n["group"] for n in nodes}
    legend = [{"label": label, "color": colour} for label, colour in LABEL_COLOURS.items() if label in used]
    return {"nodes": nodes, "edges": edges, "legend": legend}


def _script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


def write_html(graph: Graph, out: IO[str], documents: bool = False, title: str = "kg") -> None:
    """Write the page of ``graph`` to a text stream."""
    template = files("kg").joinpath("templates/view.html").read_text(encoding="utf-8")
    data = page_data(graph, documents)
    html = (template.replace("/*KG_TITLE*/", title.replace("<", "&lt;"))
            .replace("/*KG_VIS_NETWORK*/", vis_network_js().replace("</script", "<\\/script"))
            .replace("/*KG_DATA*/", _script_json(data)))
    out.write(html)
