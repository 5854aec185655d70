"""Check a CUDA GPU: the model loaded unquantized (bfloat16) and in 4-bit NF4, each scored in both modes.

For each load the script asks :func:`~cosmosqa_ptbr.evaluation.models.plan_load` what ``evaluate`` would load,
loads it with :func:`~cosmosqa_ptbr.evaluation.models.load_model`, checks that the weights are what the plan
says (dtype, 4-bit layers, on the GPU), then scores the first ``--items`` sample items in loglik mode (letter
log-probabilities) and in generate mode (batched greedy generation), and prints one table row per load and
mode: items/s, accuracy and the GPU memory the load took. It runs offline: without ``--model`` it scores the
embedded SmolLM2-135M-Instruct, written once as a plain float32 checkpoint (the GGUF file itself is always
dequantised on load, so ``--quantization`` would not apply to it).

    python benchmarks/gpu_smoke.py                      # embedded SmolLM2, 40 items
    python benchmarks/gpu_smoke.py --model Qwen/Qwen2.5-7B-Instruct --items 100

It needs one CUDA GPU; on a machine without one it stops with a one-line error (exit 2).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

#: The loads checked, as evaluate's (--quantization, --dtype): its default (bfloat16 on a GPU) and 4-bit NF4.
LOADS = (("none", "auto"), ("4bit", "auto"))
NO_GPU = (
    "gpu_smoke: error: no CUDA GPU is visible (torch.cuda.is_available() is False): run it on a machine with an "
    "NVIDIA GPU and a CUDA build of torch"
)


def _embedded_checkpoint(folder: Path) -> str:
    """The embedded GGUF model saved as a plain float32 checkpoint in ``folder``, so that it can be quantized."""
    from cosmosqa_ptbr.evaluation.models import load_model

    loaded = load_model(device="cpu", dtype="float32")
    model = loaded.model
    quantizer = getattr(model, "hf_quantizer", None)
    if quantizer is not None:
        quantizer.remove_quantization_config(model)
    model.save_pretrained(folder)
    loaded.tokenizer.save_pretrained(folder)
    return str(folder)


def _check(loaded: Any, plan: Any) -> str:
    """Compare what loaded with the plan; return the problem, or an empty string."""
    import torch

    params = list(loaded.model.parameters())
    devices = {str(p.device) for p in params}
    if not all(device.startswith("cuda") for device in devices):
        return f"weights on {sorted(devices)}, planned {plan.device}"
    if plan.quantization == "4bit":
        four_bit = [m for m in loaded.model.modules() if type(m).__name__ == "Linear4bit"]
        if not four_bit:
            return "no 4-bit linear layer after a 4-bit load"
    else:
        floats = {p.dtype for p in params if p.is_floating_point()}
        if floats != {getattr(torch, plan.dtype)}:
            return f"weights in {sorted(map(str, floats))}, planned {plan.dtype}"
    return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default=None, help="Hub id or folder (default: the embedded SmolLM2, offline)")
    parser.add_argument("--items", type=int, default=40, help="sample items scored in each mode")
    parser.add_argument("--batch-size", type=int, default=None, help="prompts per batch (default: 32 on a GPU)")
    parser.add_argument("--max-new-tokens", type=int, default=16, help="generate mode: most new tokens")
    args = parser.parse_args(argv)

    import torch

    if not torch.cuda.is_available():
        print(NO_GPU, file=sys.stderr)
        return 2

    from cosmosqa_ptbr.data import load_items
    from cosmosqa_ptbr.evaluation.extraction import extract_answer
    from cosmosqa_ptbr.evaluation.inference import generate_answers, letter_logprobs
    from cosmosqa_ptbr.evaluation.models import load_model, plan_load
    from cosmosqa_ptbr.prompts import gold_letter
    from cosmosqa_ptbr.tasks import letters_for

    items = load_items("sample", split="validation")[: args.items]
    gold = [gold_letter(item) for item in items]
    rows: list[tuple[str, ...]] = []
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="gpu-smoke-") as scratch:
        model = args.model or _embedded_checkpoint(Path(scratch) / "smollm2")
        print(f"{torch.cuda.get_device_name(0)}; model {args.model or 'embedded SmolLM2-135M-Instruct'}")
        for quantization, dtype in LOADS:
            plan = plan_load(model, quantization=quantization, dtype=dtype, device="cuda")
            torch.cuda.empty_cache()
            before = torch.cuda.memory_allocated()
            started = time.perf_counter()
            loaded = load_model(model, quantization=quantization, dtype=dtype, device="cuda")
            load_seconds = time.perf_counter() - started
            memory = (torch.cuda.memory_allocated() - before) / 2**30
            problem = _check(loaded, plan)
            if problem:
                problems.append(f"--quantization {quantization}: {problem}")
            kwargs = {"batch_size": args.batch_size}
            letter_logprobs(loaded.model, loaded.tokenizer, items[:1])  # one-off set-up stays out of the timing
            started = time.perf_counter()
            scores = letter_logprobs(loaded.model, loaded.tokenizer, items, **kwargs)
            loglik_seconds = time.perf_counter() - started
            letters = [
                letters_for(len(item["options"]))[int(row.argmax())] for item, row in zip(items, scores, strict=True)
            ]
            started = time.perf_counter()
            texts = generate_answers(
                loaded.model, loaded.tokenizer, items, max_new_tokens=args.max_new_tokens, **kwargs
            )
            generate_seconds = time.perf_counter() - started
            read = [extract_answer(text, item["options"]).letter for text, item in zip(texts, items, strict=True)]
            for mode, predicted, seconds in (("loglik", letters, loglik_seconds), ("generate", read, generate_seconds)):
                accuracy = sum(p == g for p, g in zip(predicted, gold, strict=True)) / len(items)
                rows.append((plan.describe(), mode, str(len(items)), f"{len(items) / seconds:.1f}",
                             f"{accuracy:.1%}", f"{memory:.2f}", f"{load_seconds:.1f}"))  # fmt: skip
            del loaded
            torch.cuda.empty_cache()
    header = ("load", "mode", "items", "items/s", "accuracy", "GiB", "load s")
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    for row in (header, *rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    for problem in problems:
        print(f"gpu_smoke: error: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
