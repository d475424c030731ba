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


# Texts of our own, of very different lengths and kinds, so a batch of them pads and scales differently
# from any one of them alone.
BATCH_MATES = [
    "Turnout reached 71 per cent in the northern districts.",
    "The council approved the budget.",
    "A 4.2-magnitude tremor shook the valley shortly after midnight on Sunday, residents said, "
    "although no damage to the old stone bridge or the two schools beside it has been reported.",
    "Prices rose 3%.",
    "Shares of the shipping group closed 12 cents lower at $8.41 after the quarterly figures.",
    "¿Dónde está la estación? 駅はどこですか 🚉",
    "Forty-one people were rescued from the ferry.",
]


@pytest.mark.parametrize("backend", ["onnx-int8", "onnx-fp32"])
def test_a_vector_does_not_depend_on_the_texts_embedded_with_it(embedder, backend):
    """The same text gets the same vector, bit for bit, alone or in a batch with any others, in any
    batch size: otherwise `check` and `run` (which embed in different batches) group differently."""
    e = Embedder(backend=backend, cache=MemoryCache())
    together = e.encode(BATCH_MATES)
    for size in (1, 3, 64):
        other = Embedder(backend=backend, cache=MemoryCache(), batch_size=size)
        for i, text in enumerate(BATCH_MATES):
            alone = other.encode([text])[0]
            assert np.array_equal(alone, together[i]), (backend, size, text)
        assert np.array_equal(other.encode(BATCH_MATES[::-1]), together[::-1])
