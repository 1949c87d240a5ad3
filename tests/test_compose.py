"""docker-compose.yml cannot run here (no Docker engine): check it parses and matches the local server."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def test_compose_matches_the_local_server():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    neo4j = compose["services"]["neo4j"]
    pom = (ROOT / "tools" / "neo4j" / "pom.xml").read_text(encoding="utf-8")
    server = (ROOT / "tools" / "neo4j" / "server").read_text(encoding="utf-8")
    version = re.search(r"<neo4j.version>([\d.]+)</neo4j.version>", pom).group(1)
    major_minor = ".".join(version.split(".")[:2])
    assert neo4j["image"] == f"neo4j:{major_minor}-community"
    bolt = re.search(r'BOLT_PORT="\$\{NEO4J_BOLT_PORT:-(\d+)\}"', server).group(1)
    http = re.search(r'HTTP_PORT="\$\{NEO4J_HTTP_PORT:-(\d+)\}"', server).group(1)
    assert sorted(neo4j["ports"]) == sorted([f"127.0.0.1:{http}:7474", f"127.0.0.1:{bolt}:7687"])
    default_password = re.search(r"NEO4J_PASSWORD:-([\w-]+)", server).group(1)
    assert neo4j["environment"]["NEO4J_AUTH"] == f"neo4j/${{NEO4J_PASSWORD:-{default_password}}}"
    check = " ".join(neo4j["healthcheck"]["test"])
    assert "cypher-shell" in check and "RETURN 1" in check
    assert {"neo4j-data", "neo4j-logs"} <= set(compose["volumes"])
    assert any(v.startswith("neo4j-data:") for v in neo4j["volumes"])


def test_the_loader_default_password_is_the_documented_one():
    from kg.store.neo4j import DEFAULT_PASSWORD

    server = (ROOT / "tools" / "neo4j" / "server").read_text(encoding="utf-8")
    assert f"NEO4J_PASSWORD:-{DEFAULT_PASSWORD}" in server
