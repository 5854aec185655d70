"""The single source of truth for Cosmos QA Português column names, letters and features.

Every other module asks this one for column names and answer letters; none spells them out itself.
The layout matches the published ``heloisy/cosmos_qa_ptbr`` dataset, whose ``Label`` is a letter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:  # pragma: no cover
    import datasets

__all__ = [
    "ANSWER_COLUMNS",
    "CITATION",
    "COLUMNS",
    "CONTEXT",
    "DEFAULT_REPO_ID",
    "ENGLISH_COLUMNS",
    "ENGLISH_OPTION_COLUMNS",
    "ID",
    "LABEL",
    "LETTERS",
    "NONE_OF_THE_ABOVE_EN",
    "NONE_OF_THE_ABOVE_PT",
    "NO_LABEL",
    "QUESTION",
    "REFERENCE_ADAPTER",
    "REFERENCE_BASE_MODEL",
    "REFERENCE_RECIPE",
    "TEXT_COLUMNS",
    "features",
    "index_to_letter",
    "label_to_index",
]

#: BibTeX of Cosmos QA, which every card, builder and metric of the project cites.
CITATION: Final = """@inproceedings{huang-etal-2019-cosmos,
    title = "Cosmos {QA}: Machine Reading Comprehension with Contextual Commonsense Reasoning",
    author = "Huang, Lifu and Le Bras, Ronan and Bhagavatula, Chandra and Choi, Yejin",
    booktitle = "Proceedings of EMNLP-IJCNLP 2019",
    year = "2019",
    pages = "2391--2401",
    url = "https://aclanthology.org/D19-1243",
}"""

#: The Hub dataset repo of the full splits.
DEFAULT_REPO_ID: Final = "heloisy/cosmos_qa_ptbr"
#: The reference work's base model and the QLoRA adapter it trained on Cosmos QA Português.
REFERENCE_BASE_MODEL: Final = "HuggingFaceH4/zephyr-7b-beta"
REFERENCE_ADAPTER: Final = "heloisy/zephyr-7b-cosmosqa-ptbr_text"
#: The shipped training recipe (``cosmosqa-ptbr train --config <name>``) with the reference adapter's setting.
REFERENCE_RECIPE: Final = "zephyr-7b-beta/qlora-reference"

ID: Final = "id"
CONTEXT: Final = "contexto"
QUESTION: Final = "pergunta"
LABEL: Final = "Label"

#: Answer letters, in option order. Option columns are named by these letters.
LETTERS: Final[tuple[str, ...]] = ("A", "B", "C", "D")
ANSWER_COLUMNS: Final[tuple[str, ...]] = LETTERS

#: Columns holding free text (everything a translator translates).
TEXT_COLUMNS: Final[tuple[str, ...]] = (CONTEXT, QUESTION, *ANSWER_COLUMNS)
#: Every column of a Cosmos QA Português row, in published order.
COLUMNS: Final[tuple[str, ...]] = (ID, *TEXT_COLUMNS, LABEL)

#: ``Label`` value of rows without a gold answer (the test split), as in ``datasets.ClassLabel``.
NO_LABEL: Final = -1

#: The English Cosmos QA layout (``valid.csv`` of the original release).
ENGLISH_OPTION_COLUMNS: Final[tuple[str, ...]] = ("answer0", "answer1", "answer2", "answer3")
ENGLISH_COLUMNS: Final[tuple[str, ...]] = ("id", "context", "question", *ENGLISH_OPTION_COLUMNS, "label")

#: Cosmos QA's catch-all option, and the one fixed translation every split uses for it.
NONE_OF_THE_ABOVE_EN: Final = "None of the above choices ."
NONE_OF_THE_ABOVE_PT: Final = "Nenhuma das alternativas acima."


def features() -> datasets.Features:
    """Return the ``datasets.Features`` of a Cosmos QA Português split (``Label`` is a ClassLabel)."""
    import datasets

    columns = {name: datasets.Value("string") for name in (ID, *TEXT_COLUMNS)}
    columns[LABEL] = datasets.ClassLabel(names=list(LETTERS))
    return datasets.Features(columns)


def index_to_letter(index: int) -> str:
    """Return the answer letter of option ``index`` (0-3)."""
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(LETTERS):
        message = f"option index must be an int in 0-{len(LETTERS) - 1}, got {index!r}"
        raise ValueError(message)
    return LETTERS[index]


def label_to_index(label: object) -> int:
    """Map a gold label given as a letter (``"B"``, ``"b"``) or an index (``1``, ``"1"``) to 0-3.

    Raises ``ValueError`` naming the accepted forms for anything else (``"E"``, ``None``, ``7``).
    """
    if isinstance(label, bool):
        pass
    elif isinstance(label, int) and 0 <= label < len(LETTERS):
        return label
    elif isinstance(label, str):
        text = label.strip()
        if text.upper() in LETTERS:
            return LETTERS.index(text.upper())
        if text.isdigit() and 0 <= int(text) < len(LETTERS):
            return int(text)
    message = f"label must be one of {', '.join(LETTERS)} or an index 0-{len(LETTERS) - 1}, got {label!r}"
    raise ValueError(message)
