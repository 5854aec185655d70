"""``python -m cosmosqa_ptbr.cli``: the ``cosmosqa-ptbr`` command."""

from __future__ import annotations

from . import main

if __name__ == "__main__":
    raise SystemExit(main())
