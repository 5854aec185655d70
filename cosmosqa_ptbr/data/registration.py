"""Make ``datasets.load_dataset("cosmos_qa_ptbr")`` (and every built-in task's name) resolve to the package's builder.

The one module that touches private parts of ``datasets``, which has no plugin hook for third-party builders.
Nothing else depends on it: ``cosmosqa_ptbr.load_dataset`` instantiates the builder itself, and a folder written by
``data push`` loads with plain ``datasets.load_dataset(folder)``. Two private pieces are adjusted, after checking
that they still have the shape relied on here (tested on the oldest and newest ``datasets`` in setup.cfg's range):

1. ``datasets.packaged_modules._PACKAGED_DATASETS_MODULES`` gets each built-in task's name (``cosmos_qa_ptbr``,
   ``cosmos_qa_en``) -> (builder module, hash), which ``dataset_module_factory`` consults before any Hub lookup;
2. ``datasets.load.PackagedDatasetModuleFactory`` is replaced by a subclass that, for these names only and when
   neither ``data_files`` nor ``data_dir`` is given, hands the builder an empty file list (the builder then
   reads its own embedded sample, or the Hub repo for the ``default`` config) instead of scanning the current
   directory, and skips the download-count ping the stock factory sends.

If a ``datasets`` release has moved them, nothing is changed: importing still works, a ``RuntimeWarning`` says in
one line that the names need a supported ``datasets`` while ``cosmosqa_ptbr.load_dataset(...)`` works, and
``datasets.load_dataset`` given one of these names raises :class:`RegistrationError` with that line.

``import datasets`` costs most of a second, and ``import cosmosqa_ptbr`` (hence ``cosmosqa-ptbr --help``) must
not pay it. So the registration runs at once when ``datasets`` is already imported, and otherwise from a
one-shot ``sys.meta_path`` finder that wraps the loader of ``datasets`` and registers right after the package
has executed.
"""

from __future__ import annotations

import functools
import importlib.abc
import importlib.machinery
import importlib.util
import inspect
import re
import sys
import warnings
from pathlib import Path
from types import ModuleType
from typing import Any, Final

from .loading import builder_hash

__all__ = ["BUILDER_MODULE", "DATASET_NAME", "RegistrationError", "is_registered", "register_builder"]

#: The name ``datasets.load_dataset`` accepts for the default task.
DATASET_NAME: Final = "cosmos_qa_ptbr"
BUILDER_MODULE: Final = "cosmosqa_ptbr.data.builder"
_PACKAGE_DIR: Final = Path(__file__).resolve().parents[1]
#: The parameters of the stock factory's ``__init__`` that the subclass below takes and sets.
_FACTORY_PARAMETERS: Final = ("self", "name", "data_dir", "data_files", "download_config", "download_mode")


class RegistrationError(RuntimeError):
    """``datasets.load_dataset`` was given a built-in task's name, but the installed ``datasets`` could not take it."""


class _InternalsChanged(Exception):
    """A private piece of ``datasets`` is missing or no longer has the shape this module relies on."""


def _task_names() -> list[str]:
    # Read from the folder, not through cosmosqa_ptbr.tasks: registering must not import more than it needs.
    return sorted(path.stem for path in (_PACKAGE_DIR / "tasks" / "builtin").glob("*.yaml"))


def is_registered() -> bool:
    """Whether ``datasets`` is imported and resolves ``cosmos_qa_ptbr`` to this builder."""
    if "datasets" not in sys.modules:
        return False
    from datasets import load, packaged_modules

    registry = getattr(packaged_modules, "_PACKAGED_DATASETS_MODULES", {})
    entry = registry.get(DATASET_NAME)  # the other names go with it
    factory = getattr(load, "PackagedDatasetModuleFactory", None)
    return bool(entry and entry[0] == BUILDER_MODULE and getattr(factory, "_cosmosqa_ptbr", False))


def _supported_datasets() -> str:
    """The ``datasets`` requirement of the installed cosmosqa-ptbr, written as in setup.cfg (``datasets>=4.0,<6``)."""
    from importlib.metadata import PackageNotFoundError, requires

    try:
        requirements = requires("cosmosqa-ptbr") or []
    except PackageNotFoundError:
        requirements = []
    for requirement in requirements:
        spec, _, marker = requirement.partition(";")
        match = re.fullmatch(r"\s*datasets\s*([<>=!~].*)", spec, flags=re.IGNORECASE)
        if match and not marker.strip():
            # Metadata may list the upper bound first ("<6,>=4.0").
            bounds = sorted((bound.strip() for bound in match.group(1).split(",")), key=lambda b: not b.startswith(">"))
            return "datasets" + ",".join(bounds)
    return "the datasets range in cosmosqa-ptbr's setup.cfg"


def _unavailable_message(reason: str) -> str:
    """One line: the installed ``datasets`` cannot take the names, why, what is needed, and what works anyway."""
    import datasets

    return (
        f'datasets.load_dataset("{DATASET_NAME}") is not available with the installed datasets '
        f"{datasets.__version__} ({reason}); it needs the releases cosmosqa-ptbr supports "
        f"({_supported_datasets()}), while cosmosqa_ptbr.load_dataset(...) works with any (e.g. "
        'cosmosqa_ptbr.load_dataset("sample"))'
    )


def _stock_factory(factory: Any) -> Any:
    # After a first registration the attribute holds this module's subclass; its base is datasets' own class.
    return factory.__mro__[1] if getattr(factory, "_cosmosqa_ptbr", False) else factory


def _internals() -> tuple[dict[str, tuple[str, str]], type, type, type]:
    """The private pieces registering needs (registry, factory, module and data-files classes), shape checked."""
    import datasets.data_files
    import datasets.load
    import datasets.packaged_modules

    registry = getattr(datasets.packaged_modules, "_PACKAGED_DATASETS_MODULES", None)
    if not isinstance(registry, dict) or not all(
        isinstance(entry, tuple) and len(entry) == 2 and all(isinstance(part, str) for part in entry)
        for entry in registry.values()
    ):
        raise _InternalsChanged("its packaged_modules._PACKAGED_DATASETS_MODULES is gone or changed")
    factory = getattr(datasets.load, "PackagedDatasetModuleFactory", None)
    stock = _stock_factory(factory) if isinstance(factory, type) else None
    if (
        stock is None
        or not callable(getattr(stock, "get_module", None))
        or tuple(inspect.signature(stock.__init__).parameters) != _FACTORY_PARAMETERS
    ):
        raise _InternalsChanged("its load.PackagedDatasetModuleFactory is gone or takes other arguments")
    consulting = getattr(datasets.load, "dataset_module_factory", None)
    if not callable(consulting):
        raise _InternalsChanged("its load.dataset_module_factory is gone")
    try:
        source: str | None = inspect.getsource(consulting)
    except (OSError, TypeError):
        source = None  # installed without its source: the checks above have to do
    if source is not None and (
        "_PACKAGED_DATASETS_MODULES" not in source or "PackagedDatasetModuleFactory(" not in source
    ):
        raise _InternalsChanged("its load.dataset_module_factory no longer consults the packaged modules")
    module_class = getattr(datasets.load, "DatasetModule", None)
    files_class = getattr(datasets.data_files, "DataFilesDict", None)
    if not isinstance(module_class, type) or not isinstance(files_class, type):
        raise _InternalsChanged("its load.DatasetModule or data_files.DataFilesDict is gone")
    return registry, factory, module_class, files_class


def _factory_class(
    base: type, registry: dict[str, tuple[str, str]], module_class: type, files_class: type, names: frozenset[str]
) -> type:
    class CosmosQAPtbrPackagedModuleFactory(base):  # type: ignore[misc, valid-type]
        """The stock packaged-module factory, except that a built-in task's name with no files uses its own data."""

        _cosmosqa_ptbr = True

        def __init__(
            self,
            name: str,
            data_dir: str | None = None,
            data_files: Any = None,
            download_config: Any = None,
            download_mode: Any = None,
        ) -> None:
            if name not in names:
                super().__init__(
                    name,
                    data_dir=data_dir,
                    data_files=data_files,
                    download_config=download_config,
                    download_mode=download_mode,
                )
                return
            # Same attributes as the stock __init__, minus its download-count request to the Hub's bucket.
            self.name = name
            self.data_dir = data_dir
            self.data_files = data_files
            self.download_config = download_config
            self.download_mode = download_mode

        def get_module(self) -> Any:
            if self.name in names and self.data_files is None and self.data_dir is None:
                module_path, module_hash = registry[self.name]
                # An empty (not None) file list: datasets' "no data files" check passes, and the builder
                # falls back to its embedded sample or its Hub repo.
                return module_class(module_path, module_hash, {"data_files": files_class(), "dataset_name": self.name})
            return super().get_module()

    return CosmosQAPtbrPackagedModuleFactory


def _register_now() -> None:
    registry, factory, module_class, files_class = _internals()  # checked before anything is changed
    names = frozenset(_task_names())
    module_hash = builder_hash()
    for name in names:
        registry[name] = (BUILDER_MODULE, module_hash)
    if not getattr(factory, "_cosmosqa_ptbr", False):
        import datasets.load

        datasets.load.PackagedDatasetModuleFactory = _factory_class(factory, registry, module_class, files_class, names)


def _refuse_names(message: str) -> None:
    """Make ``datasets.load_dataset`` raise ``message`` for the built-in names instead of a Hub or cache error."""
    import datasets

    load_dataset = datasets.load_dataset
    if getattr(load_dataset, "_cosmosqa_ptbr_refusal", False):
        return
    names = frozenset(_task_names())

    @functools.wraps(load_dataset)
    def refusing_load_dataset(*args: Any, **kwargs: Any) -> Any:
        if (args[0] if args else kwargs.get("path")) in names:
            raise RegistrationError(message)
        return load_dataset(*args, **kwargs)

    refusing_load_dataset._cosmosqa_ptbr_refusal = True  # type: ignore[attr-defined]
    datasets.load_dataset = refusing_load_dataset


def _register_or_warn() -> None:
    try:
        _register_now()
    except Exception as exc:  # a datasets release moved its private parts: keep `import datasets` working
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        message = _unavailable_message(reason)
        warnings.warn(message, RuntimeWarning, stacklevel=2)
        _refuse_names(message)


class _RegisteringLoader(importlib.abc.Loader):
    """Runs the real loader of ``datasets``, then registers the builder."""

    def __init__(self, loader: Any) -> None:
        self._loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        # Put the real loader back first, so nothing downstream sees this wrapper.
        module.__loader__ = self._loader
        if module.__spec__ is not None:
            module.__spec__.loader = self._loader
        self._loader.exec_module(module)
        _register_or_warn()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._loader, name)


class _DatasetsImportHook(importlib.abc.MetaPathFinder):
    """One-shot finder: wraps the loader of the top-level ``datasets`` package."""

    def find_spec(self, fullname: str, path: Any = None, target: ModuleType | None = None) -> Any:
        if fullname != "datasets":
            return None
        _remove_hook()  # one shot, and the lookup below must not find this finder again
        spec = importlib.util.find_spec(fullname)
        if spec is None or spec.loader is None:
            return spec
        spec.loader = _RegisteringLoader(spec.loader)
        return spec


def _remove_hook() -> None:
    sys.meta_path[:] = [finder for finder in sys.meta_path if not isinstance(finder, _DatasetsImportHook)]


def register_builder() -> None:
    """Register the builder with ``datasets``: now if it is imported, else right after its import."""
    if "datasets" in sys.modules:
        _register_or_warn()
    elif not any(isinstance(finder, _DatasetsImportHook) for finder in sys.meta_path):
        sys.meta_path.insert(0, _DatasetsImportHook())
