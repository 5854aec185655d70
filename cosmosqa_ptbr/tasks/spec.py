"""What a multiple-choice task is: its data, columns, letters, prompt, translation rules, citation and license.

A :class:`TaskSpec` is the one place a dataset is described. Everything downstream works on normalised
:class:`Item` mappings (``id``, ``context``, ``question``, ``options``, ``label``) made by
:meth:`TaskSpec.normalize` at the loader, so no other module names a column of one dataset. The answer letters
follow from the number of options (``A``-``D`` for four, ``A``-``E`` for the ENEM exams' five).

Specs are YAML files: the built-in ones ship in ``cosmosqa_ptbr/tasks/builtin/`` and users write their own::

    name: enem_demo
    title: ENEM (demo)
    language: pt-BR
    data:
      files: {validation: enem.csv}     # relative to the YAML file
    columns: {id: id, context: texto, question: enunciado, options: [A, B, C, D, E], label: gabarito}
    prompt:
      system: Responda com a letra da alternativa correta.
      user: "{context}\\n{question}\\n{options}"
      option: "{letter}) {text}"
      answer_prefix: Resposta
    tags: [enem, exams]                   # Hub tags of its dataset card
    dataset_card: enem.card.md            # optional: the dataset card's template (else a generic card)

A ``dataset_card`` template is Markdown with ``${name}`` fields, filled by ``cosmosqa_ptbr.hub.cards`` (the
fields it offers are listed there); without one, the card is generated from the spec.

>>> spec = get_task("cosmos_qa_ptbr")
>>> spec.letters, spec.language
(('A', 'B', 'C', 'D'), 'pt-BR')
>>> values = ["q1", "Choveu.", "Por quê?", "Nuvens", "Sol", "Vento", "Nenhuma das alternativas acima.", "A"]
>>> row = dict(zip(spec.columns.published, values))  # its published columns, in order
>>> item = spec.normalize(row)
>>> item["options"][0], item["label"]
('Nuvens', 0)
>>> print(spec.prompt.user_message(item))
Contexto: Choveu.
Pergunta: Por quê?
Alternativa A) Nuvens
Alternativa B) Sol
Alternativa C) Vento
Alternativa D) Nenhuma das alternativas acima.
>>> spec.publish(item)["Label"]
'A'
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import hashlib
import json
import math
import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, TypedDict

from ..cli.options import SettingsError, read_settings_file, unknown_key_message

if TYPE_CHECKING:  # pragma: no cover
    import datasets

__all__ = [
    "BUILTIN_DIR",
    "DEFAULT_TASK",
    "MAX_OPTIONS",
    "Columns",
    "DataSpec",
    "Item",
    "PromptSpec",
    "TaskSpec",
    "TaskSpecError",
    "TranslationSpec",
    "builtin_tasks",
    "get_task",
    "gold_letter",
    "item_letters",
    "letters_for",
    "read_task",
]

#: The task every command uses when none is named.
DEFAULT_TASK: Final = "cosmos_qa_ptbr"
#: Where the built-in task specs and their embedded samples live (package data).
BUILTIN_DIR: Final = Path(__file__).resolve().parent / "builtin"
_ALPHABET: Final = string.ascii_uppercase
#: Fewer than two options leaves nothing to choose; past ten, letters stop being how exams name options.
MIN_OPTIONS: Final = 2
MAX_OPTIONS: Final = 10
_NAME: Final = re.compile(r"[a-z0-9][a-z0-9_.-]*")
_LANGUAGE: Final = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_TAG: Final = re.compile(r"[a-z0-9][a-z0-9.-]*")
_TEMPLATE_FIELDS: Final = {"user": {"context", "question", "options"}, "option": {"letter", "text"}}


class TaskSpecError(SettingsError):
    """A task spec (YAML file or name) is missing, unknown or malformed; the message names the file and the key."""


class Item(TypedDict):
    """One question in the form every command works on, whatever the dataset's own columns.

    ``options`` are the option texts in letter order (an empty text is an option left out, as in a form where
    the user filled only some); ``label`` is the index of the correct option, ``None`` where it is not known.
    """

    id: str
    context: str
    question: str
    options: list[str]
    label: int | None


def letters_for(count: int) -> tuple[str, ...]:
    """The answer letters of an item with ``count`` options: ``letters_for(5)`` is ``('A', 'B', 'C', 'D', 'E')``."""
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_OPTIONS:
        message = f"an item has 1 to {MAX_OPTIONS} options, got {count!r}"
        raise ValueError(message)
    return tuple(_ALPHABET[:count])


def item_letters(item: Mapping[str, Any]) -> tuple[str, ...]:
    """The letters of the options ``item`` gives (those with text), in order: ``('A', 'B', 'D')`` when C is blank."""
    letters = letters_for(len(item["options"]))
    return tuple(letter for letter, text in zip(letters, item["options"], strict=True) if str(text or "").strip())


def gold_letter(item: Mapping[str, Any]) -> str:
    """The letter of ``item``'s correct option; ``ValueError`` when it has none."""
    label = item.get("label")
    if label is None:
        message = f"item {item.get('id', '?')!r} has no gold label"
        raise ValueError(message)
    return letters_for(len(item["options"]))[label]


def _label_index(value: Any, letters: Sequence[str]) -> int | None:
    """A label given as a letter (``"B"``, ``"b"``) or an index (``1``, ``"1"``, ``1.0``) -> 0-based; None if unset.

    Raises ``ValueError`` for anything else (``"Z"``, ``7`` with four options).
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, bool):
        raise ValueError(f"label must be a letter ({', '.join(letters)}) or an index, got {value!r}")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        if value == -1:
            return None  # datasets' ClassLabel spells "no label" as -1
        if 0 <= value < len(letters):
            return value
    elif isinstance(value, str):
        text = value.strip()
        if not text or text == "-1":
            return None
        if text.upper() in letters:
            return letters.index(text.upper())
        if text.isdigit() and 0 <= int(text) < len(letters):
            return int(text)
    message = f"label must be one of {', '.join(letters)} or an index 0-{len(letters) - 1}, got {value!r}"
    raise ValueError(message)


# --------------------------------------------------------------------------------------------- parts


@dataclass(frozen=True)
class Columns:
    """Where a dataset keeps each part of an item: one column per option, or one column holding the list."""

    id: str = "id"
    question: str = "question"
    options: tuple[str, ...] | str = ()
    context: str | None = None
    label: str | None = "label"
    label_format: Literal["letter", "index"] = "letter"

    @property
    def option_columns(self) -> tuple[str, ...]:
        """The option columns, in letter order (empty when the options are one list column)."""
        return () if isinstance(self.options, str) else tuple(self.options)

    @property
    def text(self) -> tuple[str, ...]:
        """The columns holding free text (what a translator translates), in published order."""
        return (*([self.context] if self.context else []), self.question, *self.option_columns)

    @property
    def published(self) -> tuple[str, ...]:
        """Every column of a row, in published order."""
        options = (self.options,) if isinstance(self.options, str) else self.option_columns
        label = (self.label,) if self.label else ()
        return (self.id, *([self.context] if self.context else []), self.question, *options, *label)


@dataclass(frozen=True)
class PromptSpec:
    """How an item is asked: the system text, the user turn, one line per option, and the answer's first word.

    ``user`` is a template with ``{context}``, ``{question}`` and ``{options}`` (the option lines joined by
    newlines); ``option`` one with ``{letter}`` and ``{text}``. A model is scored on the letter that follows
    ``answer_prefix`` (``"Alternativa"`` -> ``" B"``), and trained to answer ``"Alternativa B"``.
    """

    user: str
    option: str
    answer_prefix: str
    system: str | None = None

    def option_lines(self, item: Mapping[str, Any]) -> list[str]:
        """One line per option with text (a blank option gets no line; its letter is kept by the others)."""
        letters = letters_for(len(item["options"]))
        return [
            self.option.format(letter=letter, text=text)
            for letter, text in zip(letters, item["options"], strict=True)
            if str(text or "").strip()
        ]

    def user_message(self, item: Mapping[str, Any]) -> str:
        """The user turn asking ``item``."""
        text = self.user.format(
            context=item.get("context") or "", question=item["question"], options="\n".join(self.option_lines(item))
        )
        # A task without a context leaves an empty line where the template puts it: drop it, not the user's text.
        return text.lstrip("\n") if not item.get("context") else text

    def target(self, letter: str) -> str:
        """The answer a model is trained to give for ``letter``: ``"Alternativa B"``."""
        return f"{self.answer_prefix} {letter}"


@dataclass(frozen=True)
class DataSpec:
    """Where a task's rows come from: an embedded sample, local files, a Hub dataset repo."""

    sample: Path | None = None
    sample_split: str = "validation"
    files: Mapping[str, tuple[Path, ...]] | None = None
    hub_repo: str | None = None
    hub_revision: str | None = None
    unlabelled_splits: tuple[str, ...] = ("test",)


@dataclass(frozen=True)
class TranslationSpec:
    """How a task is made by translating another: the source task, the options with one fixed translation, and
    ``notes``: rules of this dataset the translator is given besides the general ones (its source's quirks)."""

    source_task: str | None = None
    fixed_options: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()

    def fixed(self, source_text: str) -> str | None:
        """The fixed translation of an option whose source text is ``source_text``, or None."""
        for source, target in self.fixed_options:
            if source_text.strip() == source.strip():
                return target
        return None


_LANGUAGE_NAMES: Final = {"pt-BR": "Brazilian Portuguese (pt-BR)", "pt": "Portuguese", "en": "English"}


@dataclass(frozen=True)
class TaskSpec:
    """One multiple-choice task: see the module docstring. Built by :func:`get_task` or :func:`read_task`."""

    name: str
    title: str
    language: str
    columns: Columns
    prompt: PromptSpec
    data: DataSpec
    translation: TranslationSpec = field(default_factory=TranslationSpec)
    description: str = ""
    license: str | None = None
    citation: str | None = None
    homepage: str | None = None
    harness_task: str | None = None
    n_options: int | None = None
    #: Hub tags of the task's dataset card.
    tags: tuple[str, ...] = ()
    #: The task's own dataset card template (Markdown with ``${field}`` placeholders); None: the generic card.
    dataset_card: Path | None = None
    #: The YAML file the spec was read from.
    path: Path | None = None

    def __post_init__(self) -> None:
        count = self.n_options if self.n_options is not None else len(self.columns.option_columns)
        object.__setattr__(self, "n_options", count)

    @property
    def letters(self) -> tuple[str, ...]:
        """The answer letters, one per option: ``('A', 'B', 'C', 'D')``."""
        return letters_for(int(self.n_options or 0))

    @property
    def builtin(self) -> bool:
        """Whether the spec ships with the package."""
        return self.path is not None and self.path.parent == BUILTIN_DIR

    @property
    def harness_name(self) -> str:
        """The lm-evaluation-harness task name (``cosmosqa_ptbr`` for ``cosmos_qa_ptbr``)."""
        return self.harness_task or self.name

    @property
    def language_name(self) -> str:
        """The language in words, for prompts that ask a translator for it."""
        return _LANGUAGE_NAMES.get(self.language, _LANGUAGE_NAMES.get(self.language.split("-")[0], self.language))

    @property
    def base_language(self) -> str:
        """The language without its region: ``pt`` for ``pt-BR`` (what the answer reader's vocabulary is keyed by)."""
        return self.language.split("-")[0].lower()

    def labelled(self, split: str) -> bool:
        """Whether rows of ``split`` must carry a gold label."""
        return split not in self.data.unlabelled_splits

    # ----------------------------------------------------------------------------------------- rows

    def options_of(self, row: Mapping[str, Any]) -> list[Any]:
        """The raw option values of a published ``row``, in letter order (missing ones as None)."""
        if isinstance(self.columns.options, str):
            value = row.get(self.columns.options)
            if isinstance(value, str):
                try:
                    value = json.loads(value)  # a CSV cell holding the list as JSON
                except json.JSONDecodeError:
                    return [value]
            return list(value) if isinstance(value, (list, tuple)) else [value]
        return [row.get(column) for column in self.columns.option_columns]

    def label_index(self, value: Any) -> int | None:
        """A published label (a letter or an index, as this task stores it) as an option index; None if unset."""
        return _label_index(value, self.letters)

    def normalize(self, row: Mapping[str, Any]) -> Item:
        """Turn a published row (or a builder row, whose label is a ClassLabel index) into an :class:`Item`.

        Raises ``ValueError`` for a row that cannot be one (wrong number of options, a label outside the letters).
        """
        options = [str(value) if value is not None else "" for value in self.options_of(row)]
        if len(options) != self.n_options:
            message = f"expected {self.n_options} options ({', '.join(self.letters)}), got {len(options)}"
            raise ValueError(message)
        label = self.label_index(row.get(self.columns.label)) if self.columns.label else None
        context = row.get(self.columns.context) if self.columns.context else ""
        return Item(
            id=str(row.get(self.columns.id, "")),
            context=str(context or ""),
            question=str(row[self.columns.question]),
            options=options,
            label=label,
        )

    def publish(self, item: Mapping[str, Any]) -> dict[str, Any]:
        """Turn an :class:`Item` back into a row in the task's published layout (label per ``label_format``)."""
        columns = self.columns
        row: dict[str, Any] = {columns.id: item["id"]}
        if columns.context:
            row[columns.context] = item.get("context") or ""
        row[columns.question] = item["question"]
        if isinstance(columns.options, str):
            row[columns.options] = list(item["options"])
        else:
            row.update(zip(columns.option_columns, item["options"], strict=True))
        if columns.label:
            label = item.get("label")
            if label is None:
                row[columns.label] = None
            else:
                row[columns.label] = self.letters[label] if columns.label_format == "letter" else int(label)
        return row

    def features(self) -> datasets.Features:
        """The ``datasets.Features`` of a split as the builder makes it (the label a ClassLabel of the letters)."""
        import datasets

        columns = self.columns
        out: dict[str, Any] = {columns.id: datasets.Value("string")}
        if columns.context:
            out[columns.context] = datasets.Value("string")
        out[columns.question] = datasets.Value("string")
        if isinstance(columns.options, str):
            out[columns.options] = datasets.Sequence(datasets.Value("string"))
        else:
            out.update({column: datasets.Value("string") for column in columns.option_columns})
        if columns.label:
            out[columns.label] = datasets.ClassLabel(names=list(self.letters))
        return datasets.Features(out)

    def fingerprint(self) -> str:
        """A short hash of what the spec says and of its embedded sample: runs and caches are keyed on it."""
        digest = hashlib.sha256()
        # How the task's card is written changes no item, no prompt and no score: it stays out of the fingerprint.
        described = {k: v for k, v in dataclasses.asdict(self).items() if k not in _PRESENTATION_FIELDS}
        digest.update(json.dumps(_jsonable(described), sort_keys=True, default=str).encode("utf-8"))
        if self.data.sample is not None and self.data.sample.is_file():
            digest.update(self.data.sample.read_bytes())
        return digest.hexdigest()[:16]

    def describe(self) -> dict[str, Any]:
        """What a run records about its task: name, origin, language, letters and fingerprint."""
        return {
            "name": self.name,
            "spec": "builtin" if self.builtin else (self.path.name if self.path else None),
            "language": self.language,
            "letters": "".join(self.letters),
            "fingerprint": self.fingerprint(),
        }


#: Spec fields that describe how the task is presented, not what it is.
_PRESENTATION_FIELDS: Final = ("tags", "dataset_card")


def _jsonable(value: Any) -> Any:
    if isinstance(value, Path):
        # Built-in files are named relative to the package, so the fingerprint is the same on every machine.
        return value.name
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


# --------------------------------------------------------------------------------------------- reading


_TOP_KEYS: Final = (
    "name",
    "title",
    "language",
    "description",
    "license",
    "citation",
    "homepage",
    "harness_task",
    "n_options",
    "tags",
    "dataset_card",
    "data",
    "columns",
    "prompt",
    "translation",
)
_SECTION_KEYS: Final = {
    "data": ("sample", "sample_split", "files", "hub_repo", "hub_revision", "unlabelled_splits"),
    "columns": ("id", "context", "question", "options", "label", "label_format"),
    "prompt": ("system", "user", "option", "answer_prefix"),
    "translation": ("source_task", "fixed_options", "notes"),
}


class _Reader:
    """Checks one spec file's keys and values, naming the file and the key in every message."""

    def __init__(self, path: Path):
        self.path = path
        self.where = f"task spec {str(path)!r}"

    def fail(self, key: str, problem: str) -> TaskSpecError:
        return TaskSpecError(f"{self.where}, key {key!r}: {problem}")

    def section(self, data: Mapping[str, Any], name: str, required: bool = False) -> dict[str, Any]:
        value = data.get(name)
        if value is None:
            if required:
                raise self.fail(name, f"missing: add a `{name}:` mapping (keys {', '.join(_SECTION_KEYS[name])})")
            return {}
        if not isinstance(value, Mapping):
            raise self.fail(name, f"must be a mapping of {', '.join(_SECTION_KEYS[name])}, got {value!r}")
        for key in value:
            if key not in _SECTION_KEYS[name]:
                raise TaskSpecError(unknown_key_message(f"{name}.{key}", _qualified(name), self.where))
        return dict(value)

    def text(self, data: Mapping[str, Any], key: str, *, required: bool = False, shown: str | None = None) -> Any:
        value = data.get(key)
        name = shown or key
        if value is None:
            if required:
                raise self.fail(name, "missing: it must be set")
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(name, f"must be non-empty text, got {value!r}")
        return value

    def local(self, value: Any, key: str) -> Path:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, f"must be a file path (relative to the spec), got {value!r}")
        path = (self.path.parent / value).expanduser() if not Path(value).is_absolute() else Path(value)
        if not path.is_file():
            problem = "is a folder, not a file" if path.is_dir() else "does not exist"
            raise self.fail(key, f"{str(path)!r} {problem}: paths are relative to the spec file's folder")
        return path.resolve()


def _qualified(section: str) -> list[str]:
    return [f"{section}.{key}" for key in _SECTION_KEYS[section]]


def _template_fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def read_task(path: str | Path) -> TaskSpec:
    """Read and check a task spec YAML file; raise :class:`TaskSpecError` naming the file and the wrong key."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise TaskSpecError(f"task spec {str(path)!r} is a folder: pass a YAML file (or a built-in task's name)")
    if not path.is_file():
        raise TaskSpecError(f"task spec {str(path)!r} does not exist: pass a YAML file or a built-in task's name")
    data = read_settings_file(path, kind="task spec")
    reader = _Reader(path)
    for key in data:
        if key not in _TOP_KEYS:
            raise TaskSpecError(unknown_key_message(str(key), _TOP_KEYS, reader.where))
    name = reader.text(data, "name", required=True)
    if not _NAME.fullmatch(name):
        raise reader.fail("name", f"{name!r} must be lower-case letters, digits, '_', '-' or '.' (e.g. enem_2023)")
    language = reader.text(data, "language", required=True)
    if not _LANGUAGE.fullmatch(language):
        raise reader.fail("language", f"{language!r} is not a language tag such as pt-BR, pt or en")

    columns_data = reader.section(data, "columns", required=True)
    columns = _columns(reader, columns_data)
    n_options = data.get("n_options")
    if isinstance(columns.options, str):
        if not isinstance(n_options, int) or isinstance(n_options, bool):
            raise reader.fail("n_options", "must be set to the number of options when columns.options is one column")
    elif n_options is not None and n_options != len(columns.option_columns):
        message = f"is {n_options!r} but columns.options names {len(columns.option_columns)} columns: drop n_options"
        raise reader.fail("n_options", message)
    count = n_options if isinstance(columns.options, str) else len(columns.option_columns)
    if not MIN_OPTIONS <= count <= MAX_OPTIONS:
        raise reader.fail("columns.options", f"a task has {MIN_OPTIONS} to {MAX_OPTIONS} options, got {count}")

    prompt = _prompt(reader, reader.section(data, "prompt", required=True))
    spec_data = _data(reader, reader.section(data, "data", required=True))
    translation = _translation(reader, reader.section(data, "translation"))
    harness = reader.text(data, "harness_task")
    if harness is not None and not _NAME.fullmatch(harness):
        raise reader.fail("harness_task", f"{harness!r} must be lower-case letters, digits, '_', '-' or '.'")
    tags = data.get("tags") or []
    if not isinstance(tags, (list, tuple)) or not all(isinstance(tag, str) and _TAG.fullmatch(tag) for tag in tags):
        raise reader.fail("tags", f"must be a list of Hub tags (lower-case words joined by '-'), got {tags!r}")
    card = reader.local(data["dataset_card"], "dataset_card") if data.get("dataset_card") is not None else None
    return TaskSpec(
        name=name,
        title=reader.text(data, "title") or name,
        language=language,
        columns=columns,
        prompt=prompt,
        data=spec_data,
        translation=translation,
        description=(reader.text(data, "description") or "").strip(),
        license=reader.text(data, "license"),
        citation=(reader.text(data, "citation") or "").strip() or None,
        homepage=reader.text(data, "homepage"),
        harness_task=harness,
        n_options=count,
        tags=tuple(tags),
        dataset_card=card,
        path=path.resolve(),
    )


def _columns(reader: _Reader, data: Mapping[str, Any]) -> Columns:
    names: dict[str, Any] = {}
    for key in ("id", "question", "context", "label"):
        names[key] = reader.text(data, key, required=key in ("id", "question"), shown=f"columns.{key}")
    options = data.get("options")
    if isinstance(options, str) and options.strip():
        option_value: tuple[str, ...] | str = options
    elif isinstance(options, (list, tuple)) and options and all(isinstance(o, str) and o.strip() for o in options):
        option_value = tuple(options)
    else:
        message = (
            f"must list the option columns in letter order ([A, B, C, D]) or name one list column, got {options!r}"
        )
        raise reader.fail("columns.options", message)
    label_format = data.get("label_format", "letter")
    if label_format not in ("letter", "index"):
        raise reader.fail("columns.label_format", f"must be 'letter' or 'index', got {label_format!r}")
    used = [names["id"], names["question"], *([names["context"]] if names["context"] else [])]
    used += [names["label"]] if names["label"] else []
    used += [option_value] if isinstance(option_value, str) else list(option_value)
    repeated = sorted({column for column in used if used.count(column) > 1})
    if repeated:
        raise reader.fail("columns", f"column(s) {', '.join(repeated)} named twice: each part needs its own column")
    return Columns(options=option_value, label_format=label_format, **names)


def _prompt(reader: _Reader, data: Mapping[str, Any]) -> PromptSpec:
    values = {
        key: reader.text(data, key, required=key != "system", shown=f"prompt.{key}") for key in _SECTION_KEYS["prompt"]
    }
    for key, allowed in _TEMPLATE_FIELDS.items():
        try:
            found = _template_fields(values[key])
        except ValueError as error:
            raise reader.fail(f"prompt.{key}", f"is not a valid template ({error}); write {{name}} fields") from None
        unknown = found - allowed
        if unknown:
            message = f"uses {', '.join(sorted(unknown))}; the fields it may use are {', '.join(sorted(allowed))}"
            raise reader.fail(f"prompt.{key}", message)
        needed = allowed - {"context"}
        if not needed <= found:
            raise reader.fail(f"prompt.{key}", f"must use {', '.join(sorted(needed - found))}")
    return PromptSpec(**values)


def _data(reader: _Reader, data: Mapping[str, Any]) -> DataSpec:
    sample = reader.local(data["sample"], "data.sample") if data.get("sample") is not None else None
    files = None
    if data.get("files") is not None:
        if not isinstance(data["files"], Mapping) or not data["files"]:
            raise reader.fail("data.files", "must map split names to files, e.g. {validation: enem.csv}")
        files = {}
        for split, value in data["files"].items():
            paths = value if isinstance(value, (list, tuple)) else [value]
            files[str(split)] = tuple(reader.local(p, f"data.files.{split}") for p in paths)
    hub_repo = reader.text(data, "hub_repo", shown="data.hub_repo")
    if hub_repo is not None and not re.fullmatch(r"[A-Za-z0-9][\w.-]*/[\w.-]+", hub_repo):
        raise reader.fail("data.hub_repo", f"must be a Hub dataset id namespace/name, got {hub_repo!r}")
    if sample is None and files is None and hub_repo is None:
        raise reader.fail("data", "names no data: give sample (an embedded file), files ({split: path}) or hub_repo")
    unlabelled = data.get("unlabelled_splits", ["test"])
    if not isinstance(unlabelled, (list, tuple)) or not all(isinstance(s, str) for s in unlabelled):
        raise reader.fail("data.unlabelled_splits", f"must be a list of split names, got {unlabelled!r}")
    return DataSpec(
        sample=sample,
        sample_split=reader.text(data, "sample_split", shown="data.sample_split") or "validation",
        files=files,
        hub_repo=hub_repo,
        hub_revision=reader.text(data, "hub_revision", shown="data.hub_revision"),
        unlabelled_splits=tuple(unlabelled),
    )


def _translation(reader: _Reader, data: Mapping[str, Any]) -> TranslationSpec:
    fixed = data.get("fixed_options") or {}
    if not isinstance(fixed, Mapping) or not all(isinstance(k, str) and isinstance(v, str) for k, v in fixed.items()):
        message = "must map a source option's text to its one translation, e.g. {'None of the above.': 'Nenhuma.'}"
        raise reader.fail("translation.fixed_options", message)
    notes = data.get("notes") or []
    if not isinstance(notes, (list, tuple)) or not all(isinstance(note, str) and note.strip() for note in notes):
        message = f"must list rules for the translator, one text each (e.g. ['Keep units as written.']), got {notes!r}"
        raise reader.fail("translation.notes", message)
    return TranslationSpec(
        source_task=reader.text(data, "source_task", shown="translation.source_task"),
        fixed_options=tuple((source, target) for source, target in fixed.items()),
        notes=tuple(" ".join(note.split()) for note in notes),
    )


# --------------------------------------------------------------------------------------------- lookup


def builtin_tasks() -> dict[str, Path]:
    """The task specs shipped with the package, by name."""
    return {path.stem: path for path in sorted(BUILTIN_DIR.glob("*.yaml"))}


@functools.cache
def _read_cached(path: Path, mtime_ns: int) -> TaskSpec:
    return read_task(path)


def get_task(task: str | Path | TaskSpec | None = None) -> TaskSpec:
    """The spec ``task`` names: a built-in task's name, a YAML file, a spec itself, or None for the default.

    A path that exists wins over a built-in name. Raises :class:`TaskSpecError` listing close names.
    """
    if isinstance(task, TaskSpec):
        return task
    if task is None:
        task = DEFAULT_TASK
    candidate = Path(task).expanduser()
    if candidate.suffix.lower() in (".yaml", ".yml") or candidate.is_file():
        resolved = candidate.resolve()
        if not resolved.is_file():
            read_task(candidate)  # raises the message for a missing file or a folder
        return _read_cached(resolved, resolved.stat().st_mtime_ns)
    shipped = builtin_tasks()
    name = str(task)
    if name in shipped:
        return _read_cached(shipped[name], shipped[name].stat().st_mtime_ns)
    close = difflib.get_close_matches(name, list(shipped), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    message = (
        f"task {name!r} is neither a built-in task ({', '.join(shipped)}) nor a YAML file{hint}; "
        "pass a built-in name or the path of a task spec (.yaml)"
    )
    raise TaskSpecError(message)
