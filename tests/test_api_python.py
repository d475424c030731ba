"""The Python API as a notebook or a data team's script uses it (issue 15): one path as a plain
string, no process-wide side effects on Hugging Face, type information in the wheel."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from consistency import api

from test_store import write_corpus


def test_check_takes_one_path_as_a_string_or_a_path(embedder, tmp_path):
    """``api.check("dir")`` used to iterate the string's characters ("no such file or folder: /")."""
    corpus = write_corpus(tmp_path / "articles")
    listed = api.check([str(corpus)], embedder=embedder)
    assert listed.findings
    for one in (str(corpus), corpus):
        report = api.check(one, embedder=embedder)
        assert [f.fingerprint for f in report.findings] == [f.fingerprint for f in listed.findings]
    claims, problems = api.extract(str(corpus / "bridge-a.md"))
    assert claims and not problems


NOTEBOOK = """
import json, os, sys
from consistency import api
from consistency.config import Settings
imported = [os.environ.get("HF_HUB_OFFLINE"), os.environ.get("TRANSFORMERS_OFFLINE")]
report = api.check(sys.argv[1], Settings(backend=sys.argv[2]))
import huggingface_hub.constants
print(json.dumps({"imported": imported, "after": [os.environ.get("HF_HUB_OFFLINE"),
                  os.environ.get("TRANSFORMERS_OFFLINE")], "hub_offline": huggingface_hub.constants.HF_HUB_OFFLINE,
                  "findings": len(report.findings)}))
"""


@pytest.mark.parametrize("backend", ["torch", "onnx-int8"])
@pytest.mark.parametrize("before", [None, "0"])
def test_the_api_leaves_hugging_face_online_for_the_rest_of_the_process(tmp_path, backend, before):
    """Importing the API used to set HF_HUB_OFFLINE=1 for the whole process, so a notebook's later
    ``datasets.load_dataset(...)`` failed. Offline mode is now set only around our own model loads."""
    corpus = write_corpus(tmp_path / "articles")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("CONSISTENCY_") and k not in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")}
    if before is not None:
        env["HF_HUB_OFFLINE"] = before
    done = subprocess.run([sys.executable, "-c", NOTEBOOK, str(corpus), backend], env=env, capture_output=True,
                          text=True, timeout=600, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout)
    assert seen["imported"] == [before, None] and seen["after"] == [before, None]
    assert seen["hub_offline"] is False and seen["findings"] >= 1
