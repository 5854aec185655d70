"""Make ``datasets.load_dataset("cosmos_qa_ptbr")`` resolve to this package's builder.

Placeholder: the dataset issue replaces this with the real registration.
"""


def register_builder() -> None:
    """Register the builder with ``datasets`` (now, or as soon as ``datasets`` is imported)."""
