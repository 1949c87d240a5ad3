"""The commands that read the graph: ``kg query``, ``kg export``, ``kg view``, ``kg validate``,
``kg sparql``, ``kg merge``, ``kg duplicates`` and ``kg stats``."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from kg.cli import common
from kg.cli.common import (
    EXPORT_DEFAULTS,
    STD,
    DatabaseOption,
    DbOption,
    ExportFormat,
    FormatOption,
    ParamOption,
    QueryFormat,
    StoreOption,
    UriOption,
    UserOption,
    _open,
    _output,
    _where,
    progress,
    user_errors,
)
from kg.errors import ConfigError, InputError


def _read_query(query: str) -> str:
    path = Path(query)
    if query.endswith((".cypher", ".cql")):
        if not path.is_file():
            raise InputError(f"{query}: no such query file; give a .cypher file or a Cypher string")
        return path.read_text(encoding="utf-8")
    return query


#: ``--param name:TYPE=value``: how each explicit type reads its value (the default is a string).
PARAM_TYPES: dict[str, Any] = {
    "str": str,
    "int": int,
    "float": float,
    "bool": lambda v: {"true": True, "false": False}[v.lower()],
    "json": json.loads,
}


def _parse_params(params: list[str]) -> dict[str, Any]:
    """``name=value`` is the string ``value``; ``name:int=5`` (also float, bool, json, str) is typed."""
    out: dict[str, Any] = {}
    for p in params:
        key, sep, value = p.partition("=")
        key, _, kind = key.partition(":")
        if not sep or not key.isidentifier() or (kind and kind not in PARAM_TYPES):
            raise ConfigError(f"--param {p!r}: write it as name=value, or name:TYPE=value with TYPE one of "
                              f"{', '.join(PARAM_TYPES)}")
        try:
            out[key] = PARAM_TYPES[kind or "str"](value)
        except (ValueError, KeyError) as exc:
            raise ConfigError(f"--param {p!r}: {value!r} is not a {kind} value") from exc
    return out


def _cell(value: Any) -> str:
    if isinstance(value, dict):
        if "nodes" in value and "relationships" in value:
            return _path_text(value)
        return str(value.get("name") or value.get("id") or json.dumps(value, ensure_ascii=False))
    if isinstance(value, list):
        if value and all(isinstance(v, dict) for v in value):
            return " -> ".join(_cell(v) for v in value)
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


def _path_text(path: dict[str, Any]) -> str:
    """A path as text: ``Satya Nadella -[LEADS]-> Microsoft <-[OWNS]- ByteDance``."""
    nodes = path["nodes"]
    text = _cell(nodes[0]) if nodes else ""
    for i, rel in enumerate(path["relationships"]):
        forward = rel.get("_start") == nodes[i].get("id")
        label = rel.get("_label", "")
        text += f" -[{label}]-> " if forward else f" <-[{label}]- "
        text += _cell(nodes[i + 1]) if i + 1 < len(nodes) else ""
    return text


def query(
    cypher: Annotated[str, typer.Argument(help="A Cypher string, or a .cypher file (see queries/).",
                                          metavar="CYPHER|FILE.cypher")],
    param: ParamOption = [],  # noqa: B006
    fmt: FormatOption = QueryFormat.table,
    db: DbOption = "kg-data",
    store: StoreOption = "embedded",
    uri: UriOption = None,
    user: UserOption = None,
    database: DatabaseOption = None,
    write: Annotated[bool, typer.Option(
        "--write", help="Allow the query to change the graph (by default it runs read-only).")] = False,
) -> None:
    """Run a Cypher query on the graph and print the rows. Values of --param are strings; type
    them as name:int=, name:float=, name:bool= or name:json=.

    Every $parameter the query uses needs its --param. The same query runs on both stores: the few
    forms LadybugDB spells differently are translated (queries/README.md).

    Example: kg query queries/leaders.cypher
    Example: kg query queries/entity.cypher --param name=Microsoft --format json
    """
    with user_errors():
        text = _read_query(cypher)
        params = _parse_params(param)
        with _open(store, db, uri, user, database, read_only=not write) as graph_store:
            columns, rows = graph_store.query(text, params, write=write)
    print_rows(columns, rows, fmt)


def print_rows(columns: list[str], rows: list[list[Any]], fmt: QueryFormat = QueryFormat.table,
               title: str | None = None) -> None:
    """Rows on stdout: a table (never cut when piped), one JSON array, JSON Lines or CSV."""
    if fmt is QueryFormat.json:
        sys.stdout.write("[" + ",\n".join(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False)
                                          for row in rows) + "]\n")
    elif fmt is QueryFormat.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False) + "\n")
    elif fmt is QueryFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(v) for v in row])
    else:
        cells = [[_cell(v) for v in row] for row in rows]
        table = Table(*columns, title=title)
        for row in cells:
            table.add_row(*row)
        console = common.out
        if not common.out.is_terminal:  # piped: as wide as the widest row, so that no cell is cut or folded
            widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
            console = Console(width=max(common.out.width, sum(widths) + 3 * len(columns) + 1, len(title or "")))
        console.print(table, crop=False)
        console.print(f"{len(rows)} row(s)", highlight=False)


def _graph_from(source: Path | None, store: str, db: str, uri: str | None, user: str | None,
                database: str | None):
    """The graph of an extract file (--from, - for stdin) or of the store."""
    from kg.model import Graph

    if source is None:
        with _open(store, db, uri, user, database, read_only=True) as graph_store:
            return graph_store.read_graph()
    from kg.jsonl import read_extractions

    graph = Graph()
    if str(source) == STD:
        for ex in read_extractions(sys.stdin):
            graph.add(ex)
        return graph
    if not source.is_file():
        raise InputError(f"{source}: no such file; give a JSON Lines file written by `kg extract`")
    with source.open(encoding="utf-8") as f:
        for ex in read_extractions(f):
            graph.add(ex)
    return graph


SourceOption = Annotated[Path | None, typer.Option(
    "--from", help="An extract JSONL file (- for stdin) instead of the store.", metavar="FILE.jsonl")]


def export(
    fmt: Annotated[ExportFormat, typer.Option(
        "--format", help="turtle, trig, nt, jsonld (RDF); graphml, gexf (Gephi, yEd, Cytoscape); or neo4j-import "
        "(CSV files for neo4j-admin).")] = ExportFormat.turtle,
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="File to write, - for stdout (a folder for neo4j-import). Default: kg.ttl, kg.trig, "
        "kg.nt, kg.jsonld, kg.graphml, kg.gexf, or the folder neo4j-import/.", metavar="PATH")] = None,
    source: SourceOption = None,
    base_iri: Annotated[str, typer.Option("--base-iri", help="Base of every IRI.", metavar="IRI")] = "https://kg.example.org/",
    db: DbOption = "kg-data",
    store: StoreOption = "embedded",
    uri: UriOption = None,
    user: UserOption = None,
    database: DatabaseOption = None,
) -> None:
    """Export the graph as RDF (entities typed with schema.org, provenance with PROV-O), as GraphML or
    GEXF for graph tools, or as the CSV files of `neo4j-admin database import full`.

    Example: kg export --format turtle -o kg.ttl
    Example: kg export --format graphml -o kg.graphml   (open it in Gephi, yEd or Cytoscape)
    Example: kg export --format neo4j-import   (then: neo4j-admin database import full neo4j @neo4j-import/import.args)
    """
    from kg.rdf import write_rdf

    destination = output if output is not None else Path(EXPORT_DEFAULTS[fmt.value])
    with user_errors():
        graph = _graph_from(source, store, db, uri, user, database)
        if fmt is ExportFormat.neo4j_import:
            from kg.store.bulk import write_neo4j_import

            if str(destination) == STD or destination.is_file():
                raise ConfigError(f"-o {destination}: neo4j-import writes several files; give a folder")
            rows = write_neo4j_import(graph, destination)
            common.err.print(f"{sum(rows.values())} rows written to {destination}/; import with: "
                      f"neo4j-admin database import full neo4j @{destination}/import.args", highlight=False)
            return
        if fmt in (ExportFormat.graphml, ExportFormat.gexf):
            from kg.graphs import write_graph_file

            with _output(destination) as f:
                write_graph_file(graph, f, fmt.value)
            common.err.print(f"{len(graph.entities)} nodes and {len(graph.relations)} edges written to {_where(destination)}",
                      highlight=False)
            return
        with progress("kg export", None, "triples") as advance, _output(destination) as f:
            triples = write_rdf(graph, f, fmt.value, base_iri, advance=advance)
    common.err.print(f"{triples} triples written to {_where(destination)}", highlight=False)


def view(
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write, - for stdout.",
                                         metavar="FILE.html")] = Path("graph.html"),
    entity: Annotated[str | None, typer.Option(
        "--entity", help="Show only the neighbourhood of this entity (name or alias, any case).",
        metavar="NAME")] = None,
    depth: Annotated[int, typer.Option("--depth", min=1, help="With --entity: how many relations away.",
                                       metavar="N")] = 2,
    documents: Annotated[bool, typer.Option("--documents", help="Show the documents too.")] = False,
    source: SourceOption = None,
    db: DbOption = "kg-data",
    store: StoreOption = "embedded",
    uri: UriOption = None,
    user: UserOption = None,
    database: DatabaseOption = None,
) -> None:
    """Write the graph as one self-contained HTML page: no server, no network, open it in a browser.

    One colour a label, relation types on the edges, the evidence sentences on hover.

    Example: kg view -o graph.html
    Example: kg view --entity Microsoft --depth 2 -o microsoft.html
    """
    from kg.view import neighbourhood, write_html

    with user_errors():
        graph = _graph_from(source, store, db, uri, user, database)
        if entity is not None:
            graph = neighbourhood(graph, entity, depth)
        with _output(output) as f:
            write_html(graph, f, documents=documents, title=f"kg: {entity}" if entity else "kg")
    common.err.print(f"{len(graph.entities)} entities and {len(graph.relations)} relations written to {_where(output)}",
              highlight=False)


def validate(
    path: Annotated[Path, typer.Argument(help="An RDF file written by `kg export` (.ttl .trig .nt .jsonld).",
                                         metavar="FILE")],
    shapes: Annotated[Path | None, typer.Option("--shapes", help="SHACL shapes (default: the packaged ones).",
                                                metavar="FILE.ttl")] = None,
) -> None:
    """Check an RDF export against the SHACL shapes; exit 5 with a report when it does not conform.

    Example: kg validate kg.ttl
    """
    from kg.rdf import SHAPES, validate_file

    with user_errors():
        conforms, report = validate_file(path, shapes or SHAPES)
    if conforms:
        common.out.print(f"{path}: conforms to the shapes", highlight=False)
        return
    typer.echo(report, err=True)
    common.err.print(f"[red][K600] {path} does not conform to the shapes; see the report above[/red]")
    raise typer.Exit(5)


def sparql_cmd(
    query_file: Annotated[Path, typer.Argument(help="A SPARQL query file (see queries/*.rq).", metavar="FILE.rq")],
    data: Annotated[Path, typer.Option("--data", help="RDF file to query (written by `kg export`).",
                                       metavar="FILE.ttl")],
    param: Annotated[list[str], typer.Option("--param", "-p", help="Bind a variable: name=value (repeat).",
                                             metavar="NAME=VALUE")] = [],  # noqa: B006
    fmt: FormatOption = QueryFormat.table,
) -> None:
    """Run a SPARQL query on an RDF export (rdflib).

    Example: kg sparql queries/leaders.rq --data kg.ttl
    """
    from kg.rdf import sparql

    with user_errors():
        if not query_file.is_file():
            raise InputError(f"{query_file}: no such query file; give a .rq file")
        columns, rows = sparql(query_file.read_text(encoding="utf-8"), data, _parse_params(param))
    print_rows(columns, rows, fmt)


def merge(
    source: Annotated[str, typer.Argument(help="Name (or id) of the entity to merge away.")],
    into: Annotated[str, typer.Argument(help="Name (or id) of the entity that stays.")],
    db: DbOption = "kg-data",
    store: StoreOption = "embedded",
    uri: UriOption = None,
    user: UserOption = None,
    database: DatabaseOption = None,
) -> None:
    """Merge one stored entity into another, in one transaction: relationships, mentions and
    evidence move, names become aliases, and later builds keep the two together.

    Names are matched folded (case, accents, articles); a name several entities share needs its id.

    Example: kg merge "Big Blue" IBM --db kg-data
    """
    from kg.review import merge as run_merge

    with user_errors(), _open(store, db, uri, user, database) as graph_store:
        old, kept = run_merge(graph_store, source, into)
    common.out.print(f"{old.name} ({old.type}, {old.id}) merged into {kept.name} ({kept.type}, {kept.id})", highlight=False)


def duplicates(
    fmt: FormatOption = QueryFormat.table,
    db: DbOption = "kg-data",
    store: StoreOption = "embedded",
    uri: UriOption = None,
    user: UserOption = None,
    database: DatabaseOption = None,
) -> None:
    """List likely duplicate entities for a person to review: the same name under two types, a
    name inside another name of the same type. Merge the ones that are one with `kg merge`.

    Example: kg duplicates --db kg-data
    """
    from kg.review import duplicates as find_duplicates

    with user_errors(), _open(store, db, uri, user, database, read_only=True) as graph_store:
        found = find_duplicates(graph_store)
    rows = [[d.reason, d.entity.name, d.entity.type, d.other.name, d.other.type, d.entity.id, d.other.id]
            for d in found]
    print_rows(["why", "entity", "type", "other", "other type", "id", "other id"], rows, fmt, title="kg duplicates")


def stats(
    fmt: FormatOption = QueryFormat.table,
    db: DbOption = "kg-data",
    store: StoreOption = "embedded",
    uri: UriOption = None,
    user: UserOption = None,
    database: DatabaseOption = None,
) -> None:
    """Print node and relationship counts by label and type.

    Example: kg stats --db kg-data
    Example: kg stats --store neo4j --format json
    """
    with user_errors(), _open(store, db, uri, user, database, read_only=True) as graph_store:
        counts = graph_store.counts()
    rows = [[k, v] for k, v in counts.by_label.items() if v] + [[k, v] for k, v in counts.by_type.items() if v]
    print_rows(["label or type", "count"], rows, fmt, title="kg stats")
