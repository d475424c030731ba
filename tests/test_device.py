"""Where the models run (issue 15): ``--device`` / ``device`` / ``CONSISTENCY_DEVICE``, cpu by
default; ``auto`` takes a CUDA or MPS GPU only when there is one; asking for a GPU that is not
there is a one-line error naming the fix, never a traceback. Through the console script."""

from __future__ import annotations

import json

import pytest

from consistency.embed import torch_device
from consistency.onnx_backend import providers

from test_conventions import GOOD, OTHER, console, jsonl


def gpu_present() -> bool:
    import torch

    mps = getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available()
    return torch.cuda.is_available() or mps


@pytest.mark.parametrize("args", [["--device", "cpu"], ["--device", "auto"], ["--device", "auto", "--backend", "torch"]])
def test_cpu_and_auto_check_on_this_machine(tmp_path, args):
    jsonl(tmp_path / "c.jsonl", GOOD, OTHER)
    done = console("check", "c.jsonl", "-f", "json", "-q", *args, cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert len(json.loads(done.stdout)["conflicts"]) == 1


@pytest.mark.skipif(gpu_present(), reason="this machine has a GPU")
@pytest.mark.parametrize("args", [["--device", "cuda"], ["--device", "cuda:1", "--backend", "torch"],
                                  ["--device", "mps", "--backend", "torch"], ["--device", "mps"]])
def test_a_gpu_that_is_not_there_is_a_one_line_error(tmp_path, args):
    jsonl(tmp_path / "c.jsonl", GOOD, OTHER)
    done = console("check", "c.jsonl", "-q", *args, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    (line,) = done.stderr.splitlines()
    assert line.startswith("error[CNS120]") and "--device cpu" in line, line


@pytest.mark.parametrize("where", ["option", "pyproject", "environment"])
def test_a_device_that_does_not_exist_is_a_config_error(tmp_path, where):
    jsonl(tmp_path / "c.jsonl", GOOD, OTHER)
    args, env = ["check", "c.jsonl", "-q"], {}
    if where == "option":
        args += ["--device", "gpu"]
    elif where == "pyproject":
        (tmp_path / "pyproject.toml").write_text('[tool.consistency]\ndevice = "gpu"\n')
    else:
        env["CONSISTENCY_DEVICE"] = "gpu"
    done = console(*args, cwd=tmp_path, env=env)
    assert done.returncode == 2 and done.stderr.startswith("error[CNS102]") and "cuda:N" in done.stderr, done.stderr


def test_auto_picks_a_gpu_provider_only_when_onnx_runtime_has_one():
    assert providers("auto", ["CPUExecutionProvider"]) == ["CPUExecutionProvider"]
    assert providers("auto", ["CUDAExecutionProvider", "CPUExecutionProvider"])[0] == "CUDAExecutionProvider"
    assert providers("cpu", ["CUDAExecutionProvider", "CPUExecutionProvider"]) == ["CPUExecutionProvider"]
    if not gpu_present():
        assert torch_device("auto") == "cpu"
