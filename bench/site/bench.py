"""Site build benchmark (bench/site/run.sh): lessons build vs Hugo and MkDocs on the same generated pages.

The 1,000 pages (a few screens of prose, 20 math spans and 5 code cells with outputs each) are written by
`LessonsBench site-pages`: as lessons for `lessons build` (math converted to MathML, code highlighted with
swift-syntax, search index), and as the same text in plain Markdown for Hugo (minimal single-page template;
Goldmark and Chroma highlighting) and MkDocs (default theme and its search index). Each repetition runs all
builders in turn; the table reports medians. Peak memory is the maximum resident set of `lessons build`.

`lessons build` keeps the LessonKit reference pages between builds (its cache folder, LESSONS_CACHE_DIR): "cold" runs
start from an empty cache folder each time (a first build), "warm" ones from a folder an untimed build filled (every
later build while LessonKit and `lessons` stay the same). The ratios to Hugo are given for cold builds.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / ".build" / "site-bench"
CONFIGURATION = sys.argv[2] if len(sys.argv) > 2 else "release"
# LESSONS_BINARY: another build of `lessons` to time (e.g. a release build in another clone).
LESSONS = Path(os.environ.get("LESSONS_BINARY", ROOT / ".build" / CONFIGURATION / "lessons"))
MKDOCS = ROOT / "bench" / ".venv" / "bin" / "mkdocs"


def timed(command, cwd, cache=None):
    """Wall seconds and peak megabytes of `command`; `cache`: the LESSONS_CACHE_DIR it runs with (None: a new, empty
    folder, removed after)."""
    fresh = cache is None
    if fresh:
        cache = Path(tempfile.mkdtemp(prefix="lessons-site-bench-cache-"))
    environment = dict(os.environ, LESSONS_CACHE_DIR=str(cache))
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, cwd=cwd, capture_output=True, text=True,
                            env=environment)
    elapsed = time.perf_counter() - start
    if fresh:
        shutil.rmtree(cache, ignore_errors=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    peak_kb = int(result.stderr.strip().splitlines()[-1])
    return elapsed, peak_kb / 1024


def prepare():
    if WORK.exists():
        shutil.rmtree(WORK)
    generator = ROOT / ".build" / CONFIGURATION / "LessonsBench"
    if not generator.exists():
        generator = ROOT / ".build" / "debug" / "LessonsBench"
    subprocess.run([generator, "site-pages", "1000", str(WORK)], check=True)
    (WORK / "lessons" / "Assets").mkdir(parents=True)
    os.symlink(ROOT / "Assets" / "site", WORK / "lessons" / "Assets" / "site")
    hugo = WORK / "hugo"
    (hugo / "hugo.toml").write_text('baseURL = "http://localhost/"\ntitle = "bench"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
    layouts = hugo / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "single.html").write_text("<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}</body></html>\n")
    (layouts / "list.html").write_text("<!DOCTYPE html><html><body>{{ range .Pages }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}</body></html>\n")
    (WORK / "mkdocs" / "mkdocs.yml").write_text("site_name: bench\n")


def main():
    repetitions = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    prepare()
    warm = WORK / "warm-cache"
    course_site, pages_site = WORK / "course-site", WORK / "lessons-site"
    # Fills the warm cache (untimed).
    timed([str(LESSONS), "build", "--out", str(course_site)], ROOT, cache=warm)
    runs = {"course": [], "course-warm": [], "lessons": [], "lessons-warm": [], "memory": [], "hugo": [], "mkdocs": []}
    for _ in range(repetitions):
        runs["course"].append(timed([str(LESSONS), "build", "--out", str(course_site)], ROOT)[0])
        runs["course-warm"].append(timed([str(LESSONS), "build", "--out", str(course_site)], ROOT, cache=warm)[0])
        seconds, memory = timed([str(LESSONS), "build", "--out", str(pages_site)], WORK / "lessons")
        runs["lessons"].append(seconds)
        runs["memory"].append(memory)
        runs["lessons-warm"].append(timed([str(LESSONS), "build", "--out", str(pages_site)], WORK / "lessons", cache=warm)[0])
        runs["hugo"].append(timed(["hugo", "--quiet", "--destination", str(WORK / "hugo-site")], WORK / "hugo")[0])
        if MKDOCS.exists():
            runs["mkdocs"].append(timed([str(MKDOCS), "build", "--quiet", "--site-dir", str(WORK / "mkdocs-site")], WORK / "mkdocs")[0])
    median = {key: statistics.median(values) for key, values in runs.items() if values}
    pages = len(list(pages_site.glob("*.html")))
    load = open("/proc/loadavg").read().split()[0]
    print(f"{LESSONS}; medians of {repetitions} runs; {pages} pages written by lessons build; load at the end {load}")
    for key, values in runs.items():
        print(f"  {key:12s} " + " ".join(f"{value:.2f}" for value in values))
    print("| build | median | ratio to lessons build (cold) |")
    print("|---|---|---|")
    print(f"| `lessons build`, the course (7 lessons), cold / warm | {median['course']:.2f} s / {median['course-warm']:.2f} s | |")
    print(f"| `lessons build`, 1,000 generated pages, cold | {median['lessons']:.2f} s (peak {median['memory']:.0f} MB) | 1.00 |")
    print(f"| `lessons build`, 1,000 generated pages, warm | {median['lessons-warm']:.2f} s | {median['lessons-warm'] / median['lessons']:.2f} |")
    print(f"| Hugo {subprocess.run(['hugo', 'version'], capture_output=True, text=True).stdout.split()[1]}, same pages as plain Markdown | {median['hugo']:.2f} s | {median['hugo'] / median['lessons']:.2f} |")
    if "mkdocs" in median:
        print(f"| MkDocs, same pages as plain Markdown | {median['mkdocs']:.2f} s | {median['mkdocs'] / median['lessons']:.2f} |")


if __name__ == "__main__":
    main()
