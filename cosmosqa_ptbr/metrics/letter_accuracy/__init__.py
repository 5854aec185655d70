"""The ``letter_accuracy`` evaluate module (see letter_accuracy.py)."""
