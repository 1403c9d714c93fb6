"""Preview benchmark (bench/preview/run.sh): from saving a lesson to the updated page in the browser.

`lessons preview --port 0` serves a copy of the course. Headless Chromium opens one lesson's page. Each repetition
appends a paragraph with a fresh word to the lesson file and waits until the open page shows it. The time is from
just before the write (Python's clock) to the moment the page shows it (the page's clock; both are the system's
wall clock): the frame after the new content was put in place (`performance.mark("lessons-content-replaced")`,
set by live-reload.js after the next animation frame has been drawn), or, when the page reloaded whole, the
reloaded page's `loadEventEnd`. The preview's own log gives each rebuild's time. Reports the median and the spread.
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
        for _ in range(300):  # and its copy of itself as served, which the quick way compares with
            if driver.execute_script("return performance.getEntriesByName('lessons-served-page-known').length;"):
                break
            time.sleep(0.1)
        path = work / "Lessons" / lesson
        results = []
        ways = {}
        parts = []
        for repetition in range(repetitions):
            word = f"previewmarker{repetition}x{int(time.time() * 1000)}"
            text = path.read_text()
            # When the open page's content first holds the word (without a reload): the first mark after that
            # moment is the frame that shows it (an earlier mark may be from a build of a half-written file).
            driver.execute_script("""
                var word = arguments[0];
                window.benchWordAt = null;
                var watcher = new MutationObserver(function () {
                    var content = document.getElementById("content");
                    if (content && content.textContent.includes(word)) { window.benchWordAt = performance.now(); watcher.disconnect(); }
                });
                watcher.observe(document.body, { childList: true, subtree: true, characterData: true });
                """, word)
            started = time.time()
            path.write_text(text + f"\n{word} ends this lesson.\n")
            deadline = started + 30
            while time.time() < deadline:
                shown = driver.execute_script("""
                    var content = document.getElementById("content");
                    if (document.readyState !== "complete" || !content || !content.textContent.includes(arguments[0])) return null;
                    if (performance.timeOrigin > arguments[1]) {  // a new document: the page reloaded whole
                        var end = performance.timing.loadEventEnd;
                        return end > 0 ? ["reloaded", performance.timeOrigin + end - performance.timing.navigationStart] : null;
                    }
                    if (window.benchWordAt === null) return null;
                    var mark = performance.getEntriesByName("lessons-content-replaced").find(function (m) { return m.startTime >= window.benchWordAt; });
                    if (!mark) return null;
                    var requests = performance.getEntriesByType("resource").filter(function (r) {
                        return r.initiatorType === "fetch" && r.name.indexOf("/__lessons/") < 0 && r.startTime < window.benchWordAt;
                    });
                    var request = requests[requests.length - 1];
                    return ["replaced", performance.timeOrigin + mark.startTime,
                        request ? [performance.timeOrigin + request.startTime, performance.timeOrigin + request.responseEnd] : null];
                    """, word, started * 1000)
                if shown:
                    break
                time.sleep(0.005)
            else:
                sys.exit(f"the page did not show {word} within 30 s")
            how, at = shown[0], shown[1]
            if how == "replaced" and shown[2]:
                parts.append((shown[2][0] - started * 1000, shown[2][1] - shown[2][0], at - shown[2][1]))
            ways[how] = ways.get(how, 0) + 1
            results.append(at - started * 1000)
            time.sleep(0.3)
        quick = driver.execute_script("return performance.getEntriesByName('lessons-parts-parsed').length;")
        log.seek(0)
        builds = [int(m) for m in re.findall(r"built \d+ files in (\d+) ms", log.read())]
        print(f"save to updated page, {lesson}, {repetitions} saves: median {statistics.median(results):.0f} ms "
              f"(min {min(results):.0f}, max {max(results):.0f}); "
              + ", ".join(f"{count} {how}" for how, count in sorted(ways.items()))
              + f" ({quick} of the updates parsed only the changed parts)")
        if parts:
            print("of which (medians): save to the page's own request {:.0f} ms, the request {:.0f} ms, putting the content "
                  "in place and drawing it {:.0f} ms".format(*(statistics.median(p[i] for p in parts) for i in range(3))))
        print(f"rebuilds after a save: median {statistics.median(builds[1:]):.0f} ms; first full build {builds[0]} ms")
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10, sys.argv[3] if len(sys.argv) > 3 else "04-elbo.md")
