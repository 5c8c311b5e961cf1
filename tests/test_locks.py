"""The two lock files: requirements.lock (development: tests, lint) and requirements-runtime.lock (the image).

Both come from pyproject.toml with ``uv pip compile`` (``make lock``); the runtime lock is compiled against
the development lock as constraints, so a package has one version in both.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==(\S+)", re.M)


def pins(name: str) -> dict[str, Version]:
    text = (ROOT / name).read_text()
    return {canonicalize_name(m[1]): Version(m[2]) for m in _PIN.finditer(text)}


def project() -> dict[str, list[Requirement]]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return {
        "runtime": [Requirement(r) for r in data["dependencies"]],
        "dev": [Requirement(r) for r in data["optional-dependencies"]["dev"]],
    }


def test_every_runtime_dependency_is_pinned_in_both_locks_within_its_range() -> None:
    for lock in ("requirements-runtime.lock", "requirements.lock"):
        pinned = pins(lock)
        for req in project()["runtime"]:
            name = canonicalize_name(req.name)
            assert name in pinned, f"{req.name} is not pinned in {lock}: run `make lock`"
            assert req.specifier.contains(pinned[name], prereleases=True), (lock, str(req), pinned[name])


def test_the_dev_tools_are_in_the_dev_lock_and_not_in_the_runtime_lock() -> None:
    runtime, dev = pins("requirements-runtime.lock"), pins("requirements.lock")
    for req in project()["dev"]:
        name = canonicalize_name(req.name)
        assert name in dev and req.specifier.contains(dev[name], prereleases=True), (str(req), dev.get(name))
        assert name not in runtime, f"{req.name} is a development tool: it must not ship in the image"


def test_a_package_has_the_same_version_in_both_locks() -> None:
    runtime, dev = pins("requirements-runtime.lock"), pins("requirements.lock")
    assert runtime, "requirements-runtime.lock pins nothing"
    differ = {name: (version, dev.get(name)) for name, version in runtime.items() if dev.get(name) != version}
    assert not differ, f"runtime and dev locks disagree (run `make lock`): {differ}"


def test_the_image_installs_the_runtime_lock() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "requirements-runtime.lock" in dockerfile
    assert "requirements.lock" not in dockerfile.replace("requirements-runtime.lock", "")
    ignore = (ROOT / ".dockerignore").read_text().splitlines()
    # Everything is left out of the build context (a local .venv, var/, tests) but what the image needs.
    assert "*" in ignore and "!requirements-runtime.lock" in ignore
