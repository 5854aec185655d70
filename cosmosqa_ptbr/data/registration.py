"""Make ``datasets.load_dataset("cosmos_qa_ptbr")`` (and every built-in task's name) resolve to the package's builder.

``datasets`` has no plugin hook for third-party builders, so two of its private pieces are adjusted
(``datasets`` is pinned in setup.cfg and tests/test_registration.py fails loudly when an upgrade moves them):

1. ``datasets.packaged_modules._PACKAGED_DATASETS_MODULES`` gets each built-in task's name (``cosmos_qa_ptbr``,
   ``cosmos_qa_en``) -> (builder module, hash), which ``dataset_module_factory`` consults before any Hub lookup;
2. ``datasets.load.PackagedDatasetModuleFactory`` is replaced by a subclass that, for these names only and when
   neither ``data_files`` nor ``data_dir`` is given, hands the builder an empty file list (the builder then
   reads its own embedded sample, or the Hub repo for the ``default`` config) instead of scanning the current
   directory, and skips the download-count ping the stock factory sends.

``import datasets`` costs most of a second, and ``import cosmosqa_ptbr`` (hence ``cosmosqa-ptbr --help``) must
not pay it. So the registration runs at once when ``datasets`` is already imported, and otherwise from a
one-shot ``sys.meta_path`` finder that wraps the loader of ``datasets`` and registers right after the package
has executed.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import warnings
from pathlib import Path
from types import ModuleType
from typing import Any, Final

__all__ = ["BUILDER_MODULE", "DATASET_NAME", "builder_hash", "is_registered", "register_builder"]

#: The name ``datasets.load_dataset`` accepts for the default task.
DATASET_NAME: Final = "cosmos_qa_ptbr"
BUILDER_MODULE: Final = "cosmosqa_ptbr.data.builder"
_PACKAGE_DIR: Final = Path(__file__).resolve().parents[1]
#: Files whose content defines what the builder produces (its cache is keyed on their hash, and the task's).
_HASHED_FILES: Final = ("tasks/spec.py", "data/builder.py", "data/reading.py", "data/loading.py")


def _task_names() -> list[str]:
    # Read from the folder, not through cosmosqa_ptbr.tasks: registering must not import more than it needs.
    return sorted(path.stem for path in (_PACKAGE_DIR / "tasks" / "builtin").glob("*.yaml"))


def builder_hash(fingerprint: str = "") -> str:
    """Return the hash of the builder's code and a task's fingerprint (``datasets`` keys its cache on it).

    Without ``fingerprint`` the built-in specs and their samples are hashed (what a name registered with
    ``datasets`` builds).
    """
    digest = hashlib.sha256()
    for name in _HASHED_FILES:
        digest.update(name.encode())
        digest.update((_PACKAGE_DIR / name).read_bytes())
    if fingerprint:
        digest.update(fingerprint.encode())
    else:
        for path in sorted((_PACKAGE_DIR / "tasks" / "builtin").iterdir()):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def is_registered() -> bool:
    """Whether ``datasets`` is imported and resolves ``cosmos_qa_ptbr`` to this builder."""
    if "datasets" not in sys.modules:
        return False
    from datasets import load, packaged_modules

    entry = packaged_modules._PACKAGED_DATASETS_MODULES.get(DATASET_NAME)  # the other names go with it
    return bool(
        entry and entry[0] == BUILDER_MODULE and getattr(load.PackagedDatasetModuleFactory, "_cosmosqa_ptbr", False)
    )


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
    from datasets import load, packaged_modules
    from datasets.data_files import DataFilesDict

    registry = packaged_modules._PACKAGED_DATASETS_MODULES
    names = frozenset(_task_names())
    module_hash = builder_hash()
    for name in names:
        registry[name] = (BUILDER_MODULE, module_hash)
    factory = load.PackagedDatasetModuleFactory
    if not getattr(factory, "_cosmosqa_ptbr", False):
        load.PackagedDatasetModuleFactory = _factory_class(factory, registry, load.DatasetModule, DataFilesDict, names)


def _register_or_warn() -> None:
    try:
        _register_now()
    except Exception as exc:  # a datasets upgrade moved the private registry: keep `import datasets` working
        message = (
            f"cosmosqa_ptbr could not register its builder with datasets ({type(exc).__name__}: {exc}); "
            'datasets.load_dataset("cosmos_qa_ptbr") will not resolve. cosmosqa_ptbr.load_dataset() still works; '
            "install the datasets version pinned by cosmosqa-ptbr."
        )
        warnings.warn(message, RuntimeWarning, stacklevel=2)


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
