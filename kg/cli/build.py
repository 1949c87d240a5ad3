"""The commands that extract and write: ``kg build``, ``kg extract``, ``kg load`` and ``kg evaluate``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from kg.cli import common
from kg.cli.common import (
    STD,
    AliasesOption,
    DatabaseOption,
    DbOption,
    ExtractFormat,
    MaxCharsOption,
    MinConfidenceOption,
    ModelOption,
    NerOption,
    PathsArgument,
    StoreOption,
    SurfaceFormsOption,
    UriOption,
    UserOption,
    _extractor,
    _finish,
    _open,
    _options,
    _output,
    _report_error,
    _total,
    progress,
    user_errors,
)
from kg.errors import InputError, KgError


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
    common.out.print(table)


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
    common.err.print(f"{report.extracted} document(s) extracted", highlight=False)
    _finish(report.errors)



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
            common.err.print(f"{len(problems)} line(s) cannot be loaded; nothing was written.", highlight=False)
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
