"""The NLI plug-in's plumbing, with a tiny CrossEncoder built and saved by the test (no download)."""

from __future__ import annotations

import json

import pytest
import torch
from click.testing import CliRunner

from consistency import api
from consistency.cli import cli

CONTRADICTORY = ("The Kremlin has provided Iran with satellite imagery of US bases.",
                 "Moscow has refused to share satellite imagery of US bases with Iran.")


def tiny_nli(folder, top: str):
    """A 1-layer BERT classifier whose answer is always ``top`` (its bias decides)."""
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizerFast

    words = sorted({w.strip(".,").lower() for text in CONTRADICTORY for w in text.split()})
    vocab = folder / "vocab.txt"
    vocab.write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words]) + "\n", encoding="utf-8")
    tokenizer = BertTokenizerFast(vocab_file=str(vocab))
    labels = ["contradiction", "entailment", "neutral"]
    config = BertConfig(vocab_size=len(words) + 5, hidden_size=8, num_hidden_layers=1, num_attention_heads=1,
                        intermediate_size=8, max_position_embeddings=64, num_labels=3,
                        id2label=dict(enumerate(labels)), label2id={l: i for i, l in enumerate(labels)})
    model = BertForSequenceClassification(config)
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.copy_(torch.tensor([5.0 if l == top else 0.0 for l in labels]))
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def contradicting_model(tmp_path_factory):
    return tiny_nli(tmp_path_factory.mktemp("nli-contra"), "contradiction")


def test_nli_flags_candidate_pair_no_rule_flagged(contradicting_model, embedder):
    (plain,) = api.compare_pairs([("1", *CONTRADICTORY)], embedder=embedder)
    assert plain.verdict == "consistent"
    (judged,) = api.compare_pairs([("1", *CONTRADICTORY)], embedder=embedder, nli_model=str(contradicting_model))
    assert (judged.verdict, judged.rule) == ("conflict", "NLI001")
    assert "NLI model" in judged.explanation


def test_nli_skips_unrelated_pairs_and_pairs_a_rule_flagged(contradicting_model, embedder):
    pairs = [("far", "The cat slept on the warm mat all afternoon.", "Oil exports from Norway fell sharply."),
             ("rule", "Officials said 28 Iranian navy ships had been sunk.",
              "Trump said all 32 of Iran's navy ships were sunk.")]
    far, rule = api.compare_pairs(pairs, embedder=embedder, nli_model=str(contradicting_model))
    assert far.verdict == "unrelated"
    assert (rule.verdict, rule.rule) == ("conflict", "NUM001")


def test_nli_model_saying_entailment_adds_nothing(tmp_path, embedder):
    model = tiny_nli(tmp_path, "entailment")
    (result,) = api.compare_pairs([("1", *CONTRADICTORY)], embedder=embedder, nli_model=str(model))
    assert result.verdict == "consistent"


def test_cli_compare_with_nli_model(contradicting_model):
    result = CliRunner().invoke(cli, ["compare", *CONTRADICTORY, "--nli-model", str(contradicting_model),
                                      "-f", "jsonl"])
    assert result.exit_code == 1, result.output
    row = json.loads(result.output.strip().splitlines()[-1])
    assert (row["verdict"], row["rule"]) == ("conflict", "NLI001")


def test_cli_bad_nli_path_is_one_line_error(tmp_path):
    result = CliRunner().invoke(cli, ["compare", *CONTRADICTORY, "--nli-model", str(tmp_path / "missing")])
    assert result.exit_code == 2
    assert "NLI model folder not found" in result.output and "Traceback" not in result.output


def test_ignore_nli_turns_plugin_off(contradicting_model, embedder):
    from consistency.config import Settings

    settings = Settings().replace(ignore=("NLI001",))
    (result,) = api.compare_pairs([("1", *CONTRADICTORY)], settings, embedder=embedder,
                                  nli_model=str(contradicting_model))
    assert result.verdict == "consistent"


def test_check_applies_nli_to_candidate_pairs(contradicting_model, embedder, tmp_path):
    from consistency.config import Settings

    dataset = tmp_path / "claims.jsonl"
    rows = [{"id": "a", "text": CONTRADICTORY[0]}, {"id": "b", "text": CONTRADICTORY[1]},
            {"id": "c", "text": "The cat slept on the warm mat all afternoon."}]
    dataset.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    plain = api.check([str(dataset)], Settings(), embedder=embedder)
    assert plain.findings == ()
    judged = api.check([str(dataset)], Settings(), embedder=embedder, nli_model=str(contradicting_model))
    assert [(f.rule, f.severity) for f in judged.findings] == [("NLI001", "warning")]
    assert {judged.findings[0].a.row_id, judged.findings[0].b.row_id} == {"a", "b"}  # never the unrelated cat


def test_cli_check_with_nli_model(contradicting_model, tmp_path):
    dataset = tmp_path / "claims.jsonl"
    dataset.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(CONTRADICTORY)),
                       encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(dataset), "--nli-model", str(contradicting_model), "-f", "json",
                                      "--fail-on", "warning"])
    assert result.exit_code == 1, result.output
    assert [c["rule"] for c in json.loads(result.output)["conflicts"]] == ["NLI001"]
