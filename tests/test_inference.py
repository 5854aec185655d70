"""Scorers of cosmosqa_ptbr.evaluation.inference on a random tiny Llama: batching, padding and cache sharing
change nothing."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from cosmosqa_ptbr.evaluation import inference
from cosmosqa_ptbr.prompts import render_prompt
from cosmosqa_ptbr.schema import ANSWER_COLUMNS, LETTERS


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
        texts = [item[c].strip() for c in ANSWER_COLUMNS]
        conts = inference._continuation_tails(tiny.tokenizer, prompt, inference._encode(tiny.tokenizer, prompt), texts)
        alone = inference.continuation_logprobs(tiny.model, tiny.tokenizer, [prompt] * 4, conts, batch_size=1)
        np.testing.assert_allclose(scores[row], alone / [len(c) for c in conts], atol=1e-4)


def test_combined_pass_equals_separate_scorers(tiny: Any, items: list[dict[str, Any]]) -> None:
    """One pass for letters and option texts gives what the two scorers give separately."""
    letters, options = inference.letter_and_option_logprobs(tiny.model, tiny.tokenizer, items, batch_size=3)
    np.testing.assert_allclose(letters, inference.letter_logprobs(tiny.model, tiny.tokenizer, items), atol=1e-4)
    np.testing.assert_allclose(options, inference.option_logprobs(tiny.model, tiny.tokenizer, items), atol=1e-4)


@pytest.fixture(scope="module")
def tiny_sp(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A random tiny Llama with a Llama-style SentencePiece tokenizer (``▁`` word starts, byte fallback)."""
    from _tiny import build_tiny_llama

    from cosmosqa_ptbr.evaluation.models import load_model

    return load_model(str(build_tiny_llama(tmp_path_factory.mktemp("tiny-sp"), sentencepiece=True)))


def _whole_text_logprob(model: Any, tokenizer: Any, context: str, continuation: str) -> tuple[float, list[int]]:
    """Log-probability of ``continuation`` after ``context``, from one unpadded pass over the whole text.

    Returns the summed log-probability and the continuation's tokens: those of the whole text past the
    context's own tokens (the context's tokens must be a prefix of the whole text's).
    """
    import torch

    context_ids = inference._encode(tokenizer, context)
    whole = inference._encode(tokenizer, context + continuation)
    assert whole[: len(context_ids)] == context_ids
    with torch.inference_mode():
        logits = model(input_ids=torch.tensor([whole])).logits[0].float()
    logprobs = torch.log_softmax(logits[len(context_ids) - 1 : -1], -1)
    tail = whole[len(context_ids) :]
    return logprobs.gather(-1, torch.tensor(tail)[:, None]).sum().item(), tail


def _letters_as_two_pieces(tokenizer: Any) -> Any:
    """The same SentencePiece tokenizer without the merges that make ``▁A`` .. ``▁D``: ``" A"`` is ``▁``, ``A``."""
    from transformers import LlamaTokenizer

    learnt = json.loads(tokenizer.backend_tokenizer.to_str())["model"]
    letters = {f"▁{letter}" for letter in LETTERS}
    merges = [tuple(m) for m in learnt["merges"] if "".join(m) not in letters]
    split = LlamaTokenizer(vocab=learnt["vocab"], merges=merges)
    split.chat_template = tokenizer.chat_template
    return split


def _letter_scores_and_tails(model: Any, tokenizer: Any, items: list[dict[str, Any]]) -> tuple[np.ndarray, list]:
    expected, tails = np.zeros((len(items), 4)), []
    for row, item in enumerate(items):
        prompt = render_prompt(tokenizer, item)
        for column, letter in enumerate(LETTERS):
            expected[row, column], tail = _whole_text_logprob(model, tokenizer, prompt, f" {letter}")
            tails.append(tokenizer.convert_ids_to_tokens(tail))
    return expected, tails


@pytest.mark.parametrize("pieces", ["one", "two"])
def test_sentencepiece_letter_logprobs_equal_the_whole_text(
    tiny_sp: Any, items: list[dict[str, Any]], pieces: str
) -> None:
    """With a SentencePiece tokenizer each letter scores as in the whole text ``prompt + " A"`` in one pass.

    Letters of one piece (``▁A``) are read from one pass over the prompt; letters of two pieces (``▁``,
    ``A``) go through per-continuation scoring, and so do the letters of the combined pass.
    """
    model, tokenizer = tiny_sp.model, tiny_sp.tokenizer
    assert tokenizer.tokenize("Alternativa")[0].startswith("▁") and "<0x0A>" in tokenizer.tokenize("a\nb")
    if pieces == "two":
        tokenizer = _letters_as_two_pieces(tokenizer)
    expected, tails = _letter_scores_and_tails(model, tokenizer, items)
    assert tails[:4] == ([["▁A"], ["▁B"], ["▁C"], ["▁D"]] if pieces == "one" else [["▁", x] for x in LETTERS])
    np.testing.assert_allclose(inference.letter_logprobs(model, tokenizer, items, batch_size=3), expected, atol=1e-5)
    letters, _ = inference.letter_and_option_logprobs(model, tokenizer, items, batch_size=3)
    np.testing.assert_allclose(letters, expected, atol=1e-5)


def test_sentencepiece_option_logprobs_equal_the_whole_text(tiny_sp: Any, items: list[dict[str, Any]]) -> None:
    """With a SentencePiece tokenizer each option scores as in the whole text ``prompt + option`` in one pass.

    Tokenised on its own, an option starts with a ``▁`` word-start piece it never has after the prompt's
    newline; scored on those tokens it would get other numbers.
    """
    model, tokenizer = tiny_sp.model, tiny_sp.tokenizer
    expected = np.zeros((len(items), 4))
    per_piece = np.zeros((len(items), 4))
    for row, item in enumerate(items):
        prompt = render_prompt(tokenizer, item, answer_prefix=False)
        alone = [inference._encode(tokenizer, item[c].strip()) for c in ANSWER_COLUMNS]
        for column, option in enumerate(ANSWER_COLUMNS):
            total, tail = _whole_text_logprob(model, tokenizer, prompt, item[option].strip())
            expected[row, column] = total / len(tail)
            assert alone[column] != tail
        sums = inference.continuation_logprobs(model, tokenizer, [prompt] * 4, alone, batch_size=4)
        per_piece[row] = sums / [len(c) for c in alone]
    scores = inference.option_logprobs(model, tokenizer, items, batch_size=3)
    np.testing.assert_allclose(scores, expected, atol=1e-5)
    _, options = inference.letter_and_option_logprobs(model, tokenizer, items, batch_size=3)
    np.testing.assert_allclose(options, expected, atol=1e-5)
    assert np.abs(per_piece - expected).max() > 1e-3  # the old per-piece tokens really score differently


def test_batched_generation_equals_one_at_a_time(tiny: Any, items: list[dict[str, Any]]) -> None:
    """Greedy answers come back in item order and do not depend on the batch they were generated in."""
    one = inference.generate_answers(tiny.model, tiny.tokenizer, items[:4], max_new_tokens=5, batch_size=1)
    many = inference.generate_answers(tiny.model, tiny.tokenizer, items[:4], max_new_tokens=5, batch_size=4)
    assert one == many
    assert len(one) == 4 and all(isinstance(text, str) for text in one)


def test_streamed_answer_ends_as_the_batched_answer(tiny: Any, items: list[dict[str, Any]]) -> None:
    """Streaming yields growing prefixes whose last one is the answer `generate_answers` gives."""
    expected = inference.generate_answers(tiny.model, tiny.tokenizer, items[:2], max_new_tokens=6, batch_size=2)
    for item, answer in zip(items[:2], expected, strict=True):
        pieces = list(inference.stream_answer(tiny.model, tiny.tokenizer, item, max_new_tokens=6))
        assert pieces, "nothing was streamed"
        assert all(later.startswith(earlier) for earlier, later in itertools.pairwise(pieces))
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
