"""Shared fixtures: the embedded sample, tiny models built from configs, and the embedded SmolLM2."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from _hub import RecordingHfApi
from _tiny import build_tiny_llama, sample_rows

TEST_DATA = Path(__file__).resolve().parent / "data"
BUILTIN = Path(__file__).resolve().parents[1] / "cosmosqa_ptbr" / "tasks" / "builtin"


@pytest.fixture(scope="session", autouse=True)
def converted_model_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache of converted models for the session and the processes it starts, unless one is configured."""
    from cosmosqa_ptbr.evaluation.converted import CACHE_ENV

    if not os.environ.get(CACHE_ENV):
        base = tmp_path_factory.getbasetemp()
        # (pytest-xdist's workers share their run's folder: the model is converted once for all of them)
        shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
        os.environ[CACHE_ENV] = str(shared / "converted-models")
    return Path(os.environ[CACHE_ENV])


@pytest.fixture(scope="session")
def sample() -> list[dict[str, Any]]:
    """The 400 embedded reference pt-BR items as plain dicts."""
    return sample_rows()


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A random tiny Llama + BPE tokenizer saved in a temporary folder (built once per session)."""
    return build_tiny_llama(tmp_path_factory.mktemp("tiny-llama"))


@pytest.fixture(scope="session")
def embedded_model() -> Any:
    """The embedded SmolLM2-135M-Instruct, loaded once per session (about 20 s)."""
    from cosmosqa_ptbr.evaluation.models import load_model

    return load_model()


@pytest.fixture(scope="session")
def english_validation_csv() -> Path:
    """The English originals of the 400 embedded sample items (tests/data, CC BY 4.0)."""
    return BUILTIN / "cosmos_qa_en.validation.csv"


@pytest.fixture()
def hf_api(monkeypatch: pytest.MonkeyPatch) -> RecordingHfApi:
    """A RecordingHfApi that every ``huggingface_hub.HfApi()`` made during the test returns."""
    import huggingface_hub

    api = RecordingHfApi()
    monkeypatch.setattr(huggingface_hub, "HfApi", lambda *args, **kwargs: api)
    return api
