"""The Space driven in headless Chromium (Debian `chromium` + `chromium-driver`, no browser download)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from test_space import space_url  # noqa: F401  (fixture: the Space served on loopback)

from cosmosqa_ptbr.evaluation.inference import letter_logprobs, letter_probabilities
from cosmosqa_ptbr.schema import CONTEXT, LETTERS, QUESTION

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
INSTALL_HINT = (
    "Headless Chromium is needed for this test: install it with "
    "`apt-get update && apt-get install -y chromium chromium-driver` (the README's test command does this "
    "when `chromium` is missing)."
)

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium session through the system chromedriver."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not path.exists() and not shutil.which(path.name):
            pytest.fail(f"{path} not found. {INSTALL_HINT}")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium"))
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1400"):
        options.add_argument(argument)
    driver = webdriver.Chrome(
        service=Service(str(CHROMEDRIVER if CHROMEDRIVER.exists() else shutil.which("chromedriver"))),
        options=options,
    )
    yield driver
    driver.quit()


def open_page(browser: Any, url: str) -> Any:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(url)
    wait = WebDriverWait(browser, 60)
    wait.until(expected_conditions.element_to_be_clickable((By.CSS_SELECTOR, "#responder")))
    return wait


def textbox(browser: Any, elem_id: str) -> Any:
    from selenium.webdriver.common.by import By

    return browser.find_element(By.CSS_SELECTOR, f"#{elem_id} textarea")


def text_of(browser: Any, elem_id: str) -> str:
    from selenium.webdriver.common.by import By

    return browser.find_element(By.CSS_SELECTOR, f"#{elem_id}").text


def test_typed_question_shows_the_chosen_alternative(
    browser: Any,
    space_url: str,  # noqa: F811
    embedded_model: Any,
    sample: list,
    tmp_path: Path,
) -> None:
    """Typing a question and clicking Responder shows the scorer's top letter, its text and its confidence."""
    from selenium.webdriver.common.by import By

    item = sample[7]
    wait = open_page(browser, space_url)
    for elem_id, value in [("contexto", item[CONTEXT]), ("pergunta", item[QUESTION])] + [
        (f"alt-{letter}", item[letter]) for letter in LETTERS
    ]:
        textbox(browser, elem_id).send_keys(value)
    browser.find_element(By.CSS_SELECTOR, "#responder").click()
    wait.until(lambda driver: "Alternativa" in text_of(driver, "verdict-1"))

    probabilities = letter_probabilities(letter_logprobs(embedded_model.model, embedded_model.tokenizer, [item]))[0]
    chosen = LETTERS[int(np.argmax(probabilities))]
    verdict = text_of(browser, "verdict-1")
    assert f"Alternativa {chosen}" in verdict
    assert item[chosen] in verdict
    assert f"{probabilities.max():.1%}" in verdict
    label = text_of(browser, "label-1")
    assert all(letter in label for letter in LETTERS)

    screenshot = tmp_path / "space.png"
    assert browser.save_screenshot(str(screenshot))
    assert screenshot.stat().st_size > 10_000


def test_example_picker_fills_the_form_and_reveals_the_gold_answer(
    browser: Any,
    space_url: str,  # noqa: F811
    sample: list,
) -> None:
    """Picking the first sample item fills every field; the gold answer appears only when asked for."""
    from selenium.webdriver.common.by import By

    wait = open_page(browser, space_url)
    browser.find_element(By.CSS_SELECTOR, "#picker input").click()
    wait.until(lambda driver: driver.find_elements(By.CSS_SELECTOR, "li[data-testid='dropdown-option']"))
    browser.find_elements(By.CSS_SELECTOR, "li[data-testid='dropdown-option']")[0].click()
    item = sample[0]
    wait.until(lambda driver: textbox(driver, "pergunta").get_attribute("value") == item[QUESTION])
    assert textbox(browser, "contexto").get_attribute("value") == item[CONTEXT]
    assert [textbox(browser, f"alt-{letter}").get_attribute("value") for letter in LETTERS] == [
        item[letter] for letter in LETTERS
    ]
    assert "Gabarito" not in text_of(browser, "gold")

    browser.find_element(By.XPATH, "//button[contains(., 'Mostrar gabarito')]").click()
    wait.until(lambda driver: "Gabarito" in text_of(driver, "gold"))
    gold = item["Label"] if isinstance(item["Label"], str) else LETTERS[item["Label"]]
    assert f"Alternativa {gold}" in text_of(browser, "gold")


def test_empty_question_shows_a_message_on_the_page(browser: Any, space_url: str) -> None:  # noqa: F811
    """Clicking Responder on an empty form shows the field to fill, not a stack trace."""
    from selenium.webdriver.common.by import By

    wait = open_page(browser, space_url)
    browser.find_element(By.CSS_SELECTOR, "#responder").click()
    wait.until(lambda driver: "está vazio" in driver.find_element(By.TAG_NAME, "body").text)
    body = browser.find_element(By.TAG_NAME, "body").text
    assert "Contexto" in body
    assert "Traceback" not in body
