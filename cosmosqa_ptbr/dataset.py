"""Load, validate, export and publish Cosmos QA Português; the ``data`` subcommand."""

from __future__ import annotations

from typing import Final

DEFAULT_REPO_ID: Final = "heloisy/cosmos_qa_ptbr"


class DatasetValidationError(ValueError):
    """A data file breaks the Cosmos QA Português schema (the message names file, row id, field and fix)."""
