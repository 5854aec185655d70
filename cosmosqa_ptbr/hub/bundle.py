"""What a Hub Space needs to run the package: its source beside the app, and its dependencies as requirements.

A Space installs ``requirements.txt`` before the repository's files are copied into the image, so a wheel kept
in the Space repository cannot be installed from it. The package therefore travels as source: the files of the
*installed* package (editable checkout or wheel alike) are copied into ``<folder>/cosmosqa_ptbr/``, which the
app imports because Python puts the app's folder first on ``sys.path``. ``requirements.txt`` lists the
package's own dependencies, read from its installed metadata.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from pathlib import Path

from .. import __version__
from ..cli.options import CommandError

__all__ = ["DISTRIBUTION", "copy_package", "requirement_lines"]

DISTRIBUTION = "cosmosqa-ptbr"
_SKIPPED_SUFFIXES = (".pyc", ".pyo")


def copy_package(folder: str | os.PathLike[str]) -> list[str]:
    """Copy the installed package's files into ``folder/cosmosqa_ptbr``; return their paths inside ``folder``."""
    source = Path(__file__).resolve().parents[1]
    target = Path(folder) / source.name
    written = []
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if not path.is_file() or "__pycache__" in relative.parts or path.suffix in _SKIPPED_SUFFIXES:
            continue
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target / relative)
        written.append((Path(source.name) / relative).as_posix())
    return written


def requirement_lines(extras: Sequence[str] = (), pins: Sequence[str] = ()) -> list[str]:
    """The package's requirements (core plus ``extras``) from its installed metadata, then ``pins``."""
    from importlib.metadata import PackageNotFoundError, requires

    from packaging.requirements import Requirement

    try:
        declared = requires(DISTRIBUTION) or []
    except PackageNotFoundError as error:
        message = (
            f"{DISTRIBUTION} {__version__} is imported from source but not installed, so its dependency list is "
            "unknown: install it (`pip install -e .` in a checkout, or `pip install` its wheel) and rerun"
        )
        raise CommandError(message) from error
    lines: list[str] = []
    for text in declared:
        requirement = Requirement(text)
        marker = requirement.marker
        if marker is not None and "extra" in str(marker):
            if not any(marker.evaluate({"extra": extra}) for extra in extras):
                continue
            requirement.marker = None  # the extra is wanted; other markers would be lost, none is declared
        if str(requirement) not in lines:
            lines.append(str(requirement))
    return [*lines, *pins]
