"""Optional NLI plug-in: a local sentence-transformers CrossEncoder that judges
non-numeric contradictions ("Russia provided intelligence" vs "Moscow gave no
help") on candidate pairs only.

Off by default. ``--nli-model PATH`` (CLI) or ``nli_model=PATH`` (API) loads the
model from a local folder; nothing is downloaded. The model's labels are read
from its config (``id2label``: names containing "contradiction", "entailment",
"neutral"); a model with anonymous labels (LABEL_0..2) is read in the order of
the sentence-transformers NLI cross-encoders: contradiction, entailment, neutral.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from .errors import ModelError
from .records import Claim
from .rules.base import Rule, Verdict, register, spans

#: Label order of the sentence-transformers NLI cross-encoders (cross-encoder/nli-*).
DEFAULT_LABELS = ("contradiction", "entailment", "neutral")


class NLIJudge:
    """A CrossEncoder NLI model loaded from a local folder, with a probability threshold."""

    def __init__(self, path: str | os.PathLike, *, min_probability: float = 0.5, batch_size: int = 32,
                 device: str = "cpu") -> None:
        folder = Path(path)
        if not folder.is_dir():
            raise ModelError(f"NLI model folder not found: {path}",
                             hint="pass --nli-model a local folder saved with CrossEncoder.save()")
        try:
            from sentence_transformers import CrossEncoder

            from .embed import hub_offline, torch_device

            with hub_offline():
                self.model = CrossEncoder(str(folder), device=torch_device(device), local_files_only=True)
        except ModelError:
            raise
        except Exception as exc:  # noqa: BLE001 - any loader failure is a model error for the user
            raise ModelError(f"cannot load the NLI model at {path}: {exc}".splitlines()[0],
                             hint="pass --nli-model a local sentence-transformers CrossEncoder folder") from exc
        self.labels = _labels(self.model)
        if "contradiction" not in self.labels:
            raise ModelError(f"the model at {path} has no 'contradiction' label (labels: {self.labels})",
                             hint="use an NLI cross-encoder with contradiction/entailment/neutral labels")
        self.min_probability = min_probability
        self.batch_size = batch_size
        self.calls = 0

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """One row of label probabilities per (premise, hypothesis) pair."""
        if not pairs:
            return np.zeros((0, len(self.labels)))
        self.calls += len(pairs)
        scores = self.model.predict(list(pairs), batch_size=self.batch_size, convert_to_numpy=True,
                                    show_progress_bar=False, apply_softmax=True)
        scores = np.asarray(scores, dtype=float)
        return scores.reshape(len(pairs), -1)

    def contradictions(self, pairs: Sequence[tuple[str, str]]) -> list[float | None]:
        """The contradiction probability of each pair when it is the top label and above the threshold."""
        column = self.labels.index("contradiction")
        out: list[float | None] = []
        for row in self.probabilities(pairs):
            p = float(row[column])
            out.append(p if int(np.argmax(row)) == column and p >= self.min_probability else None)
        return out


def _labels(model) -> list[str]:
    config = getattr(getattr(model, "model", None), "config", None)
    id2label = getattr(config, "id2label", None) or {}
    names = [str(id2label.get(i, id2label.get(str(i), ""))).lower() for i in range(len(id2label))]
    known = ("contradiction", "entailment", "neutral")
    if names and all(any(k in n for k in known) for n in names):
        return [next(k for k in known if k in n) for n in names]
    return list(DEFAULT_LABELS[: max(len(names), 3)])


@register
class NLIContradiction(Rule):
    """An NLI model judges the two claims contradictory (plug-in; off by default).

    Runs only when a local CrossEncoder NLI model is given (``--nli-model PATH``),
    and only on candidate pairs (claims similar enough to be compared) that no
    other rule flagged. Reported as a warning: a model's judgement, without the
    normalised values an explicit rule gives.

    Example::

        The Kremlin has provided Iran with satellite imagery.
        Moscow has refused to share any imagery with Tehran.
        -> the NLI model judges these contradictory (p=0.93)

    Not flagged: pairs the model calls entailment or neutral, or contradiction
    below the probability threshold (0.5); pairs a rule already flagged.
    """

    code = "NLI001"
    name = "nli-contradiction"
    groups = ("nli",)
    severity = "warning"
    plugin = True

    def __init__(self, judge: NLIJudge) -> None:
        self.judge = judge
        self._cache: dict[tuple[str, str], float | None] = {}

    def prime(self, pairs: Iterable[tuple[Claim, Claim]]) -> None:
        """Judge many pairs in one batch (the engine calls this before `check`)."""
        todo = list(dict.fromkeys((a.text, b.text) for a, b in pairs if (a.text, b.text) not in self._cache))
        for pair, p in zip(todo, self.judge.contradictions(todo)):
            self._cache[pair] = p

    def check(self, a: Claim, b: Claim, ctx=None) -> Iterable[Verdict]:
        pair = (a.text, b.text)
        if pair not in self._cache:
            self.prime([(a, b)])
        p = self._cache[pair]
        if p is None:
            return
        yield Verdict(spans_a=spans((0, len(a.text), a.text, "nli")), spans_b=spans((0, len(b.text), b.text, "nli")),
                      explanation=f"the NLI model judges these claims contradictory (p={p:.2f})",
                      key_a="nli", key_b="nli")
