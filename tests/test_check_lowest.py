"""tests/check_lowest.py asks for what each environment needs and fails on a floor no environment installed.

The check itself installs packages from the index and runs for minutes: it is run by hand (see the README).
"""

from __future__ import annotations

import configparser
from pathlib import Path

import pytest
from check_lowest import ENVIRONMENTS, check_floors, selected
from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parents[1]


def _declared() -> list[Requirement]:
    """setup.cfg's requirements as the wheel's METADATA lists them: one line per extra, marked with it."""
    config = configparser.ConfigParser()
    config.read(REPO / "setup.cfg", encoding="utf-8")
    lines = [line for line in config["options"]["install_requires"].splitlines() if line.strip()]
    declared = [Requirement(line) for line in lines]
    for extra, value in config["options.extras_require"].items():
        for line in filter(None, (line.strip() for line in value.splitlines())):
            declared.append(Requirement(f'{line}; extra == "{extra}"'))
    return declared


def _names(requirements: list[Requirement]) -> set[str]:
    return {requirement.name.lower().replace("_", "-") for requirement in requirements}


def test_dev_environment_asks_for_every_extra_and_base_leaves_out_trl() -> None:
    """dev takes the base, train, translate, space and test requirements; base takes no trl (it needs datasets 4.7)."""
    environments = {environment.name: environment for environment in ENVIRONMENTS}
    dev = selected(_declared(), environments["dev"])
    base = selected(_declared(), environments["base"])
    assert {"datasets", "transformers", "trl", "peft", "openai", "gradio", "lm-eval", "pytest"} <= _names(dev)
    assert {"datasets", "transformers", "openai", "gradio", "pytest", "pytest-timeout"} <= _names(base)
    assert not {"trl", "bitsandbytes", "lm-eval", "selenium"} & _names(base)
    assert all(requirement.marker is None for requirement in dev + base)


def test_a_floor_no_environment_installed_fails_the_check() -> None:
    """A declared lower bound above what every environment resolved is named in the failure; torch is exempt."""
    requirements = [Requirement("datasets>=4.0,<6"), Requirement("tqdm>=4.66"), Requirement("torch>=2.4")]
    resolved = {"dev": {"datasets": "4.7.0", "tqdm": "4.66.3", "torch": "2.13.0"}, "base": {"datasets": "4.0.0"}}
    with pytest.raises(
        SystemExit, match=r"^declared floors no environment installed.*tqdm>=4.66 \(dev 4.66.3, base -\)$"
    ):
        check_floors(requirements, resolved)
    resolved["base"]["tqdm"] = "4.66.0"
    check_floors(requirements, resolved)
