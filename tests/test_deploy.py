"""compose.yaml, its .env example and the runtime lock, read statically.

The image and `docker compose up` themselves are tried by deploy/check-image.sh and deploy/check-compose.sh,
which need a Docker engine and run outside this suite.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path
from typing import Any

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]


def compose() -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe").load((ROOT / "compose.yaml").read_text())
    return data


def test_the_services_depend_on_services_that_exist_and_the_bot_waits_for_migrate() -> None:
    services = compose()["services"]
    assert {"db", "redis", "migrate", "estatedesk"} <= set(services)
    for name, service in services.items():
        for needed in service.get("depends_on", {}):
            assert needed in services, f"{name} depends on {needed}, which compose.yaml does not define"
    assert services["migrate"]["command"] == ["estatedesk", "migrate"]
    assert services["estatedesk"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"


def test_every_named_volume_is_declared_and_redis_keeps_an_append_only_file() -> None:
    data = compose()
    for name, service in data["services"].items():
        for mount in service.get("volumes", []):
            source = mount.split(":", 1)[0]
            if not source.startswith((".", "/")):
                assert source in data["volumes"], f"{name} mounts the undeclared volume {source}"
    command = data["services"]["redis"]["command"]
    assert command[command.index("--appendonly") + 1] == "yes"
    assert "redis-data" in data["services"]["redis"]["volumes"][0]


def test_every_variable_compose_reads_is_in_the_env_example() -> None:
    text = (ROOT / "compose.yaml").read_text()
    example = (ROOT / "deploy" / "estatedesk.env.example").read_text()
    variables = set(re.findall(r"\$\{([A-Z_][A-Z0-9_]*)", text))
    assert variables, "compose.yaml reads no variable"
    missing = sorted(v for v in variables if not re.search(rf"^#? ?{v}=", example, re.M))
    assert not missing, f"compose.yaml reads {missing}: say so in deploy/estatedesk.env.example"


def left_out() -> set[str]:
    """The packages `make lock` leaves out of the runtime lock on purpose (--no-emit-package)."""
    return {canonicalize_name(n) for n in re.findall(r"--no-emit-package (\S+)", (ROOT / "Makefile").read_text())}


def test_the_runtime_lock_installed_without_dependencies_lacks_only_what_is_left_out_on_purpose() -> None:
    # The image installs requirements-runtime.lock with --no-deps: a requirement of a pinned package that the
    # lock does not pin would be missing at run time, unless the Makefile leaves it out deliberately.
    text = (ROOT / "requirements-runtime.lock").read_text()
    pinned = {canonicalize_name(m) for m in re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==", text, re.M)}
    unpinned = set()
    for name in pinned:
        for raw in metadata.requires(name) or []:
            req = Requirement(raw)
            if req.marker is None or req.marker.evaluate({"extra": "", "python_version": "3.11"}):
                unpinned.add((name, canonicalize_name(req.name)))
    missing = {(name, needed) for name, needed in unpinned if needed not in pinned and needed not in left_out()}
    assert not missing, f"required but not in requirements-runtime.lock (run `make lock`): {sorted(missing)}"
    assert left_out() == {"grpcio-tools"}


def test_what_the_runtime_lock_leaves_out_is_imported_by_nothing_of_estatedesk() -> None:
    modules = {"grpcio-tools": "grpc_tools"}
    sources = [p.read_text() for d in ("bot", "dialogs", "integrations") for p in (ROOT / d).rglob("*.py")]
    for package in left_out():
        module = modules[package]
        assert not any(re.search(rf"^\s*(from|import) {module}\b", s, re.M) for s in sources), module


# Debian's CJK font packages and the family each one installs.
CJK_FONTS = {
    "fonts-wqy-microhei": "WenQuanYi Micro Hei",
    "fonts-wqy-zenhei": "WenQuanYi Zen Hei",
    "fonts-noto-cjk": "Noto Sans CJK TC",
}


def test_the_image_installs_a_cjk_font_that_the_report_charts_ask_for() -> None:
    import matplotlib

    import bot.reports.charts  # noqa: F401  (sets matplotlib's font preference)

    dockerfile = (ROOT / "Dockerfile").read_text()
    installed = [family for package, family in CJK_FONTS.items() if re.search(rf"\b{package}\b", dockerfile)]
    assert installed, "the image has no CJK font: Chinese labels of the report charts would be empty boxes"
    wanted = matplotlib.rcParams["font.sans-serif"]
    for family in installed:
        assert family in wanted and wanted.index(family) < wanted.index("DejaVu Sans"), (family, wanted)


def test_every_estatedesk_setting_in_the_env_example_exists() -> None:
    """A setting named in the example but unknown to estatedesk would be ignored without a word (``extra="ignore"``)."""
    from bot.settings import Settings

    example = (ROOT / "deploy" / "estatedesk.env.example").read_text()
    compose = set(re.findall(r"\$\{(ESTATEDESK_[A-Z0-9_]*)", (ROOT / "compose.yaml").read_text()))
    named = set(re.findall(r"^#? ?(ESTATEDESK_[A-Z0-9_]+)=", example, re.M)) - compose
    assert named, "the example names no estatedesk setting"
    unknown = sorted(n for n in named if n.removeprefix("ESTATEDESK_").lower() not in Settings.model_fields)
    assert not unknown, f"deploy/estatedesk.env.example names settings estatedesk does not have: {unknown}"
