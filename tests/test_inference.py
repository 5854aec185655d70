"""Scorers of cosmosqa_ptbr.evaluation.inference on a random tiny Llama: batching, padding and cache sharing
change nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from cosmosqa_ptbr.evaluation import inference
from cosmosqa_ptbr.prompts import render_prompt
from cosmosqa_ptbr.schema import ANSWER_COLUMNS


@pytest.fixture(scope="module")
def tiny(tiny_model_dir: Path) -> Any:
    from cosmosqa_ptbr.evaluation.models import load_model

    return load_model(str(tiny_model_dir))


@pytest.fixture(scope="module")
def items(sample: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # Items of clearly different lengths, so batches carry left padding.
    return sorted(sample[:40], key=lambda row: len(row["contexto"]))[::4]


def test_batched_letter_logprobs_equal_unbatched(tiny: Any, items: list[dict[str, Any]]) -> None:
    """Left padding, length sorting and batch size leave each item's letter log-probabilities unchanged."""
    one = inference.letter_logprobs(tiny.model, tiny.tokenizer, items, batch_size=1)
    many = inference.letter_logprobs(tiny.model, tiny.tokenizer, items, batch_size=4)
    assert one.shape == (len(items), 4)
    np.testing.assert_allclose(one, many, atol=1e-4)
    assert not np.allclose(one[0], one[1])  # different items really get different scores


def test_letter_logprobs_match_a_full_forward_pass(tiny: Any, items: list[dict[str, Any]]) -> None:
    """The fast path reads the same numbers as a plain forward pass over the unpadded prompt."""
    import torch

    item = items[0]
    ids = inference._encode(tiny.tokenizer, render_prompt(tiny.tokenizer, item))
    with torch.inference_mode():
        logits = tiny.model(input_ids=torch.tensor([ids])).logits[0, -1]
    expected = torch.log_softmax(logits, -1)[[c[0] for c in inference.letter_continuations(tiny.tokenizer)]]
    got = inference.letter_logprobs(tiny.model, tiny.tokenizer, [item])[0]
    np.testing.assert_allclose(got, expected.numpy(), atol=1e-4)


def test_option_logprobs_are_mean_continuation_logprobs(tiny: Any, items: list[dict[str, Any]]) -> None:
    """Option-text scores with a shared prompt cache equal each option scored alone, divided by its length."""
    scores = inference.option_logprobs(tiny.model, tiny.tokenizer, items[:3], batch_size=2)
    for row, item in enumerate(items[:3]):
        prompt = render_prompt(tiny.tokenizer, item, answer_prefix=False)
        conts = [inference._encode(tiny.tokenizer, item[c].strip()) for c in ANSWER_COLUMNS]
        alone = inference.continuation_logprobs(tiny.model, tiny.tokenizer, [prompt] * 4, conts, batch_size=1)
        np.testing.assert_allclose(scores[row], alone / [len(c) for c in conts], atol=1e-4)


def test_combined_pass_equals_separate_scorers(tiny: Any, items: list[dict[str, Any]]) -> None:
    """One pass for letters and option texts gives what the two scorers give separately."""
    letters, options = inference.letter_and_option_logprobs(tiny.model, tiny.tokenizer, items, batch_size=3)
    np.testing.assert_allclose(letters, inference.letter_logprobs(tiny.model, tiny.tokenizer, items), atol=1e-4)
    np.testing.assert_allclose(options, inference.option_logprobs(tiny.model, tiny.tokenizer, items), atol=1e-4)


def test_batched_generation_equals_one_at_a_time(tiny: Any, items: list[dict[str, Any]]) -> None:
    """Greedy answers come back in item order and do not depend on the batch they were generated in."""
    one = inference.generate_answers(tiny.model, tiny.tokenizer, items[:4], max_new_tokens=5, batch_size=1)
    many = inference.generate_answers(tiny.model, tiny.tokenizer, items[:4], max_new_tokens=5, batch_size=4)
    assert one == many
    assert len(one) == 4 and all(isinstance(text, str) for text in one)


def test_streamed_answer_ends_as_the_batched_answer(tiny: Any, items: list[dict[str, Any]]) -> None:
    """Streaming yields growing prefixes whose last one is the answer `generate_answers` gives."""
    expected = inference.generate_answers(tiny.model, tiny.tokenizer, items[:2], max_new_tokens=6, batch_size=2)
    for item, answer in zip(items[:2], expected):
        pieces = list(inference.stream_answer(tiny.model, tiny.tokenizer, item, max_new_tokens=6))
        assert pieces, "nothing was streamed"
        assert all(later.startswith(earlier) for earlier, later in zip(pieces, pieces[1:]))
        assert pieces[-1].strip() == answer


def test_bad_batch_size_is_refused(tiny: Any, items: list[dict[str, Any]]) -> None:
    """A batch size below 1 raises ValueError naming it."""
    with pytest.raises(ValueError, match="batch_size"):
        inference.letter_logprobs(tiny.model, tiny.tokenizer, items, batch_size=0)


def test_letter_probabilities_rows_sum_to_one() -> None:
    """Probabilities over the four letters sum to 1 and keep the order of the log-probabilities."""
    probabilities = inference.letter_probabilities(np.log([[0.1, 0.2, 0.3, 0.1], [1e-9, 1e-9, 1e-9, 1e-3]]))
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0)
    assert probabilities[0].argmax() == 2 and probabilities[1].argmax() == 3


@pytest.mark.slow
def test_embedded_model_batched_equals_unbatched(embedded_model: Any, sample: list[dict[str, Any]]) -> None:
    """On the real SmolLM2, batch 4 with left padding gives the letter log-probabilities of batch 1."""
    items = sample[:4]
    one = inference.letter_logprobs(embedded_model.model, embedded_model.tokenizer, items, batch_size=1)
    many = inference.letter_logprobs(embedded_model.model, embedded_model.tokenizer, items, batch_size=4)
    np.testing.assert_allclose(one, many, atol=2e-3)
