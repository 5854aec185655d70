"""Load Cosmos QA Português three ways: the embedded sample, a local CSV, and by name through `datasets`.

Runs offline: python examples/load_dataset.py
"""

from __future__ import annotations

import csv
import tempfile
import warnings
from collections import Counter
from pathlib import Path

import datasets

import cosmosqa_ptbr  # also makes datasets.load_dataset("cosmos_qa_ptbr") resolve to the package's builder

# 1. The embedded 400-item validation sample: no network, no files.
sample = cosmosqa_ptbr.load_dataset("sample", split="validation")
letters = sample.features["Label"]
print(f"sample: {sample.num_rows} rows, labels {dict(sorted(Counter(letters.int2str(sample['Label'])).items()))}")
first = sample[0]
print(f"  {first['pergunta']}  ->  {letters.int2str(first['Label'])}) {first[letters.int2str(first['Label'])]}")

# 2. Local files in the published layout (Label a letter; the test split without labels).
with tempfile.TemporaryDirectory() as folder:
    rows = [{**row, "Label": letters.int2str(row["Label"])} for row in sample.select(range(20))]
    for split, chunk in (("validation", rows[:15]), ("test", [{**row, "Label": ""} for row in rows[15:]])):
        with (Path(folder) / f"{split}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(chunk)
    local = cosmosqa_ptbr.load_dataset(data_dir=folder)
    print(f"local: { {split: local[split].num_rows for split in local} }; test labels {set(local['test']['Label'])}")

    # A bad row raises an error naming the file, the row id and the field; on_error="skip" sets it aside.
    rows[3]["B"] = ""
    bad = Path(folder) / "bad" / "validation.csv"
    bad.parent.mkdir()
    with bad.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    try:
        cosmosqa_ptbr.load_dataset(data_files={"validation": str(bad)})
    except ValueError as error:
        print(f"error: {error}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        kept = cosmosqa_ptbr.load_dataset(data_files={"validation": str(bad)}, on_error="skip")
    print(f"skip: kept {kept['validation'].num_rows}, set aside {[(r.row_id, r.field) for r in kept.skipped_rows]}")

# 3. By name, through datasets itself.
by_name = datasets.load_dataset("cosmos_qa_ptbr", "sample", split="validation")
print(f"datasets.load_dataset('cosmos_qa_ptbr', 'sample'): {by_name.num_rows} rows")
