"""Score multiple-choice items with a causal LM.

``letter_logprobs`` is the fast path: one batched forward pass per batch of prompts that end in
``"Alternativa"``, reading the log-probability of each answer letter as the next token. Tokenizers that
split a letter into several tokens go through ``continuation_logprobs`` instead, which sums the
log-probabilities of every continuation token.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from .prompts import render_prompt
from .schema import LETTERS

__all__ = [
    "continuation_logprobs",
    "letter_continuations",
    "letter_logprobs",
    "letter_probabilities",
]

ShotsFor = Callable[[Mapping[str, Any]], Sequence[Mapping[str, Any]]]


def letter_continuations(tokenizer: Any) -> list[list[int]]:
    """Return the token ids each answer letter adds after the prompt's ``"Alternativa"``."""
    anchor = "\nAlternativa"
    base = tokenizer(anchor, add_special_tokens=False)["input_ids"]
    continuations = []
    for letter in LETTERS:
        ids = tokenizer(f"{anchor} {letter}", add_special_tokens=False)["input_ids"]
        if ids[: len(base)] != base or len(ids) == len(base):
            message = f"tokenizer merges the answer letter {letter!r} into the prompt; cannot score it"
            raise ValueError(message)
        continuations.append(ids[len(base) :])
    return continuations


def _batches(n: int, batch_size: int) -> range:
    if batch_size < 1:
        message = f"batch_size must be >= 1, got {batch_size}"
        raise ValueError(message)
    return range(0, n, batch_size)


def _encode(tokenizer: Any, text: str) -> list[int]:
    # Chat templates already hold their special tokens; adding a BOS again would change the prompt.
    return tokenizer(text, add_special_tokens=False)["input_ids"]


def _pad_left(tokenizer: Any, encoded: Sequence[Sequence[int]], device: Any) -> dict[str, Any]:
    import torch

    width = max(len(ids) for ids in encoded)
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    input_ids = torch.full((len(encoded), width), pad, dtype=torch.long)
    attention = torch.zeros((len(encoded), width), dtype=torch.long)
    for row, ids in enumerate(encoded):
        input_ids[row, width - len(ids) :] = torch.tensor(list(ids), dtype=torch.long)
        attention[row, width - len(ids) :] = 1
    return {"input_ids": input_ids.to(device), "attention_mask": attention.to(device)}


def _forward_logprobs(model: Any, batch: dict[str, Any]) -> Any:
    import torch

    # Positions must count from the first real token, or left padding shifts rotary embeddings.
    position_ids = (batch["attention_mask"].cumsum(-1) - 1).clamp(min=0)
    with torch.inference_mode():
        logits = model(**batch, position_ids=position_ids).logits
    return torch.log_softmax(logits.float(), dim=-1)


def _device(model: Any) -> Any:
    return next(model.parameters()).device


def _progress(total: int, desc: str, enabled: bool) -> Any:
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=desc, unit="item", disable=not enabled)


def continuation_logprobs(
    model: Any,
    tokenizer: Any,
    prompts: Sequence[str],
    continuations: Sequence[Sequence[int]],
    *,
    batch_size: int = 8,
) -> np.ndarray:
    """Return the summed log-probability of each token-id ``continuation`` after its ``prompt``.

    Returns an array of shape ``(len(prompts),)``.
    """
    import torch

    if len(prompts) != len(continuations):
        message = f"{len(prompts)} prompts but {len(continuations)} continuations"
        raise ValueError(message)
    device = _device(model)
    scores = np.zeros(len(prompts), dtype=np.float64)
    for start in _batches(len(prompts), batch_size):
        chunk_prompts = prompts[start : start + batch_size]
        chunk_conts = continuations[start : start + batch_size]
        full = [_encode(tokenizer, p) + list(c) for p, c in zip(chunk_prompts, chunk_conts)]
        batch = _pad_left(tokenizer, full, device)
        logprobs = _forward_logprobs(model, batch)
        width = batch["input_ids"].shape[1]
        for row, cont in enumerate(chunk_conts):
            n = len(cont)
            # Token at position t is predicted by the logits at t - 1.
            positions = torch.arange(width - n - 1, width - 1, device=logprobs.device)
            targets = torch.tensor(list(cont), device=logprobs.device)
            scores[start + row] = logprobs[row, positions, targets].sum().item()
    return scores


def letter_logprobs(
    model: Any,
    tokenizer: Any,
    items: Sequence[Mapping[str, Any]],
    *,
    shots_for: ShotsFor | None = None,
    batch_size: int = 8,
    progress: bool = False,
) -> np.ndarray:
    """Return the log-probability of each answer letter for each item, shape ``(len(items), 4)``.

    ``shots_for(item)`` supplies the solved examples placed before each item (few-shot prompting).
    """
    continuations = letter_continuations(tokenizer)
    prompts = [render_prompt(tokenizer, item, shots_for(item) if shots_for else ()) for item in items]
    out = np.zeros((len(items), len(LETTERS)), dtype=np.float64)
    single_token = all(len(c) == 1 for c in continuations)
    device = _device(model)
    with _progress(len(items), "loglik", progress) as bar:
        for start in _batches(len(items), batch_size):
            chunk = prompts[start : start + batch_size]
            if single_token:
                batch = _pad_left(tokenizer, [_encode(tokenizer, p) for p in chunk], device)
                logprobs = _forward_logprobs(model, batch)[:, -1, :]
                ids = [c[0] for c in continuations]
                out[start : start + len(chunk)] = logprobs[:, ids].cpu().numpy()
            else:
                repeated = [p for p in chunk for _ in LETTERS]
                conts = [c for _ in chunk for c in continuations]
                flat = continuation_logprobs(model, tokenizer, repeated, conts, batch_size=batch_size)
                out[start : start + len(chunk)] = flat.reshape(len(chunk), len(LETTERS))
            bar.update(len(chunk))
    return out


def letter_probabilities(logprobs: np.ndarray) -> np.ndarray:
    """Normalise letter log-probabilities to probabilities over the four letters (rows sum to 1)."""
    shifted = logprobs - logprobs.max(axis=-1, keepdims=True)
    weights = np.exp(shifted)
    return weights / weights.sum(axis=-1, keepdims=True)
