import numpy as np
import pytest

from consistency.embed import Embedder, MemoryCache, resolve_model
from consistency.errors import ModelError


def test_default_model_embeds_unit_vectors_and_caches(embedder):
    e = Embedder(cache=MemoryCache())
    texts = ["Strikes were down 90%.", "Strikes fell by about 60%.", "Strikes were down 90%."]
    v = e.encode(texts)
    assert v.shape == (3, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(v[0], v[2])
    assert e.encoded == 2  # the repeated text is embedded once
    e.encode(texts)
    assert e.encoded == 2  # everything cached now


def test_missing_model_path_is_a_model_error(tmp_path):
    with pytest.raises(ModelError, match="not a folder"):
        resolve_model(str(tmp_path / "missing-model"))


def test_uncached_hub_name_fails_offline_with_a_fix():
    e = Embedder("some-org/not-a-cached-model")
    with pytest.raises(ModelError) as info:
        e.encode(["text"])
    assert "offline" in str(info.value) and "--model" in str(info.value)


def test_empty_folder_is_not_a_model(tmp_path):
    e = Embedder(str(tmp_path))
    with pytest.raises(ModelError):
        e.encode(["text"])
