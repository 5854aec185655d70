"""Train a LoRA adapter on the CPU with the public API, then evaluate it.

Uses the embedded SmolLM2-135M-Instruct and the embedded sample (the recipe holds 100 of its 400 items
out of training), so it runs offline in a few minutes:

    HF_HUB_OFFLINE=1 python examples/train_cpu.py [OUTPUT_DIR]

The same run from the shell: cosmosqa-ptbr train --config smollm2-135m/lora-cpu --max_steps 4
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import cosmosqa_ptbr

RECIPE = "smollm2-135m/lora-cpu"  # a recipe shipped with the package; a path to a YAML file works too

output_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="cosmosqa-lora-")) / "run"

# Any recipe setting can be overridden by keyword; these make the run shorter than the recipe's.
result = cosmosqa_ptbr.train(
    RECIPE,
    output_dir=str(output_dir),
    max_steps=4,
    eval_steps=4,
    save_steps=4,
    eval_limit=8,
    final_eval_limit=24,
)

results = result.results
print(f"trained {results['training']['global_step']} steps in {result.training_seconds:.0f} s")
print(f"held-out accuracy with the adapter: {results['accuracy']:.2%} on {results['n']} items")
if results["baseline"]:
    print(f"same items, base model:            {results['baseline']['accuracy']:.2%}")
print("output folder:", ", ".join(sorted(p.name for p in output_dir.iterdir() if p.is_file())))

# The folder is an ordinary PEFT adapter: evaluate it again on other rows of the sample.
held_out = {row["id"] for row in map(json.loads, (output_dir / "predictions.jsonl").read_text().splitlines())}
rows = [row for row in cosmosqa_ptbr.load_dataset("sample", split="validation") if row["id"] in held_out]
again = cosmosqa_ptbr.evaluate_model(adapter=str(output_dir), items=rows[:8], progress=False)
print(f"reloaded adapter, first 8 of those items: {again.accuracy:.2%}")
