"""Evaluation speed on the embedded SmolLM2-135M: the reference procedure against loglik and batched generate.

The reference evaluation generated every answer on its own: batch 1, sampling with top_k=1 and
temperature 0.1, up to 256 new tokens. This script times that procedure on a few items and, in the same
run, on the same model and the same (first) items:

- ``loglik``: letter log-probabilities, one forward pass per prompt (:func:`letter_logprobs`);
- ``loglik + option text``: what ``cosmosqa-ptbr evaluate`` runs by default (letters and option texts
  in one prompt pass, :func:`letter_and_option_logprobs`);
- ``generate``: batched greedy generation of at most ``--max-new-tokens`` tokens.

It prints items/s of each and their ratio to the reference. The reference takes seconds per item on a
CPU, so it runs on fewer items (``--reference-items``) than the others (``--items``).

    HF_HUB_OFFLINE=1 python benchmarks/eval_speed.py --reference-items 4 --items 40
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any


def _timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _reference(model: Any, tokenizer: Any, items: list[dict[str, Any]], max_new_tokens: int) -> list[int]:
    import torch

    from cosmosqa_ptbr.prompts import render_prompt

    lengths = []
    for item in items:
        ids = tokenizer(
            render_prompt(tokenizer, item, answer_prefix=False), add_special_tokens=False, return_tensors="pt"
        )
        with torch.inference_mode():
            out = model.generate(
                **ids, do_sample=True, top_k=1, temperature=0.1, max_new_tokens=max_new_tokens,
                pad_token_id=tokenizer.pad_token_id,
            )  # fmt: skip
        lengths.append(out.shape[1] - ids["input_ids"].shape[1])
    return lengths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference-items", type=int, default=4, help="items for the per-item reference procedure")
    parser.add_argument("--items", type=int, default=40, help="items for loglik and batched generate")
    parser.add_argument("--batch-size", type=int, default=None, help="batch size (default: by device)")
    parser.add_argument("--max-new-tokens", type=int, default=16, help="batched generate: most new tokens")
    parser.add_argument("--reference-tokens", type=int, default=256, help="reference: most new tokens")
    args = parser.parse_args()

    import torch

    from cosmosqa_ptbr.data import load_dataset
    from cosmosqa_ptbr.evaluation.inference import (
        default_batch_size,
        generate_answers,
        letter_and_option_logprobs,
        letter_logprobs,
    )
    from cosmosqa_ptbr.evaluation.models import load_model

    torch.manual_seed(0)
    loaded = load_model()
    model, tokenizer = loaded.model, loaded.tokenizer
    items = [dict(row) for row in load_dataset("sample", split="validation")][: max(args.items, args.reference_items)]
    batch = args.batch_size or default_batch_size(model)
    print(f"model {loaded.model_name} on {loaded.device}, {torch.get_num_threads()} threads, batch size {batch}")
    letter_logprobs(model, tokenizer, items[:1])  # first call pays one-off set-up; keep it out of the timings

    rows = []
    ref_items = items[: args.reference_items]
    lengths: list[int] = []
    seconds = _timed(lambda: lengths.extend(_reference(model, tokenizer, ref_items, args.reference_tokens)))
    rows.append(("reference (batch 1, sampling, <=256 tokens)", len(ref_items), seconds))
    main_items = items[: args.items]
    kwargs = {"batch_size": batch}
    rows.append(
        ("loglik (letters)", len(main_items), _timed(lambda: letter_logprobs(model, tokenizer, main_items, **kwargs)))
    )
    rows.append(
        ("loglik + option text (evaluate default)", len(main_items),
         _timed(lambda: letter_and_option_logprobs(model, tokenizer, main_items, **kwargs)))
    )  # fmt: skip
    rows.append(
        (f"generate (batched greedy, <={args.max_new_tokens} tokens)", len(main_items),
         _timed(lambda: generate_answers(model, tokenizer, main_items, max_new_tokens=args.max_new_tokens, **kwargs)))
    )  # fmt: skip

    # The same letters pass with bf16 weights, which CPUs with bf16 instructions run faster.
    float32_letters = letter_logprobs(model, tokenizer, main_items, **kwargs)
    model.to(torch.bfloat16)
    letter_logprobs(model, tokenizer, items[:1])
    bf16_letters: list[Any] = []
    seconds = _timed(lambda: bf16_letters.append(letter_logprobs(model, tokenizer, main_items, **kwargs)))
    rows.append(("loglik (letters, bfloat16 weights: --dtype bfloat16)", len(main_items), seconds))
    agreement = float((float32_letters.argmax(axis=1) == bf16_letters[0].argmax(axis=1)).mean())

    reference_rate = rows[0][1] / rows[0][2]
    print(f"reference generated {sum(lengths)} tokens over {len(lengths)} items ({lengths})")
    print(f"{'procedure':54} {'items':>5} {'seconds':>8} {'items/s':>8} {'x reference':>11}")
    for name, n, secs in rows:
        rate = n / secs
        print(f"{name:54} {n:5d} {secs:8.1f} {rate:8.3f} {rate / reference_rate:10.1f}x")
    print(f"bfloat16 and float32 letter predictions agree on {agreement:.0%} of the {len(main_items)} items")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
