"""The output side of a translation run: append-only JSONL files that survive SIGKILL, and the manifest.

An item counts as done once its line is complete in the output or in the rejects file. Lines are
written whole by a single writer, so the only damage a kill can leave is an unterminated last line,
which :meth:`OutputStore.open` cuts off before appending. A lock file keeps a second run off the
same output (two writers are how rows got duplicated before). A file is only appended to, cut or
rewritten once it is proven to be a run's own output (its manifest names it, or its lines are rows of the
target task's layout); anything else, a user's notes or a CSV given as ``--output`` by mistake, is refused and
left byte for byte as it was.
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit, urlunsplit

from ..cli.options import CommandError
from .pair import TaskPair

#: The key of the id in a rejects line, whatever the task calls its id column.
REJECT_ID: Final = "id"
#: The keys every line of the rejects file has: a file without them was not written here.
REJECT_KEYS: Final = (REJECT_ID, "reason")


class StoreError(CommandError, RuntimeError):
    """The output files cannot be used: locked by another run, not a run's own, or corrupt beyond a torn last line."""


def sibling_paths(output: Path) -> dict[str, Path]:
    """``out.jsonl`` -> ``out.rejects.jsonl``, ``out.manifest.json``, ``out.batch.jsonl``, ``out.jsonl.lock``."""
    stem = output.name[: -len(".jsonl")] if output.name.endswith(".jsonl") else output.name
    return {
        "rejects": output.with_name(f"{stem}.rejects.jsonl"),
        "manifest": output.with_name(f"{stem}.manifest.json"),
        "batch": output.with_name(f"{stem}.batch.jsonl"),
        "lock": output.with_name(f"{output.name}.lock"),
    }


def _foreign(path: Path, why: str) -> StoreError:
    message = (
        f"{path} exists and is not the output of a translate run ({why}); it was left unchanged: "
        "pick another --output (a new .jsonl file, or the output of an earlier run to resume it)"
    )
    return StoreError(message)


def _scan(
    path: Path, keys: Collection[str], *, owned: bool, id_key: str = REJECT_ID
) -> tuple[list[dict[str, Any]], int]:
    """Return the complete JSON lines of ``path`` and how many torn bytes were cut from its end.

    Nothing is cut before every complete line has been read as a row with ``keys`` (a text under ``id_key``), and
    a torn last line
    is cut only from a file that is provably a run's own (``owned``: its manifest names it, or it has rows).
    """
    if not path.exists():
        return [], 0
    if not path.is_file():
        raise StoreError(f"{path} is a folder or a special file, not an output file; pick another --output")
    try:
        data = path.read_bytes()
    except OSError as error:
        message = f"{path} cannot be read ({error.strerror}); fix its permissions or pick another --output"
        raise StoreError(message) from None
    end = data.rfind(b"\n") + 1
    torn = len(data) - end
    records = []
    for number, line in enumerate(data[:end].split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            if not owned and not records:
                raise _foreign(path, f"line {number} is not JSON") from None
            reason = error.msg if isinstance(error, json.JSONDecodeError) else "not UTF-8"
            message = (
                f"{path}:{number}: a complete line is not JSON ({reason}); a killed run only tears the last "
                "line, so the file was edited or written by something else: fix or remove that line"
            )
            raise StoreError(message) from None
        if not isinstance(record, dict) or not isinstance(record.get(id_key), str) or not set(keys) <= record.keys():
            if not owned and not records:
                raise _foreign(path, f"line {number} is not a row with {', '.join(keys)}")
            raise StoreError(f"{path}:{number}: expected a JSON object with {', '.join(keys)}; fix or remove that line")
        records.append(record)
    if torn and not (owned or records):
        raise _foreign(path, "its only line is not JSON")
    if torn:
        with path.open("r+b") as handle:
            handle.truncate(end)
            handle.flush()
            os.fsync(handle.fileno())
    return records, torn


class OutputStore:
    """The output JSONL, its rejects JSONL and its lock; ids already written are known after :meth:`open`.

    ``keys`` are the columns every output row has and ``id_key`` the one holding its id (the target task's;
    default: Cosmos QA Português's).
    """

    def __init__(
        self, output: str | Path, *, keys: Sequence[str] | None = None, id_key: str | None = None, fsync: bool = True
    ) -> None:
        if keys is None or id_key is None:
            pair = TaskPair.resolve()
            keys, id_key = keys or pair.output_keys, id_key or pair.id_column
        self.keys = tuple(keys)
        self.id_key = id_key
        self.output = Path(output)
        paths = sibling_paths(self.output)
        self.rejects = paths["rejects"]
        self.manifest = paths["manifest"]
        self.batch_input = paths["batch"]
        self._lock_path = paths["lock"]
        self._fsync = fsync
        self._lock_handle: Any = None
        # What open() made that a run which never started must not leave behind: the lock file, new folders.
        self._made: list[Path] = []
        self._out: Any = None
        self._rej: Any = None
        self.done: set[str] = set()
        self.rejected: set[str] = set()  # ids with a line in the rejects file
        self.retrying: set[str] = set()  # rejected ids to translate again (retry_rejects); their lines stay till then
        self.torn_bytes = 0

    def settled(self, item_id: str) -> bool:
        """Whether ``item_id`` needs no request: it is in the output, or a reject that is not being retried."""
        return item_id in self.done or (item_id in self.rejected and item_id not in self.retrying)

    def open(self, *, retry_rejects: bool = False) -> None:
        """Lock, check the files are this pipeline's, cut torn last lines and read the ids already done.

        The files are opened for appending by :meth:`open_files`, once the run is sure to start.
        """
        import fcntl

        folder = self.output.parent
        missing = [parent for parent in (folder, *folder.parents) if not parent.exists()]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            made = [*reversed(missing)]  # in the order made, the lock file last
            self._made = [*made, self._lock_path] if not self._lock_path.exists() else made
            self._lock_handle = self._lock_path.open("a+")
        except OSError as error:
            message = f"cannot write beside {self.output} ({error.strerror}: {error.filename}); pick another --output"
            raise StoreError(message) from None
        try:
            fcntl.flock(self._lock_handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock_handle.close()
            message = f"another translate run is writing {self.output}; wait for it to finish or pick another --output"
            raise StoreError(message) from None
        owned = self._manifest_names_output()
        rows, torn_out = _scan(self.output, self.keys, owned=owned, id_key=self.id_key)
        rejects, torn_rej = _scan(self.rejects, REJECT_KEYS, owned=owned)
        self.torn_bytes = torn_out + torn_rej
        self.done = self._unique(rows, self.output, self.id_key)
        self.rejected = self._unique(rejects, self.rejects, REJECT_ID)
        both = self.done & self.rejected
        if both:
            example = sorted(both)[0]
            message = (
                f"{len(both)} id(s) are both in {self.output} and in {self.rejects} (e.g. {example!r}); "
                "remove them from the rejects file"
            )
            raise StoreError(message)
        if retry_rejects:
            # The rejects stay in their file, reasons and all, until each gets a new outcome (see write): a run
            # that cannot reach the server, or that stops early, leaves every one of them as it was.
            self.retrying = set(self.rejected)

    def open_files(self) -> None:
        """Create or open the output and rejects files for appending (after :meth:`open` has checked them)."""
        if self._out is None:
            self._out = self.output.open("ab")
        if self._rej is None:
            self._rej = self.rejects.open("ab")

    def _manifest_names_output(self) -> bool:
        """True when this output's manifest exists and names it; raise when a file there is not a manifest."""
        if not self.manifest.exists():
            return False
        manifest = read_manifest(self.manifest)
        if not {"output", "runs", "counts"} <= manifest.keys():
            message = (
                f"{self.manifest} exists and is not a translate manifest; it was left unchanged: move it away or "
                "pick another --output"
            )
            raise StoreError(message)
        return manifest["output"] == self.output.name

    @staticmethod
    def _unique(records: list[dict[str, Any]], path: Path, id_key: str) -> set[str]:
        ids: set[str] = set()
        for record in records:
            if record[id_key] in ids:
                message = f"{path}: id {record[id_key]!r} appears more than once; keep one line per id and re-run"
                raise StoreError(message)
            ids.add(record[id_key])
        return ids

    def _id(self, kind: str, record: Mapping[str, Any]) -> str:
        return record[self.id_key if kind == "row" else REJECT_ID]

    def _rewrite(self, path: Path, records: Iterable[Mapping[str, Any]]) -> None:
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            for record in records:
                handle.write(_line(record))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)

    def write(self, records: Iterable[tuple[str, Mapping[str, Any]]]) -> None:
        """Append ``("row", row)`` / ``("reject", record)`` pairs, one flushed line each, then sync once.

        Only one writer calls this (the pipeline's writer task), so lines never interleave; syncing
        once per group of lines keeps the disk from capping throughput at high concurrency.
        """
        records = list(records)
        superseded = {self._id(kind, record) for kind, record in records if self._id(kind, record) in self.retrying}
        if superseded:
            self._replace_rejects(superseded, [record for kind, record in records if kind == "reject"])
            records = [(kind, record) for kind, record in records if kind == "row"]
        touched = set()
        self.open_files()
        for kind, record in records:
            handle = self._out if kind == "row" else self._rej
            handle.write(_line(record))
            handle.flush()
            touched.add(handle)
            (self.done if kind == "row" else self.rejected).add(self._id(kind, record))
        if self._fsync:
            for handle in touched:
                os.fsync(handle.fileno())

    def _replace_rejects(self, superseded: set[str], new_rejects: list[Mapping[str, Any]]) -> None:
        """Drop the old lines of retried ids that have a new outcome and add this group's rejects, in one rename.

        The rejects file is replaced before the group's rows are appended to the output: a kill in between
        leaves those ids pending (translated again by the next run), never in both files.
        """
        kept = [
            record for record in _scan(self.rejects, REJECT_KEYS, owned=True)[0] if record[REJECT_ID] not in superseded
        ]
        if self._rej is not None:
            self._rej.close()  # the append handle would keep writing to the replaced file
            self._rej = None
        self._rewrite(self.rejects, [*kept, *new_rejects])
        self.retrying -= superseded
        self.rejected = {record[REJECT_ID] for record in kept} | {record[REJECT_ID] for record in new_rejects}

    def close(self) -> None:
        """Close the files and release the lock (a killed process releases it too).

        A run that never started writing (its server down, its files refused) takes away the lock file and the
        folders it made for them, so it leaves the disk as it found it.
        """
        started = self._out is not None  # open_files() ran: the run may have written
        for handle in (self._out, self._rej):
            if handle is not None:
                handle.close()
        self._out = self._rej = None
        if self._lock_handle is not None:
            if not started:
                for made in reversed(self._made):  # the lock first, then the folders from the deepest up
                    try:
                        if made == self._lock_path:
                            made.unlink()
                        else:
                            made.rmdir()
                    except OSError:
                        break  # (a folder someone else has written into meanwhile stays)
            self._lock_handle.close()
            self._lock_handle = None


def _line(record: Mapping[str, Any]) -> bytes:
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest of earlier runs, or ``{}`` when there is none (or it cannot be read)."""
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def write_manifest(path: Path, manifest: Mapping[str, Any]) -> None:
    """Replace the manifest atomically (temporary file, fsync, rename): readers see old or new, never half."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        json.dump(manifest, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def public_url(url: str | None) -> str | None:
    """``url`` without credentials, query or fragment (where keys sometimes travel), fit for a manifest or log."""
    if not url:
        return url
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))
