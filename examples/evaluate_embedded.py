"""Evaluate the embedded SmolLM2-135M-Instruct on 20 items of the embedded sample, then compare two modes.

HF_HUB_OFFLINE=1 python examples/evaluate_embedded.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from cosmosqa_ptbr import compare, evaluate_model, load_model


def main() -> None:
    loaded = load_model()  # the embedded default; load once, reuse for both runs
    with tempfile.TemporaryDirectory() as folder:
        loglik = evaluate_model(loaded=loaded, limit=20, output_dir=Path(folder, "loglik"))
        generate = evaluate_model(loaded=loaded, limit=20, mode="generate", output_dir=Path(folder, "generate"))
        for result in (loglik, generate):
            low, high = result.accuracy_interval
            print(f"{result.mode:8} accuracy {result.accuracy:.1%} (95% CI {low:.1%}-{high:.1%}), "
                  f"{result.items_per_second:.2f} items/s, invalid {result.invalid_rate:.1%}")  # fmt: skip
        print(compare(Path(folder, "loglik", "results.json"), Path(folder, "generate", "results.json")).table())


if __name__ == "__main__":
    main()
