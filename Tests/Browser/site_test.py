"""The built site in a real browser (headless Chromium through selenium), as students use it.

    Tests/Browser/run-site-test.sh        builds the site into .build/site-under-test and runs this script
    site_test.py SITE AXE_JS              the site folder and axe-core's axe.min.js (run-site-test.sh fetches it)

Checks:
- every page: no console errors, every <math> and inline figure has a size;
- accessibility: axe-core reports no violation on any page in the light theme, the dark theme and at phone width
  (390 px); chart lines and dots have at least 3:1 contrast with the figure background in both themes; every
  heading anchor names its section; buttons are at least 24 x 24 px;
- phone (390 x 844): no page, paragraph or list scrolls sideways (a wide formula, code line or table scrolls on its
  own, with a visible cue, and takes keyboard focus); the header is one row at most 56 px high; a jump to every heading
  lands below the header; figure text is at least 11 px;
- typesetting: the site's own math font (Latin Modern Math, WOFF2) loads; in aligned equations the left column
  ends at its relation sign; an equation tag sits at the column's right margin;
- print: in the dark theme, print media gives white paper and dark figure text; code lines wrap;
- search: the index loads on first focus, not before; no entry holds a backslash or the page's UI text;
  "mu-law", "ELBO", "reparametrisation", "reparameterization", "Kullback-Leibler", "kullback leibler", "variational
  auto-encoder" and "mu law" find the right section first; a cut list says how many more; the browser stems as the
  build did; arrow keys choose a result, Enter opens it and the list
  closes; a click elsewhere closes it; "/" focuses the search field;
- the theme toggle changes the colours and the choice persists across pages;
- at 320, 390, 768 and 1024 px: the ☰ drawer fits between the bar and the bottom, its last entry is reached by
  scrolling the drawer, the first part heading and the current lesson's entry are visible, Esc and a tap outside
  close it (focus back on ☰), choosing a link closes it; no page (reference pages included) is wider than the
  viewport and the top bar does not pan away; axe also runs on the reference pages at phone width and with the
  drawer open.
Screenshots of 02, 04 and 05 (light, dark, phone, print in the dark theme) go to .build/site-shots/.
"""
import base64
import sys
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

ROOT = Path(__file__).resolve().parents[2]
SITE = (Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".build" / "site-under-test").resolve()
AXE = Path(sys.argv[2]).read_text() if len(sys.argv) > 2 else None
SHOTS = ROOT / ".build" / "site-shots"
SHOT_PAGES = ["02-autoregressive-models.html", "04-elbo.html", "05-variational-families.html"]
failures = []


def expect(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def browser(width, height):
    """Chromium with a layout viewport of width x height (headless windows are at least 500 px wide, so narrower
    viewports are emulated)."""
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={max(width, 500)},{height}",
                     "--allow-file-access-from-files", "--hide-scrollbars"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    if width < 500:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    driver.set_script_timeout(120)
    return driver


def url(page):
    return (SITE / page).as_uri()


def open_page(driver, page, theme, fragment=""):
    driver.get(url(page) + fragment)
    driver.execute_script(
        "localStorage.setItem('lessons-theme', arguments[0]); document.documentElement.setAttribute('data-theme', arguments[0]);",
        theme)


AXE_RUN = """
const done = arguments[0];
axe.run(document, {resultTypes: ['violations']}).then(
  r => done(r.violations.map(v => [v.id, v.nodes.length, v.nodes.slice(0, 2).map(n => n.target.join(' '))])),
  e => done([['axe-error', 1, [String(e)]]]));
"""


def axe_violations(driver):
    if AXE is None:
        return []
    driver.execute_script(AXE)
    return driver.execute_async_script(AXE_RUN)


def check_pages(driver, pages):
    for page in pages:
        driver.get(url(page))
        errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        expect(not errors, f"{page}: console errors {errors}")
        boxes = driver.execute_script(
            "return Array.from(document.querySelectorAll('math')).filter(m => getComputedStyle(m).display !== 'none').map(m => {"
            " const r = m.getBoundingClientRect(); return [r.width, r.height, m.textContent.slice(0, 40)]; })")
        empty = [b for b in boxes if b[0] <= 0 or b[1] <= 0]
        expect(not empty, f"{page}: {len(empty)} of {len(boxes)} math elements have no size, e.g. {empty[:3]}")
        figures = driver.execute_script(
            "return Array.from(document.querySelectorAll('figure svg')).map(s => {"
            " const r = s.getBoundingClientRect(); return [r.width, r.height]; })")
        expect(all(w > 50 and h > 50 for w, h in figures), f"{page}: figures without size {figures}")
        anchors = driver.execute_script(
            "return Array.from(document.querySelectorAll('a.anchor')).filter(a => {"
            " const h = a.parentElement; const name = a.getAttribute('aria-label') || '';"
            " const text = h.textContent.replace(/#$/, '').trim().slice(0, 12);"
            " return !name.startsWith('Link to the section') || name.indexOf('LESSONS') >= 0 || (text && name.indexOf(text) < 0 && !h.querySelector('math')); })"
            ".map(a => a.getAttribute('aria-label'))")
        expect(not anchors, f"{page}: heading anchors that do not name their section: {anchors[:3]}")
        small = driver.execute_script(
            "return Array.from(document.querySelectorAll('button, .topbar a, .topbar input')).filter(b => {"
            " const r = b.getBoundingClientRect(); return r.width > 0 && (r.width < 24 || r.height < 24); })"
            ".map(b => b.outerHTML.slice(0, 60))")
        expect(not small, f"{page}: targets smaller than 24 x 24 px: {small[:3]}")
        print(f"{page}: {len(boxes)} math, {len(figures)} figures")


def check_axe(driver, pages, mode):
    theme = "dark" if mode == "dark" else "light"
    total = 0
    for page in pages:
        open_page(driver, page, theme)
        began = time.time()
        violations = axe_violations(driver)
        print(f"  axe {mode} {page}: {time.time() - began:.1f} s")
        count = sum(v[1] for v in violations)
        total += count
        expect(count == 0, f"axe ({mode}) {page}: {count} violations {violations}")
    print(f"axe-core ({mode}): {total} violations on {len(pages)} pages")


CHART_COLOURS = """
function channel(c) { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); }
function luminance(rgb) { const v = rgb.match(/\\d+(\\.\\d+)?/g).map(Number); return 0.2126 * channel(v[0]) + 0.7152 * channel(v[1]) + 0.0722 * channel(v[2]); }
function background(e) {
  for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor; if (c && !c.endsWith(', 0)') && c !== 'transparent') return c; }
  return 'rgb(255, 255, 255)';
}
const low = [];
for (const mark of document.querySelectorAll('svg.lk-plot .lk-line, svg.lk-plot circle')) {
  const style = getComputedStyle(mark);
  const colour = mark.tagName === 'circle' ? style.fill : style.stroke;
  if (!colour || colour === 'none' || !colour.startsWith('rgb')) continue;
  const a = luminance(colour), b = luminance(background(mark.closest('figure')));
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  if (ratio < 3) low.push([colour, Math.round(ratio * 100) / 100]);
}
return low;
"""


def check_chart_colours(driver, pages, theme):
    for page in pages:
        open_page(driver, page, theme)
        low = driver.execute_script(CHART_COLOURS)
        expect(not low, f"{page} ({theme}): chart colours below 3:1 against the figure background: {sorted(set(map(tuple, low)))[:4]}")


def check_typesetting(driver):
    """Equation tags sit at the right margin of the column, not beside the formula."""
    open_page(driver, "04-elbo.html", "light")
    gap = driver.execute_script("""
const tagged = document.querySelector('.math-display mtable.tex-tagged');
if (!tagged) return null;
const column = tagged.closest('.math-display').getBoundingClientRect();
return Math.round(column.right - tagged.querySelector('mtext.tex-tag').getBoundingClientRect().right);""")
    gaps = driver.execute_script("""
const gaps = [];
for (const left of document.querySelectorAll('.math-display:not(.breaks) mtd[columnalign="right"], .math-display.breaks math.wide mtd[columnalign="right"]')) {
  const right = left.nextElementSibling;
  if (!right || right.getAttribute('columnalign') !== 'left' || !left.children.length || !right.children.length) continue;
  const end = Math.max(...Array.from(left.children).map(c => c.getBoundingClientRect().right));
  const start = Math.min(...Array.from(right.children).map(c => c.getBoundingClientRect().left));
  gaps.push(Math.round(start - end));
}
return gaps;""")
    expect(gaps and max(gaps) <= 8, f"aligned equations: each left column ends at its relation, the relation's own space apart (gaps {gaps} px)")
    fonts = driver.execute_async_script(
        "const done = arguments[0]; document.fonts.ready.then(() => done(Array.from(document.fonts).map(f => [f.family, f.status])))")
    expect(["Latin Modern Math", "loaded"] in fonts, f"the site's math font loads from the site itself ({fonts})")
    expect(gap is not None and 0 <= gap <= 12, f"the tag of 04's equation (1) is at the right margin, within its cell's padding ({gap} px from it)")


def check_search(driver):
    driver.get(url("04-elbo.html"))
    loaded = driver.execute_script(
        "return [typeof window.LESSONS_SEARCH, document.querySelectorAll('script[src*=\"search-index\"]').length]")
    expect(loaded == ["undefined", 0], f"the search index is not loaded before the search field is used: {loaded}")
    search = driver.find_element(By.ID, "search")
    search.click()
    for _ in range(50):
        if driver.execute_script("return Array.isArray(window.LESSONS_SEARCH)"):
            break
        time.sleep(0.1)
    entries = driver.execute_script("return window.LESSONS_SEARCH || []")
    expect(len(entries) > 20, f"the index loads on first focus ({len(entries)} entries)")
    backslashes = [e["url"] for e in entries if "\\" in e["text"] or "\\" in e["heading"]]
    expect(not backslashes, f"no search entry shows TeX (backslashes in {backslashes[:5]})")
    ui = [e["url"] for e in entries if any(s in e["text"] for s in ("Wrap Copy", "Copy code", "Link to the section", "LESSONS"))]
    expect(not ui, f"no search entry holds the page's UI text ({ui[:5]})")

    def first_result(query):
        search.clear()
        search.send_keys(query)
        results = driver.find_elements(By.CSS_SELECTOR, "#search-results [role=option]")
        return results[0].get_attribute("href").rsplit("/", 1)[-1] if results else None

    # "ELBO": the section that derives it, or the VAE lesson's section whose heading names it (both teach it).
    for query, expected in [("mu-law", ("02-autoregressive-models.html#wavenet",)),
                            ("μ-law", ("02-autoregressive-models.html#wavenet",)),
                            ("ELBO", ("04-elbo.html#the-evidence-lower-bound", "06-variational-autoencoders.html#the-model-and-its-elbo")),
                            ("importance weighted", ("04-elbo.html#jensen-s-inequality-and-tighter-bounds",)),
                            # Tolerant search: spellings, dashes, case, word stems, whole words before parts of words.
                            ("reparametrisation", ("05-variational-families.html#parameterised-families-and-the-vi-recipe",)),
                            ("reparameterization", ("05-variational-families.html#parameterised-families-and-the-vi-recipe",)),
                            ("Kullback-Leibler", ("04-elbo.html#the-evidence-lower-bound",)),
                            ("kullback leibler", ("04-elbo.html#the-evidence-lower-bound",)),
                            ("variational auto-encoder", ("06-variational-autoencoders.html",)),
                            ("mu law", ("02-autoregressive-models.html#wavenet",))]:
        found = first_result(query)
        expect(found is not None and found.startswith(expected), f"search '{query}' finds {' or '.join(expected)} first, got {found}")
    search.clear()
    search.send_keys("variational")
    more = driver.execute_script("const m = document.querySelector('#search-results .more'); return m ? m.textContent : null")
    shown = len(driver.find_elements(By.CSS_SELECTOR, "#search-results [role=option]"))
    expect(more is not None and more.split(" ")[0].isdigit() and shown == 12, f"a cut result list says how many more ({shown} shown, {more!r})")
    # The site's script stems a query as `lessons build` stemmed the index: every word of every entry, stemmed in
    # the browser, is one of the entry's stems.
    differ = driver.execute_script("""
return window.LESSONS_SEARCH.flatMap(e => [[e.heading, e.headingStems], [e.lesson, e.lessonStems], [e.text, e.textStems]].map(([text, stems]) => {
  const known = new Set(stems.split(' '));
  return LESSONS_FOLD(text).split(' ').filter(Boolean).map(LESSONS_STEM).filter(w => !known.has(w)).map(w => e.url + ': ' + w);
}).flat()).slice(0, 5);""")
    expect(not differ, f"the browser stems words as the build did (differences: {differ})")
    expect(driver.find_element(By.ID, "search").get_attribute("aria-expanded") == "true", "the combobox says it is expanded")
    search.send_keys(Keys.ARROW_DOWN)
    search.send_keys(Keys.ARROW_DOWN)
    active = search.get_attribute("aria-activedescendant")
    expect(active == "search-result-1", f"arrow keys choose a result (aria-activedescendant = {active})")
    target = driver.find_element(By.ID, active).get_attribute("href") if active else ""
    search.send_keys(Keys.ENTER)
    time.sleep(0.3)
    anchor = target.split("#", 1)[1] if "#" in target else ""
    expect(driver.current_url.endswith("#" + anchor), f"Enter opens the chosen result {target}, at {driver.current_url}")
    open_list = driver.execute_script("return document.getElementById('search-results').classList.contains('open')")
    expect(not open_list, "the result list closes after a jump")
    search = driver.find_element(By.ID, "search")
    search.clear()
    search.send_keys("variational")
    driver.find_element(By.CSS_SELECTOR, "#outline .part").click()
    open_list = driver.execute_script("return document.getElementById('search-results').classList.contains('open')")
    expect(not open_list, "a click elsewhere closes the result list")
    driver.find_element(By.TAG_NAME, "body").send_keys("/")
    focused = driver.execute_script("return document.activeElement && document.activeElement.id")
    expect(focused == "search", f"'/' focuses the search field (focus on {focused})")
    print(f"search: {len(entries)} entries, {(SITE / 'assets' / 'search-index.js').stat().st_size} bytes, loaded on first focus")


def check_theme(driver):
    driver.get(url("index.html"))
    driver.execute_script("localStorage.removeItem('lessons-theme'); document.documentElement.removeAttribute('data-theme')")
    driver.get(url("index.html"))
    before = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    driver.find_element(By.CSS_SELECTOR, "button.theme").click()
    after = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    expect(before != after, f"the theme toggle changes the background ({before} -> {after})")
    driver.get(url("04-elbo.html"))
    kept = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    expect(kept == after, f"the chosen theme persists across pages ({kept} vs {after})")


LUMINANCE = """
function channel(c) { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); }
function luminance(rgb) { const v = rgb.match(/\\d+(\\.\\d+)?/g).map(Number); return 0.2126 * channel(v[0]) + 0.7152 * channel(v[1]) + 0.0722 * channel(v[2]); }
const texts = Array.from(document.querySelectorAll('figure svg text'));
const pre = Array.from(document.querySelectorAll('.cell pre'));
return {
  paper: luminance(getComputedStyle(document.body).backgroundColor),
  figureText: texts.length ? Math.max(...texts.map(t => luminance(getComputedStyle(t).fill))) : 0,
  wrapped: pre.every(p => getComputedStyle(p).whiteSpace === 'pre-wrap'),
};
"""


def check_print(driver):
    for page in SHOT_PAGES:
        open_page(driver, page, "dark")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        colours = driver.execute_script(LUMINANCE)
        expect(colours["paper"] > 0.9, f"{page}: printing in the dark theme gives white paper ({colours})")
        expect(colours["figureText"] < 0.1, f"{page}: printed figure text is dark in the dark theme ({colours})")
        expect(colours["wrapped"], f"{page}: printed code wraps instead of being cut")
        pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": True})
        (SHOTS / f"{page[:2]}-print-dark.pdf").write_bytes(base64.b64decode(pdf["data"]))
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def check_reading_aids(driver):
    """"Hide code" hides every cell's code (and print honours it), the choice persists; the download link is the
    student copy."""
    open_page(driver, "04-elbo.html", "light")
    driver.execute_script("localStorage.removeItem('lessons-code')")
    driver.get(url("04-elbo.html"))
    visible = "return Array.from(document.querySelectorAll('.cell .code')).filter(c => c.getBoundingClientRect().height > 0).length"
    before = driver.execute_script(visible)
    driver.find_element(By.CSS_SELECTOR, "button.code-toggle").click()
    after = driver.execute_script(visible)
    expect(before > 0 and after == 0, f"'Hide code' hides every cell's code ({before} -> {after} visible)")
    driver.get(url("05-variational-families.html"))
    kept = driver.execute_script(visible)
    pressed = driver.find_element(By.CSS_SELECTOR, "button.code-toggle").get_attribute("aria-pressed")
    expect(kept == 0 and pressed == "true", f"the choice to hide code persists across pages ({kept} visible, pressed {pressed})")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    printed = driver.execute_script(visible)
    outputs = driver.execute_script("return Array.from(document.querySelectorAll('.cell .output')).filter(c => c.getBoundingClientRect().height > 0).length")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    expect(printed == 0 and outputs > 0, f"print honours 'Hide code' and keeps the outputs ({printed} code, {outputs} outputs)")
    driver.find_element(By.CSS_SELECTOR, "button.code-toggle").click()
    driver.execute_script("localStorage.removeItem('lessons-code')")
    link = driver.find_element(By.CSS_SELECTOR, ".breadcrumb a.download").get_attribute("href")
    copy = (SITE / "downloads" / "05-variational-families.md")
    expect(link.endswith("downloads/05-variational-families.md") and copy.exists()
           and "BEGIN SOLUTION" not in copy.read_text() and "HIDDEN TESTS: run when graded" in copy.read_text(),
           f"the download link is the lesson's student copy ({link})")
    print("reading aids: hide code (screen, print, persisted), download link")


def check_citations(driver):
    """A citation links to its entry in the lesson's References list, which has a DOI or URL link; the prose table
    is numbered with the output tables and its @tbl- reference jumps to it."""
    open_page(driver, "04-elbo.html", "light")
    citation = driver.find_element(By.CSS_SELECTOR, "a.citation[href='#ref-blei2017variational']")
    text = citation.text
    driver.execute_script("arguments[0].click()", citation)
    time.sleep(0.3)
    entry = driver.execute_script("""
        const target = document.querySelector(':target');
        if (!target) return null;
        const box = target.getBoundingClientRect();
        return {id: target.id, list: target.parentElement.className, heading: target.parentElement.previousElementSibling.id,
                inView: box.top >= 0 && box.top < window.innerHeight, links: Array.from(target.querySelectorAll('a')).map(a => a.href)};""")
    expect(text == "Blei et al., 2017" and entry is not None and entry["id"] == "ref-blei2017variational"
           and entry["list"] == "references" and entry["heading"] == "references" and entry["inView"],
           f"the citation '{text}' jumps to its entry in the References list ({entry})")
    expect(entry is not None and entry["links"] == ["https://doi.org/10.1080/01621459.2017.1285773"],
           f"the entry links its DOI ({entry and entry['links']})")
    time.sleep(0.3)
    toc = driver.execute_script("const a = document.querySelector('.toc a[aria-current]'); return a && a.getAttribute('href')")
    expect(toc == "#references", f"after the jump to the References, 'On this page' marks that section ({toc})")
    tab_stops = driver.execute_script("return document.querySelectorAll('a.anchor:not([tabindex=\"-1\"])').length")
    wraps = driver.execute_script("return Array.from(document.querySelectorAll('button.wrap')).map(b => b.getAttribute('aria-label'))")
    expect(tab_stops == 0 and wraps and len(set(wraps)) == len(wraps) and all(w.startswith("Wrap lines of cell ") for w in wraps),
           f"heading anchors are no Tab stops ({tab_stops}) and each Wrap button names its cell ({wraps[:3]})")
    listed = driver.execute_script("return Array.from(document.querySelectorAll('ul.references li')).map(li => li.id)")
    cited = driver.execute_script("return Array.from(new Set(Array.from(document.querySelectorAll('a.citation')).map(a => a.getAttribute('href').slice(1))))")
    expect(sorted(listed) == sorted(cited), f"the list has exactly the works the lesson cites ({listed} vs {cited})")
    arxiv = driver.execute_script("return document.querySelector('#ref-kingma2014autoencoding a').href")
    expect(arxiv == "https://arxiv.org/abs/1312.6114", f"a work without a DOI links its address ({arxiv})")
    open_page(driver, "05-variational-families.html", "light")
    reference = driver.find_element(By.CSS_SELECTOR, "a.table-ref[href='#table-2']")
    expect(reference.text == "Table 2", f"@tbl-kl-names reads 'Table 2' ({reference.text})")
    caption = driver.execute_script("return document.querySelector('.prose-table #table-2 caption').textContent")
    expect(caption.startswith("Table 2: The two directions"), f"the prose table is Table 2 with its caption ({caption})")
    index = (SITE / "index.html").read_text()
    expect(index.count("<ol>") == 0 and '<ol start="2">' in index, "no chapter list of the index restarts at 1.")
    print("citations: link to the list entry, DOI/URL links, only cited works; prose table numbered and cited; "
          "'On this page' after a jump; anchors and Wrap buttons; index numbers")


PHONE = """
const header = document.querySelector('.topbar').getBoundingClientRect();
const centres = Array.from(document.querySelectorAll('.topbar > *')).filter(e => e.getBoundingClientRect().width > 0)
  .map(e => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; });
const rows = {size: Math.max(...centres) - Math.min(...centres) <= 8 ? 1 : 2};
const svgs = Array.from(document.querySelectorAll('svg.lk-plot'));
let smallest = 99;
for (const svg of svgs) {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  for (const t of svg.querySelectorAll('text')) smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * scale);
}
const prose = Array.from(document.querySelectorAll('.lesson > p, .lesson > ul, .lesson > ol, .lesson li'))
  .filter(e => e.scrollWidth > e.clientWidth + 1).length;
const uncued = Array.from(document.querySelectorAll('.lesson pre, .math-display, .lesson p > math, .lesson li > math'))
  .filter(e => e.getBoundingClientRect().width > 0 && e.scrollWidth > e.clientWidth + 1 && !(e.classList.contains('scrolls') && e.tabIndex === 0)).length;
return {prose: prose, uncued: uncued, overflow: document.documentElement.scrollWidth - window.innerWidth, header: header.height, rows: rows.size,
        smallestFigureText: Math.round(smallest * 10) / 10,
        headings: Array.from(document.querySelectorAll('main h2[id], main h3[id], main h4[id]')).map(h => h.id)};
"""


def check_phone(driver, pages):
    worst = {"overflow": 0, "header": 0, "late": 0, "text": 99}
    for page in pages:
        driver.get(url(page))
        facts = driver.execute_script(PHONE)
        worst["overflow"] = max(worst["overflow"], facts["overflow"])
        worst["header"] = max(worst["header"], facts["header"])
        worst["text"] = min(worst["text"], facts["smallestFigureText"])
        expect(facts["overflow"] <= 1, f"{page}: at 390 px the page does not scroll sideways (overflow {facts['overflow']} px)")
        expect(facts["prose"] == 0, f"{page}: at 390 px no paragraph or list scrolls sideways ({facts['prose']} do; a wide formula scrolls alone)")
        expect(facts["uncued"] == 0, f"{page}: everything that scrolls sideways shows a cue and takes keyboard focus ({facts['uncued']} do not)")
        expect(facts["header"] <= 56 and facts["rows"] == 1,
               f"{page}: the header is one row at most 56 px high ({facts['header']} px, {facts['rows']} rows)")
        expect(facts["smallestFigureText"] >= 11, f"{page}: figure text at least 11 px (smallest {facts['smallestFigureText']} px)")
        hidden = []
        for heading in facts["headings"]:
            driver.execute_script("location.hash = arguments[0]", heading)
            top, bottom = driver.execute_script(
                "return [document.getElementById(arguments[0]).getBoundingClientRect().top,"
                " document.querySelector('.topbar').getBoundingClientRect().bottom]", heading)
            at_end = driver.execute_script(
                "return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2")
            if top < bottom or (top > 200 and not at_end):
                hidden.append((heading, round(top), round(bottom)))
        worst["late"] += len(hidden)
        expect(not hidden, f"{page}: jumps that land under the header or far below it (id, top, header bottom): {hidden[:4]}")
    driver.get(url("04-elbo.html"))
    outline = driver.find_element(By.ID, "outline")
    expect(not outline.is_displayed(), "the outline is folded away on a phone")
    driver.find_element(By.CSS_SELECTOR, "button.menu").click()
    expect(outline.is_displayed(), "the menu button opens the outline")
    print(f"phone: widest overflow {worst['overflow']} px, header {worst['header']} px, smallest figure text "
          f"{worst['text']} px, {worst['late']} jumps under the header")


DRAWER = """
const outline = document.getElementById('outline');
const box = outline.getBoundingClientRect();
const bar = document.querySelector('.topbar').getBoundingClientRect().bottom;
const current = outline.querySelector('[aria-current=page]');
const shown = e => { const r = e.getBoundingClientRect(), b = outline.getBoundingClientRect();
  return r.height > 0 && r.top >= Math.max(b.top, bar) - 1 && r.bottom <= Math.min(b.bottom, innerHeight) + 1; };
const result = {open: outline.classList.contains('open') && box.width > 0, top: box.top, bottom: box.bottom, bar: bar,
  height: innerHeight, scrolls: outline.scrollHeight > outline.clientHeight && getComputedStyle(outline).overflowY === 'auto',
  current: current ? shown(current) : null, firstPart: shown(outline.querySelector('.part'))};
outline.scrollTop = outline.scrollHeight;
const links = outline.querySelectorAll('a');
result.last = shown(links[links.length - 1]);
outline.scrollTop = 0;
result.firstPartAtTop = shown(outline.querySelector('.part'));
return result;
"""


def check_drawer(driver, width):
    """The ☰ drawer: between the bar and the bottom, scrolling on its own, the current lesson in view, closed by Esc,
    by a tap outside and by choosing a link, the focus back on ☰."""
    for page in ["00-welcome.html", "04-elbo.html", "reference/checks.html"]:
        driver.get(url(page))
        menu = driver.find_element(By.CSS_SELECTOR, "button.menu")
        menu.click()
        facts = driver.execute_script(DRAWER)
        where = f"{width} px, {page}"
        expect(facts["open"], f"{where}: ☰ opens the drawer")
        expect(abs(facts["top"] - facts["bar"]) <= 1 and facts["bottom"] <= facts["height"] + 1,
               f"{where}: the drawer fits between the bar and the bottom ({facts})")
        expect(facts["current"], f"{where}: the current lesson's entry is in view when the drawer opens ({facts})")
        expect(facts["last"], f"{where}: the drawer's last entry is reached by scrolling the drawer ({facts})")
        expect(facts["firstPartAtTop"], f"{where}: the first part heading is visible at the drawer's top ({facts})")
        if page == "00-welcome.html":
            expect(facts["firstPart"], f"{where}: the first part heading is visible when the drawer opens ({facts})")
    driver.get(url("04-elbo.html"))
    menu = driver.find_element(By.CSS_SELECTOR, "button.menu")
    is_open = lambda: driver.execute_script("return document.getElementById('outline').classList.contains('open')")
    on_menu = lambda: driver.execute_script("return document.activeElement === document.querySelector('button.menu')")
    menu.click()
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    expect(not is_open() and on_menu(), f"{width} px: Esc closes the drawer and gives the focus back to ☰")
    menu.click()
    before = driver.current_url
    # A tap on the page beside the drawer (the dimmed part), where a link could be: it only closes the drawer.
    driver.execute_cdp_cmd("Input.dispatchMouseEvent", {"type": "mousePressed", "x": width - 10, "y": 300, "button": "left", "clickCount": 1})
    driver.execute_cdp_cmd("Input.dispatchMouseEvent", {"type": "mouseReleased", "x": width - 10, "y": 300, "button": "left", "clickCount": 1})
    expect(not is_open() and on_menu() and driver.current_url == before,
           f"{width} px: a tap outside closes the drawer, does nothing else and gives the focus back to ☰")
    menu.click()
    driver.find_element(By.CSS_SELECTOR, "#outline a[href='05-variational-families.html']").click()
    time.sleep(0.3)
    expect(driver.current_url.endswith("05-variational-families.html") and not is_open(),
           f"{width} px: choosing a link in the drawer opens it and the drawer is closed ({driver.current_url})")
    print(f"drawer at {width} px: fits, scrolls, closes on Esc, outside tap and link")


WIDEST = """
return [document.documentElement.scrollWidth - innerWidth,
  Array.from(document.querySelectorAll('main *')).filter(e => e.getBoundingClientRect().right > innerWidth + 1
    && !e.closest('.scrolls, pre, .math-display, .output, math')).slice(0, 3).map(e => e.tagName + ' ' + e.textContent.slice(0, 40)),
  Math.round(document.querySelector('.topbar').getBoundingClientRect().left)];
"""


def check_widths(driver, pages, width):
    """No page, reference pages included, is wider than the viewport; the top bar stays in place."""
    wide = []
    for page in pages:
        driver.get(url(page))
        overflow, culprits, bar = driver.execute_script(WIDEST)
        driver.execute_script("window.scrollTo(500, 0)")
        panned = driver.execute_script("return Math.round(document.querySelector('.topbar').getBoundingClientRect().left)")
        if overflow > 1 or bar != 0 or panned != 0:
            wide.append((page, overflow, culprits, panned))
    expect(not wide, f"{width} px: pages wider than the viewport or whose top bar pans away: {wide[:4]}")
    print(f"widths at {width} px: {len(pages)} pages, {len(wide)} wider than the viewport")


def screenshots(driver, mode):
    for page in SHOT_PAGES:
        open_page(driver, page, "dark" if mode == "dark" else "light")
        driver.save_screenshot(str(SHOTS / f"{page[:2]}-{mode}.png"))


def main():
    SHOTS.mkdir(parents=True, exist_ok=True)
    pages = sorted(p.name for p in SITE.glob("*.html"))
    every_page = pages + sorted("reference/" + p.name for p in (SITE / "reference").glob("*.html"))
    expect("index.html" in pages and "04-elbo.html" in pages, f"site has index and 04-elbo: {pages}")
    expect(AXE is not None, "axe-core is given (run-site-test.sh passes it)")
    started = time.time()
    driver = browser(1366, 900)
    try:
        check_pages(driver, pages)
        check_axe(driver, pages, "light")
        check_chart_colours(driver, pages, "light")
        screenshots(driver, "light")
        check_axe(driver, pages, "dark")
        check_chart_colours(driver, pages, "dark")
        screenshots(driver, "dark")
        check_print(driver)
        check_typesetting(driver)
        check_search(driver)
        check_theme(driver)
        check_reading_aids(driver)
        check_citations(driver)
    finally:
        driver.quit()

    phone = browser(390, 844)
    try:
        check_axe(phone, every_page, "phone")
        screenshots(phone, "phone")
        check_phone(phone, pages)
        # axe with the drawer open (the outline above, "On this page" below, the page dimmed behind them).
        phone.get(url("04-elbo.html"))
        phone.find_element(By.CSS_SELECTOR, "button.menu").click()
        count = sum(v[1] for v in axe_violations(phone))
        expect(count == 0, f"axe (phone, drawer open) 04-elbo.html: {count} violations")
        print(f"axe-core (phone, drawer open): {count} violations")
    finally:
        phone.quit()

    for width in (320, 390, 768, 1024):
        narrow = browser(width, 640)
        try:
            check_drawer(narrow, width)
            check_widths(narrow, every_page, width)
        finally:
            narrow.quit()

    print(f"browser checks took {time.time() - started:.1f} s; screenshots in {SHOTS}")
    if failures:
        print(f"{len(failures)} browser check(s) failed")
        sys.exit(1)
    print("browser checks passed")


if __name__ == "__main__":
    main()
