"""Evaluation runs that can be trusted: checks before loading, streamed predictions and --resume, one data source,
per-item few-shot draws, selection-bias diagnostics, PriDe and CircularEval."""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from cosmosqa_ptbr.cli import main as cli_main
from cosmosqa_ptbr.cli.options import CommandError, SettingsError
from cosmosqa_ptbr.evaluation import compare, evaluate_model
from cosmosqa_ptbr.evaluation.models import load_model
from cosmosqa_ptbr.prompts import select_shots
from cosmosqa_ptbr.schema import LETTERS

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def no_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any model load fail, so a test proves its error came before loading."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the model was loaded before the mistake was reported")

    monkeypatch.setattr("cosmosqa_ptbr.evaluation.models.load_model", refuse)


def _error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    return err[0]


@pytest.mark.usefixtures("no_loading")
def test_unusable_output_folders_fail_at_once_with_one_line(
    tmp_path: Path, tiny_model_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An --output-dir that is a file, or lies under a file, is refused in under a second before any loading."""
    a_file = tmp_path / "results.txt"
    a_file.write_text("not a folder\n", encoding="utf-8")
    for folder, expected in ((a_file, "is a file"), (a_file / "run", "cannot be created")):
        start = time.perf_counter()
        code = cli_main(["evaluate", "--model", str(tiny_model_dir), "--output-dir", str(folder), "--no-progress"])
        assert time.perf_counter() - start < 1.0
        assert code == 2
        line = _error_line(capsys)
        assert line.startswith("cosmosqa-ptbr evaluate: error: --output-dir") and expected in line
    assert a_file.read_text(encoding="utf-8") == "not a folder\n"


@pytest.mark.usefixtures("no_loading")
def test_missing_model_adapter_and_small_shot_pool_fail_before_loading(
    tmp_path: Path, tiny_model_dir: Path, sample: list[dict[str, Any]]
) -> None:
    """A missing local model, an adapter folder without adapter_config.json and too few shots fail before loading."""
    with pytest.raises(CommandError, match=r"--model './no-such-model' does not exist"):
        evaluate_model("./no-such-model", items=sample[:3])
    (tmp_path / "adapter").mkdir()
    with pytest.raises(CommandError, match=r"holds no adapter_config\.json"):
        evaluate_model(str(tiny_model_dir), adapter=str(tmp_path / "adapter"), items=sample[:3])
    with pytest.raises(SettingsError, match=r"--shots 5 needs 5 other labelled items.* has 2"):
        evaluate_model(str(tiny_model_dir), items=sample[:3], shots=5)


@pytest.mark.usefixtures("no_loading")
def test_models_and_adapters_that_cannot_load_fail_before_loading(
    tmp_path: Path, tiny_model_dir: Path, sample: list[dict[str, Any]]
) -> None:
    """A model folder without weights, a non-GGUF file, an adapter without weights: one error each, nothing loaded."""
    no_weights = tmp_path / "no-weights"
    no_weights.mkdir()
    for name in ("config.json", "tokenizer.json", "tokenizer_config.json"):
        (no_weights / name).write_bytes((tiny_model_dir / name).read_bytes())
    with pytest.raises(CommandError, match=r"--model '.*no-weights' holds a config\.json but no weights"):
        evaluate_model(str(no_weights), items=sample[:3])
    (tmp_path / "model.gguf").write_text("not a model\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"is not a GGUF file"):
        evaluate_model(str(tmp_path / "model.gguf"), items=sample[:3])
    adapter = tmp_path / "adapter"
    adapter.mkdir()
    (adapter / "adapter_config.json").write_text('{"peft_type": "LORA"}', encoding="utf-8")
    with pytest.raises(CommandError, match=r"--adapter '.*adapter' holds adapter_config\.json but no adapter weights"):
        evaluate_model(str(tiny_model_dir), adapter=str(adapter), items=sample[:3])


@pytest.mark.usefixtures("no_loading")
def test_a_folder_holding_a_run_is_refused_without_resume(tmp_path: Path, sample: list[dict[str, Any]]) -> None:
    """A folder with a run asks for --resume; a folder of someone else's files cannot be resumed."""
    from cosmosqa_ptbr.cli.folders import FolderNotOwnedError, record_files

    run = tmp_path / "run"
    run.mkdir()
    # What a run killed before its first chunk leaves: the folder's manifest and run.json.
    record_files(run, ["run.json", "predictions.jsonl"], command="evaluate")
    (run / "run.json").write_text(json.dumps({"written_by": "cosmosqa-ptbr evaluate"}), encoding="utf-8")
    with pytest.raises(SettingsError, match="already holds an evaluation run: add --resume"):
        evaluate_model(str(tmp_path), items=sample[:3], output_dir=run)
    other = tmp_path / "other"
    other.mkdir()
    (other / "predictions.jsonl").write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(FolderNotOwnedError, match=r"`evaluate` did not write \(predictions\.jsonl\)"):
        evaluate_model(str(tmp_path), items=sample[:3], output_dir=other, resume=True)
    assert (other / "predictions.jsonl").read_text(encoding="utf-8") == '{"id": "x"}\n'
    assert sorted(p.name for p in other.iterdir()) == ["predictions.jsonl"]


def _count_lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.is_file() else 0


def test_a_killed_run_resumes_to_every_item_once_with_the_same_predictions(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    """SIGKILL after the first chunk keeps its predictions; --resume scores the rest and matches an unbroken run."""
    out = tmp_path / "killed"
    command = [sys.executable, "-m", "cosmosqa_ptbr.cli", "evaluate", "--model", str(tiny_model_dir), "--limit", "96"]
    command += ["--output-dir", str(out), "--batch-size", "1", "--no-option-score", "--no-progress"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    predictions = out / "predictions.jsonl"
    deadline = time.monotonic() + 300
    while _count_lines(predictions) < 32 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait()
    kept = _count_lines(predictions)
    assert 32 <= kept < 96, f"the run was not interrupted midway ({kept} predictions)"
    assert not (out / "results.json").exists() and not (out / "report.md").exists()

    refused = subprocess.run(command, env=env, capture_output=True, text=True)
    assert refused.returncode == 2 and "add --resume" in refused.stderr

    resumed = subprocess.run([*command, "--resume"], env=env, capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    rows = [json.loads(line) for line in predictions.read_text(encoding="utf-8").splitlines()]
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)) == 96
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert results["n"] == 96 and results["resumed"] >= 32

    whole = evaluate_model(
        str(tiny_model_dir), limit=96, batch_size=1, option_score=False, output_dir=tmp_path / "whole", progress=False
    )
    by_id = {row["id"]: row for row in rows}
    for expected in whole.predictions:
        got = by_id[expected["id"]]
        assert got["predicted"] == expected["predicted"]
        assert got["probabilities"] == pytest.approx(expected["probabilities"], abs=1e-6)
    assert results["accuracy"] == pytest.approx(whole.accuracy)
    assert results["items_hash"] == whole.items_hash


def test_resume_with_other_settings_is_refused(
    tiny_model_dir: Path, tmp_path: Path, sample: list[dict[str, Any]]
) -> None:
    """A finished run resumed with another limit names the difference; with the same settings it scores nothing."""
    loaded = load_model(str(tiny_model_dir))
    first = evaluate_model(loaded=loaded, items=sample[:6], output_dir=tmp_path, option_score=False, progress=False)
    results = (tmp_path / "results.json").read_bytes()
    with pytest.raises(SettingsError, match=r"limit=None then, 4 now"):
        evaluate_model(loaded=loaded, items=sample[:6], output_dir=tmp_path, limit=4, resume=True, option_score=False)
    again = evaluate_model(
        loaded=loaded, items=sample[:6], output_dir=tmp_path, resume=True, option_score=False, progress=False
    )
    assert again.to_dict() == json.loads(results) and again.predictions == first.predictions
    assert (tmp_path / "results.json").read_bytes() == results
    assert _count_lines(tmp_path / "predictions.jsonl") == 6


def test_data_files_name_the_evaluated_split(
    tiny_model_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--data-files validation=F.csv` and a bare `--data-files F.csv` both evaluate F.csv as the evaluated split."""
    assert cli_main(["data", "export", "--format", "csv", "--output-dir", str(tmp_path / "csv")]) == 0
    csv = tmp_path / "csv" / "validation.csv"
    for name, files in (("named", f"validation={csv}"), ("bare", str(csv))):
        out = tmp_path / name
        args = ["evaluate", "--model", str(tiny_model_dir), "--data-files", files, "--limit", "8"]
        code = cli_main([*args, "--no-option-score", "--output-dir", str(out), "--no-progress"])
        assert code == 0, capsys.readouterr().err
        results = json.loads((out / "results.json").read_text(encoding="utf-8"))
        assert (results["config"], results["split"], results["n"]) == ("default", "validation", 8)
    capsys.readouterr()
    assert cli_main(["evaluate", "--data-files", "validation=/no/such.csv", "--no-progress"]) == 2
    assert "data file '/no/such.csv' does not exist" in _error_line(capsys)


def test_repeated_data_files_flags_add_up() -> None:
    """`--data-files a=x --data-files b=y` keeps both files, and files imply the default config."""
    from cosmosqa_ptbr.cli import build_parser
    from cosmosqa_ptbr.cli.options import settings_from_args
    from cosmosqa_ptbr.data.source import DataSource, resolve_source

    argv = ["score", "--predictions", "p.jsonl", "--data-files", "train=t.csv", "--data-files", "validation=v.csv"]
    source = settings_from_args(DataSource, build_parser(argv).parse_args(argv))
    assert source.data_files == ["train=t.csv", "validation=v.csv"]
    assert source.resolved_config == "default"
    assert source.split_files("test") == {"train": ["t.csv"], "validation": ["v.csv"]}
    assert DataSource(data_files=["v.csv"]).split_files("validation") == {"validation": ["v.csv"]}
    with pytest.raises(SettingsError, match=r"data file 't\.csv' does not exist"):
        resolve_source(source, "validation")


def test_each_item_gets_its_own_reproducible_shots_from_the_whole_split(
    tiny_model_dir: Path, sample: list[dict[str, Any]], tmp_path: Path
) -> None:
    """Shots are drawn per item from every labelled item of the split (not only the limited ones); results say so."""
    pool = sample[:50]
    first = [row["id"] for row in select_shots(pool, 3, seed="0:item-1", exclude_id="item-1")]
    assert first == [row["id"] for row in select_shots(pool, 3, seed="0:item-1", exclude_id="item-1")]
    draws = {tuple(r["id"] for r in select_shots(pool, 3, seed=f"0:{row['id']}", exclude_id=row["id"])) for row in pool}
    assert len(draws) > 40
    result = evaluate_model(
        str(tiny_model_dir),
        items=pool,
        limit=2,
        shots=3,
        shots_seed=7,
        option_score=False,
        progress=False,
        output_dir=tmp_path,
    )
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert results["shots_pool"] == {"split": "validation", "size": 50} and results["shots_seed"] == 7
    assert result.n == 2 and results["shots_source"] == "validation (other items)"


def _letter_bias_hook(tokenizer: Any, favourite: str, bias: float, signal_strength: float) -> Any:
    """A forward hook adding ``bias`` to the favourite letter and ``signal`` to the letter of the option marked [ok]."""
    from cosmosqa_ptbr.evaluation.inference import letter_continuations

    ids = [c[0] for c in letter_continuations(tokenizer)]

    def hook(module: Any, args: Any, kwargs: Any, output: Any) -> Any:
        input_ids = kwargs["input_ids"]
        for row in range(input_ids.shape[0]):
            text = tokenizer.decode(input_ids[row])
            output.logits[row, -1, ids[LETTERS.index(favourite)]] += bias
            marked = re.findall(r"Alternativa ([ABCD])\) [^\n]*\[ok\]", text)
            if marked:
                output.logits[row, -1, ids[LETTERS.index(marked[-1])]] += signal_strength
        return output

    return hook


@pytest.fixture(scope="module")
def biased(tiny_model_dir: Path) -> Any:
    """A tiny Llama whose letter logits favour A strongly and the right answer weakly (a forward hook)."""
    loaded = load_model(str(tiny_model_dir))
    loaded.model.register_forward_hook(_letter_bias_hook(loaded.tokenizer, "A", 4.0, 2.0), with_kwargs=True)
    return loaded


def _marked(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [dict(row, **{row["Label"]: f"{row[row['Label']]} [ok]"}) for row in rows]


def test_pride_recovers_the_answers_a_letter_bias_hides(
    biased: Any, sample: list[dict[str, Any]], tmp_path: Path
) -> None:
    """Plain scoring answers A; PriDe estimates a prior peaked on A, recovers the right answers and lowers RStd."""
    items = _marked(sample[:40])
    share_a = sum(row["Label"] == "A" for row in items) / len(items)
    result = evaluate_model(
        loaded=biased, items=items, debias="pride", option_score=False, progress=False, output_dir=tmp_path
    )
    assert {p["predicted"] for p in result.predictions} == {"A"}
    assert result.accuracy == pytest.approx(share_a)
    assert result.selection_bias["rstd"] == pytest.approx(43.30, abs=0.01)
    debiased = result.debiased
    assert debiased["calibration_items"] == 2 and debiased["n"] == 40
    assert debiased["cost"] == pytest.approx((40 + 3 * 2) / 40)
    assert debiased["prior"]["A"] > 0.8
    assert debiased["accuracy"] >= 0.9 > result.accuracy + 0.4
    assert debiased["rstd"] < 10
    low, high = debiased["accuracy_interval"]
    assert low <= debiased["accuracy"] <= high
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert results["debiased"]["accuracy"] == debiased["accuracy"] and "selection_bias" in results
    assert (tmp_path / "selection_bias.png").read_bytes()[:4] == b"\x89PNG"
    written = [json.loads(line) for line in (tmp_path / "predictions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [p["debiased_predicted"] for p in written] == [p["debiased_predicted"] for p in result.predictions]
    assert [p["id"] for p in written] == [row["id"] for row in items]
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "## Selection bias" in report and "PriDe-debiased accuracy" in report


def test_circular_eval_counts_an_item_only_when_all_four_orders_are_right(
    biased: Any, sample: list[dict[str, Any]]
) -> None:
    """A model that always answers A is never right under all four cyclic orders; an unbiased one is, here."""
    items = _marked(sample[:12])
    result = evaluate_model(loaded=biased, items=items, circular=True, option_score=False, progress=False)
    assert result.circular == {"accuracy": 0.0, "accuracy_interval": [0.0, 0.0], "cost": 4.0, "n": 12}
    assert all(len(p["rotations"]) == 3 for p in result.predictions)


def test_items_hash_and_compare_show_the_selection_bias(tmp_path: Path) -> None:
    """items_hash is sha256 of the sorted ids joined by newlines (16 hex digits); compare shows both RStd."""
    from cosmosqa_ptbr.evaluation.runner import items_hash, selection_bias

    assert items_hash(["b", "a"]) == hashlib.sha256(b"a\nb").hexdigest()[:16]
    bias = selection_bias(list("AABBCCDD"), list("AAAAAAAA"))
    assert bias["predicted"] == {"A": 8, "B": 0, "C": 0, "D": 0} and bias["recall"]["A"] == 1.0
    assert bias["rstd"] == pytest.approx(43.30127, abs=1e-4)
    for name, predicted in (("a", "AAAAAAAA"), ("b", "AABBCCDD")):
        folder = tmp_path / name
        folder.mkdir()
        rows = [
            {"id": f"q{i}", "gold": g, "predicted": p}
            for i, (g, p) in enumerate(zip("AABBCCDD", predicted, strict=True))
        ]
        (folder / "predictions.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = compare(tmp_path / "a", tmp_path / "b")
    assert result.rstd_a == pytest.approx(43.30127, abs=1e-4) and result.rstd_b == 0.0
    assert "RStd A / B" in result.table()


@pytest.mark.slow
def test_embedded_model_reads_a_csv_and_draws_three_shots(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """On the embedded model, `--data-files validation=F.csv --limit 4` and `--shots 3 --limit 3` both complete."""
    assert cli_main(["data", "export", "--format", "csv", "--output-dir", str(tmp_path / "csv")]) == 0
    files = f"validation={tmp_path / 'csv' / 'validation.csv'}"
    out = tmp_path / "csv-run"
    assert cli_main(["evaluate", "--data-files", files, "--limit", "4", "--output-dir", str(out), "--no-progress"]) == 0
    assert json.loads((out / "results.json").read_text(encoding="utf-8"))["n"] == 4
    out = tmp_path / "shots"
    assert cli_main(["evaluate", "--shots", "3", "--limit", "3", "--output-dir", str(out), "--no-progress"]) == 0
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert results["n"] == 3 and results["shots_pool"] == {"split": "validation", "size": 400}
