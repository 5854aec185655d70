"""The Space driven in headless Chromium (Debian `chromium` + `chromium-driver`, no browser download), as a desktop
browser and as a 390 px wide phone.

With ``COSMOSQA_SCREENSHOT_DIR`` set, the desktop and phone screenshots are also copied there (``space/`` holds the
committed ones: ``screenshot.png`` and ``screenshot-phone.png``).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from test_space import LETTERS, SPEC, fields, load_space_app, space_url  # noqa: F401  (fixture: the served Space)

from cosmosqa_ptbr.evaluation.inference import letter_logprobs, letter_probabilities

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
INSTALL_HINT = (
    "Headless Chromium is needed for this test: install it with "
    "`apt-get update && apt-get install -y chromium chromium-driver` (the README's test command does this "
    "when `chromium` is missing)."
)
#: A phone's viewport: 390 px wide (iPhone 12 to 15), 844 px high.
PHONE = (390, 844)
#: Where the screenshots are copied when set (``space`` for the committed ones).
SCREENSHOT_DIR = os.environ.get("COSMOSQA_SCREENSHOT_DIR")

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def _driver(width: int, height: int, phone: bool = False) -> Any:
    for path in (CHROMIUM, CHROMEDRIVER):
        if not path.exists() and not shutil.which(path.name):
            pytest.fail(f"{path} not found. {INSTALL_HINT}")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium"))
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={width},{height}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(
        service=Service(str(CHROMEDRIVER if CHROMEDRIVER.exists() else shutil.which("chromedriver"))),
        options=options,
    )
    if phone:
        metrics = {"width": width, "height": height, "deviceScaleFactor": 2, "mobile": True}
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    return driver


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium session of a desktop window, through the system chromedriver."""
    driver = _driver(1280, 1400)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def phone() -> Iterator[Any]:
    """A headless Chromium session emulating a 390 x 844 px phone."""
    driver = _driver(*PHONE, phone=True)
    yield driver
    driver.quit()


def open_page(browser: Any, url: str) -> Any:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(url)
    wait = WebDriverWait(browser, 120)
    wait.until(expected_conditions.element_to_be_clickable((By.CSS_SELECTOR, "#responder")))
    return wait


def textbox(browser: Any, elem_id: str) -> Any:
    from selenium.webdriver.common.by import By

    return browser.find_element(By.CSS_SELECTOR, f"#{elem_id} textarea")


def text_of(browser: Any, elem_id: str) -> str:
    from selenium.webdriver.common.by import By

    return browser.find_element(By.CSS_SELECTOR, f"#{elem_id}").text


FIELD_IDS = ["field-context", "field-question", *(f"alt-{letter}" for letter in LETTERS)]


def quick_examples(browser: Any) -> list[Any]:
    from selenium.webdriver.common.by import By

    return browser.find_elements(By.CSS_SELECTOR, "#examples button")


def error_badges(browser: Any) -> int:
    """How many components show Gradio's error status (the "Error" badge of a failed event)."""
    return browser.execute_script("return document.querySelectorAll('[data-testid=\"status-tracker\"] .error').length")


def close_toasts(browser: Any) -> None:
    from selenium.webdriver.common.by import By

    for button in browser.find_elements(By.CSS_SELECTOR, "[data-testid='toast-close']"):
        button.click()


def save(browser: Any, path: Path, name: str) -> None:
    assert browser.save_screenshot(str(path))
    assert path.stat().st_size > 10_000
    if SCREENSHOT_DIR:
        shutil.copyfile(path, Path(SCREENSHOT_DIR) / name)


def scored(model: Any, row: dict[str, Any]) -> np.ndarray:
    return letter_probabilities(letter_logprobs(model.model, model.tokenizer, [row]))[0]


def test_typed_question_shows_the_chosen_alternative(
    browser: Any,
    space_url: str,  # noqa: F811
    embedded_model: Any,
    sample: list,
) -> None:
    """Typing a question and clicking Responder shows the scorer's top letter, its text and its confidence (in
    Portuguese notation), and the probability of every letter once, in the label (no chart repeating them)."""
    from selenium.webdriver.common.by import By

    app = load_space_app()
    row = sample[7]
    wait = open_page(browser, space_url)
    for elem_id, value in zip(FIELD_IDS, fields(row), strict=True):
        textbox(browser, elem_id).send_keys(value)
    browser.find_element(By.CSS_SELECTOR, "#responder").click()
    wait.until(lambda driver: "Alternativa" in text_of(driver, "verdict-1"))

    probabilities = scored(embedded_model, row)
    chosen = int(np.argmax(probabilities))
    verdict = text_of(browser, "verdict-1")
    assert f"Alternativa {LETTERS[chosen]}" in verdict and fields(row)[2 + chosen] in verdict
    assert app.percent(float(probabilities.max())) in verdict
    label = text_of(browser, "label-1")
    assert all(re.search(rf"^{letter}$", label, flags=re.M) for letter in LETTERS)
    assert not browser.find_elements(By.CSS_SELECTOR, "[data-testid='plot'], .vega-embed, canvas")


def test_empty_submit_shows_a_portuguese_message_and_toast_title(browser: Any, space_url: str) -> None:  # noqa: F811
    """Clicking Responder on an empty form shows which field to fill under a Portuguese toast title, no traceback."""
    from selenium.webdriver.common.by import By

    wait = open_page(browser, space_url)
    browser.find_element(By.CSS_SELECTOR, "#responder").click()
    wait.until(lambda driver: "está vazio" in driver.find_element(By.TAG_NAME, "body").text)
    body = browser.find_element(By.TAG_NAME, "body").text
    assert "Contexto" in body and "Traceback" not in body
    size, shown = browser.execute_script(
        "const title = document.querySelector('.toast-title');"
        "return [getComputedStyle(title).fontSize, getComputedStyle(title, '::before').content];"
    )
    assert (size, shown) == ("0px", '"Erro"')  # Gradio's own "Error" is not displayed


def test_quick_example_fills_verdict_and_label_clears_errors_and_reveals_the_gold(
    browser: Any,
    space_url: str,  # noqa: F811
    embedded_model: Any,
    sample: list,
    tmp_path: Path,
) -> None:
    """After an empty submit left "Error" badges, one click on a quick example fills the form, the verdict and the
    label with the scorer's numbers, clears every badge, and "Mostrar gabarito" then shows that item's gold."""
    from selenium.webdriver.common.by import By

    wait = open_page(browser, space_url)
    browser.find_element(By.CSS_SELECTOR, "#responder").click()
    wait.until(lambda driver: error_badges(driver) > 0)
    close_toasts(browser)
    row = sample[0]
    quick_examples(browser)[0].click()
    wait.until(lambda driver: "Alternativa" in text_of(driver, "verdict-1"))
    assert [textbox(browser, elem_id).get_attribute("value") for elem_id in FIELD_IDS] == fields(row)
    probabilities = scored(embedded_model, row)
    chosen = LETTERS[int(np.argmax(probabilities))]
    assert f"Alternativa {chosen}" in text_of(browser, "verdict-1")
    label = text_of(browser, "label-1")
    for letter, probability in zip(LETTERS, probabilities, strict=True):
        assert re.search(rf"^{letter}\n{round(100 * probability)}%$", label, flags=re.M), (letter, label)
    wait.until(lambda driver: error_badges(driver) == 0)

    browser.find_element(By.CSS_SELECTOR, "#reveal").click()
    wait.until(lambda driver: "Gabarito" in text_of(driver, "gold"))
    gold = SPEC.normalize(row)
    assert f"Alternativa {LETTERS[gold['label']]}" in text_of(browser, "gold")
    assert "Escolha um exemplo" not in text_of(browser, "gold")
    save(browser, tmp_path / "space.png", "screenshot.png")


def test_example_picker_fills_the_form_and_reveals_the_gold_answer(
    browser: Any,
    space_url: str,  # noqa: F811
    sample: list,
) -> None:
    """Picking the second sample item fills every field; the gold answer appears only when asked for."""
    from selenium.webdriver.common.by import By

    wait = open_page(browser, space_url)
    browser.find_element(By.CSS_SELECTOR, "#picker input").click()
    wait.until(lambda driver: driver.find_elements(By.CSS_SELECTOR, "li[data-testid='dropdown-option']"))
    browser.find_elements(By.CSS_SELECTOR, "li[data-testid='dropdown-option']")[1].click()
    row = sample[1]
    wait.until(lambda driver: textbox(driver, "field-question").get_attribute("value") == fields(row)[1])
    assert [textbox(browser, elem_id).get_attribute("value") for elem_id in FIELD_IDS] == fields(row)
    assert "Gabarito" not in text_of(browser, "gold")

    browser.find_element(By.CSS_SELECTOR, "#reveal").click()
    wait.until(lambda driver: "Gabarito" in text_of(driver, "gold"))
    assert f"Alternativa {LETTERS[SPEC.normalize(row)['label']]}" in text_of(browser, "gold")


def test_generated_answer_is_read_back_in_words_without_rule_names(
    browser: Any,
    space_url: str,  # noqa: F811
) -> None:
    """With the free-text answer on, a quick example shows the generated text and how its letter was read, in
    Portuguese; no internal rule name of the answer extraction is shown."""
    from selenium.webdriver.common.by import By

    from cosmosqa_ptbr.evaluation.extraction import RULES

    app = load_space_app()
    wait = open_page(browser, space_url)
    browser.find_element(By.XPATH, "//label[contains(., 'Gerar também uma resposta')]").click()
    quick_examples(browser)[1].click()
    wait.until(lambda driver: "Leitura:" in text_of(driver, "explanation-1"))
    reading = text_of(browser, "explanation-1").split("Leitura:", 1)[1]
    assert any(words in reading for words in app.READINGS.values())
    body = browser.find_element(By.TAG_NAME, "body").text
    assert not [rule for rule in RULES if re.search(rf"\b{rule}\b", body)]


def test_phone_shows_the_examples_near_the_top_and_scrolls_to_the_answer(
    phone: Any,
    space_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    """On a 390 px phone the quick examples start within the first screen (the screenshot shows it), and after one
    is clicked the verdict is scrolled into view."""
    wait = open_page(phone, space_url)
    width, height = phone.execute_script("return [window.innerWidth, window.innerHeight]")
    assert (width, height) == PHONE
    top = phone.execute_script("return document.querySelector('#examples').getBoundingClientRect().top")
    assert top < height * 0.75, f"the examples start {top:.0f} px down a {height} px screen"
    save(phone, tmp_path / "phone.png", "screenshot-phone.png")
    quick_examples(phone)[2].click()
    wait.until(lambda driver: "Alternativa" in text_of(driver, "verdict-1"))

    def verdict_on_screen(driver: Any) -> bool:
        box = driver.execute_script("return document.querySelector('#verdict-1').getBoundingClientRect().toJSON()")
        return box["top"] >= 0 and box["bottom"] <= height

    wait.until(verdict_on_screen)
