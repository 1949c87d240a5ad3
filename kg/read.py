"""Stage 1: read documents from files and folders.

Supported: ``.txt``, ``.md`` (optional ``---`` front matter), ``.html``/``.htm`` (text extracted),
``.jsonl`` (one object a line with ``text`` and optional ``id``, ``title``, ``url``, ``date``).
A ``.txt``, ``.md`` or ``.html`` file may have a sidecar ``NAME.meta.json`` with the same optional
fields. The path ``-`` is standard input: JSON Lines when its first line is a JSON object, otherwise
one text document. A bad input is reported as an :class:`~kg.errors.InputError` in the stream, so the caller
can go on with the rest.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import IO

from kg.errors import (
    BinaryInput,
    EmptyInput,
    EncodingInput,
    InputError,
    MalformedJsonl,
    MissingInput,
    UnreadableInput,
    UnsupportedInput,
)
from kg.model import Document, content_hash

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
SUFFIXES = (*TEXT_SUFFIXES, ".jsonl")
META_FIELDS = ("id", "title", "url", "date")
#: The path that names standard input.
STDIN = "-"


def read_documents(paths: Iterable[str | Path]) -> Iterator[Document | InputError]:
    """Yield every document found under ``paths``, and an error for each input that is bad.

    Folders are read recursively in sorted order; files of other kinds inside a folder are
    ignored, but a file named explicitly must be of a supported kind.
    """
    for raw in paths:
        if str(raw) == STDIN:
            yield from read_stdin()
            continue
        path = Path(raw)
        if path.is_dir():
            for child in _walk(path):
                yield from (child,) if isinstance(child, InputError) else read_file(child)
        elif path.is_symlink() and not path.exists():
            yield _dangling(path)
        elif path.is_file():
            if path.suffix.lower() not in SUFFIXES:
                yield UnsupportedInput(
                    f"{path}: unsupported file type {path.suffix or '(none)'}; "
                    f"give one of {', '.join(SUFFIXES)} files or a folder"
                )
            else:
                yield from read_file(path)
        else:
            yield MissingInput(f"{path}: no such file or folder; check the path")


def read_stdin(stream: IO[str] | None = None) -> Iterator[Document | InputError]:
    """Documents from standard input: JSON Lines (read line by line) when the first line that is
    not blank starts with ``{``, otherwise the whole input as one text document, whose id is
    ``stdin-`` and the start of its content hash (so the same text is the same document)."""
    stream = stream if stream is not None else sys.stdin
    where = Path("stdin")
    first = ""
    for first in stream:
        if first.strip():
            break
    if first.lstrip().startswith("{"):
        for number, line in enumerate(itertools.chain([first], stream), start=1):
            yield from _jsonl_line(where, number, line)
        return
    text = first + stream.read()
    if not text.strip():
        yield EmptyInput("stdin: has no text; pipe an article or JSON Lines into `-`")
        return
    yield Document(id=f"stdin-{content_hash(text)[:12]}", text=text, source="stdin")


def count_documents(paths: Iterable[str | Path]) -> int | None:
    """How many documents :func:`read_documents` will yield at most (for a progress bar): one a
    text file, one a non-blank line of a JSON Lines file; ``None`` when standard input is read."""
    total = 0
    for raw in paths:
        if str(raw) == STDIN:
            return None
        path = Path(raw)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            suffix = f.suffix.lower()
            if suffix == ".jsonl":
                try:
                    with f.open("rb") as lines:
                        total += sum(1 for line in lines if line.strip())
                except OSError:
                    total += 1
            elif suffix in TEXT_SUFFIXES or not path.is_dir():
                total += 1
    return total


def _walk(folder: Path, seen: set[Path] | None = None) -> Iterator[Path | InputError]:
    """The supported files under ``folder`` in sorted order, and an error for each folder that
    cannot be listed and each link to a supported file that leads nowhere: nothing is skipped
    without a word. A folder reached twice through links is read once (no loop)."""
    seen = set() if seen is None else seen
    real = folder.resolve()
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield UnreadableInput(f"{folder}: folder cannot be read ({exc.strerror}); check its permissions")
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.is_dir():
            yield from _walk(path, seen)
        elif path.suffix.lower() not in SUFFIXES or entry.name.startswith("."):
            continue
        elif entry.is_symlink() and not path.exists():
            yield _dangling(path)
        elif entry.is_file():
            yield path


def _dangling(path: Path) -> MissingInput:
    return MissingInput(f"{path}: symbolic link to {os.readlink(path)}, which does not exist; "
                        "fix or remove the link")


def read_file(path: Path) -> Iterator[Document | InputError]:
    """Yield the documents of one file (one, or one a line for JSON Lines)."""
    if path.suffix.lower() == ".jsonl":
        yield from _read_jsonl(path)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield UnreadableInput(f"{path}: cannot be read ({exc.strerror}); check its permissions")
        return
    if b"\x00" in data[:8192]:
        yield BinaryInput(f"{path}: looks binary (NUL bytes); give a UTF-8 text, HTML or JSONL file")
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield EncodingInput(
            f"{path}: not UTF-8 (invalid byte at offset {exc.start}); "
            "convert it, for example with `iconv -f latin1 -t utf-8`"
        )
        return
    suffix = path.suffix.lower()
    meta = _sidecar(path)
    if isinstance(meta, InputError):
        yield meta
        return
    if suffix in (".html", ".htm"):
        body, title = html_to_text(text)
        meta.setdefault("title", title)
    elif suffix in (".md", ".markdown"):
        front, body = _front_matter(text)
        meta = {**front, **meta}
    else:
        body = text
    if not body.strip():
        yield EmptyInput(f"{path}: has no text; remove it or fill it")
        return
    yield Document(
        id=str(meta.get("id") or path.stem),
        text=body,
        title=meta.get("title"),
        url=meta.get("url"),
        date=meta.get("date"),
        source=str(path),
    )


def _read_jsonl(path: Path) -> Iterator[Document | InputError]:
    """Stream a JSON Lines file line by line: memory does not grow with the file."""
    try:
        f = path.open("rb")
    except OSError as exc:
        yield UnreadableInput(f"{path}: cannot be read ({exc.strerror}); check its permissions")
        return
    with f:
        if b"\x00" in f.read(8192):
            yield BinaryInput(f"{path}: looks binary (NUL bytes); give a UTF-8 JSON Lines file")
            return
        f.seek(0)
        for number, raw in enumerate(f, start=1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield EncodingInput(f"{path}:{number}: not UTF-8 (invalid byte at column {exc.start}); "
                                    "convert the file to UTF-8")
                continue
            yield from _jsonl_line(path, number, line)


def _jsonl_line(path: Path, number: int, line: str) -> Iterator[Document | InputError]:
    if not line.strip():
        return
    where = f"{path}:{number}"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        yield MalformedJsonl(f"{where}: not valid JSON ({exc.msg}); fix or remove the line")
        return
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        yield MalformedJsonl(f'{where}: needs an object with a "text" string; fix or remove the line')
        return
    if not obj["text"].strip():
        yield EmptyInput(f"{where}: the text is empty; fill it or remove the line")
        return
    yield Document(
        id=str(obj.get("id") or f"{path.stem}-{number}"),
        text=obj["text"],
        title=_opt(obj.get("title")),
        url=_opt(obj.get("url")),
        date=_opt(obj.get("date")),
        source=where,
    )


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def _sidecar(path: Path) -> dict[str, str] | InputError:
    meta_path = path.with_name(path.name + ".meta.json")
    if not meta_path.exists():
        return {}
    try:
        obj = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return MalformedJsonl(f"{meta_path}: unreadable metadata ({exc}); fix it or remove it")
    if not isinstance(obj, dict):
        return MalformedJsonl(f"{meta_path}: metadata must be a JSON object; fix it or remove it")
    return {k: str(obj[k]) for k in META_FIELDS if obj.get(k) is not None}


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split ``---``-fenced ``key: value`` front matter from a Markdown body."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return {}, text
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            meta: dict[str, str] = {}
            for line in lines[1:end]:
                key, sep, value = line.partition(":")
                if sep and key.strip() in META_FIELDS:
                    meta[key.strip()] = value.strip().strip("\"'")
            return meta, "".join(lines[end + 1:])
    return {}, text


_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section",
    "header", "footer", "tr", "table", "blockquote", "pre", "title",
}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "noscript", "template"):
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript", "template"):
            self._skip = max(0, self._skip - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._in_title:
            self.title.append(data)
        else:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, str | None]:
    """Return the visible text of an HTML page (paragraphs kept apart) and its title."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    paragraphs = [" ".join(p.split()) for p in "".join(parser.parts).split("\n\n")]
    title = " ".join("".join(parser.title).split()) or None
    return "\n\n".join(p for p in paragraphs if p), title
