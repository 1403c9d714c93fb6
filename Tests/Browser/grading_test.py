"""Grading in the browser (`lessons grades serve`), in headless Chromium through selenium, as an instructor would.

    Tests/Browser/run-grading-test.sh       generates a class, serves it and runs this script
    grading_test.py URL CLASS LESSONS       the printed URL, the class folder, the lessons executable

Screenshots of a grading page and of the hostile answer go to .build/grading-shots/.

Checks:
- anonymous mode is on at first: no student name on the grading page, pseudonyms instead;
- ten answer groups are graded by keyboard only (digits toggle rubric items, `s` types a score, Enter saves,
  `j` goes to the next group): every change shows after the page reloads;
- a rubric item is created by keyboard (`n`, points, Tab, text, Enter), applied to the largest group (its digit),
  and its points changed: every member of the group is re-scored on the page;
- the student named <img src=x onerror=alert(9)>, whose answer holds <script> and {{: no <img> or <script> element
  comes from them in the DOM, no alert opens, and the text shows as written;
- `lessons grades export --csv` and `lessons feedback` agree with the page for every graded student.
"""
import csv
import io
import re
import subprocess
import sys
import time
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

URL, CLASS, LESSONS = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
BASE = URL.split("/?token=")[0]
HOSTILE = "<img src=x onerror=alert(9)>"
SHOTS = Path(__file__).resolve().parents[2] / ".build" / "grading-shots"
failures = []


def expect(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def browser():
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def question(driver):
    return driver.find_element(By.ID, "question")


def state(driver):
    main = question(driver)
    return main.get_attribute("data-at"), main.get_attribute("data-versions")


def wait_until(condition, what, seconds=10):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if condition():
                return True
        except Exception:
            pass
        time.sleep(0.05)
    expect(False, "timed out waiting for " + what)
    return False


def press(driver, keys):
    """Keys sent to whatever has focus, as a person typing."""
    ActionChains(driver).send_keys(keys).perform()


def member_points(driver):
    return [element.text for element in driver.find_elements(By.CSS_SELECTOR, "ul.members .points")]


def no_alert(driver):
    try:
        driver.switch_to.alert
        return False
    except NoAlertPresentException:
        return True


def main():
    driver = browser()
    try:
        driver.get(URL)
        expect(driver.current_url.rstrip("/") == BASE, "the token leaves the address bar: " + driver.current_url)
        cookies = driver.get_cookies()
        expect(any(c["name"] == "lessons_grades" and c["httpOnly"] and c.get("sameSite") == "Strict" for c in cookies),
               "the token is an HttpOnly, SameSite=Strict cookie: %s" % cookies)
        expect("s0000" not in driver.page_source, "anonymous mode hides names on the overview")

        driver.get(BASE + "/grade/means/explain?at=0")
        count = int(question(driver).get_attribute("data-count"))
        expect(count >= 11, "at least 11 answer groups (got %d)" % count)
        expect("s0001" not in driver.page_source and "anon-" in driver.page_source, "pseudonyms, not names")

        # Ten groups graded by keyboard only: odd ones by the first rubric item, even ones by a typed score.
        for index in range(10):
            at, versions = state(driver)
            expect(at == str(index), "at group %d (page says %s)" % (index, at))
            if index == 0:
                press(driver, "c")
                press(driver, "clear, but say why n and not n - 1" + Keys.ENTER)
                wait_until(lambda: state(driver)[1] != versions, "the comment to be saved")
                expect(driver.find_element(By.ID, "comment").get_attribute("value") == "clear, but say why n and not n - 1",
                       "c, typing and Enter save a comment")
                at, versions = state(driver)
            if index % 2:
                press(driver, "1")
            else:
                press(driver, "s")
                press(driver, "1.5" + Keys.ENTER)
            wait_until(lambda: state(driver)[1] != versions, "group %d to be saved" % index)
            expected = "1" if index % 2 else "1.50"
            expect(all(p == expected for p in member_points(driver)),
                   "group %d: every member has %s: %s" % (index, expected, member_points(driver)))
            press(driver, "j")
            wait_until(lambda: state(driver)[0] == str(index + 1), "j to go to group %d" % (index + 1))
        press(driver, "k")
        wait_until(lambda: state(driver)[0] == "9", "k to go back to group 9")

        # A new rubric item, by keyboard, applied to the largest group (group 0), then its points changed.
        press(driver, "n")
        press(driver, "-0.5" + Keys.TAB + "missing the role of n" + Keys.ENTER)
        wait_until(lambda: len(driver.find_elements(By.CSS_SELECTOR, "input.item")) == 3, "the new item")
        driver.get(BASE + "/grade/means/explain?at=0")
        SHOTS.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(SHOTS / "grade-by-question.png"))
        members = len(member_points(driver))
        expect(members >= 5, "group 0 is a group (%d members)" % members)
        _, versions = state(driver)
        press(driver, "3")
        wait_until(lambda: state(driver)[1] != versions, "item 3 applied to group 0")
        expect(member_points(driver) == ["1"] * members, "1.5 typed, -0.5 item: every member has 1: %s" % member_points(driver))
        field = driver.find_elements(By.CSS_SELECTOR, "input.edit-points")[2]
        field.click()
        field.send_keys(Keys.CONTROL + "a")
        _, versions = state(driver)
        field.send_keys("-1" + Keys.ENTER)
        wait_until(lambda: state(driver)[1] != versions, "the item's new points")
        expect(member_points(driver) == ["0.50"] * members,
               "every member re-scored to 0.50 after the item became -1: %s" % member_points(driver))

        # Names on, then the hostile student: text in the DOM, never markup, and no alert.
        driver.get(BASE + "/")
        driver.find_element(By.ID, "anonymous").send_keys(Keys.ENTER)
        wait_until(lambda: "s0000" in driver.page_source, "names shown after anonymous mode is turned off")
        link = [a for a in driver.find_elements(By.CSS_SELECTOR, "ul.students a") if a.text == HOSTILE]
        expect(len(link) == 1, "the hostile student's name shows as text on the overview")
        for page in ["/", "/grade/means/explain?at=%d" % (count - 1)] + ([link[0].get_attribute("href")] if link else []):
            driver.get(page if page.startswith("http") else BASE + page)
            expect(not driver.find_elements(By.CSS_SELECTOR, "img[src=x], main script, body script:not([src])"),
                   "no element from student text on " + page)
            expect(no_alert(driver), "no alert on " + page)
        hostile_group = None
        for at in range(count):
            driver.get(BASE + "/grade/means/explain?at=%d" % at)
            if HOSTILE in driver.find_element(By.CSS_SELECTOR, "ul.members").text:
                hostile_group = at
                break
        expect(hostile_group is not None, "the hostile student's answer is on a grading page")
        SHOTS.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(SHOTS / "hostile-answer.png"))
        code = driver.find_element(By.CSS_SELECTOR, "pre.code").text
        expect("<script>alert(1)</script> {{grade}} {{{raw}}}" in code and "</pre><script>alert(2)</script>" in code,
               "the answer shows as written: " + code)
        expect(no_alert(driver), "no alert on the hostile answer")
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        expect(not errors, "no console errors: %s" % errors)

        # Export and feedback agree with the pages.
        export = subprocess.run([LESSONS, "grades", "export", "--csv"], cwd=CLASS, capture_output=True, text=True, check=True)
        rows = {(r["student"], r["exercise"]): r for r in csv.DictReader(io.StringIO(export.stdout))}
        subprocess.run([LESSONS, "feedback", "--out", "feedback"], cwd=CLASS, capture_output=True, text=True, check=True)
        graded = [(s, r["manual_points"]) for (s, e), r in rows.items() if e == "explain" and r["manual_points"] != "0"]
        expect(len(graded) >= 15, "at least 15 answers graded by hand (10 groups): %d" % len(graded))
        for student, points in graded:
            folder = re.sub(r"[^A-Za-z0-9._-]", lambda m: "".join("%%%02X" % b for b in m.group().encode()), student)
            page = (CLASS / "feedback" / folder / "means.html").read_text()
            expect("Graded by hand: %s of 2 points" % points in page, "%s: the feedback page says %s" % (student, points))
        for student, _ in graded:
            if rows[(student, "explain")]["manual_points"] == "0.50":
                page = (CLASS / "feedback" / student / "means.html").read_text()
                expect("-1: missing the role of n" in page, "%s: the feedback lists the changed item" % student)
                break
    finally:
        driver.quit()
    if failures:
        print(f"{len(failures)} grading check(s) failed")
        sys.exit(1)
    print("grading browser checks passed")


if __name__ == "__main__":
    main()
