"""The built site in a real browser (headless Chromium through selenium).

    Tests/Browser/run-site-test.sh        builds the site into .build/site-under-test and runs this script

Checks, page by page: no console errors; every <math> lays out with a non-zero box; every inline figure has
a non-zero size. Then: search finds a term and its first result lands on the heading; the dark-mode toggle
changes the page colours and the choice survives a reload; at phone width nothing overflows sideways and the
outline menu opens. Screenshots of the index and of 04-elbo (light, dark, phone) go to .build/.
"""
import os
import sys
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

ROOT = Path(__file__).resolve().parents[2]
SITE = (Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".build" / "site-under-test").resolve()
SHOTS = ROOT / ".build"
failures = []


def expect(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def browser(width, height):
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={width},{height}",
                     "--allow-file-access-from-files"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


CONTRAST = """
function channel(c) { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); }
function luminance(rgb) { const v = rgb.match(/\\d+(\\.\\d+)?/g).map(Number); return 0.2126 * channel(v[0]) + 0.7152 * channel(v[1]) + 0.0722 * channel(v[2]); }
const background = luminance(getComputedStyle(document.body).backgroundColor);
const result = [];
for (const selector of arguments[0]) {
  const element = document.querySelector(selector);
  if (!element) continue;
  const text = luminance(getComputedStyle(element).color);
  const ratio = (Math.max(text, background) + 0.05) / (Math.min(text, background) + 0.05);
  result.push([selector, Math.round(ratio * 100) / 100]);
}
return result;
"""
TEXT_SELECTORS = ["main p", ".breadcrumb", ".outline .chapter", ".outline a", ".figure figcaption", ".toc a", "a.figure-ref"]


def contrast(driver, theme):
    ratios = driver.execute_script(CONTRAST, TEXT_SELECTORS)
    low = [r for r in ratios if r[1] < 4.5]
    expect(not low, f"text contrast below WCAG AA (4.5:1) in the {theme} theme: {low}")
    print(f"contrast ({theme}):", ", ".join(f"{s} {r}" for s, r in ratios))


def url(page):
    return (SITE / page).as_uri()


def main():
    pages = sorted(p.name for p in SITE.glob("*.html"))
    expect("index.html" in pages and "04-elbo.html" in pages, f"site has index and 04-elbo: {pages}")
    driver = browser(1400, 1000)
    try:
        for page in pages:
            driver.get(url(page))
            errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
            expect(not errors, f"{page}: console errors {errors}")
            boxes = driver.execute_script(
                "return Array.from(document.querySelectorAll('math')).map(m => {"
                " const r = m.getBoundingClientRect(); return [r.width, r.height, m.textContent.slice(0, 40)]; })")
            empty = [b for b in boxes if b[0] <= 0 or b[1] <= 0]
            expect(not empty, f"{page}: {len(empty)} of {len(boxes)} math elements have no size, e.g. {empty[:3]}")
            figures = driver.execute_script(
                "return Array.from(document.querySelectorAll('figure svg')).map(s => {"
                " const r = s.getBoundingClientRect(); return [r.width, r.height]; })")
            expect(all(w > 50 and h > 50 for w, h in figures), f"{page}: figures without size {figures}")
            print(f"{page}: {len(boxes)} math, {len(figures)} figures")

        driver.get(url("04-elbo.html"))
        driver.save_screenshot(str(SHOTS / "site-04-elbo.png"))
        contrast(driver, "light")
        search = driver.find_element(By.ID, "search")
        search.send_keys("importance weighted")
        results = driver.find_elements(By.CSS_SELECTOR, "#search-results a")
        expect(results, "search finds 'importance weighted'")
        if results:
            target = results[0].get_attribute("href")
            search.send_keys(Keys.ENTER)
            anchor = target.split("#", 1)[1] if "#" in target else ""
            expect(driver.current_url.endswith("#" + anchor), f"search lands on {target}, at {driver.current_url}")
            heading = driver.find_elements(By.ID, anchor)
            expect(heading and heading[0].tag_name in ("h2", "h3", "h4"), f"the result's anchor is a heading: {anchor}")
            if heading:
                top = driver.execute_script("return arguments[0].getBoundingClientRect().top", heading[0])
                expect(0 <= top < 300, f"the heading is at the top of the window (top = {top})")

        driver.get(url("index.html"))
        driver.save_screenshot(str(SHOTS / "site-index.png"))
        before = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
        driver.find_element(By.CSS_SELECTOR, "button.theme").click()
        after = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
        expect(before != after, f"the theme toggle changes the background ({before} -> {after})")
        driver.get(url("04-elbo.html"))
        kept = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
        expect(kept == after, f"the chosen theme persists across pages ({kept} vs {after})")
        driver.save_screenshot(str(SHOTS / "site-04-elbo-dark.png"))
        contrast(driver, "dark")
    finally:
        driver.quit()

    phone = browser(390, 844)
    try:
        phone.get(url("04-elbo.html"))
        overflow = phone.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        expect(overflow <= 1, f"at phone width the page does not scroll sideways (overflow {overflow}px)")
        outline = phone.find_element(By.ID, "outline")
        expect(not outline.is_displayed(), "the outline is folded away on a phone")
        phone.find_element(By.CSS_SELECTOR, "button.menu").click()
        expect(outline.is_displayed(), "the menu button opens the outline")
        phone.save_screenshot(str(SHOTS / "site-04-elbo-phone.png"))
    finally:
        phone.quit()

    if failures:
        print(f"{len(failures)} browser check(s) failed")
        sys.exit(1)
    print("browser checks passed")


if __name__ == "__main__":
    main()
