"""The ``kg`` command: a thin Typer layer over the library. Each command calls one function.

``common`` holds the Typer app, the consoles, the option types and the helpers every command shares;
``build`` the commands that extract and write (build, extract, load, evaluate); ``graph`` those that
read the graph (query, export, view, validate, sparql, merge, duplicates, stats). The commands are
registered here, in the order ``kg --help`` lists them (``kg.cli.build`` is the module; the function of
``kg build`` is ``kg.cli.build.build``).

The helpers stay in their modules (``kg.cli.common._open``, ``kg.cli.graph._cell``, ...). The consoles,
``out`` and ``err``, are looked up in ``kg.cli.common`` when a command runs: replace them there (a
test's monkeypatch, for one); they are not re-exported here, where replacing them would change nothing.
"""

from __future__ import annotations

from kg.cli import build, common, graph
from kg.cli.build import evaluate, extract_cmd, load
from kg.cli.common import (
    EXPORT_DEFAULTS,
    STD,
    ExportFormat,
    ExtractFormat,
    QueryFormat,
    app,
    command,
    main,
    progress,
    user_errors,
)
from kg.cli.graph import (
    PARAM_TYPES,
    _parse_params,
    duplicates,
    export,
    merge,
    print_rows,
    query,
    sparql_cmd,
    stats,
    validate,
    view,
)

# Typer lists the commands in the order they are registered: keep it.
command()(build.build)
command("extract")(extract_cmd)
command()(query)
command()(export)
command()(view)
command()(validate)
command("sparql")(sparql_cmd)
command()(merge)
command()(duplicates)
command()(stats)
command()(load)
command()(evaluate)

__all__ = [
    "EXPORT_DEFAULTS", "PARAM_TYPES", "STD", "ExportFormat", "ExtractFormat", "QueryFormat", "_parse_params", "app",
    "build", "command", "common", "duplicates", "evaluate", "export", "extract_cmd", "graph", "load", "main", "merge",
    "print_rows", "progress", "query", "sparql_cmd", "stats", "user_errors", "validate", "view",
]
