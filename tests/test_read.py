from __future__ import annotations

import json

from kg.errors import BinaryInput, EmptyInput, EncodingInput, InputError, MalformedJsonl, MissingInput
from kg.model import Document
from kg.read import html_to_text, read_documents


def _read(*paths):
    items = list(read_documents(paths))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, InputError)]


def test_reads_each_supported_kind_recursively(tmp_path):
    (tmp_path / "a.txt").write_text("Renault rachète Nissan.", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.md").write_text("---\nid: art-b\ntitle: Titre B\n---\nOrange et Free.", encoding="utf-8")
    (sub / "c.html").write_text(
        "<html><head><title>Page C</title><script>var x=1;</script></head>"
        "<body><p>Premier paragraphe.</p><p>Second &amp; dernier.</p></body></html>", encoding="utf-8")
    (sub / "d.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Texte un.", "url": "https://example.org/1", "date": "2024-01-02"}) + "\n"
        + json.dumps({"text": "Texte deux."}) + "\n", encoding="utf-8")
    (sub / "ignored.csv").write_text("x,y\n", encoding="utf-8")
    docs, errors = _read(tmp_path)
    assert errors == []
    by_id = {d.id: d for d in docs}
    assert set(by_id) == {"a", "art-b", "c", "j1", "d-2"}
    assert by_id["art-b"].title == "Titre B" and by_id["art-b"].text.strip() == "Orange et Free."
    assert by_id["c"].title == "Page C"
    assert by_id["c"].text == "Premier paragraphe.\n\nSecond & dernier."
    assert by_id["j1"].url == "https://example.org/1" and by_id["j1"].date == "2024-01-02"


def test_sidecar_metadata_gives_the_id(seed_dir):
    docs, errors = _read(seed_dir)
    assert errors == [] and [d.id for d in docs] == ["seed-001"]


def test_bad_inputs_are_reported_with_codes_and_the_rest_is_read(tmp_path):
    (tmp_path / "good.txt").write_text("Un texte.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "latin1.txt").write_bytes("Société générale".encode("latin-1"))
    (tmp_path / "lines.jsonl").write_text('{"id": "ok", "text": "Bon."}\n{not json}\n{"id": "x"}\n', encoding="utf-8")
    docs, errors = _read(tmp_path, tmp_path / "missing.txt")
    assert sorted(d.id for d in docs) == ["good", "ok"]
    kinds = sorted(type(e).__name__ for e in errors)
    assert kinds == sorted(["EmptyInput", "BinaryInput", "EncodingInput", "MalformedJsonl", "MalformedJsonl",
                            "MissingInput"])
    messages = {type(e): str(e) for e in errors}
    assert messages[BinaryInput].startswith("[K102]") and "binary.txt" in messages[BinaryInput]
    assert "latin1.txt" in messages[EncodingInput] and "iconv" in messages[EncodingInput]
    assert "empty.txt" in messages[EmptyInput]
    assert "missing.txt" in messages[MissingInput]
    malformed = [str(e) for e in errors if isinstance(e, MalformedJsonl)]
    assert any("lines.jsonl:2" in m for m in malformed) and any("lines.jsonl:3" in m for m in malformed)


def test_html_to_text_drops_scripts_and_keeps_paragraphs():
    text, title = html_to_text("<title> T </title><style>p{}</style><div>A<br>B</div>")
    assert title == "T"
    assert text == "A\n\nB"
