"""The translation pipeline against a loopback OpenAI-compatible server serving the reference translations."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_openai import FakeOpenAI

from cosmosqa_ptbr import translate
from cosmosqa_ptbr.tasks import get_task
from cosmosqa_ptbr.translation import TaskPair, TranslationConfig, build_messages
from cosmosqa_ptbr.translation.store import OutputStore, StoreError, public_url
from cosmosqa_ptbr.translation.validation import (
    SourceError,
    TranslationCheckError,
    check_translation,
    parse_reply,
    read_source,
)

REPO = Path(__file__).resolve().parents[1]
REFERENCE = (
    REPO / "cosmosqa_ptbr" / "tasks" / "builtin" / "cosmos_qa_ptbr.validation.jsonl"
)  # the reference translations
FAST = {"model": "m", "timeout": 1.0, "backoff_base": 0.02, "backoff_max": 0.2, "progress": False}
PORTUGUESE, ENGLISH = get_task("cosmos_qa_ptbr"), get_task("cosmos_qa_en")
ID, LABEL = PORTUGUESE.columns.id, PORTUGUESE.columns.label
ENGLISH_COLUMNS = ENGLISH.columns.published
NONE_OF_THE_ABOVE_EN, NONE_OF_THE_ABOVE_PT = PORTUGUESE.translation.fixed_options[0]


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def reference() -> dict[str, dict[str, Any]]:
    """The 400 reference pt-BR rows by id."""
    return {row[ID]: row for row in _jsonl(REFERENCE)}


@pytest.fixture(scope="session")
def english(english_validation_csv: Path) -> dict[str, dict[str, str]]:
    """English validation rows by id."""
    with english_validation_csv.open(encoding="utf-8", newline="") as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


@pytest.fixture()
def english_subset(
    tmp_path: Path, reference: dict[str, dict[str, Any]], english: dict[str, dict[str, str]]
) -> Callable[..., Path]:
    """Write a CSV of the English originals of the first ``n`` reference ids (optionally without labels)."""

    def write(n: int, name: str = "english.csv", unlabelled: bool = False) -> Path:
        path = tmp_path / name
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(ENGLISH_COLUMNS))
            writer.writeheader()
            for item_id in list(reference)[:n]:
                writer.writerow({**english[item_id], "label": "" if unlabelled else english[item_id]["label"]})
        return path

    return write


@pytest.fixture()
def server() -> Iterator[Callable[..., FakeOpenAI]]:
    """Start loopback servers with the given options; stop them after the test."""
    started: list[FakeOpenAI] = []

    def start(**options: Any) -> FakeOpenAI:
        options.setdefault("hang_seconds", 5.0)
        fake = FakeOpenAI(**options).start()
        started.append(fake)
        return fake

    yield start
    for fake in started:
        fake.stop()


def _assert_exactly_once(output: Path, source_ids: list[str]) -> tuple[list[dict], list[dict]]:
    rows = _jsonl(output)
    rejects = _jsonl(output.with_name(output.name.replace(".jsonl", ".rejects.jsonl")))
    ids = [row[ID] for row in rows] + [record[ID] for record in rejects]
    assert sorted(ids) == sorted(source_ids)
    assert output.read_bytes().endswith(b"\n")
    return rows, rejects


# ----------------------------------------------------------------------------------------- validation


def test_reference_translations_pass_and_their_english_originals_fail(
    reference: dict[str, dict[str, Any]], english_validation_csv: Path
) -> None:
    """Every reference pt-BR item passes validation unchanged, and the English text itself never does."""
    items = {item.id: item for item in read_source(english_validation_csv)}
    for item_id, row in reference.items():
        item = items[item_id]
        assert check_translation(item, row) == row
        with pytest.raises(TranslationCheckError, match="still in English"):
            check_translation(item, TaskPair.resolve().fields(item))


def test_validation_names_missing_duplicate_truncated_and_misplaced_fields(
    reference: dict[str, dict[str, Any]], english_validation_csv: Path
) -> None:
    """Three options, two equal options, a cut passage and a stray 'Nenhuma das alternativas' are each named."""
    items = {item.id: item for item in read_source(english_validation_csv, limit=None)}
    row = next(r for r in reference.values() if NONE_OF_THE_ABOVE_PT not in (r["A"], r["B"]))
    item = items[row[ID]]
    with pytest.raises(TranslationCheckError, match="field D is missing"):
        check_translation(item, {k: v for k, v in row.items() if k != "D"})
    with pytest.raises(TranslationCheckError, match="options A and B are the same"):
        check_translation(item, {**row, "B": row["A"] + " ."})
    with pytest.raises(TranslationCheckError, match="field contexto has"):
        check_translation(item, {**row, "contexto": row["contexto"][: len(row["contexto"]) // 4]})
    with pytest.raises(TranslationCheckError, match="option A became"):
        check_translation(item, {**row, "A": NONE_OF_THE_ABOVE_PT})


def test_none_of_the_above_is_always_the_fixed_translation(
    reference: dict[str, dict[str, Any]], english_validation_csv: Path
) -> None:
    """Whatever the model writes for "None of the above choices .", the row holds the fixed translation."""
    items = {item.id: item for item in read_source(english_validation_csv)}
    row = next(r for r in reference.values() if r["D"] == NONE_OF_THE_ABOVE_PT)
    assert items[row[ID]].options[3] == NONE_OF_THE_ABOVE_EN
    assert check_translation(items[row[ID]], {**row, "D": "Nenhuma das opções acima"})["D"] == NONE_OF_THE_ABOVE_PT


def test_replies_are_parsed_as_json_never_evaluated() -> None:
    """A fenced JSON reply parses; Python-literal or code replies are refused with the reason."""
    assert parse_reply('```json\n{"A": "x"}\n```') == {"A": "x"}
    with pytest.raises(TranslationCheckError, match="not valid JSON"):
        parse_reply("{'contexto': __import__('os').getcwd()}")
    with pytest.raises(TranslationCheckError, match="empty"):
        parse_reply("  ")


def test_bad_input_rows_are_named_with_file_line_and_field(tmp_path: Path, english_subset: Callable) -> None:
    """A repeated id, an empty option or a bad label stops the run with the file, line and field."""
    path = english_subset(3)
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"english\.csv:5: id .* repeats"):
        read_source(path)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        json.dumps(
            {
                "id": "x",
                "context": "c",
                "question": "q",
                "answer0": "a",
                "answer1": "",
                "answer2": "b",
                "answer3": "d",
                "label": 1,
            }
        )
        + "\n",
        encoding="utf-8",
    )
    with pytest.raises(SourceError, match=r"bad\.jsonl:1: field 'answer1' is empty"):
        read_source(bad)


def test_settings_are_checked_when_made() -> None:
    """Impossible settings fail at construction with every problem named."""
    with pytest.raises(ValueError, match=r"concurrency must be at least 1.*response_format"):
        TranslationConfig(concurrency=0, response_format="xml")


def test_requests_never_carry_the_label(english_validation_csv: Path) -> None:
    """The messages sent for an item hold its English text but not its gold label."""
    item = read_source(english_validation_csv, limit=1)[0]
    text = json.dumps(build_messages(item))
    assert item.context[:40] in text and '"label"' not in text.lower()


# ----------------------------------------------------------------------------------------- live runs


def test_faults_end_with_every_id_once_and_rejects_with_reasons(
    tmp_path: Path, english_subset: Callable, reference: dict[str, dict[str, Any]], server: Callable
) -> None:
    """429, 500, a hang and a non-JSON reply are retried to success; persistent bad replies go to rejects."""
    ids = list(reference)[:30]
    faults = {
        ids[0]: ["429"],
        ids[1]: ["500", "500"],
        ids[2]: ["hang"],
        ids[3]: ["not_json"],
        ids[4]: ["three_options", "three_options"],
        ids[5]: ["english", "english"],
        ids[6]: ["english"],
    }
    fake = server(latency=0.01, faults=faults, retry_after="1")
    output = tmp_path / "out.jsonl"
    result = translate(english_subset(30), output, base_url=fake.base_url, concurrency=8, **FAST)

    rows, rejects = _assert_exactly_once(output, ids)
    assert (result.written, result.rejected, result.missing) == (28, 2, 0)
    assert {row[ID]: row for row in rows} == {i: reference[i] for i in ids if i not in (ids[4], ids[5])}
    reasons = {record[ID]: record["reason"] for record in rejects}
    assert "field D is missing" in reasons[ids[4]] and "after 2 attempts" in reasons[ids[4]]
    assert "still in English" in reasons[ids[5]]
    first, second = fake.times_of(ids[0])
    assert second - first >= 1.0  # Retry-After: 1 was honoured
    assert len(fake.times_of(ids[1])) == 3 and len(fake.times_of(ids[2])) == 2
    manifest = json.loads(output.with_name("out.manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"] == {"source": 30, "output": 28, "rejects": 2, "remaining": 0}
    assert manifest["finished_at"] and manifest["prompt_hash"] and manifest["model"] == "m"
    recorded = {key: (manifest[key]["name"], manifest[key]["fingerprint"]) for key in ("task", "source_task")}
    assert recorded == {"task": ("cosmos_qa_ptbr", PORTUGUESE.fingerprint()),
                        "source_task": ("cosmos_qa_en", ENGLISH.fingerprint())}  # fmt: skip
    assert manifest["language_check"] == "function words and unchanged copies: en -> pt-BR"


def test_output_loads_through_the_dataset_builder(
    tmp_path: Path, english_subset: Callable, reference: dict[str, dict[str, Any]], server: Callable
) -> None:
    """Translated rows load with load_dataset(data_files=...): letters become ClassLabels, unlabelled rows -1."""
    from cosmosqa_ptbr import load_dataset

    fake = server()
    labelled, unlabelled = tmp_path / "validation.jsonl", tmp_path / "test.jsonl"
    translate(english_subset(12), labelled, base_url=fake.base_url, **FAST)
    translate(english_subset(5, "test.csv", unlabelled=True), unlabelled, base_url=fake.base_url, **FAST)
    assert all(row[LABEL] is None for row in _jsonl(unlabelled))
    data = load_dataset(
        data_files={"validation": str(labelled), "test": str(unlabelled)}, cache_dir=str(tmp_path / "cache")
    )
    letters = {row[ID]: "ABCD"[row[LABEL]] for row in data["validation"]}
    assert letters == {i: reference[i][LABEL] for i in list(reference)[:12]}
    assert set(data["test"][LABEL]) == {-1}


def test_resume_skips_done_ids_and_cuts_a_torn_line(
    tmp_path: Path, english_subset: Callable, reference: dict[str, dict[str, Any]], server: Callable
) -> None:
    """A re-run translates only the missing ids, after cutting the half-written line a killed run left."""
    fake = server()
    source, output = english_subset(20), tmp_path / "out.jsonl"
    translate(source, output, base_url=fake.base_url, limit=8, **FAST)
    ids = list(reference)[:20]
    torn = json.dumps(reference[ids[10]], ensure_ascii=False)[:70]
    with output.open("a", encoding="utf-8") as handle:
        handle.write(torn)
    requests_before = len(fake.log)

    result = translate(source, output, base_url=fake.base_url, **FAST)

    _assert_exactly_once(output, ids)
    assert (result.skipped, result.written) == (8, 12)
    assert len(fake.log) - requests_before == 12


_CLI_ENV = {**os.environ, "OPENAI_API_KEY": "dummy"}


def _cli_command(source: Path, output: Path, base_url: str, *extra: str) -> list[str]:
    """The translate CLI as a subprocess command against the loopback server."""
    module = [sys.executable, "-m", "cosmosqa_ptbr.translation"]
    return [*module, "--input", str(source), "--output", str(output), "--base-url", base_url, "--model", "m",
            *extra, "--quiet"]  # fmt: skip


def _sigkill_when(command: list[str], ready: Callable[[], bool], timeout: float = 30) -> None:
    """Start ``command``, wait until ``ready()`` (or ``timeout`` s), then SIGKILL it and reap it."""
    process = subprocess.Popen(command, env=_CLI_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not ready():
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()


def test_sigkill_mid_run_then_restart_gives_every_id_once(
    tmp_path: Path, english_subset: Callable, reference: dict[str, dict[str, Any]], server: Callable
) -> None:
    """The CLI killed with SIGKILL mid-run and started again ends with every id exactly once, no torn line."""
    fake = server(latency=0.05)
    source, output = english_subset(80), tmp_path / "out.jsonl"
    command = _cli_command(source, output, fake.base_url, "--concurrency", "4")
    _sigkill_when(command, lambda: output.exists() and output.read_bytes().count(b"\n") >= 15)
    partial = output.read_bytes().count(b"\n")
    assert 15 <= partial < 80

    process = subprocess.run(command, env=_CLI_ENV, capture_output=True, text=True, timeout=60)
    assert process.returncode == 0, process.stdout + process.stderr
    rows, rejects = _assert_exactly_once(output, list(reference)[:80])
    assert not rejects and all(row == reference[row[ID]] for row in rows)
    assert f"{partial} already done" in process.stdout


def test_a_second_run_cannot_write_the_same_output(tmp_path: Path) -> None:
    """While one run holds an output, another is refused instead of interleaving lines with it."""
    first = OutputStore(tmp_path / "out.jsonl")
    first.open()
    try:
        with pytest.raises(StoreError, match="another translate run"):
            OutputStore(tmp_path / "out.jsonl").open()
    finally:
        first.close()
    second = OutputStore(tmp_path / "out.jsonl")
    second.open()
    second.close()


@pytest.mark.parametrize(
    "content",
    [b"notes\nmore notes\nlast line without newline", b"id,contexto\nq1,texto\n", b"just one line"],
    ids=["notes", "csv", "one-line"],
)
def test_a_file_that_is_not_a_run_output_is_refused_byte_for_byte(tmp_path: Path, content: bytes) -> None:
    """Notes, a CSV or a single unterminated line given as the output are refused and left exactly as they were."""
    output = tmp_path / "notes.jsonl"
    output.write_bytes(content)
    store = OutputStore(output)
    with pytest.raises(StoreError, match="is not the output of a translate run"):
        store.open()
    store.close()
    assert output.read_bytes() == content


def test_a_torn_line_is_cut_from_rows_of_the_schema_even_without_a_manifest(
    tmp_path: Path, reference: dict[str, dict[str, Any]]
) -> None:
    """Complete rows of the output schema prove the file is a run's own: its torn last line is cut, rows kept."""
    rows = list(reference.values())[:2]
    output = tmp_path / "out.jsonl"
    whole = b"".join(json.dumps(row, ensure_ascii=False).encode() + b"\n" for row in rows)
    output.write_bytes(whole + b'{"id": "torn", "conte')
    store = OutputStore(output)
    store.open()
    store.close()
    assert output.read_bytes() == whole and store.done == {row[ID] for row in rows}


def test_json_schema_refusal_falls_back_to_json_mode(
    tmp_path: Path, english_subset: Callable, reference: dict[str, dict[str, Any]], server: Callable
) -> None:
    """A server that rejects json_schema gets JSON-mode requests and the run still validates every item."""
    fake = server(reject_json_schema=True)
    output = tmp_path / "out.jsonl"
    result = translate(english_subset(10), output, base_url=fake.base_url, concurrency=4, **FAST)
    rows, _ = _assert_exactly_once(output, list(reference)[:10])
    assert result.written == 10 and all(row == reference[row[ID]] for row in rows)
    assert {entry["response_format"] for entry in fake.log} == {"json_object"}
    manifest = json.loads(output.with_name("out.manifest.json").read_text(encoding="utf-8"))
    assert manifest["response_format"] == "json_object"


def test_manifest_and_logs_hold_no_secret(
    tmp_path: Path, english_subset: Callable, server: Callable, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The API key and credentials in the base URL never reach the manifest."""
    fake = server()
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-4242")
    url = fake.base_url.replace("http://", "http://user:hunter2@")
    output = tmp_path / "out.jsonl"
    translate(english_subset(2), output, base_url=url, **FAST)
    text = output.with_name("out.manifest.json").read_text(encoding="utf-8")
    assert "sk-secret-4242" not in text and "hunter2" not in text
    assert fake.base_url in text
    assert public_url("https://u:p@host:8443/v1?api-key=zzz#x") == "https://host:8443/v1"


def test_batch_api_collects_validates_and_retries_failures_live(
    tmp_path: Path, english_subset: Callable, reference: dict[str, dict[str, Any]], server: Callable
) -> None:
    """Batch results are validated; items that failed in the batch are retried live or rejected with a reason."""
    ids = list(reference)[:12]
    faults = {ids[0]: ["english"], ids[1]: ["500"], ids[2]: ["three_options", "three_options"]}
    fake = server(faults=faults)
    output = tmp_path / "out.jsonl"
    result = translate(
        english_subset(12), output, base_url=fake.base_url, batch_api=True, batch_poll_interval=0.01, **FAST
    )
    rows, rejects = _assert_exactly_once(output, ids)
    assert [record[ID] for record in rejects] == [ids[2]] and "field D is missing" in rejects[0]["reason"]
    assert all(row == reference[row[ID]] for row in rows)
    live = {entry["id"] for entry in fake.log if entry["live"]}
    assert live == {ids[0], ids[1], ids[2]} and sum(not entry["live"] for entry in fake.log) == 12
    assert result.written == 11
    manifest = json.loads(output.with_name("out.manifest.json").read_text(encoding="utf-8"))
    assert manifest["batch"]["collected"] and manifest["batch"]["id"] in fake.batches
    batch_lines = _jsonl(output.with_name("out.batch.jsonl"))
    assert [line["custom_id"] for line in batch_lines] == ids
    assert batch_lines[0]["body"]["response_format"]["type"] == "json_schema"
    bounds = _bounds_of(english_subset(12))
    assert [line["body"]["max_tokens"] for line in batch_lines] == [bounds[item_id] for item_id in ids]


def test_requests_in_flight_never_exceed_the_concurrency_limit(
    tmp_path: Path, english_subset: Callable, server: Callable
) -> None:
    """With a slow server, several requests run at once but never more than the concurrency setting."""
    fake = server(latency=0.05)
    result = translate(english_subset(24), tmp_path / "out.jsonl", base_url=fake.base_url, concurrency=6, **FAST)
    assert result.written == 24 and 2 <= fake.max_in_flight <= 6


def test_a_datasets_split_is_accepted_and_cost_is_estimated_from_the_price_table(
    tmp_path: Path, english: dict[str, dict[str, str]], reference: dict[str, dict[str, Any]], server: Callable
) -> None:
    """A ``datasets.Dataset`` in the English layout translates like a file, and the cost follows the token counts."""
    import datasets

    from cosmosqa_ptbr.translation import estimated_cost

    ids = list(reference)[:6]
    split = datasets.Dataset.from_list([{**english[i], "label": int(english[i]["label"])} for i in ids])
    fake = server()
    result = translate(split, tmp_path / "out.jsonl", base_url=fake.base_url, **{**FAST, "model": "gpt-4o-mini"})
    rows, _ = _assert_exactly_once(tmp_path / "out.jsonl", ids)
    assert all(row == reference[row[ID]] for row in rows)
    assert result.prompt_tokens > 0 and result.cost_usd == estimated_cost(
        "gpt-4o-mini", result.prompt_tokens, result.completion_tokens
    )
    assert result.cost_usd == pytest.approx((result.prompt_tokens * 0.15 + result.completion_tokens * 0.60) / 1e6)


def test_a_refused_key_stops_the_run_without_showing_the_key(
    tmp_path: Path, english_subset: Callable, server: Callable, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 401 ends the run with a hint about the key instead of rejecting every item; the key is not printed."""
    from cosmosqa_ptbr.translation import TranslationError

    fake = server(api_key="right-key")
    monkeypatch.setenv("OPENAI_API_KEY", "wrong-key-123")
    output = tmp_path / "out.jsonl"
    with pytest.raises(TranslationError, match="check OPENAI_API_KEY") as raised:
        translate(english_subset(5), output, base_url=fake.base_url, **FAST)
    assert "wrong-key-123" not in str(raised.value)
    assert output.read_text(encoding="utf-8") == "" and not output.with_name("out.rejects.jsonl").read_text()
    monkeypatch.setenv("OPENAI_API_KEY", "right-key")
    assert translate(english_subset(5), output, base_url=fake.base_url, **FAST).written == 5


def test_batch_run_killed_while_polling_resumes_the_same_batch(
    tmp_path: Path, english_subset: Callable, reference: dict[str, dict[str, Any]], server: Callable
) -> None:
    """A Batch API run killed after submitting picks up the recorded batch instead of paying for a second one."""
    fake = server(batch_polls=3)
    source, output = english_subset(10), tmp_path / "out.jsonl"
    command = _cli_command(source, output, fake.base_url, "--batch-api", "--batch-poll-interval", "30")
    manifest = output.with_name("out.manifest.json")
    _sigkill_when(command, lambda: manifest.exists() and '"batch": {' in manifest.read_text())
    assert len(fake.batches) == 1 and not output.read_text(encoding="utf-8")

    translate(source, output, base_url=fake.base_url, batch_api=True, batch_poll_interval=0.01, **FAST)
    rows, _ = _assert_exactly_once(output, list(reference)[:10])
    assert len(fake.batches) == 1 and all(row == reference[row[ID]] for row in rows)


def test_retry_rejects_moves_a_fixed_item_from_the_rejects_to_the_output(
    tmp_path: Path, english_subset: Callable, reference: dict[str, dict[str, Any]], server: Callable
) -> None:
    """With retry_rejects, rejected ids are translated again and end in the output only."""
    ids = list(reference)[:6]
    fake = server(faults={ids[2]: ["english", "english"]})
    source, output = english_subset(6), tmp_path / "out.jsonl"
    assert translate(source, output, base_url=fake.base_url, **FAST).rejected == 1
    assert translate(source, output, base_url=fake.base_url, **FAST).written == 0
    result = translate(source, output, base_url=fake.base_url, retry_rejects=True, **FAST)
    rows, rejects = _assert_exactly_once(output, ids)
    assert (result.written, result.skipped, rejects) == (1, 5, [])
    assert {row[ID]: row for row in rows}[ids[2]] == reference[ids[2]]


# ----------------------------------------------------------------------------------------- real servers' ways


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, env=_CLI_ENV, capture_output=True, text=True, timeout=120)


def _bounds_of(source: Path) -> dict[str, int]:
    """The default max_tokens of every item of ``source``."""
    from cosmosqa_ptbr.translation.requests import reply_token_bound

    return {item.id: reply_token_bound(item, TranslationConfig().bounds) for item in read_source(source)}


def test_vllm_gets_the_strict_schema_and_a_reply_bound_refitted_to_its_context(
    tmp_path: Path, english_subset: Callable, reference: dict[str, dict[str, Any]], server: Callable
) -> None:
    """vLLM enforces json_schema; an item whose default bound overflows the model's context is sent without it."""
    fake = server(flavor="vllm", served_model="Qwen/Qwen2.5-7B-Instruct", max_model_len=1300)
    source, output = english_subset(8), tmp_path / "out.jsonl"
    command = _cli_command(source, output, fake.base_url, "--concurrency", "4")
    command[command.index("--model") + 1] = "Qwen/Qwen2.5-7B-Instruct"
    result = _run(command)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    rows, rejects = _assert_exactly_once(output, list(reference)[:8])
    assert not rejects and all(row == reference[row[ID]] for row in rows)
    assert {entry["response_format"] for entry in fake.log} == {"json_schema"}
    bounds = _bounds_of(source)
    refitted = {entry["id"] for entry in fake.log if entry["max_tokens"] is None}
    assert refitted and len(refitted) < 8, "some items fit the context with their bound, some did not"
    assert all(entry["max_tokens"] in (bounds[entry["id"]], None) for entry in fake.log)
    wrong = _run(_cli_command(source, tmp_path / "other.jsonl", fake.base_url))
    assert wrong.returncode == 2 and "The model `m` does not exist" in wrong.stderr and "--model" in wrong.stderr


def test_ollama_before_0_5_ignores_json_schema_and_the_prose_around_the_json_is_read(
    tmp_path: Path, english_subset: Callable, reference: dict[str, dict[str, Any]], server: Callable
) -> None:
    """Ollama's endpoint (an older one ignoring json_schema: the model writes prose and a fence) still translates."""
    fake = server(flavor="ollama", legacy_ollama=True, served_model="m")
    source, output = english_subset(6), tmp_path / "out.jsonl"
    result = _run(_cli_command(source, output, fake.base_url))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    rows, rejects = _assert_exactly_once(output, list(reference)[:6])
    assert not rejects and all(row == reference[row[ID]] for row in rows)
    bounds = _bounds_of(source)
    assert all(entry["max_tokens"] == bounds[entry["id"]] for entry in fake.log)
    unpulled = _cli_command(source, tmp_path / "other.jsonl", fake.base_url)
    unpulled[unpulled.index("--model") + 1] = "llama3.2"
    missing = _run(unpulled)
    assert missing.returncode == 2 and "try pulling it first" in missing.stderr and "--model" in missing.stderr


def test_json_object_with_the_schema_is_sent_from_the_start_when_asked(
    tmp_path: Path, english_subset: Callable, server: Callable
) -> None:
    """--response-format json_object skips the refused json_schema request: no refusal, no warning."""
    fake = server(flavor="llama_cpp")
    result = _run(_cli_command(english_subset(4), tmp_path / "out.jsonl", fake.base_url, "--response-format",
                               "json_object"))  # fmt: skip
    assert result.returncode == 0 and "refused" not in result.stderr, result.stderr
    assert [entry["format"]["type"] for entry in fake.log] == ["json_object"] * 4
    assert all(
        entry["format"]["schema"]["required"] == ["contexto", "pergunta", "A", "B", "C", "D"] for entry in fake.log
    )


class _NoExtraKeys(FakeOpenAI):
    """A server that refuses unknown keys in response_format (as strict OpenAI-style validators do)."""

    def _refusal(self, request: dict[str, Any], format_type: Any) -> tuple[int, Any, dict[str, str]] | None:
        if format_type == "json_object" and "schema" in request["response_format"]:
            error = {"message": "Unrecognized request argument supplied: response_format.schema",
                     "type": "invalid_request_error", "param": "response_format", "code": None}  # fmt: skip
            return 400, {"error": error}, {}
        return super()._refusal(request, format_type)


def test_a_server_refusing_the_schema_beside_json_object_gets_plain_json_mode(
    tmp_path: Path, english_subset: Callable, reference: dict[str, dict[str, Any]]
) -> None:
    """JSON mode with the schema refused, the run steps down to plain JSON mode and records it in the manifest."""
    with _NoExtraKeys(reject_json_schema=True).start() as fake:
        result = translate(english_subset(5), tmp_path / "out.jsonl", base_url=fake.base_url, concurrency=1, **FAST)
    assert result.written == 5 and result.rejected == 0
    sent = [entry["format"] for entry in fake.log]
    assert sent[-4:] == [{"type": "json_object"}] * 4
    manifest = json.loads((tmp_path / "out.manifest.json").read_text(encoding="utf-8"))
    assert manifest["response_format"] == "json_object_bare"


def test_max_tokens_overrides_the_bound_and_zero_lifts_it(
    tmp_path: Path, english_subset: Callable, server: Callable
) -> None:
    """--max-tokens N is sent as is for every item; 0 sends none, leaving the bound to the server."""
    fake = server()
    translate(english_subset(3), tmp_path / "a.jsonl", base_url=fake.base_url, max_tokens=1500, **FAST)
    translate(english_subset(3), tmp_path / "b.jsonl", base_url=fake.base_url, max_tokens=0, **FAST)
    assert [entry["max_tokens"] for entry in fake.log] == [1500] * 3 + [None] * 3


def test_the_default_bound_holds_every_reference_translation_with_room(english_validation_csv: Path) -> None:
    """On the 400 reference items the bound is at least 2.5 times the reply's length at 4 characters a token."""
    bounds = _bounds_of(english_validation_csv)
    for row in _jsonl(REFERENCE):
        reply = json.dumps({key: row[key] for key in ("contexto", "pergunta", "A", "B", "C", "D")}, ensure_ascii=False,
                           indent=1)  # fmt: skip
        assert bounds[row[ID]] * 4 >= 2.5 * len(reply), row[ID]


def test_only_servers_of_this_machine_or_network_count_as_local() -> None:
    """Loopback, private and LAN names are local (requests queue there); public hosts and OpenAI are not."""
    from cosmosqa_ptbr.translation.runner import is_local

    local = ["http://127.0.0.1:8000/v1", "http://localhost:11434/v1", "http://[::1]:8080/v1", "http://10.0.0.7/v1",
             "http://192.168.1.20:8000/v1", "http://gpu-box:8000/v1", "http://ollama.local/v1"]  # fmt: skip
    remote = [None, "https://api.openai.com/v1", "https://api.groq.com/openai/v1", "http://8.8.8.8/v1"]
    assert all(is_local(url) for url in local) and not any(is_local(url) for url in remote)


def test_retry_rejects_keeps_the_reasons_of_rejects_the_server_failed_on(
    tmp_path: Path, english_subset: Callable, reference: dict[str, dict[str, Any]], server: Callable
) -> None:
    """A retried reject that meets only 500s keeps its line and reason; one that now translates leaves the file."""
    ids = list(reference)[:5]
    fake = server(faults={ids[1]: ["english", "english"], ids[3]: ["english", "english", *["500"] * 10]})
    source, output = english_subset(5), tmp_path / "out.jsonl"
    assert translate(source, output, base_url=fake.base_url, **FAST).rejected == 2
    before = {record[ID]: record for record in _jsonl(tmp_path / "out.rejects.jsonl")}
    result = _run(_cli_command(source, output, fake.base_url, "--retry-rejects", "--max-retries", "1",
                               "--concurrency", "1"))  # fmt: skip
    assert result.returncode == 1 and "failed in transport" in result.stderr and "--retry-rejects" in result.stderr
    assert _jsonl(tmp_path / "out.rejects.jsonl") == [before[ids[3]]]
    rows, _ = _assert_exactly_once(output, ids)
    assert {row[ID] for row in rows} == {ids[0], ids[1], ids[2], ids[4]}


def test_a_local_server_far_slower_than_the_timeout_stops_the_run_without_a_resend(
    tmp_path: Path, english_subset: Callable, reference: dict[str, dict[str, Any]], server: Callable
) -> None:
    """When the server has not finished its queue long after a timeout, the items stay pending, none sent twice."""
    ids = list(reference)[:2]
    # Both hang: which of two concurrent requests a serial server takes first is the threads' race to decide.
    fake = server(serial_seconds=0.1, faults={ids[0]: ["hang"], ids[1]: ["hang"]}, hang_seconds=20.0)
    started = time.monotonic()
    result = translate(english_subset(2), tmp_path / "out.jsonl", base_url=fake.base_url, concurrency=2,
                       **{**FAST, "timeout": 0.3, "max_retries": 3})  # fmt: skip
    assert time.monotonic() - started < 10
    assert (result.written, result.rejected, result.failed, result.missing) == (0, 0, 2, 2)
    assert "raise --timeout" in " ".join(result.failures)
    assert fake.received[ids[0]] == fake.received[ids[1]] == 1 and fake.received[""] == 1  # one probe
    assert not _jsonl(tmp_path / "out.rejects.jsonl")


_LLAMA_PYTHON = os.environ.get("COSMOSQA_LLAMA_PYTHON")


@pytest.mark.slow
@pytest.mark.skipif(not _LLAMA_PYTHON, reason="set COSMOSQA_LLAMA_PYTHON to a python with llama-cpp-python[server]")
def test_translate_against_the_real_llama_cpp_server(tmp_path: Path) -> None:
    """tests/check_llama_server.py: llama-cpp-python's server on the embedded GGUF, replies bounded, exit 0 or 1."""
    script = REPO / "tests" / "check_llama_server.py"
    command = [sys.executable, str(script), "--llama-python", str(_LLAMA_PYTHON), "--limit", "3", "--work-dir",
               str(tmp_path)]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
