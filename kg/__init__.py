"""kg: knowledge graphs of companies, governments and people from French news.

The Python API, one function a stage (the command line calls the same ones)::

    import kg

    graph = kg.extract_graph(["seeds/"])              # read and extract, in memory
    g = graph.to_networkx()                          # a networkx MultiDiGraph
    with kg.open_store("embedded", "kg-data") as store:
        kg.build(["seeds/"], store, kg.load_pipeline())
        columns, rows = store.run("MATCH (p:Person)-[:LEADS]->(c) RETURN p.name, c.name")

Heavy modules (spaCy, the stores) are imported only when one of these is used.
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import Any

try:
    __version__ = version("kg-news-fr")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

#: Public name -> the module that defines it.
_API = {
    "Document": "kg.model",
    "Entity": "kg.model",
    "Evidence": "kg.model",
    "Extraction": "kg.model",
    "Graph": "kg.model",
    "Relation": "kg.model",
    "KgError": "kg.errors",
    "load_pipeline": "kg.extract",
    "extract": "kg.extract",
    "read_documents": "kg.read",
    "build": "kg.pipeline",
    "extract_graph": "kg.pipeline",
    "open_store": "kg.store",
    "load_aliases": "kg.resolve",
}

__all__ = [  # noqa: RUF022 (in the order of _API)
    "__version__", "Document", "Entity", "Evidence", "Extraction", "Graph", "Relation", "KgError", "load_pipeline",
    "extract", "read_documents", "build", "extract_graph", "open_store", "load_aliases",
]


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(import_module(_API[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
