"""Preview benchmark (bench/preview/run.sh): from saving a lesson to the reloaded page in the browser.

`lessons preview --port 0` serves a copy of the course. Headless Chromium opens one lesson's page. Each repetition
appends a paragraph with a fresh word to the lesson file and waits until the open page shows it. The time is from
just before the write (Python's clock) to the reloaded page's `loadEventEnd` (the page's clock; both are the
system's wall clock). The preview's own log gives each rebuild's time. Reports the median and the spread.
"""
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

ROOT = Path(__file__).resolve().parents[2]


def main(lessons, repetitions, lesson):
    work = Path(tempfile.mkdtemp(prefix="preview-bench-"))
    for name in ["Lessons", "Assets", "lessons.yml"]:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, work / name)
        elif source.exists():
            shutil.copy(source, work / name)
    log = open(work / "preview.log", "w+")
    server = subprocess.Popen([str(Path(lessons).resolve()), "preview", "--port", "0"], cwd=work, stdout=log, stderr=subprocess.STDOUT)
    driver = None
    try:
        url = None
        for _ in range(600):
            log.seek(0)
            found = re.search(r"at (http://127\.0\.0\.1:\d+/)", log.read())
            if found:
                url = found.group(1)
                break
            time.sleep(0.1)
        if url is None:
            sys.exit("lessons preview printed no URL:\n" + (work / "preview.log").read_text())
        options = Options()
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu"]:
            options.add_argument(argument)
        options.binary_location = "/usr/bin/chromium"
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        page = url + lesson.replace(".md", ".html")
        driver.get(page)
        time.sleep(1.0)  # the page's first request to the build counter
        path = work / "Lessons" / lesson
        results = []
        for repetition in range(repetitions):
            word = f"previewmarker{repetition}x{int(time.time() * 1000)}"
            text = path.read_text()
            started = time.time()
            path.write_text(text + f"\n{word} ends this lesson.\n")
            deadline = started + 30
            while time.time() < deadline:
                loaded = driver.execute_script(
                    "return document.readyState === 'complete' && document.body.innerText.includes(arguments[0])"
                    " ? performance.timeOrigin + performance.timing.loadEventEnd - performance.timing.navigationStart"
                    " : null", word)
                if loaded:
                    break
                time.sleep(0.005)
            else:
                sys.exit(f"the page did not show {word} within 30 s")
            results.append(loaded - started * 1000)
            time.sleep(0.3)
        log.seek(0)
        builds = [int(m) for m in re.findall(r"built \d+ files in (\d+) ms", log.read())]
        print(f"save to reloaded page, {lesson}, {repetitions} saves: median {statistics.median(results):.0f} ms "
              f"(min {min(results):.0f}, max {max(results):.0f})")
        print(f"rebuilds after a save: median {statistics.median(builds[1:]):.0f} ms; first full build {builds[0]} ms")
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10, sys.argv[3] if len(sys.argv) > 3 else "04-elbo.md")
