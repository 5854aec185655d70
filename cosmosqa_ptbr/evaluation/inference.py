"""Score multiple-choice items with a causal LM.

Items are normalised :class:`~cosmosqa_ptbr.tasks.Item` mappings; their letters follow from their number of
options (A-D for four, A-E for five), and the prompt's words from the task (``task=``, default Cosmos QA
Português). Scores come back as arrays of shape ``(n, K)``, ``K`` the most options any item has; an item with
fewer options has ``-inf`` in the columns past its own.

``letter_logprobs`` is the fast path: one batched forward pass per batch of prompts that end in
the answer prefix (``"Alternativa"``), reading the log-probability of each answer letter as the next token.
Tokenizers that split a letter into several tokens go through ``continuation_logprobs`` instead, which sums the
log-probabilities of every continuation token. ``option_logprobs`` scores each option's own text as the
answer (mean log-probability per token), and ``generate_answers`` runs batched greedy generation.

A continuation (an answer letter, an option's text) is never tokenised on its own: prompt and continuation
are tokenised together and the continuation's tokens are those past the prompt's own token count, as
lm-evaluation-harness splits them. On its own a text gets the tokens of a text start, which a
SentencePiece tokenizer (Llama, Mistral, Zephyr) begins with a ``▁`` word-start piece that the same text
never has after the prompt's final newline.

Speed on a CPU comes from three things, measured on the embedded SmolLM2 with ~400-token prompts:

- only the logits that are read are computed (``logits_to_keep``): a full-vocabulary log-softmax over
  every position of a batch of 8 is 8 x 400 x 49,152 floats (0.6 GB) written twice, and was what made
  batch 8 slower per item than batch 1;
- prompts are sorted by length before they are cut into batches (and the results put back in order), so
  a batch pads to a length close to its own items' and not to the longest prompt of the split;
- the batch size follows the device (:func:`default_batch_size`): on a CPU the matrix products already
  fill the cores at batch 1, so larger batches only add padding and memory; on a GPU they fill the device.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np

from ..prompts import TaskLike, as_item, render_prompt, turn_end_token
from ..protocols import LEADERBOARD_MAX_NEW_TOKENS, LEADERBOARD_STOP, leaderboard_chat_type, render_leaderboard_prompt
from ..tasks import get_task, letters_for

__all__ = [
    "auto_batch_size",
    "continuation_logprobs",
    "default_batch_size",
    "generate_answers",
    "generate_leaderboard_answers",
    "leaderboard_prompts",
    "letter_and_option_logprobs",
    "letter_continuations",
    "letter_logprobs",
    "letter_probabilities",
    "option_logprobs",
    "stop_token_ids",
    "stream_answer",
]

ShotsFor = Callable[[Mapping[str, Any]], Sequence[Mapping[str, Any]]]

#: Batch sizes per device type when the caller gives none.
_DEFAULT_BATCH_SIZES = {"cpu": 4, "cuda": 32, "mps": 16}


def default_batch_size(model: Any) -> int:
    """Return the batch size used when none is given: 4 on a CPU, 32 on CUDA, 16 on Apple MPS."""
    return _DEFAULT_BATCH_SIZES.get(_device(model).type, 8)


#: Largest batch :func:`auto_batch_size` tries; halved until a batch fits.
_AUTO_BATCH_START = 128
#: Room left for what comes after the prompt (option texts, a generated answer) when probing a batch.
_AUTO_BATCH_HEADROOM = 64


def auto_batch_size(
    model: Any,
    tokenizer: Any,
    items: Sequence[Mapping[str, Any]],
    *,
    task: TaskLike = None,
    shots_for: ShotsFor | None = None,
    start: int = _AUTO_BATCH_START,
    device_type: str | None = None,
) -> int:
    """The largest batch that fits on the GPU, found once: the longest prompt (plus headroom for what follows it)
    repeated in batches of ``start``, ``start / 2``... until a forward pass runs without running out of memory.

    On a CPU or MPS it is :func:`default_batch_size`: there the matrix products fill the cores at batch 1 and
    larger batches only add padding. ``device_type`` overrides the model's device type (for tests).
    """
    import torch

    kind = device_type or _device(model).type
    if kind != "cuda":
        return default_batch_size(model)
    items = _items(items, task)
    prompts = _prompts(tokenizer, items, shots_for, True, task)
    longest = max((_encode(tokenizer, p) for p in prompts), key=len)
    probe = list(longest) + [_pad_id(tokenizer)] * _AUTO_BATCH_HEADROOM
    size = start
    while size >= 1:
        try:
            batch = _pad_left(tokenizer, [probe] * size, _device(model))
            _forward_logprobs(model, batch)
            return size
        except torch.cuda.OutOfMemoryError:
            size //= 2
        finally:
            if torch.cuda.is_available():
                torch.cuda.empty_cache()
    message = (
        f"even one prompt of {len(probe)} tokens does not fit on the GPU: use a shorter --shots or a smaller model"
    )
    raise RuntimeError(message)


def letter_continuations(tokenizer: Any, task: TaskLike = None) -> list[list[int]]:
    """Return the token ids each answer letter adds after a line that starts with the task's answer prefix.

    The scorers split each prompt of their own (:func:`letter_logprobs`); this is the split on a short
    stand-in prompt, to see how a tokenizer writes the letters.
    """
    spec = get_task(task)
    anchor = "\n" + spec.prompt.answer_prefix
    base = tokenizer(anchor, add_special_tokens=False)["input_ids"]
    continuations = []
    for letter in spec.letters:
        ids = tokenizer(f"{anchor} {letter}", add_special_tokens=False)["input_ids"]
        if ids[: len(base)] != base or len(ids) == len(base):
            message = f"tokenizer merges the answer letter {letter!r} into the prompt; cannot score it"
            raise ValueError(message)
        continuations.append(ids[len(base) :])
    return continuations


def _resolve_batch_size(model: Any, batch_size: int | None) -> int:
    if batch_size is None:
        return default_batch_size(model)
    if batch_size < 1:
        message = f"batch_size must be >= 1, got {batch_size}"
        raise ValueError(message)
    return batch_size


def _length_batches(lengths: Sequence[int], batch_size: int) -> list[list[int]]:
    """Cut indices into batches of similar lengths, longest first (the peak memory shows at once)."""
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    return [order[start : start + batch_size] for start in range(0, len(order), batch_size)]


def _encode(tokenizer: Any, text: str) -> list[int]:
    # Chat templates already hold their special tokens; adding a BOS again would change the prompt.
    return tokenizer(text, add_special_tokens=False)["input_ids"]


def _continuation_tails(
    tokenizer: Any, context: str, context_ids: Sequence[int], continuations: Sequence[str]
) -> list[list[int]]:
    """Return the token ids of each text continuation of ``context``, as lm-evaluation-harness splits them.

    ``context + continuation`` is tokenised whole and the continuation is what lies past the context's own
    ``len(context_ids)`` tokens; the model then reads ``context_ids`` followed by those tokens. So the
    continuation has the tokens it has in running text, not those of a text start. (The harness also moves
    whitespace that ends the context onto the continuation: the letter prompts end in ``"Alternativa"``;
    the option prompts keep their final newline, so that an option's score covers its own tokens only.)
    """
    wholes = tokenizer([context + text for text in continuations], add_special_tokens=False)["input_ids"]
    return [list(whole[len(context_ids) :]) for whole in wholes]


def _letters(item: Mapping[str, Any]) -> tuple[str, ...]:
    return letters_for(len(item["options"]))


def _width(items: Sequence[Mapping[str, Any]]) -> int:
    return max((len(item["options"]) for item in items), default=0)


def _by_width(items: Sequence[Mapping[str, Any]]) -> dict[int, list[int]]:
    """Item indices grouped by number of options: a group's prompts all have the same continuations count."""
    groups: dict[int, list[int]] = {}
    for index, item in enumerate(items):
        groups.setdefault(len(item["options"]), []).append(index)
    return groups


def _letter_tails(
    tokenizer: Any, prompts: Sequence[str], encoded: Sequence[Sequence[int]], letters: Sequence[Sequence[str]]
) -> list[list[list[int]]]:
    """Return, per prompt, the token ids of ``" A"``, ``" B"``... after it (see :func:`_continuation_tails`)."""
    tails = []
    for index, (prompt, ids, own) in enumerate(zip(prompts, encoded, letters, strict=True)):
        conts = _continuation_tails(tokenizer, prompt, ids, [f" {letter}" for letter in own])
        for letter, cont in zip(own, conts, strict=True):
            if not cont:
                message = f"tokenizer merges the answer letter {letter!r} into prompt {index}; cannot score it"
                raise ValueError(message)
        tails.append(conts)
    return tails


def _pad_id(tokenizer: Any) -> int:
    return tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id


def _pad_left(tokenizer: Any, encoded: Sequence[Sequence[int]], device: Any) -> dict[str, Any]:
    import torch

    width = max(len(ids) for ids in encoded)
    input_ids = torch.full((len(encoded), width), _pad_id(tokenizer), dtype=torch.long)
    attention = torch.zeros((len(encoded), width), dtype=torch.long)
    for row, ids in enumerate(encoded):
        input_ids[row, width - len(ids) :] = torch.tensor(list(ids), dtype=torch.long)
        attention[row, width - len(ids) :] = 1
    return {"input_ids": input_ids.to(device), "attention_mask": attention.to(device)}


def _positions(attention_mask: Any) -> Any:
    # Positions count from each row's first real token. Rotary models would not mind a constant shift,
    # but models with learned absolute positions (GPT-2 and kin) would.
    return (attention_mask.cumsum(-1) - 1).clamp(min=0)


def _forward_logprobs(model: Any, batch: dict[str, Any], keep: int = 1, **kwargs: Any) -> Any:
    """Log-softmax of the logits at the last ``keep`` positions, shape ``(batch, keep, vocab)``."""
    import torch

    with torch.inference_mode():
        try:
            out = model(**batch, position_ids=_positions(batch["attention_mask"]), logits_to_keep=keep, **kwargs)
        except TypeError:  # a model class without logits_to_keep computes every position
            out = model(**batch, position_ids=_positions(batch["attention_mask"]), **kwargs)
        logits = out.logits[:, -keep:, :]
    return torch.log_softmax(logits.float(), dim=-1), out


def _device(model: Any) -> Any:
    return next(model.parameters()).device


def _kv_cache_name() -> str:
    """The name of the KV cache in a model's ``forward`` arguments and outputs.

    transformers 5.24 renamed ``past_key_values`` to ``cache``; 5.0-5.23 know only the old name (5.24 and later
    still accept it, with a deprecation warning, until 5.40), so the name follows the installed release.
    """
    from importlib.metadata import version

    major, minor = (int(part) for part in version("transformers").split(".")[:2])
    return "cache" if (major, minor) >= (5, 24) else "past_key_values"


def _progress(total: int, desc: str, enabled: bool) -> Any:
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=desc, unit="item", disable=not enabled)


def _items(items: Sequence[Mapping[str, Any]], task: TaskLike) -> list[Mapping[str, Any]]:
    """Items as given, or rows of the task's published layout normalised (what the public scorers accept)."""
    spec = get_task(task)
    return [as_item(item, spec) for item in items]


def _prompts(
    tokenizer: Any, items: Sequence[Mapping[str, Any]], shots_for: ShotsFor | None, prefix: bool, task: TaskLike
) -> list[str]:
    spec = get_task(task)
    return [
        render_prompt(tokenizer, item, shots_for(item) if shots_for else (), task=spec, answer_prefix=prefix)
        for item in items
    ]


def continuation_logprobs(
    model: Any,
    tokenizer: Any,
    prompts: Sequence[str],
    continuations: Sequence[Sequence[int]],
    *,
    batch_size: int | None = None,
) -> np.ndarray:
    """Return the summed log-probability of each token-id ``continuation`` after its ``prompt``.

    The prompt is tokenised without special tokens and the continuation's ids are appended. For a text
    continuation, take its ids from the whole text ``prompt + continuation`` past the prompt's own tokens
    (as the scorers here do), not from the continuation tokenised on its own.

    Returns an array of shape ``(len(prompts),)``.
    """
    if len(prompts) != len(continuations):
        message = f"{len(prompts)} prompts but {len(continuations)} continuations"
        raise ValueError(message)
    if any(len(c) == 0 for c in continuations):
        raise ValueError("every continuation needs at least one token")
    batch_size = _resolve_batch_size(model, batch_size)
    encoded = [_encode(tokenizer, p) for p in prompts]
    return _tail_logprobs(model, tokenizer, encoded, continuations, batch_size=batch_size)


def _tail_logprobs(
    model: Any,
    tokenizer: Any,
    encoded: Sequence[Sequence[int]],
    continuations: Sequence[Sequence[int]],
    *,
    batch_size: int,
) -> np.ndarray:
    """Summed log-probability of each token-id continuation after its token-id prompt, one row per pair."""
    import torch

    device = _device(model)
    full = [list(e) + list(c) for e, c in zip(encoded, continuations, strict=True)]
    scores = np.zeros(len(full), dtype=np.float64)
    for rows in _length_batches([len(f) for f in full], batch_size):
        batch = _pad_left(tokenizer, [full[i] for i in rows], device)
        longest = max(len(continuations[i]) for i in rows)
        logprobs, _ = _forward_logprobs(model, batch, keep=longest + 1)
        for row, index in enumerate(rows):
            cont = list(continuations[index])
            # The token at position t is predicted by the logits at t - 1; the kept window ends at the last token.
            positions = torch.arange(longest - len(cont), longest, device=logprobs.device)
            targets = torch.tensor(cont, device=logprobs.device)
            scores[index] = logprobs[row, positions, targets].sum().item()
    return scores


def letter_logprobs(
    model: Any,
    tokenizer: Any,
    items: Sequence[Mapping[str, Any]],
    *,
    task: TaskLike = None,
    shots_for: ShotsFor | None = None,
    batch_size: int | None = None,
    progress: bool = False,
) -> np.ndarray:
    """Return the log-probability of each answer letter for each item, shape ``(len(items), K)``.

    ``shots_for(item)`` supplies the solved examples placed before each item (few-shot prompting).
    ``batch_size=None`` picks :func:`default_batch_size` for the model's device. Items are batched by
    prompt length; the rows come back in the order of ``items``.

    Each letter's tokens are split from the whole text ``prompt + " A"`` as lm-evaluation-harness does
    (:func:`_continuation_tails`). Where all letters are one token each (the usual case) the item takes one
    forward pass and they are read from its last position; an item whose letters take more tokens is
    scored one continuation at a time.
    """
    import torch

    items = _items(items, task)
    batch_size = _resolve_batch_size(model, batch_size)
    prompts = _prompts(tokenizer, items, shots_for, True, task)
    encoded = [_encode(tokenizer, p) for p in prompts]
    tails = _letter_tails(tokenizer, prompts, encoded, [_letters(item) for item in items])
    out = np.full((len(items), _width(items)), -np.inf, dtype=np.float64)
    single = [i for i, conts in enumerate(tails) if all(len(c) == 1 for c in conts)]
    several = [i for i, conts in enumerate(tails) if any(len(c) != 1 for c in conts)]
    device = _device(model)
    with _progress(len(items), "loglik", progress) as bar:
        for batch_rows in _length_batches([len(encoded[i]) for i in single], batch_size):
            rows = [single[r] for r in batch_rows]
            batch = _pad_left(tokenizer, [encoded[i] for i in rows], device)
            logprobs, _ = _forward_logprobs(model, batch)
            last = logprobs[:, -1, :]
            for row, index in enumerate(rows):
                ids = torch.tensor([c[0] for c in tails[index]], dtype=torch.long, device=last.device)
                out[index, : len(ids)] = last[row].gather(-1, ids).cpu().numpy()
            bar.update(len(rows))
        if several:
            repeated = [encoded[i] for i in several for _ in tails[i]]
            conts = [c for i in several for c in tails[i]]
            flat = _tail_logprobs(model, tokenizer, repeated, conts, batch_size=batch_size)
            start = 0
            for index in several:
                count = len(tails[index])
                out[index, :count] = flat[start : start + count]
                start += count
            bar.update(len(several))
    return out


def _shared_prompt_scores(
    model: Any,
    tokenizer: Any,
    encoded: Sequence[Sequence[int]],
    continuations: Sequence[Sequence[Sequence[int]]],
    next_ids: Sequence[Sequence[int]] | None,
    *,
    batch_size: int,
    progress: bool,
    desc: str,
) -> tuple[np.ndarray, np.ndarray]:
    """Score several continuations of each prompt, running each prompt once and sharing its cache.

    Returns ``sums`` (item, continuation): summed log-probability of each continuation's tokens, and
    ``after`` (item, continuation, m): log-probability of each of the item's ``m`` token ids in
    ``next_ids[item]`` as the token that follows the continuation (``m = 0`` when ``next_ids`` is None).
    """
    import torch

    k = len(continuations[0])
    if any(len(conts) != k for conts in continuations):
        raise ValueError("every prompt needs the same number of continuations")
    next_ids = [[] for _ in encoded] if next_ids is None else [list(ids) for ids in next_ids]
    m = len(next_ids[0]) if next_ids else 0
    if any(len(ids) != m for ids in next_ids):
        raise ValueError("every prompt needs the same number of next tokens")
    device = _device(model)
    sums = np.zeros((len(encoded), k), dtype=np.float64)
    after = np.zeros((len(encoded), k, m), dtype=np.float64)
    with _progress(len(encoded), desc, progress) as bar:
        for rows in _length_batches([len(e) for e in encoded], batch_size):
            batch = _pad_left(tokenizer, [encoded[i] for i in rows], device)
            first, prompt_out = _forward_logprobs(model, batch, use_cache=True)
            cache_name = _kv_cache_name()
            cache = getattr(prompt_out, cache_name)
            cache.batch_repeat_interleave(k)
            conts = [list(c) for i in rows for c in continuations[i]]
            width = max(len(c) for c in conts)
            cont_ids = torch.full((len(conts), width), _pad_id(tokenizer), dtype=torch.long)
            cont_mask = torch.zeros((len(conts), width), dtype=torch.long)
            for row, cont in enumerate(conts):
                cont_ids[row, : len(cont)] = torch.tensor(cont, dtype=torch.long)
                cont_mask[row, : len(cont)] = 1
            # Continuations are right-padded after left-padded prompts: positions go on from each prompt.
            prompt_mask = batch["attention_mask"].repeat_interleave(k, dim=0)
            positions = prompt_mask.sum(-1, keepdim=True) + torch.arange(width, device=device).unsqueeze(0)
            with torch.inference_mode():
                logits = model(
                    input_ids=cont_ids.to(device),
                    attention_mask=torch.cat([prompt_mask, cont_mask.to(device)], dim=-1),
                    position_ids=positions,
                    use_cache=True,
                    **{cache_name: cache},
                ).logits
            logprobs = torch.log_softmax(logits.float(), dim=-1)
            first = first[:, -1, :].repeat_interleave(k, dim=0)
            for row, cont in enumerate(conts):
                targets = torch.tensor(cont, dtype=torch.long, device=logprobs.device)
                total = first[row, targets[0]] + logprobs[row, : len(cont) - 1].gather(-1, targets[1:, None]).sum()
                item, column = rows[row // k], row % k
                sums[item, column] = total.item()
                after[item, column] = logprobs[row, len(cont) - 1, next_ids[item]].cpu().numpy()
            bar.update(len(rows))
    return sums, after


def _option_tokens(
    tokenizer: Any, items: Sequence[Mapping[str, Any]], prompts: Sequence[str], encoded: Sequence[Sequence[int]]
) -> list[list[list[int]]]:
    """Return, per item, the token ids of each option's text after the item's prompt (in context)."""
    options = []
    for index, (item, prompt, ids) in enumerate(zip(items, prompts, encoded, strict=True)):
        texts = [str(text or "").strip() for text in item["options"]]
        if any(not text for text in texts):
            message = (
                f"item {index} (id {item.get('id', '?')}) has an empty option text; "
                "every option needs text to be scored"
            )
            raise ValueError(message)
        conts = _continuation_tails(tokenizer, prompt, ids, texts)
        if any(not c for c in conts):
            message = f"item {index} (id {item.get('id', '?')}): the tokenizer merges an option into the prompt"
            raise ValueError(message)
        options.append(conts)
    return options


def option_logprobs(
    model: Any,
    tokenizer: Any,
    items: Sequence[Mapping[str, Any]],
    *,
    task: TaskLike = None,
    shots_for: ShotsFor | None = None,
    batch_size: int | None = None,
    progress: bool = False,
) -> np.ndarray:
    """Return the mean per-token log-probability of each option's text as the answer, shape ``(n, K)``.

    The prompt ends at the assistant turn (no ``"Alternativa"``); each option's text is the
    continuation, its tokens split from the whole text ``prompt + option`` (:func:`_continuation_tails`),
    so they are the tokens the text has after the prompt's newline. The prompt runs once per item and its
    key/value cache is shared by the options (rather than running it once per option); with the letters in
    the same pass (:func:`letter_and_option_logprobs`) it costs about twice :func:`letter_logprobs` on a
    CPU. Dividing by the number of tokens keeps long options from losing only for being long.
    """
    items = _items(items, task)
    batch_size = _resolve_batch_size(model, batch_size)
    prompts = _prompts(tokenizer, items, shots_for, False, task)
    encoded = [_encode(tokenizer, p) for p in prompts]
    options = _option_tokens(tokenizer, items, prompts, encoded)
    out = np.full((len(items), _width(items)), -np.inf, dtype=np.float64)
    for width, group in _by_width(items).items():
        sums, _ = _shared_prompt_scores(
            model,
            tokenizer,
            [encoded[i] for i in group],
            [options[i] for i in group],
            None,
            batch_size=batch_size,
            progress=progress,
            desc="option text",
        )
        lengths = np.array([[len(c) for c in options[i]] for i in group], dtype=np.float64)
        out[group, :width] = sums / lengths
    return out


def letter_and_option_logprobs(
    model: Any,
    tokenizer: Any,
    items: Sequence[Mapping[str, Any]],
    *,
    task: TaskLike = None,
    shots_for: ShotsFor | None = None,
    batch_size: int | None = None,
    progress: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Return ``(letter_logprobs, option_logprobs)`` for ``items`` with one prompt pass per item.

    The prompt ending in the answer prefix (``"Alternativa"``) extends the prompt that ends at the assistant
    turn, so the prefix is scored as one more continuation beside the option texts and the letters are read
    after it. Items whose two prompts the tokenizer does not split at that boundary (or whose letters take
    several tokens) go through the two separate scorers; the numbers are the same either way.
    """
    items = _items(items, task)
    batch_size = _resolve_batch_size(model, batch_size)
    bare_prompts = _prompts(tokenizer, items, shots_for, False, task)
    full_prompts = _prompts(tokenizer, items, shots_for, True, task)
    bare = [_encode(tokenizer, p) for p in bare_prompts]
    full = [_encode(tokenizer, p) for p in full_prompts]
    letters = _letter_tails(tokenizer, full_prompts, full, [_letters(item) for item in items])
    options = _option_tokens(tokenizer, items, bare_prompts, bare)
    shared = [
        i
        for i, (b, f) in enumerate(zip(bare, full, strict=True))
        if f[: len(b)] == b and len(f) > len(b) and all(len(c) == 1 for c in letters[i])
    ]
    letter_out = np.full((len(items), _width(items)), -np.inf, dtype=np.float64)
    option_out = np.full((len(items), _width(items)), -np.inf, dtype=np.float64)
    groups = _by_width([items[i] for i in shared])
    for width, members in groups.items():
        group = [shared[m] for m in members]
        conts = [[*options[i], full[i][len(bare[i]) :]] for i in group]
        sums, after = _shared_prompt_scores(
            model,
            tokenizer,
            [bare[i] for i in group],
            conts,
            [[c[0] for c in letters[i]] for i in group],
            batch_size=batch_size,
            progress=progress,
            desc="loglik",
        )
        lengths = np.array([[len(c) for c in options[i]] for i in group], dtype=np.float64)
        letter_out[group, :width] = after[:, -1, :]
        option_out[group, :width] = sums[:, :width] / lengths
    rest = sorted(set(range(len(items))) - set(shared))
    if rest:
        subset = [items[i] for i in rest]
        kwargs = {"task": task, "shots_for": shots_for, "batch_size": batch_size, "progress": progress}
        width = _width(subset)
        letter_out[rest, :width] = letter_logprobs(model, tokenizer, subset, **kwargs)
        option_out[rest, :width] = option_logprobs(model, tokenizer, subset, **kwargs)
    return letter_out, option_out


def stop_token_ids(model: Any, tokenizer: Any, task: TaskLike = None, *, turn_end: bool = True) -> list[int]:
    """The token ids generation stops on: the tokenizer's EOS, the chat template's end of turn and the model's own.

    A template's turn can end in a token other than the EOS (Gemma's ``<end_of_turn>``, Phi-3's ``<|end|>``):
    without it, generation would run past the answer into a made-up next turn. ``turn_end=False`` leaves the end of
    turn out, as the leaderboard and lm-evaluation-harness do.
    """
    ids = [tokenizer.eos_token_id]
    end_of_turn = turn_end_token(tokenizer, task) if turn_end else None
    if end_of_turn is not None:
        ids.append(tokenizer.convert_tokens_to_ids(end_of_turn))
    configured = getattr(getattr(model, "generation_config", None), "eos_token_id", None)
    ids += configured if isinstance(configured, list) else [configured]
    return [i for i in dict.fromkeys(ids) if isinstance(i, int)]


def _greedy_settings(tokenizer: Any, max_new_tokens: int, stop_ids: Sequence[int] | None = None) -> dict[str, Any]:
    """Decoding settings of every generation here: greedy, stopping at ``stop_ids`` (default: the EOS)."""
    if max_new_tokens < 1:
        message = f"max_new_tokens must be >= 1, got {max_new_tokens}"
        raise ValueError(message)
    return {
        "do_sample": False,
        # Cleared so that a sampling setup in the model's generation_config cannot leak into greedy decoding.
        "temperature": None,
        "top_p": None,
        "top_k": None,
        "max_new_tokens": max_new_tokens,
        "pad_token_id": _pad_id(tokenizer),
        "eos_token_id": list(stop_ids) if stop_ids else tokenizer.eos_token_id,
    }


def generate_answers(
    model: Any,
    tokenizer: Any,
    items: Sequence[Mapping[str, Any]],
    *,
    task: TaskLike = None,
    max_new_tokens: int = 16,
    batch_size: int | None = None,
    shots_for: ShotsFor | None = None,
    progress: bool = False,
) -> list[str]:
    """Generate each item's answer greedily, in batches with left padding; return only the new text.

    The prompt ends at the assistant turn, as in the reference evaluation; generation stops at the end of the
    assistant's turn (:func:`stop_token_ids`) or after ``max_new_tokens`` tokens. Items are batched by prompt length and
    the answers come back in the order of ``items``.
    """
    items = _items(items, task)
    prompts = _prompts(tokenizer, items, shots_for, False, task)
    settings = _greedy_settings(tokenizer, max_new_tokens, stop_token_ids(model, tokenizer, task))
    texts = _generate_new_text(
        model, tokenizer, [_encode(tokenizer, p) for p in prompts], settings, batch_size=batch_size, progress=progress
    )
    return [text.strip() for text in texts]


def _generate_new_text(
    model: Any,
    tokenizer: Any,
    encoded: Sequence[Sequence[int]],
    settings: Mapping[str, Any],
    *,
    batch_size: int | None,
    progress: bool,
    stop_text: str | None = None,
) -> list[str]:
    """Generate from each encoded prompt, in batches by length with left padding; return each one's new text, special
    tokens skipped, in the order of ``encoded``. ``stop_text``: a row is done once its text holds it
    (:class:`_StopAtText`)."""
    import torch
    from transformers import StoppingCriteriaList

    batch_size = _resolve_batch_size(model, batch_size)
    device = _device(model)
    texts = [""] * len(encoded)
    with _progress(len(encoded), "generate", progress) as bar:
        for rows in _length_batches([len(e) for e in encoded], batch_size):
            batch = _pad_left(tokenizer, [encoded[i] for i in rows], device)
            width = batch["input_ids"].shape[1]
            stopping = {}
            if stop_text is not None:
                stopping["stopping_criteria"] = StoppingCriteriaList([_StopAtText(tokenizer, stop_text, width)])
            with torch.inference_mode():
                output = model.generate(**batch, **settings, **stopping)
            for row, index in enumerate(rows):
                texts[index] = tokenizer.decode(output[row, width:], skip_special_tokens=True)
            bar.update(len(rows))
    return texts


def leaderboard_prompts(
    tokenizer: Any,
    items: Sequence[Mapping[str, Any]],
    *,
    task: TaskLike = None,
    shots_for: ShotsFor | None = None,
    description: str | bool | None = True,
) -> list[Any]:
    """Each item's :class:`~cosmosqa_ptbr.protocols.LeaderboardPrompt` (the chat type is found once for all)."""
    spec = get_task(task)
    chat_type = leaderboard_chat_type(tokenizer)
    return [
        render_leaderboard_prompt(
            tokenizer,
            item,
            shots_for(item) if shots_for else (),
            task=spec,
            description=description,
            chat_type=chat_type,
        )
        for item in _items(items, spec)
    ]


class _StopAtText:
    """Marks a row done once its generated text holds ``stop`` (lm-evaluation-harness's ``until``); text generated
    past it is cut afterwards, so the answers do not depend on when a batch stops."""

    def __init__(self, tokenizer: Any, stop: str, prompt_length: int):
        self.tokenizer, self.stop, self.prompt_length = tokenizer, stop, prompt_length

    def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> Any:
        import torch

        new = input_ids[:, self.prompt_length :]
        done = [self.stop in self.tokenizer.decode(row, skip_special_tokens=True) for row in new]
        return torch.tensor(done, dtype=torch.bool, device=input_ids.device)


def generate_leaderboard_answers(
    model: Any,
    tokenizer: Any,
    items: Sequence[Mapping[str, Any]],
    *,
    task: TaskLike = None,
    shots_for: ShotsFor | None = None,
    description: str | bool | None = True,
    max_new_tokens: int = LEADERBOARD_MAX_NEW_TOKENS,
    batch_size: int | None = None,
    progress: bool = False,
) -> list[str]:
    """Generate each item's answer as the leaderboard does; return the text its filter reads.

    The prompt is :func:`~cosmosqa_ptbr.protocols.render_leaderboard_prompt`'s (the tokenizer's special tokens added
    to a plain prompt only); decoding is greedy, stops at the end-of-sequence tokens of the tokenizer and the model's
    generation config (not at a chat template's end of turn, which neither the leaderboard nor lm-evaluation-harness
    add), at :data:`~cosmosqa_ptbr.protocols.LEADERBOARD_STOP` or after ``max_new_tokens``, and the text is cut at the
    first :data:`~cosmosqa_ptbr.protocols.LEADERBOARD_STOP`, special tokens skipped and nothing stripped.
    """
    prompts = leaderboard_prompts(tokenizer, items, task=task, shots_for=shots_for, description=description)
    encoded = [tokenizer(p.text, add_special_tokens=p.add_special_tokens)["input_ids"] for p in prompts]
    settings = _greedy_settings(tokenizer, max_new_tokens, stop_token_ids(model, tokenizer, task, turn_end=False))
    texts = _generate_new_text(
        model, tokenizer, encoded, settings, batch_size=batch_size, progress=progress, stop_text=LEADERBOARD_STOP
    )
    return [text.split(LEADERBOARD_STOP)[0] for text in texts]


def stream_answer(
    model: Any,
    tokenizer: Any,
    item: Mapping[str, Any],
    *,
    task: TaskLike = None,
    max_new_tokens: int = 64,
    shots: Sequence[Mapping[str, Any]] = (),
) -> Iterator[str]:
    """Generate one item's answer as :func:`generate_answers` does, yielding the text as it grows.

    Generation runs in a worker thread; closing the iterator early still waits for that thread, so a
    caller holding a lock or an adapter switch around the loop keeps it until generation has stopped.
    """
    import threading

    from transformers import TextIteratorStreamer

    settings = _greedy_settings(tokenizer, max_new_tokens, stop_token_ids(model, tokenizer, task))
    prompt = render_prompt(tokenizer, item, shots, task=task, answer_prefix=False)
    batch = _pad_left(tokenizer, [_encode(tokenizer, prompt)], _device(model))
    streamer = TextIteratorStreamer(tokenizer, skip_prompt=True, skip_special_tokens=True)
    worker = threading.Thread(target=model.generate, kwargs={**batch, **settings, "streamer": streamer}, daemon=True)
    worker.start()
    text = ""
    try:
        for piece in streamer:
            text += piece
            yield text
    finally:
        worker.join()


def letter_probabilities(logprobs: np.ndarray) -> np.ndarray:
    """Normalise letter log-probabilities to probabilities over each row's letters (rows sum to 1; -inf -> 0)."""
    shifted = logprobs - logprobs.max(axis=-1, keepdims=True)
    weights = np.exp(shifted)
    return weights / weights.sum(axis=-1, keepdims=True)
