"""The one rule of every folder a command writes: owned (new, empty or its manifest), never through a link, locked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cosmosqa_ptbr.cli.folders import (
    LOCK,
    MANIFEST,
    TEMPORARY_PREFIX,
    FolderBusyError,
    FolderNotOwnedError,
    check_output_folder,
    claim_folder,
    folder_files,
    foreign_files,
    locked_folder,
    owned_folder,
    record_files,
    write_file,
)
from cosmosqa_ptbr.cli.options import CommandError

REPO = Path(__file__).resolve().parents[1]


def _tree(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder``: a file's bytes, a link's target."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[name] = "-> " + os.readlink(path)
        elif path.is_file():
            found[name] = path.read_bytes()
    return found


def test_a_new_folder_is_created_and_a_rebuild_replaces_only_what_the_command_wrote(tmp_path: Path) -> None:
    """claim_folder creates a missing folder; claimed again, it removes the files its manifest lists, and their
    emptied sub-folders, but nothing else the command owns."""
    out = tmp_path / "a" / "b"
    assert claim_folder(out, command="build") == out and out.is_dir()
    write_file(out, "pkg/mod.py", "x = 1\n")
    write_file(out, "README.md", "card\n")
    assert record_files(out, ["README.md", out / "pkg/mod.py"], command="build") == ["README.md", "pkg/mod.py"]
    assert json.loads((out / MANIFEST).read_text()) == {"command": "build", "files": ["README.md", "pkg/mod.py"]}
    claim_folder(out, command="build")
    assert list(out.iterdir()) == []


def test_files_the_command_did_not_write_are_named_and_left_alone(tmp_path: Path) -> None:
    """A user's file, a file of another command and an unlisted file beside listed ones are refused, untouched."""
    out = tmp_path / "out"
    write_file(out, "results.json", "{}\n")
    record_files(out, ["results.json"], command="evaluate")
    (out / "README.md").write_text("my notes\n")
    (out / ".env").write_text("HF_TOKEN=hf_mine\n")
    before = _tree(out)
    with pytest.raises(FolderNotOwnedError) as refused:
        claim_folder(out, command="evaluate", flag="--output-dir")
    message = str(refused.value)
    assert message.startswith(f"--output-dir {out} already holds files `evaluate` did not write (.env, README.md)")
    assert "\n" not in message and "nothing was changed" in message
    with pytest.raises(FolderNotOwnedError, match=r"`cards` did not write \(\.env, README\.md, results\.json\)"):
        claim_folder(out, command="cards")
    assert _tree(out) == before


def test_only_the_first_few_foreign_files_are_shown(tmp_path: Path) -> None:
    """Seven foreign files are shown as five names and a count, on one line."""
    for index in range(7):
        (tmp_path / f"f{index}.txt").write_text("mine")
    with pytest.raises(FolderNotOwnedError, match=r"\(f0\.txt, f1\.txt, f2\.txt, f3\.txt, f4\.txt and 2 more\)"):
        claim_folder(tmp_path, command="build")


def test_a_link_is_foreign_even_under_a_listed_name_and_no_write_goes_through_one(tmp_path: Path) -> None:
    """A symlink to a file outside is refused although the manifest lists its name; write_file replaces a link
    instead of writing into its target."""
    outside = tmp_path / "outside.csv"
    outside.write_text("the user's data\n")
    out = tmp_path / "out"
    out.mkdir()
    record_files(out, ["validation.csv"], command="data export")
    (out / "validation.csv").symlink_to(outside)
    assert foreign_files(out, command="data export") == [f"validation.csv -> {outside}"]
    with pytest.raises(FolderNotOwnedError, match=r"validation\.csv -> "):
        claim_folder(out, command="data export", rebuild=False)
    write_file(out, "validation.csv", "written\n")
    assert outside.read_text() == "the user's data\n"
    assert not (out / "validation.csv").is_symlink() and (out / "validation.csv").read_text() == "written\n"


def test_a_linked_sub_folder_is_foreign_and_not_walked_into(tmp_path: Path) -> None:
    """A symlink to a folder is one foreign entry; the files behind it are neither listed nor touched."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("keep")
    out = tmp_path / "out"
    out.mkdir()
    (out / "data").symlink_to(elsewhere, target_is_directory=True)
    assert foreign_files(out, command="build") == [f"data -> {elsewhere}"]
    assert folder_files(out) == []


def test_manifest_folders_cover_what_a_library_writes_inside_them_only(tmp_path: Path) -> None:
    """A ``folders`` pattern owns every file below matching sub-folders, not a top-level file of that name."""
    out = tmp_path / "run"
    out.mkdir()
    record_files(out, [], command="train", folders=["checkpoint-*"])
    write_file(out, "checkpoint-2/adapter_model.safetensors", b"\0")
    write_file(out, "checkpoint-2/nested/state.json", "{}")
    assert foreign_files(out, command="train") == []
    (out / "checkpoint-9").write_text("a file, not a folder")
    assert foreign_files(out, command="train") == ["checkpoint-9"]


def test_temporaries_of_an_interrupted_write_are_the_commands_own_and_are_cleared(tmp_path: Path) -> None:
    """A temporary file a killed write left is not foreign; claiming the folder removes it."""
    write_file(tmp_path, "report.md", "# report\n")
    record_files(tmp_path, ["report.md"], command="evaluate")
    (tmp_path / f"{TEMPORARY_PREFIX}123-report.md").write_text("half")
    assert foreign_files(tmp_path, command="evaluate") == []
    claim_folder(tmp_path, command="evaluate", rebuild=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST, "report.md"]


def test_a_write_that_fails_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    """An exception while the new content is written keeps the previous file byte for byte."""
    from cosmosqa_ptbr.cli.folders import replacing

    (tmp_path / "results.json").write_text("old")
    with pytest.raises(RuntimeError), replacing(tmp_path / "results.json") as temporary:
        temporary.write_text("half of the new")
        raise RuntimeError("disk full")
    assert [p.name for p in tmp_path.iterdir()] == ["results.json"]
    assert (tmp_path / "results.json").read_text() == "old"


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda base: base / "a_file", "is a file, not a folder"),
        (lambda base: base / "a_file" / "sub" / "dir", "cannot be created: {base}/a_file is not a folder"),
    ],
    ids=["a-file", "under-a-file"],
)
def test_unusable_paths_are_refused_with_one_line_and_nothing_made(tmp_path: Path, make: object, expected: str) -> None:
    """A path that is a file or lies under one is refused before anything is created."""
    (tmp_path / "a_file").write_text("mine")
    path = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(CommandError) as refused:
        check_output_folder(path, flag="--output-dir")
    assert str(refused.value).startswith(f"--output-dir {path} ") and expected.format(base=tmp_path) in str(
        refused.value
    )
    with pytest.raises(CommandError), owned_folder(path, command="build"):
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a_file"] and (tmp_path / "a_file").read_text() == "mine"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into any folder")
def test_an_unwritable_folder_is_refused(tmp_path: Path) -> None:
    """A folder the user cannot write is refused by name before anything is attempted."""
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(CommandError, match="is not writable"):
            check_output_folder(locked / "out")
    finally:
        locked.chmod(0o700)


_HOLD = """
import sys
from cosmosqa_ptbr.cli.folders import owned_folder
with owned_folder(sys.argv[1], command="evaluate"):
    print("held", flush=True)
    sys.stdin.read()
"""


def _hold(folder: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    process = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(folder)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
    )
    assert process.stdout is not None and process.stdout.readline() == "held\n"
    return process


def test_a_second_run_is_refused_at_once_naming_the_run_that_holds_the_folder(tmp_path: Path) -> None:
    """While another process holds the folder, a claim fails at once with its command and pid; then it succeeds."""
    out = tmp_path / "run"
    holder = _hold(out)
    try:
        started = time.perf_counter()
        with pytest.raises(FolderBusyError) as refused, owned_folder(out, command="evaluate"):
            pass
        assert time.perf_counter() - started < 1.0
        assert str(refused.value) == (
            f"{out} is being written by another `cosmosqa-ptbr evaluate` run (pid {holder.pid}): wait for it or pick "
            "another --output-dir"
        )
    finally:
        holder.communicate("", timeout=30)
    assert holder.returncode == 0 and not out.exists()  # its lock file is gone, and the folder it created with it
    with owned_folder(out, command="evaluate") as folder:
        assert (folder / LOCK).is_file()
    assert not out.exists()


def test_a_lock_left_by_a_killed_run_does_not_block_the_next(tmp_path: Path) -> None:
    """The kernel drops a killed process's lock: the stale lock file is reused, then removed."""
    holder = _hold(tmp_path)
    holder.kill()
    holder.wait(timeout=30)
    assert (tmp_path / LOCK).is_file()
    with owned_folder(tmp_path, command="evaluate"):
        assert json.loads((tmp_path / LOCK).read_text())["pid"] == os.getpid()
    assert list(tmp_path.iterdir()) == []


def test_the_lock_is_reentrant_within_a_process_and_kept_until_the_outer_block_ends(tmp_path: Path) -> None:
    """A command that locks a folder and calls a function locking it again does not refuse itself."""
    with locked_folder(tmp_path, command="space push"):
        with owned_folder(tmp_path, command="space build"):
            write_file(tmp_path, "app.py", "")
        assert (tmp_path / LOCK).is_file()
        assert json.loads((tmp_path / LOCK).read_text())["command"] == "space push"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.py"]


def test_a_refused_claim_removes_the_lock_file_it_made(tmp_path: Path) -> None:
    """A folder refused for a foreign file is left exactly as it was, lock file included."""
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(FolderNotOwnedError), owned_folder(tmp_path, command="build"):
        pass
    assert _tree(tmp_path) == {"notes.txt": b"mine"}


def test_a_lock_file_that_is_a_link_is_refused_and_not_followed(tmp_path: Path) -> None:
    """A symlink planted under the lock's name is never opened through."""
    target = tmp_path / "target"
    target.write_text("keep")
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK).symlink_to(target)
    with pytest.raises(FolderNotOwnedError, match=LOCK.replace(".", r"\.") + " -> "), locked_folder(out, command="x"):
        pass
    assert target.read_text() == "keep"
