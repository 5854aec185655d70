"""Build the sdist and wheel from a copy of the repository, then prove the wheel works from outside it.

Steps, each printed as it passes: ``python -m build --no-isolation`` in a copy of the tracked tree (the checkout
gains no build/ or *.egg-info), ``twine check``, the wheel's package data, then a fresh virtual environment that
holds the wheel alone (the dependencies come from this interpreter's site-packages through a ``.pth`` line, which
leaves out any editable install of the package) and, run from a temporary folder with no PYTHONPATH:
``cosmosqa-ptbr data info``, ``datasets.load_dataset("cosmos_qa_ptbr", "sample")``,
``evaluate.load(cosmosqa_ptbr.LETTER_ACCURACY)``, ``cosmosqa-ptbr space build`` and the built ``app.py`` answering
``/answer`` through gradio_client with the embedded model, and ``train --config smollm2-135m/lora-cpu --check``
(reported, not required, until the recipes are package data).

    python tests/check_wheel.py [--work DIR] [--skip-space]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
JUNK = shutil.ignore_patterns(
    ".git", ".venv", "__pycache__", "*.pyc", "build", "dist", "*.egg-info", ".pytest_cache", ".ruff_cache", "outputs"
)
#: What the wheel must hold besides the modules.
PACKAGE_DATA = (
    "cosmosqa_ptbr/py.typed",
    "cosmosqa_ptbr/tasks/builtin/cosmos_qa_ptbr.validation.jsonl",
    "cosmosqa_ptbr/tasks/builtin/cosmos_qa_en.validation.csv",
    "cosmosqa_ptbr/tasks/builtin/cosmos_qa_ptbr.yaml",
    "cosmosqa_ptbr/tasks/builtin/cosmos_qa_ptbr.card.md",
    "cosmosqa_ptbr/hub/templates/dataset_card.md",
    "cosmosqa_ptbr/hub/templates/model_card.md",
    "cosmosqa_ptbr/hub/templates/space_card.md",
    "cosmosqa_ptbr/hub/space_app/app.py",
    "cosmosqa_ptbr/metrics/letter_accuracy/letter_accuracy.py",
    "cosmosqa_ptbr/metrics/letter_accuracy/README.md",
    "cosmosqa_ptbr/metrics/letter_accuracy/app.py",
    "cosmosqa_ptbr/metrics/letter_accuracy/requirements.txt",
)
#: A shipped recipe, resolved by its bare name from an installed wheel.
RECIPE = "cosmosqa_ptbr/recipes/smollm2-135m/lora-cpu.yaml"


def step(name: str, detail: str = "") -> None:
    print(f"OK   {name}" + (f": {detail}" if detail else ""), flush=True)


def run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)  # type: ignore[call-overload]
    if result.returncode != 0:
        message = f"{' '.join(command)} exited {result.returncode}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        raise SystemExit(message)
    return result


def build(work: Path) -> tuple[Path, Path]:
    """Build sdist and wheel from a copy of the repository; return their paths."""
    source = work / "src"
    shutil.copytree(REPO, source, ignore=JUNK)
    dist = work / "dist"
    run([sys.executable, "-m", "build", "--no-isolation", "--sdist", "--wheel", "--outdir", str(dist), str(source)])
    (wheel,) = dist.glob("*.whl")
    (sdist,) = dist.glob("*.tar.gz")
    step("build", f"{sdist.name}, {wheel.name}")
    out = run([sys.executable, "-m", "twine", "check", "--strict", str(sdist), str(wheel)]).stdout
    step("twine check", " ".join(re.sub(r"\x1b\[[0-9;]*m", "", out).split()))
    return sdist, wheel


def wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def make_venv(work: Path, wheel: Path) -> Path:
    """A fresh venv holding only the wheel; this interpreter's site-packages supply the dependencies."""
    venv = work / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / "bin" / "python"
    purelib = Path(run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    # A .pth line adds the directory but runs none of the .pth files inside it: an editable install stays out.
    (purelib / "zz_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)]
    run(pip)
    step("install", f"{wheel.name} into {venv} (no dependencies resolved, none downloaded)")
    return venv


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def check_outside(venv: Path, work: Path, skip_space: bool) -> None:
    """Run the installed wheel from a folder outside the repository."""
    outside = work / "outside"
    outside.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(HF_HUB_OFFLINE="1", HF_DATASETS_OFFLINE="1", GRADIO_ANALYTICS_ENABLED="False", PYTHONNOUSERSITE="1")
    python, cli = str(venv / "bin" / "python"), str(venv / "bin" / "cosmosqa-ptbr")
    options = {"cwd": outside, "env": env, "timeout": 600}

    out = run([cli, "data", "info"], **options).stdout
    step("cosmosqa-ptbr data info", " | ".join(line.strip() for line in out.splitlines()))
    code = (
        "import json, datasets, evaluate, cosmosqa_ptbr\n"
        "ds = datasets.load_dataset('cosmos_qa_ptbr', 'sample')\n"
        "metric = evaluate.load(cosmosqa_ptbr.LETTER_ACCURACY)\n"
        "r = metric.compute(predictions=['Alternativa B', 'C'], references=['B', 'A'])\n"
        "print(json.dumps({'package': cosmosqa_ptbr.__file__, 'sample': {s: d.num_rows for s, d in ds.items()},"
        " 'accuracy': r['accuracy']}))\n"
    )
    found = json.loads(run([python, "-c", code], **options).stdout.strip().splitlines()[-1])
    if not found["package"].startswith(str(venv)) or str(REPO) in found["package"]:
        raise SystemExit(f"cosmosqa_ptbr was imported from {found['package']}, not from the wheel in {venv}")
    step("import", f"cosmosqa_ptbr from {found['package']}")
    step("datasets.load_dataset('cosmos_qa_ptbr', 'sample')", f"{found['sample']}")
    step("evaluate.load(cosmosqa_ptbr.LETTER_ACCURACY)", f"accuracy {found['accuracy']} on 2 answers")

    space = outside / "space"
    out = run([cli, "space", "build", "--output-dir", str(space)], **options).stdout
    step("cosmosqa-ptbr space build", out.strip())
    if not skip_space:
        answer_through_gradio(python, space, options)

    check = subprocess.run(
        [cli, "train", "--config", "smollm2-135m/lora-cpu", "--check"],
        capture_output=True,
        text=True,
        cwd=outside,
        env=env,
        timeout=600,
    )
    # stdout ends with the settings it checked; stderr may hold libraries' logs (bitsandbytes offline, say).
    last = (check.stdout.strip() or check.stderr.strip()).splitlines()[-1:] or [""]
    if check.returncode != 0:
        raise SystemExit(
            f"cosmosqa-ptbr train --config smollm2-135m/lora-cpu --check: exit {check.returncode}: {last[0]}"
        )
    step("cosmosqa-ptbr train --config smollm2-135m/lora-cpu --check", last[0])


def answer_through_gradio(python: str, space: Path, options: dict) -> None:
    """Serve the built app.py with the embedded model and call /answer through gradio_client."""
    port = free_port()
    env = {
        **options["env"],
        "COSMOSQA_EMBEDDED": "1",
        "GRADIO_SERVER_NAME": "127.0.0.1",
        "GRADIO_SERVER_PORT": str(port),
        "GRADIO_EXAMPLES_CACHE": str(space.parent / "examples"),
    }
    log = space.parent / "app.log"
    with log.open("w") as handle:
        server = subprocess.Popen(
            [python, str(space / "app.py")], cwd=options["cwd"], env=env, stdout=handle, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + 300
        while f"127.0.0.1:{port}" not in log.read_text(errors="replace"):
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the built app did not start:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.5)
        code = (
            "import json, sys\nfrom gradio_client import Client\n"
            f"client = Client('http://127.0.0.1:{port}/', verbose=False, download_files=False)\n"
            "label, *_ = client.predict('Choveu a noite toda.', 'Por que a rua estava molhada?', 'Por causa da chuva',"
            " 'Por causa do sol', 'Nenhuma das alternativas acima.', '', api_name='/answer')\n"
            "print(json.dumps(label))\n"
        )
        label = json.loads(run([python, "-c", code], **options).stdout.strip().splitlines()[-1])
        shown = {c["label"]: round(c["confidence"], 3) for c in label["confidences"]}
        imported = "cosmosqa_ptbr/" if (space / "cosmosqa_ptbr").is_dir() else "?"
        step(
            "space app.py /answer via gradio_client",
            f"label {label['label']!r}, confidences {shown} ({imported} beside app.py)",
        )
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", help="folder for the build, the venv and the outside runs (default: temporary)")
    parser.add_argument("--skip-space", action="store_true", help="do not serve the built Space")
    args = parser.parse_args()
    work = Path(args.work or tempfile.mkdtemp(prefix="cosmosqa-wheel-"))
    work.mkdir(parents=True, exist_ok=True)
    _, wheel = build(work)
    names = wheel_names(wheel)
    missing = [name for name in PACKAGE_DATA if name not in names]
    if missing:
        raise SystemExit(f"the wheel lacks {missing}")
    step("wheel package data", f"{len(PACKAGE_DATA)} files present")
    if RECIPE not in names:
        raise SystemExit(f"the wheel lacks {RECIPE}")
    step("wheel holds the recipes", RECIPE)
    venv = make_venv(work, wheel)
    check_outside(venv, work, args.skip_space)
    print(f"work folder: {work}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
