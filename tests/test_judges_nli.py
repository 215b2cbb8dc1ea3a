"""The optional NLI judge, tested with a tiny CrossEncoder built in the test (nothing downloaded)."""

from __future__ import annotations

import pytest

from factalign.errors import ModelError
from factalign.judges import judge
from factalign.judges._base import Side
from factalign.judges.nli import label_kinds, load_cross_encoder, nli_judge

VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "office", "will", "open", "is", "not", "talks"]


def _tiny_model(path, labels, favour: int):
    """Save a 1-layer BERT classifier whose bias makes label ``favour`` win for any input."""
    import torch
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizer

    (path / "vocab.txt").write_text("\n".join(VOCAB) + "\n", encoding="utf-8")
    tokenizer = BertTokenizer(str(path / "vocab.txt"))
    config = BertConfig(vocab_size=len(VOCAB), hidden_size=8, num_hidden_layers=1, num_attention_heads=1,
                        intermediate_size=8, max_position_embeddings=32, num_labels=len(labels),
                        id2label=dict(enumerate(labels)), label2id={l: i for i, l in enumerate(labels)})
    model = BertForSequenceClassification(config)
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.fill_(-5.0)
        model.classifier.bias[favour] = 5.0
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    return str(path)


@pytest.fixture(scope="module")
def contradiction_model(tmp_path_factory):
    return _tiny_model(tmp_path_factory.mktemp("nli_c"), ["contradiction", "entailment", "neutral"], 0)


def test_label_mapping_read_from_config(contradiction_model):
    model = load_cross_encoder(contradiction_model)
    assert label_kinds(model) == ["contradiction", "agreement", "neutral"]
    assert label_kinds(model, ["ENTAILMENT", "neutral", "Contradiction"]) == ["agreement", "neutral", "contradiction"]


def test_nli_judge_reports_contradiction(contradiction_model):
    v = nli_judge(contradiction_model)(Side("the office will open"), Side("the office is not open"))
    assert v.kind == "contradiction" and v.judge == "nli" and v.score > 0.9


def test_nli_judge_entailment_is_agreement_not_contradiction(tmp_path):
    path = _tiny_model(tmp_path, ["entailment", "neutral", "contradiction"], 0)
    v = nli_judge(path)(Side("the office will open"), Side("the office will open"))
    assert v.kind == "agreement"


def test_judge_uses_nli_only_when_asked(contradiction_model):
    a, b = "the office will open", "the office will open"
    assert judge(a, b).kind != "contradiction"
    assert judge(a, b, nli=contradiction_model).subtype == "nli"


def test_unusable_labels_and_missing_model_raise_model_error(tmp_path):
    path = _tiny_model(tmp_path, ["LABEL_0", "LABEL_1", "LABEL_2"], 0)
    with pytest.raises(ModelError):
        label_kinds(load_cross_encoder(path))
    with pytest.raises(ModelError):
        nli_judge(str(tmp_path / "no-such-model"))(Side("a"), Side("b"))
