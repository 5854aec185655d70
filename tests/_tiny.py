"""Tiny causal LMs built from a config in a temporary folder: real transformers models, seconds to train."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cosmosqa_ptbr.prompts import ZEPHYR_CHAT_TEMPLATE, build_messages, target_text
from cosmosqa_ptbr.schema import LETTERS

SAMPLE = Path(__file__).resolve().parents[1] / "cosmosqa_ptbr" / "tasks" / "builtin" / "cosmos_qa_ptbr.validation.jsonl"
SPECIAL_TOKENS = ["<pad>", "</s>", "<s>", "<unk>"]


def sample_rows(limit: int | None = None) -> list[dict[str, Any]]:
    """Return rows of the embedded sample as plain dicts (``Label`` a letter)."""
    rows = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def _corpus(rows: list[dict[str, Any]]) -> list[str]:
    texts = []
    for row in rows:
        for message in build_messages(row):
            texts.append(f"<|{message['role']}|>\n{message['content']}")
        texts.append("<|assistant|>\n" + " ".join(target_text(letter) for letter in LETTERS))
    return texts


def build_tokenizer(path: Path, rows: list[dict[str, Any]] | None = None, vocab_size: int = 600) -> Any:
    """Train a byte-level BPE tokenizer offline on sample text; Zephyr chat template; save to ``path``."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    rows = rows if rows is not None else sample_rows(60)
    tokenizer = Tokenizer(models.BPE(unk_token="<unk>"))
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=SPECIAL_TOKENS,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
    )
    tokenizer.train_from_iterator(_corpus(rows), trainer=trainer)
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tokenizer, pad_token="<pad>", eos_token="</s>", bos_token="<s>", unk_token="<unk>"
    )
    fast.chat_template = ZEPHYR_CHAT_TEMPLATE
    fast.save_pretrained(path)
    return fast


def build_sentencepiece_tokenizer(path: Path, rows: list[dict[str, Any]] | None = None, vocab_size: int = 800) -> Any:
    """Train a Llama-style SentencePiece BPE tokenizer offline on sample text; save it to ``path``.

    As in Llama, Mistral and Zephyr: a ``▁`` marks a word start and is put before the text's first word,
    a newline is a byte-fallback token (``<0x0A>``) that no piece spans, and BOS is added by default. The
    pieces and merges are learnt with the ``tokenizers`` trainer and loaded into ``LlamaTokenizer``.
    """
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import LlamaTokenizer

    rows = rows if rows is not None else sample_rows(60)
    learner = Tokenizer(models.BPE(unk_token="<unk>"))
    learner.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.Split("\n", "isolated"),
            pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="first", split=True),
        ]
    )
    learner.train_from_iterator(_corpus(rows), trainer=trainers.BpeTrainer(vocab_size=vocab_size))
    learnt = json.loads(learner.to_str())["model"]
    vocab = {"<unk>": 0, "<s>": 1, "</s>": 2}
    vocab.update({f"<0x{byte:02X}>": 3 + byte for byte in range(256)})
    for piece in sorted(learnt["vocab"], key=learnt["vocab"].get):
        if piece not in vocab and piece != "\n":
            vocab[piece] = len(vocab)
    merges = [tuple(merge.split(" ") if isinstance(merge, str) else merge) for merge in learnt["merges"]]
    tokenizer = LlamaTokenizer(vocab=vocab, merges=merges)
    tokenizer.chat_template = ZEPHYR_CHAT_TEMPLATE
    tokenizer.save_pretrained(path)
    return tokenizer


def build_tiny_llama(
    path: Path,
    rows: list[dict[str, Any]] | None = None,
    seed: int = 0,
    *,
    sentencepiece: bool = False,
    initializer_range: float = 0.02,
) -> Path:
    """Save a randomly initialised 2-layer Llama (hidden 64) and its tokenizer to ``path``; return it.

    The tokenizer is byte-level BPE, or with ``sentencepiece`` the Llama-style one of
    :func:`build_sentencepiece_tokenizer`. At the default ``initializer_range`` a greedy generation repeats one token;
    at 0.5 it wanders over the vocabulary, so that generations differ from item to item.
    """
    path.mkdir(parents=True, exist_ok=True)
    tokenizer = (build_sentencepiece_tokenizer if sentencepiece else build_tokenizer)(path, rows)
    return save_tiny_llama(tokenizer, path, seed, initializer_range=initializer_range)


def save_tiny_llama(
    tokenizer: Any, path: Path, seed: int = 0, *, max_position_embeddings: int = 2048, initializer_range: float = 0.02
) -> Path:
    """Save a randomly initialised 2-layer Llama (hidden 64) sized to ``tokenizer`` to ``path``; return ``path``."""
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(seed)
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=max_position_embeddings,
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id,
        bos_token_id=tokenizer.bos_token_id,
        tie_word_embeddings=True,
        initializer_range=initializer_range,
    )
    LlamaForCausalLM(config).save_pretrained(path)
    return path
