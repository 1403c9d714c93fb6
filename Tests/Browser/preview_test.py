"""`lessons preview` in a real browser (headless Chromium through selenium): saving a lesson updates the open page.

    Tests/Browser/run-preview-test.sh     builds lessons and runs this script
    preview_test.py LESSONS               the lessons executable

Checks, on a copy of the course served by `lessons preview --port 0`:
- a saved lesson (a sentence in the middle, a new section at the end) shows on the open page without a reload
  (a value set on the page survives), the page stays scrolled where it was, and "On this page" lists the new section;
- the updates take the quick way (only the changed parts of the page parsed, `lessons-parts-parsed`), and the
  updated page is the page a reload gives: the content, outline, "On this page" and title are the same;
- after updates, each cell's Wrap button toggles once per click (no handler set up twice), there is one "Hide code"
  button and it works, and search finds a word that only the update added;
- five saves in quick succession end with the last one shown;
- a new lesson appears in the open page's outline;
- a changed style sheet (the course's Assets/site/static/style.css) reloads the page whole, and the new style applies.
"""
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

ROOT = Path(__file__).resolve().parents[2]
LESSON = "04-elbo.md"
failures = []


def expect(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def wait_for(driver, script, *arguments, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = driver.execute_script(script, *arguments)
        if value:
            return value
        time.sleep(0.02)
    return None


def shows(driver, word):
    return wait_for(driver, "var c = document.getElementById('content'); return !!c && c.textContent.includes(arguments[0]);", word)


def snapshot(driver):
    """The regions the preview replaces, as the page has them, scrolled to the top (the current section is where
    the reader is)."""
    driver.execute_script("window.scrollTo(0, 0);")
    time.sleep(0.3)
    return driver.execute_script("""
        var text = function (selector) { var e = document.querySelector(selector); return e ? e.innerHTML : null; };
        return [document.title, text('#content'), text('#outline'), text('aside.toc')];""")


def main(lessons):
    work = Path(tempfile.mkdtemp(prefix="preview-test-"))
    for name in ["Lessons", "Assets", "lessons.yml"]:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, work / name)
        elif source.exists():
            shutil.copy(source, work / name)
    log = open(work / "preview.log", "w+")
    server = subprocess.Popen([str(Path(lessons).resolve()), "preview", "--port", "0"], cwd=work, stdout=log,
                              stderr=subprocess.STDOUT)
    driver = None
    try:
        url = None
        for _ in range(1200):
            log.seek(0)
            found = re.search(r"at (http://127\.0\.0\.1:\d+/)", log.read())
            if found:
                url = found.group(1)
                break
            time.sleep(0.1)
        if url is None:
            sys.exit("lessons preview printed no URL:\n" + (work / "preview.log").read_text())
        options = Options()
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"]:
            options.add_argument(argument)
        options.binary_location = "/usr/bin/chromium"
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        page = url + LESSON.replace(".md", ".html")
        known = "return performance.getEntriesByName('lessons-served-page-known').length;"
        driver.get(page)
        time.sleep(1.0)  # the page's first request to the build counter
        expect(wait_for(driver, known), "the page fetched its copy of itself as served")
        path = work / "Lessons" / LESSON
        original = path.read_text()

        # 1. A sentence in the middle and a section at the end, with the page scrolled down.
        driver.execute_script("window.previewMarker = 'still here'; window.scrollTo(0, 1500);")
        time.sleep(0.2)
        scrolled = driver.execute_script("return window.scrollY;")
        lines = original.split("\n")
        middle = next(i for i in range(len(lines) // 2, len(lines)) if lines[i].strip() and lines[i][0].isalpha())
        lines[middle] += " Zanzibarword joins this paragraph."
        text = "\n".join(lines) + "\n## Quuxsection heading\n\nA new section with quuxterm.\n"
        path.write_text(text)
        expect(shows(driver, "Zanzibarword") and shows(driver, "quuxterm"), "the saved sentence and section show")
        expect(driver.execute_script("return window.previewMarker;") == "still here", "the page updated without a reload")
        expect(abs(driver.execute_script("return window.scrollY;") - scrolled) < 2,
               "the page stays where it was scrolled to")
        toc = driver.execute_script("return document.querySelector('aside.toc').textContent;")
        expect("Quuxsection heading" in toc, "'On this page' lists the new section")
        quick = "return performance.getEntriesByName('lessons-parts-parsed').length;"
        expect(wait_for(driver, quick, seconds=5), "the update parsed only the changed parts of the page")

        # 2. The updated page is what a reload gives.
        updated = snapshot(driver)
        driver.get(page)
        time.sleep(1.0)
        expect(wait_for(driver, known), "the reloaded page fetched its copy of itself as served")
        reloaded = snapshot(driver)
        for name, a, b in zip(["title", "content", "outline", "On this page"], updated, reloaded):
            expect(a == b, f"after an update, the page's {name} is what a reload gives")

        # 3. Buttons and search after updates (two in a row, so kept cells were set up before).
        driver.execute_script("window.previewMarker = 'still here';")
        for word in ["Firstupdateword", "Secondupdateword"]:
            text += f"\n{word} closes the lesson.\n"
            path.write_text(text)
            expect(shows(driver, word), f"{word} shows")
        wrapped = driver.execute_script("""
            var cell = document.querySelector('.cell'); var button = cell && cell.querySelector('button.wrap');
            if (!button) return null;
            var watcher = new MutationObserver(function () {});
            watcher.observe(cell, { attributes: true, attributeFilter: ['class'] });
            var before = cell.classList.contains('wrapped');
            button.click();
            var changes = watcher.takeRecords().length, after = cell.classList.contains('wrapped');
            watcher.disconnect();
            button.click();
            return [changes, before, after];""")
        expect(wrapped is not None and wrapped[0] == 1 and wrapped[1] != wrapped[2],
               f"a cell's Wrap button toggles once per click after updates (class changes, before, after): {wrapped}")
        toggles = driver.find_elements(By.CSS_SELECTOR, ".breadcrumb .code-toggle")
        expect(len(toggles) == 1, f"one Hide code button after updates, not {len(toggles)}")
        if toggles:
            toggles[0].click()
            expect(driver.execute_script("return document.body.classList.contains('code-hidden');"), "Hide code hides")
            toggles[0].click()
            expect(not driver.execute_script("return document.body.classList.contains('code-hidden');"), "and shows again")
        search = driver.find_element(By.ID, "search")
        search.click()
        search.send_keys("secondupdateword")
        found = wait_for(driver, "return Array.prototype.map.call(document.querySelectorAll('#search-results [role=option]'),"
                                 " function (o) { return o.getAttribute('href'); });", seconds=10)
        expect(bool(found) and any("04-elbo.html" in href for href in found),
               f"search finds a word only the update added: {found}")
        search.clear()
        driver.execute_script("document.activeElement.blur();")

        # 4. Five saves in quick succession: the last one shows.
        for n in range(5):
            text += f"\nRapidsave{n} sentence.\n"
            path.write_text(text)
            time.sleep(0.03)
        expect(shows(driver, "Rapidsave4"), "the last of five quick saves shows")
        expect(driver.execute_script(quick) >= 3, "the updates after the reload took the quick way too: "
               f"{driver.execute_script(quick)} of at least 3")
        expect(driver.execute_script("return window.previewMarker;") == "still here", "still without a reload")

        # 5. A new lesson appears in the outline of the open page.
        (work / "Lessons" / "08-appendix.md").write_text("---\ntitle: Appendix Yonder\n---\n\n# Appendix Yonder\n\nText.\n")
        expect(wait_for(driver, "return document.getElementById('outline').textContent.includes('Appendix Yonder');"),
               "a new lesson appears in the open page's outline")

        # 6. A changed style sheet reloads the page whole.
        built_in = ROOT / "Sources/LessonsDriver/Resources/site/static/style.css"
        course_style = work / "Assets/site/static/style.css"
        course_style.parent.mkdir(parents=True, exist_ok=True)
        base = course_style.read_text() if course_style.exists() else built_in.read_text()
        course_style.write_text(base + "\nbody { border-top: 7px solid rgb(1, 2, 3); }\n")
        reloaded_whole = wait_for(driver, "return window.previewMarker === undefined && document.readyState === 'complete'"
                                          " && getComputedStyle(document.body).borderTopWidth === '7px';")
        expect(bool(reloaded_whole), "a changed style sheet reloads the page whole, with the new style")
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print(f"{len(failures)} preview check(s) failed")
        sys.exit(1)
    print("preview: every check passed")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / ".build" / "debug" / "lessons"))
