"""What a Hub Space needs to run the package: its source beside the app, and its dependencies as requirements.

A Space installs ``requirements.txt`` before the repository's files are copied into the image, so a wheel kept
in the Space repository cannot be installed from it. The package therefore travels as source: the package's own
files are copied into ``<folder>/cosmosqa_ptbr/``, which the app imports because Python puts the app's folder
first on ``sys.path``. Its own files, never whatever lies beside them (a ``.env``, an editor's ``app.py~``): the
installed file list of a wheel install, or, in a source checkout (an editable install), the files ``setup.cfg``
declares, its packages' modules and package data, as a wheel built from it would hold. ``requirements.txt``
lists the package's own dependencies, read from its installed metadata.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from .. import __version__
from ..cli.options import CommandError

__all__ = ["DISTRIBUTION", "copy_package", "package_files", "requirement_lines"]

DISTRIBUTION = "cosmosqa-ptbr"
_SKIPPED_SUFFIXES = (".pyc", ".pyo")


def _installed_files(source: Path) -> list[PurePosixPath] | None:
    """The package's files as its installed distribution lists them, if that distribution is this very copy."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        dist = distribution(DISTRIBUTION)
    except PackageNotFoundError:
        return None
    init = Path(str(dist.locate_file(f"{source.name}/__init__.py")))
    if not init.is_file() or init.resolve() != (source / "__init__.py").resolve():
        return None  # an editable install, or another copy than the one imported
    return [PurePosixPath(*PurePosixPath(str(f)).parts[1:]) for f in dist.files or () if f.parts[0] == source.name]


def _declared_files(source: Path, setup_cfg: Path) -> list[PurePosixPath]:
    """What a wheel built from the checkout would hold: the declared packages' modules and package data."""
    import configparser

    config = configparser.ConfigParser(interpolation=None)
    config.read(setup_cfg, encoding="utf-8")
    root = source.parent
    packages = config.get("options", "packages", fallback="").split()
    found: set[Path] = set()
    for package in packages:
        found.update((root / package.replace(".", "/")).glob("*.py"))
    if config.has_section("options.package_data"):
        for package, patterns in config.items("options.package_data"):
            targets = packages if package == "*" else [package]
            for target in targets:
                for pattern in patterns.split():
                    found.update((root / target.replace(".", "/")).glob(pattern))
    return [PurePosixPath(path.relative_to(source).as_posix()) for path in found if path.is_relative_to(source)]


def package_files() -> list[str]:
    """The package's own files, as paths inside its folder (``hub/space.py``...), sorted."""
    source = Path(__file__).resolve().parents[1]
    setup_cfg = source.parent / "setup.cfg"
    # A checkout (editable install) is read from its setup.cfg: the file list an egg-info or editable dist-info
    # keeps was written at install time and misses every module added since.
    files = None if setup_cfg.is_file() else _installed_files(source)
    if files is None:
        if not setup_cfg.is_file():
            message = (
                f"cannot tell which files of {source} belong to {DISTRIBUTION}: it is neither an installed wheel nor a "
                "checkout with setup.cfg; install the package (`pip install cosmosqa-ptbr` or `pip install -e .`)"
            )
            raise CommandError(message)
        files = _declared_files(source, setup_cfg)
    kept = set()
    for relative in files:
        path = source / relative
        if "__pycache__" in relative.parts or relative.suffix in _SKIPPED_SUFFIXES:
            continue
        if path.is_file() and not path.is_symlink():
            kept.add(relative.as_posix())
    return sorted(kept)


def copy_package(folder: str | os.PathLike[str]) -> list[str]:
    """Copy the package's own files (:func:`package_files`) into ``folder/cosmosqa_ptbr``; return their paths
    inside ``folder``."""
    from ..cli.folders import write_file

    source = Path(__file__).resolve().parents[1]
    written = []
    for relative in package_files():
        name = f"{source.name}/{relative}"
        write_file(folder, name, (source / relative).read_bytes())
        written.append(name)
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
