"""Lays out the TeX-to-MathML gallery in headless Chromium and checks the boxes (issue 6).

Usage: math_layout.py GALLERY.html SCREENSHOT.png
For each <div class="case">: the <math> box has a non-zero size; fractions have the numerator above the
denominator; scripts are offset from their base; under/over scripts sit below/above their base; table rows
are stacked. Boxes that must not overlap are compared with a 0.5 px tolerance.
"""
import pathlib
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

MEASURE = """
const rect = e => { const r = e.getBoundingClientRect(); return {l: r.left, t: r.top, r: r.right, b: r.bottom, w: r.width, h: r.height}; };
return [...document.querySelectorAll('div.case')].map(div => {
  const math = div.querySelector('math');
  const kids = e => [...e.children].map(rect);
  return {
    id: div.id, check: div.dataset.check, math: rect(math),
    fractions: [...math.querySelectorAll('mfrac')].map(kids),
    scripts: [...math.querySelectorAll('msub, msup, msubsup')].map(e => ({tag: e.localName, boxes: kids(e)})),
    underover: [...math.querySelectorAll('munder, mover, munderover')].map(e => ({tag: e.localName,
      boxes: [...e.children].map(c => Object.assign(rect(c), {text: c.textContent}))})),
    tables: [...math.querySelectorAll('mtable')].map(t => [...t.querySelectorAll(':scope > mtr')].map(r => {
      const cells = [...r.children].filter(c => c.children.length > 0).map(c => [...c.children].map(rect));
      const boxes = cells.flat();
      return boxes.length ? {t: Math.min(...boxes.map(b => b.t)), b: Math.max(...boxes.map(b => b.b))} : null;
    }).filter(x => x)),
  };
});
"""

TOLERANCE = 0.5


def check(case):
    problems = []
    m = case["math"]
    if m["w"] <= 0 or m["h"] <= 0:
        problems.append("empty <math> box")
    for boxes in case["fractions"]:
        numerator, denominator = boxes
        if numerator["b"] > denominator["t"] + TOLERANCE:
            problems.append(f"fraction overlaps: numerator bottom {numerator['b']:.1f} > denominator top {denominator['t']:.1f}")
        if min(numerator["h"], denominator["h"]) <= 0:
            problems.append("empty fraction part")
    for item in case["scripts"]:
        base, *scripts = item["boxes"]
        for script in scripts:
            if script["w"] <= 0 or script["h"] <= 0:
                problems.append(f"{item['tag']}: empty script")
            # Italic correction may tuck a subscript under a slanted base (the integral sign), never far in.
            if script["l"] < base["l"] + 0.3 * base["w"]:
                problems.append(f"{item['tag']}: script starts at {script['l']:.1f}, inside base {base['l']:.1f}-{base['r']:.1f}")
            if abs(script["t"] - base["t"]) < TOLERANCE and abs(script["b"] - base["b"]) < TOLERANCE:
                problems.append(f"{item['tag']}: script not raised or lowered")
    for item in case["underover"]:
        base, *rest = item["boxes"]
        order = {"munder": ["under"], "mover": ["over"], "munderover": ["under", "over"]}[item["tag"]]
        for role, box in zip(order, rest):
            if box["l"] >= base["r"] - TOLERANCE:
                continue  # movablelimits in inline style: the limit became a script beside the operator
            # A combining accent (\widehat is U+0302, stretched over its base) has no advance width: its ink
            # spans the base, so only its height says it is there.
            combining = len(box.get("text", "")) == 1 and 0x300 <= ord(box["text"]) <= 0x36F
            if box["h"] <= 0 or (box["w"] <= 0 and not combining):
                problems.append(f"{item['tag']}: empty {role}")
            elif role == "under" and box["t"] < base["b"] - TOLERANCE:
                problems.append(f"{item['tag']}: under top {box['t']:.1f} above base bottom {base['b']:.1f}")
            elif role == "over" and box["b"] > base["t"] + TOLERANCE:
                problems.append(f"{item['tag']}: over bottom {box['b']:.1f} below base top {base['t']:.1f}")
    for rows in case["tables"]:
        for upper, lower in zip(rows, rows[1:]):
            if upper["b"] > lower["t"] + TOLERANCE:
                problems.append(f"table rows overlap: {upper['b']:.1f} > {lower['t']:.1f}")
    expected = {"fraction": "fractions", "scripts": "scripts", "underover": "underover", "table": "tables"}.get(case["check"])
    if expected and not case[expected]:
        problems.append(f"no {expected} found to check")
    return problems


def main():
    gallery, screenshot = pathlib.Path(sys.argv[1]).resolve(), sys.argv[2]
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1000,800", "--hide-scrollbars"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(gallery.as_uri())
        cases = driver.execute_script(MEASURE)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(1000, height + 400)
        driver.save_screenshot(screenshot)
    finally:
        driver.quit()
    failures = 0
    for case in cases:
        problems = check(case)
        status = "ok" if not problems else "FAIL"
        print(f"{case['id']:>8} {case['check']:<9} {case['math']['w']:6.1f}x{case['math']['h']:5.1f} {status} {'; '.join(problems)}")
        failures += bool(problems)
    print(f"{len(cases)} cases, {failures} failing; screenshot {screenshot}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
