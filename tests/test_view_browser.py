"""`kg view` in a real browser: Debian's headless Chromium draws the seed graph.

Without /usr/bin/chromium the test is skipped with a loud reason, except when
``KG_REQUIRE_BROWSER=1`` (set by ``.ci/run``, which installs it), where it fails.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.store.embedded import EmbeddedStore

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,900",
         "--virtual-time-budget=15000"]


@pytest.fixture(scope="module")
def chromium() -> str:
    if not (Path(CHROMIUM).is_file() and shutil.which(CHROMIUM)):
        message = f"BROWSER TEST NOT RUN: {CHROMIUM} is missing; apt-get install chromium (as .ci/run does)"
        if os.environ.get("KG_REQUIRE_BROWSER") == "1":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return CHROMIUM


def _run(chromium: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"  # a fresh profile each run
    return subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                          text=True, timeout=180, check=False)


def _pixels(png: Path) -> tuple[int, int, set[bytes]]:
    """Width, height and the set of RGB colours of an 8-bit RGB or RGBA PNG (rows unfiltered)."""
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, channels = 8, b"", 0, 0, 4
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour_type = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour_type in (2, 6)
            channels = 3 if colour_type == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride, bpp = zlib.decompress(idat), width * channels, channels
    previous, colours = bytearray(stride), set()
    for y in range(height):
        kind, row = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = row[i - bpp] if i >= bpp else 0
            b = previous[i]
            c = previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                row[i] = (row[i] + a) & 0xFF
            elif kind == 2:
                row[i] = (row[i] + b) & 0xFF
            elif kind == 3:
                row[i] = (row[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        colours.update(bytes(row[i:i + 3]) for i in range(0, stride, channels))
        previous = row
    return width, height, colours


def test_chromium_draws_the_seed_graph(chromium, seed_store, tmp_path):
    page = tmp_path / "graph.html"
    result = CliRunner().invoke(app, ["view", "--db", str(seed_store), "-o", str(page)])
    assert result.exit_code == 0, result.output

    dom = _run(chromium, tmp_path, "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    ready = re.search(r'data-ready="(\d+) nodes (\d+) edges"', dom.stdout)
    assert ready, "the page never finished laying the graph out:\n" + dom.stdout[-2000:]
    with EmbeddedStore(seed_store, read_only=True) as store:
        counts = store.counts()
    assert (int(ready.group(1)), int(ready.group(2))) == (counts.entities, counts.relations)
    assert counts.entities >= 15 and counts.relations >= 15  # the seed graph, not an empty page
    assert "<canvas" in dom.stdout and "Company" in dom.stdout  # the legend

    shot = tmp_path / "view.png"
    taken = _run(chromium, tmp_path, f"--screenshot={shot}", page.as_uri())
    assert taken.returncode == 0 and shot.is_file(), taken.stderr[-2000:]
    width, height, colours = _pixels(shot)
    assert (width, height) == (1400, 900)
    # The node colours of the page are drawn: Company blue, Person orange and Country cyan.
    for colour in ("4c8eda", "f79767", "57c7e3"):
        assert bytes.fromhex(colour) in colours, f"colour {colour} not drawn"
