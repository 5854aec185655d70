"""The package's letter scorer against EleutherAI's lm-evaluation-harness: same items, model and dtype, one run.

Each side runs in its own subprocess, one after the other, so that each one's peak resident memory is its own
(``os.wait4`` returns the rusage of that child alone):

- harness: ``lm_eval.simple_evaluate`` on the package's ``cosmosqa_ptbr`` task with the chat template (only the
  package's task folder indexed), logging every sample;
- package: ``cosmosqa-ptbr evaluate --no-option-score`` (letters only).

It prints, per side, the whole process's wall time, the scoring time (the harness: ``simple_evaluate`` after the
model is loaded, so task set-up and prompt rendering are in; the package: results.json's ``seconds``, prompt
rendering in), items/s and peak RSS; then their ratios and the per-item agreement: same predicted letter, and
the largest difference between the two sides' log-probabilities of a letter normalised over the four letters
(the package's predictions.jsonl stores probabilities over the letters, not raw log-likelihoods).

The model defaults to the embedded SmolLM2-135M-Instruct, exported once to a plain transformers folder (the GGUF
weights are already dequantised to float32 on load; the quantizer's record is dropped so that the folder loads
as an ordinary float32 model, with the same logits).

    HF_HUB_OFFLINE=1 python benchmarks/vs_lm_eval.py --limit 40
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import time
from pathlib import Path

LETTERS = ("A", "B", "C", "D")


def export_embedded(folder: Path) -> Path:
    """Save the embedded model and tokenizer to ``folder`` as a plain float32 transformers model (once)."""
    if (folder / "config.json").is_file():
        return folder
    from cosmosqa_ptbr.evaluation.models import load_model

    loaded = load_model(dtype="float32")
    model = loaded.model
    # The weights are dequantised already; the GGUF quantizer's record would only stop save/reload.
    model.hf_quantizer = None
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    model.save_pretrained(folder)
    loaded.tokenizer.save_pretrained(folder)
    return folder


def _run_child(command: list[str]) -> tuple[float, float]:
    """Run ``command``; return its wall seconds and peak RSS in MiB (of that child alone)."""
    start = time.perf_counter()
    process = subprocess.Popen(command)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    process.returncode = code  # reaped here, so Popen must not wait for it again
    if code != 0:
        raise SystemExit(f"{' '.join(command)} exited with status {code}")
    return seconds, usage.ru_maxrss / 1024  # Linux reports kilobytes


def harness_child(model_dir: str, limit: int, dtype: str, batch_size: int, out: Path) -> None:
    """In the child: load the model, time simple_evaluate on the package's task, write samples and timing."""
    import lm_eval
    from lm_eval.models.huggingface import HFLM
    from lm_eval.tasks import TaskManager

    from cosmosqa_ptbr.lm_eval_tasks import TASKS_DIR

    lm = HFLM(pretrained=model_dir, dtype=dtype, device="cpu", batch_size=batch_size)
    start = time.perf_counter()
    result = lm_eval.simple_evaluate(
        model=lm,
        tasks=["cosmosqa_ptbr"],
        limit=limit,
        apply_chat_template=True,
        log_samples=True,
        task_manager=TaskManager(include_path=str(TASKS_DIR), include_defaults=False),
    )
    seconds = time.perf_counter() - start
    samples = [
        {"id": row["doc"]["id"], "loglik": [resp[0][0] for resp in row["resps"]]}
        for row in result["samples"]["cosmosqa_ptbr"]
    ]
    out.write_text(json.dumps({"seconds": seconds, "samples": samples}), encoding="utf-8")


def _normalised(logliks: list[float]) -> list[float]:
    top = max(logliks)
    total = top + math.log(sum(math.exp(v - top) for v in logliks))
    return [v - total for v in logliks]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=400, help="first N items of the embedded sample")
    parser.add_argument(
        "--model-dir",
        type=Path,
        default=Path("outputs/smollm2-135m-instruct-hf"),
        help="a transformers model folder; the embedded model is exported there when it holds none",
    )
    parser.add_argument("--dtype", default="float32", choices=["float32", "bfloat16"], help="weights' dtype")
    parser.add_argument("--batch-size", type=int, default=4, help="batch size of both sides")
    parser.add_argument("--output-dir", type=Path, default=Path("outputs/vs-lm-eval"), help="where both sides write")
    parser.add_argument("--child", choices=["harness"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.output_dir.mkdir(parents=True, exist_ok=True)
    harness_file = args.output_dir / "harness_samples.json"
    if args.child == "harness":
        harness_child(str(args.model_dir), args.limit, args.dtype, args.batch_size, harness_file)
        return 0

    model_dir = export_embedded(args.model_dir)
    common = ["--limit", str(args.limit), "--dtype", args.dtype, "--batch-size", str(args.batch_size)]
    harness_wall, harness_rss = _run_child(
        [sys.executable, __file__, "--child", "harness", "--model-dir", str(model_dir), "--output-dir",
         str(args.output_dir), *common]
    )  # fmt: skip
    # evaluate refuses a folder that already holds a run: each benchmark run scores into its own.
    package_dir = args.output_dir / time.strftime("package-%Y%m%d-%H%M%S")
    package_wall, package_rss = _run_child(
        [sys.executable, "-m", "cosmosqa_ptbr.cli", "evaluate", "--model", str(model_dir), "--no-option-score",
         "--no-progress", "--output-dir", str(package_dir), *common]
    )  # fmt: skip

    harness = json.loads(harness_file.read_text(encoding="utf-8"))
    results = json.loads((package_dir / "results.json").read_text(encoding="utf-8"))
    ours = {}
    for line in (package_dir / "predictions.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        ours[row["id"]] = row
    same, largest, differing = 0, 0.0, []
    for sample in harness["samples"]:
        row = ours[sample["id"]]
        theirs = _normalised(sample["loglik"])
        predicted = LETTERS[theirs.index(max(theirs))]
        if predicted == row["predicted"]:
            same += 1
        else:
            # How close the harness's two best letters were: a near tie flips on rounding noise alone.
            first, second = sorted(theirs, reverse=True)[:2]
            gap = first - second
            differing.append(f"{sample['id']}: harness {predicted}, package {row['predicted']}, top-2 gap {gap:.1e}")
        mine = [math.log(row["probabilities"][letter]) for letter in LETTERS]
        largest = max(largest, *(abs(a - b) for a, b in zip(theirs, mine, strict=True)))
    n = len(harness["samples"])
    if n != results["n"] or set(ours) != {s["id"] for s in harness["samples"]}:
        raise SystemExit(f"the two sides scored different items: harness {n}, package {results['n']}")

    rows = [
        ("whole process, s", f"{harness_wall:.1f}", f"{package_wall:.1f}", f"{harness_wall / package_wall:.2f}"),
        ("scoring, s", f"{harness['seconds']:.1f}", f"{results['seconds']:.1f}",
         f"{harness['seconds'] / results['seconds']:.2f}"),
        ("items/s (scoring)", f"{n / harness['seconds']:.2f}", f"{n / results['seconds']:.2f}",
         f"{results['seconds'] / harness['seconds']:.2f}"),
        ("peak RSS, MiB", f"{harness_rss:.0f}", f"{package_rss:.0f}", f"{harness_rss / package_rss:.2f}"),
    ]  # fmt: skip
    print(f"\n{n} items, {model_dir}, {args.dtype}, batch size {args.batch_size}, {os.cpu_count()} CPUs")
    print("| | lm-eval harness | cosmosqa-ptbr | harness / package |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print(f"\nsame predicted letter: {same}/{n}; largest |difference| of a normalised letter log-probability: "
          f"{largest:.2e}")  # fmt: skip
    for line in differing:
        print(f"  different letter: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
