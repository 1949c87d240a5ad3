"""What every ``kg`` command shares: the Typer app, the consoles, the option types, the output and
error helpers, and the opening of stores and extractors."""

from __future__ import annotations

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

from kg.errors import ConfigError, KgError

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
