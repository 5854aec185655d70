"""The ``data`` subcommand: inspect, export and publish Cosmos QA Português."""

from __future__ import annotations

import argparse
import contextlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..cli.folders import folder_files, owned_folder, record_files
from ..cli.options import CommandError, HelpFormatter, add_settings, module_main, settings_from_args, subcommand_parser
from ..schema import LETTERS
from .export import EXPORT_COMMAND, EXPORT_FORMATS, export_dataset
from .loading import label_counts, load_dataset
from .reading import ON_ERROR
from .source import DataSource, resolve_source

__all__ = ["main", "make_parser"]


def _add_source_arguments(parser: argparse.ArgumentParser, repo_flag: str = "--repo-id") -> None:
    if repo_flag == "--repo-id":
        add_settings(parser, DataSource)
    else:
        add_settings(parser, DataSource, exclude=("repo_id", "revision"))
        parser.add_argument(
            repo_flag, dest="repo_id", default=argparse.SUPPRESS, help="Hub dataset repo the default config reads"
        )
        parser.add_argument("--revision", default=argparse.SUPPRESS, help=f"commit, branch or tag of {repo_flag}")
    parser.add_argument("--split", help="only this split")
    parser.add_argument(
        "--on-error",
        choices=ON_ERROR,
        default="raise",
        help="'raise' stops at the first invalid row; 'skip' sets invalid rows aside and reports them",
    )


def make_parser(subparsers: Any | None = None) -> argparse.ArgumentParser:
    """Parser of ``cosmosqa-ptbr data`` (``info``, ``export``, ``push``)."""
    parser = subcommand_parser(
        subparsers,
        "data",
        "Inspect, export and publish Cosmos QA Português. Every row is validated on load "
        "(missing or empty fields, labels outside A-D, duplicate ids).",
    )
    actions = parser.add_subparsers(dest="action", metavar="<action>", required=True)
    formatter = HelpFormatter
    info = actions.add_parser(
        "info",
        help="rows per split and label counts",
        description="Print rows per split and gold-letter counts.",
        formatter_class=formatter,
    )
    _add_source_arguments(info)
    export = actions.add_parser(
        "export",
        help="write the splits as Parquet, JSONL or CSV",
        description="Write each split to OUTPUT_DIR/<split>.<format> in the published layout (Label as a letter).",
        formatter_class=formatter,
    )
    _add_source_arguments(export)
    export.add_argument("--format", choices=EXPORT_FORMATS, default="parquet", help="file format")
    export.add_argument(
        "--output-dir",
        required=True,
        help="folder to write into: new, empty, or written by an earlier `data export` (created if needed)",
    )
    push = actions.add_parser(
        "push",
        help="publish Parquet splits + dataset card to the Hub",
        description="Publish the splits as Parquet plus a dataset card whose YAML (configs, dataset_info with the "
        "ClassLabel) lets datasets.load_dataset(REPO_ID) load it with no script. The token comes from HF_TOKEN "
        "or `hf auth login`.",
        formatter_class=formatter,
    )
    _add_source_arguments(push, repo_flag="--source-repo-id")
    push.add_argument("--repo-id", dest="push_repo_id", required=True, metavar="NS/NAME", help="target dataset repo")
    push.add_argument("--private", action="store_true", help="create the repo as private")
    push.add_argument(
        "--folder",
        help="build the repo folder here (kept) instead of a temporary folder; it must be new, empty, or built by "
        "an earlier `data push` (only the files this command writes are uploaded)",
    )
    push.add_argument("--no-upload", action="store_true", help="only build the folder (with --folder)")
    return parser


def _load_from_args(args: argparse.Namespace) -> Any:
    source = settings_from_args(DataSource, args, command="data")
    kwargs = resolve_source(source, args.split)
    config = kwargs.pop("config")
    loaded = load_dataset(config, args.split, on_error=args.on_error, **kwargs)
    if args.split:
        from datasets import DatasetDict

        skipped = loaded.skipped_rows
        loaded = DatasetDict({args.split: loaded})
        loaded.skipped_rows = skipped
    return config, loaded


def _info(config: str, dataset_dict: Any) -> None:
    print(f"Cosmos QA Português, config {config!r}")
    for split, dataset in dataset_dict.items():
        counts = label_counts(dataset)
        letters = " / ".join(f"{letter} {counts[letter]}" for letter in LETTERS)
        extra = f" / unlabelled {counts['unlabelled']}" if "unlabelled" in counts else ""
        print(f"  {split}: {dataset.num_rows} rows; labels {letters}{extra}")
    skipped = getattr(dataset_dict, "skipped_rows", [])
    if skipped:
        print(f"  {len(skipped)} invalid rows set aside:")
        for row in skipped:
            print("    " + json.dumps(asdict(row), ensure_ascii=False))


def main(args: argparse.Namespace) -> int:
    """Run ``cosmosqa-ptbr data <action>``; a data problem is a ``CommandError`` (one line, exit status 2)."""
    with contextlib.ExitStack() as stack:
        folder = None
        # An output folder is checked, locked and claimed before any data is read, and held to the end.
        if args.action == "export":
            stack.enter_context(
                owned_folder(args.output_dir, command=EXPORT_COMMAND, flag="--output-dir", rebuild=False)
            )
        elif args.action == "push":
            if args.no_upload and not args.folder:
                raise CommandError("--no-upload needs --folder (where to keep the built repo)")
            if args.folder:
                folder = stack.enter_context(owned_folder(args.folder, command="data push", flag="--folder"))
        config, dataset_dict = _load_from_args(args)
        if args.action == "info":
            _info(config, dataset_dict)
        elif args.action == "export":
            for path in export_dataset(dataset_dict, args.output_dir, args.format):
                print(path)
        else:
            import tempfile

            from ..hub.cards import write_dataset_repo
            from ..hub.upload import push_folder_to_hub

            with tempfile.TemporaryDirectory() as scratch:
                target = folder or Path(scratch)
                write_dataset_repo(dataset_dict, target, repo_id=args.push_repo_id)
                # The folder was empty (claimed or new): everything in it now is what this command wrote.
                files = record_files(target, folder_files(target), command="data push")
                print(f"built {target}")
                if not args.no_upload:
                    url = push_folder_to_hub(
                        target,
                        args.push_repo_id,
                        repo_type="dataset",
                        private=args.private,
                        files=files,
                        commit_message="Upload Cosmos QA Português (Parquet splits and card) with cosmosqa-ptbr",
                        retry="the same command",
                        keep_flag=None if folder else "--folder",
                    )
                    print(f"pushed {url}")
    return 0


if __name__ == "__main__":
    raise SystemExit(module_main("data", main, make_parser))
