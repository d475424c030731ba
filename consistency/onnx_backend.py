"""ONNX Runtime embedding backend: the sentence-transformers model exported once, run without torch.

The export is made on first use from the installed weights (never downloaded): the
sentence-transformers model (transformer, pooling, normalisation) is traced with
``torch.onnx.export`` into one graph that maps token ids to sentence vectors; the
``int8`` variant then gets ONNX Runtime's dynamic quantisation, per output channel,
of the MatMul weights only (the word-embedding table stays float: quantising it costs
accuracy for no speed). Measured on an AVX2 machine (``benchmarks/throughput.py``):
per-tensor int8 shifts cosines by ~0.05 at the 99th percentile, per-channel by ~0.012.

Exports live in the user cache folder (``platformdirs``: ``$XDG_CACHE_HOME/consistency``
on Linux), one folder per model and export settings, published with one atomic
``rename``: two processes exporting at once each build their own copy and the loser
throws its copy away, so a reader never sees a half-written file.

At run time only ``onnxruntime`` and ``tokenizers`` are imported. Texts are tokenized
without padding and each runs through the model on its own, so a text's vector is the
same bit for bit whatever was embedded with it. Dynamic quantisation scales the
activations of a whole run by its largest value, and padding changes the float sums, so
texts embedded in batches got vectors that depended on their batch mates (1 - cos up to
~0.01 for int8): `check` (all claims at once) and `run` (file by file) grouped the same
claims differently. One text per run costs no more CPU than batches of 64 (measured on 600
claims, one thread, int8: 2.51 against 2.55 CPU seconds; a single text pads nothing), as
long as idle threads do not spin between runs: the session's ``allow_spinning`` is off
(with it on and two threads, one text per run cost 5.06 CPU seconds against 3.90 in
batches; off, 3.21 against 3.03).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from .embed import embedding_dimension, load_model, weights_digest
from .errors import ModelError

#: Bump when the export recipe changes: old exports are then ignored.
EXPORT_VERSION = 2
OPSET = 17
#: Weights quantised per channel to 7 bits (``reduce_range``): CPUs without VNNI multiply int8 with
#: instructions that saturate 16-bit sums of two 8-bit products, CPUs with VNNI do not, so full
#: 8-bit weights gave vectors that differed by CPU (reports and tests changed with the machine).
#: With 7-bit weights no sum saturates and every CPU computes the same integers.
INT8 = {"quantize": "dynamic-int8", "per_channel": True, "reduce_range": True, "op_types": ["MatMul"]}
FP32 = {"quantize": None}
VARIANTS = {"onnx-int8": INT8, "onnx-fp32": FP32}


#: How texts are run: ``single``, one text per run (vectors independent of what is embedded with
#: them). Part of `vectors_tag`, so vectors of batched runs in older stores are embedded again.
RUN = "single"


def vectors_tag(variant: str) -> str:
    """What vectors of ``variant`` are cached under (`embed.embedding_model_id`): the variant, plus
    what of its recipe changes the vectors, so a store made with 8-bit weights, or with texts run
    in batches, is embedded again rather than mixed with the new vectors."""
    return variant + ("-7bit" if VARIANTS[variant].get("reduce_range") else "") + f"-{RUN}"


def cache_root() -> Path:
    from .runcache import user_folder

    return user_folder() / "onnx"


def export_key(model_id: str, model_path: str, variant: str) -> str:
    """Folder name of an export: model, weights, recipe and the converter versions it depends on."""
    import onnxruntime

    recipe = {"model": model_id, "weights": weights_digest(Path(model_path)), "variant": VARIANTS[variant],
              "export": EXPORT_VERSION, "opset": OPSET, "onnxruntime": onnxruntime.__version__}
    digest = hashlib.sha256(json.dumps(recipe, sort_keys=True).encode()).hexdigest()[:16]
    slug = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in model_id.split("/")[-1])
    return f"{slug}-{variant}-{digest}"


def ensure_export(model_id: str, model_path: str, variant: str, *, root: Path | None = None) -> Path:
    """The folder holding ``model.onnx`` and ``meta.json`` for ``variant``, exporting it if missing."""
    folder = (root or cache_root()) / export_key(model_id, model_path, variant)
    if (folder / "meta.json").is_file():
        return folder
    if not (Path(model_path) / "tokenizer.json").is_file():
        raise ModelError(f"model {model_id!r} has no tokenizer.json, which the ONNX backend needs",
                         hint="use --backend torch for this model")
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".export-", dir=folder.parent))
    except OSError as exc:
        raise ModelError(f"cannot write the ONNX export of the embedding model under {folder.parent} "
                         f"({exc.strerror or type(exc).__name__})",
                         hint="set XDG_CACHE_HOME to a writable folder, or use --backend torch") from None
    try:
        _export(model_path, variant, work)
        try:
            os.rename(work, folder)  # atomic; fails if another process published first
        except OSError:
            if not (folder / "meta.json").is_file():
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return folder


def _export(model_path: str, variant: str, out: Path) -> None:
    import logging
    import warnings

    try:
        import torch
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ModelError(f"cannot export the embedding model to ONNX: {exc}",
                         hint="reinstall with `pip install -e .`, or use --backend torch") from None
    model = load_model(model_path)

    class Sentence(torch.nn.Module):
        def __init__(self, st) -> None:
            super().__init__()
            self.st = st

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.st({"input_ids": input_ids, "attention_mask": attention_mask,
                            "token_type_ids": token_type_ids})["sentence_embedding"]

    names = ["input_ids", "attention_mask", "token_type_ids"]
    sample = model.tokenizer(["a short sentence", "another one"], return_tensors="pt", padding=True)
    args = tuple(sample.get(n, torch.zeros_like(sample["input_ids"])) for n in names)
    fp32 = out / ("model.onnx" if variant == "onnx-fp32" else "fp32.onnx")
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(Sentence(model).eval(), args, str(fp32), input_names=names, output_names=["embedding"],
                          dynamic_axes={**{n: {0: "batch", 1: "tokens"} for n in names}, "embedding": {0: "batch"}},
                          opset_version=OPSET, dynamo=False)
    recipe = VARIANTS[variant]
    if recipe["quantize"]:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        logging.disable(logging.WARNING)  # "consider pre-processing": shape inference adds nothing here
        try:
            quantize_dynamic(str(fp32), str(out / "model.onnx"), weight_type=QuantType.QInt8,
                             per_channel=recipe["per_channel"], reduce_range=recipe.get("reduce_range", False),
                             op_types_to_quantize=recipe["op_types"])
        finally:
            logging.disable(logging.NOTSET)
        fp32.unlink()
    meta = {"max_seq_length": int(model.max_seq_length), "dimension": int(embedding_dimension(model)),
            "variant": variant}
    (out / "meta.json").write_text(json.dumps(meta), encoding="utf-8")


@functools.lru_cache(maxsize=4)
def load_encoder(model_id: str, model_path: str, variant: str, threads: int = 0,
                 device: str = "cpu") -> "OnnxEncoder":
    """An `OnnxEncoder`, loaded once per process for each model, variant, thread count and device."""
    return OnnxEncoder.load(model_id, model_path, variant, threads=threads, device=device)


def providers(device: str, available: Sequence[str]) -> list[str]:
    """ONNX Runtime execution providers for a ``device`` setting (`ModelError` when it is not there)."""
    cuda = "CUDAExecutionProvider" in available
    if device == "cpu" or (device == "auto" and not cuda):
        return ["CPUExecutionProvider"]
    if device in ("auto", "cuda") and cuda:
        return ["CUDAExecutionProvider", "CPUExecutionProvider"]
    if device == "mps":
        raise ModelError("the ONNX backends have no mps device",
                         hint="use --backend torch --device mps, or --device cpu")
    raise ModelError(f"device {device} is not available to ONNX Runtime (its providers: {', '.join(available)})",
                     hint="use --device cpu, --device auto, or --backend torch for another GPU set-up")


@dataclass
class OnnxEncoder:
    """Runs an exported model: ``encode(texts) -> (n, d)`` unit float32 vectors."""

    session: object
    tokenizer: object
    dimension: int
    inputs: tuple[str, ...]
    #: the export's folder (it holds the vectors kept between runs, `kept_vectors`)
    folder: Path | None = None

    @classmethod
    def load(cls, model_id: str, model_path: str, variant: str, *, threads: int = 0,
             device: str = "cpu") -> "OnnxEncoder":
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:  # pragma: no cover - a broken install
            raise ModelError(f"cannot import the ONNX backend: {exc}",
                             hint="reinstall with `pip install -e .`, or use --backend torch") from None
        chosen = providers(device, ort.get_available_providers())
        folder = ensure_export(model_id, model_path, variant)
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        # Idle threads would spin between the many short runs (one per text) and burn CPU for nothing.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        session = ort.InferenceSession(str(folder / "model.onnx"), options, providers=chosen)
        tokenizer = Tokenizer.from_file(str(Path(model_path) / "tokenizer.json"))
        tokenizer.no_padding()  # the bundled tokenizer.json pads every text to 128 tokens
        tokenizer.enable_truncation(meta["max_seq_length"])
        inputs = tuple(i.name for i in session.get_inputs())
        return cls(session, tokenizer, meta["dimension"], inputs, folder)

    def encode(self, texts: Sequence[str], batch_size: int,
               progress: Callable[[int], None] | None = None) -> np.ndarray:
        """Unit vectors of ``texts``, each run through the model alone (see the module docstring);
        ``progress`` is told every ``batch_size`` texts."""
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        step = max(1, batch_size)
        for begin in range(0, len(texts), step):
            chunk = self.tokenizer.encode_batch(list(texts[begin:begin + step]))
            for r, encoding in enumerate(chunk, start=begin):
                tokens = np.array([encoding.ids], dtype=np.int64)
                feed = {"input_ids": tokens, "attention_mask": np.ones_like(tokens),
                        "token_type_ids": np.zeros_like(tokens)}
                out[r] = self.session.run(None, {name: feed[name] for name in self.inputs})[0][0]
            if progress is not None:
                progress(len(chunk))
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
        return out


#: Most vectors a `KeptVectors` file keeps (about 2.2 kB each on disk with the bundled model, so
#: about 220 MB); when a process opens a fuller one, all but the newest half are deleted. A 10,000-row
#: check adds about 16,000 (its claims, their clauses and the rules' phrases).
KEPT_VECTORS = 100_000


class KeptVectors:
    """A per-user store of vectors kept between runs (`consistency.runcache`): the claims' and their
    clauses' (`consistency.embed.KeptCache`) and the rules' phrases' (`Embedder.scratch`).

    Each text runs through the model alone, so a text's vector is the same bit for bit in every
    run with the same export, ONNX Runtime and CPU: the database lives in the export's folder
    (named by model, weights, recipe and ONNX Runtime version, `export_key`) and its file name
    names the CPU (`cpu_tag`). A first run gains nothing and writes them; a run over the same or
    overlapping data embeds only what is new.
    """

    def __init__(self, path: Path) -> None:
        from .runcache import Store

        self.path = path
        self._store = Store(path, KEPT_VECTORS)

    def get(self, model_id: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        return {k: np.frombuffer(v, dtype=np.float32) for k, v in self._store.get(model_id, keys).items()}

    def put(self, model_id: str, items: dict[str, np.ndarray]) -> None:
        self._store.put(model_id, {k: np.asarray(v, dtype=np.float32).tobytes() for k, v in items.items()})


@functools.lru_cache(maxsize=1)
def cpu_tag() -> str:
    """What names this CPU for the phrase cache: its architecture and, on Linux, a digest of its model
    name and instruction-set flags (kernels differ by instruction set, and so may a float's last bits)."""
    import platform

    detail = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as fh:
            lines = [line for line in fh.read().splitlines()
                     if line.startswith(("model name", "flags", "Features"))]
        detail = "\n".join(sorted(set(lines)))
    except OSError:
        detail = platform.processor()
    return f"{platform.machine() or 'cpu'}-{hashlib.sha256(detail.encode()).hexdigest()[:12]}"


def kept_vectors(encoder: "OnnxEncoder") -> KeptVectors | None:
    """The kept vectors of ``encoder``'s export (see `KeptVectors`), or None when the caches are off
    (``CONSISTENCY_CACHE=off``, `consistency.runcache`) or the export's folder is unknown."""
    from .runcache import setting

    on, mine = setting()
    if not on or _on_a_gpu(encoder):
        return None
    folder = getattr(encoder, "folder", None)
    if mine is not None:  # a folder of one's own: the file names the export too
        name = folder.name if folder is not None else "model"
        return KeptVectors(mine / f"vectors-{name}-{cpu_tag()}.sqlite3")
    if folder is None:
        return None
    return KeptVectors(folder / f"vectors-{cpu_tag()}.sqlite3")


def _on_a_gpu(encoder) -> bool:
    """Whether ``encoder`` runs on a GPU: its vectors differ from the CPU's in the last bits, so none
    is kept (a run would mix the two)."""
    try:
        return encoder.session.get_providers()[0] != "CPUExecutionProvider"
    except (AttributeError, IndexError):
        return False
