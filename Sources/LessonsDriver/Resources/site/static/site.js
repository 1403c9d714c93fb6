// The site's behaviour: theme toggle, outline menu on small screens, Copy and Wrap buttons, scroll cues on
// whatever scrolls sideways, the current section in "On this page", and search over the index in
// search-index.js (loaded as a script on first use, so it works from file:// and costs nothing until then).
(function () {
  "use strict";

  function currentTheme() {
    var set = document.documentElement.getAttribute("data-theme");
    if (set) return set;
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  var toggle = document.querySelector("button.theme");
  if (toggle) {
    toggle.addEventListener("click", function () {
      var next = currentTheme() === "dark" ? "light" : "dark";
      document.documentElement.setAttribute("data-theme", next);
      try { localStorage.setItem("lessons-theme", next); } catch (e) { /* not persisted */ }
    });
  }

  var menu = document.querySelector("button.menu");
  var outline = document.getElementById("outline");
  if (menu && outline) {
    menu.addEventListener("click", function () {
      var open = outline.classList.toggle("open");
      document.body.classList.toggle("menu-open", open);
      menu.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  // Cells: Copy puts the code on the clipboard; Wrap folds long lines instead of scrolling them.
  document.querySelectorAll(".cell").forEach(function (cell) {
    var code = cell.querySelector(".code code");
    var copy = cell.querySelector("button.copy");
    if (copy && code) {
      copy.addEventListener("click", function () {
        if (!navigator.clipboard) return;
        navigator.clipboard.writeText(code.textContent).then(function () {
          copy.textContent = "Copied";
          setTimeout(function () { copy.textContent = "Copy"; }, 1500);
        }, function () { /* clipboard refused: leave the button as it is */ });
      });
    }
    var wrap = cell.querySelector("button.wrap");
    if (wrap) {
      wrap.addEventListener("click", function () {
        var on = cell.classList.toggle("wrapped");
        wrap.setAttribute("aria-pressed", on ? "true" : "false");
        markScrollers();
      });
    }
  });

  // Anything that scrolls sideways (code, a wide equation or table, a paragraph with a long formula) gets a
  // visible cue and can be reached and scrolled with the keyboard.
  // A region's name says what it is and where (landmark names are unique on a page); a paragraph, list or inline
  // formula that scrolls only becomes focusable (a region is not allowed there, and a formula keeps its role).
  function describe(element, number) {
    var cell = element.closest(".cell");
    var where = cell && cell.id ? " of cell " + cell.id.replace(/^cell-/, "") : "";
    if (element.closest(".code")) return "Code" + where;
    if (element.tagName === "PRE") return "Output text" + where;
    if (element.closest(".output")) return "Output" + where;
    return "Equation " + number;
  }
  function markScrollers() {
    var number = 0, used = {};
    var selector = ".lesson pre, .math-display, .lesson p, .lesson ul, .lesson ol, .lesson li, .cell .output, "
      + ".lesson p > math:not([display]), .lesson li > math:not([display])";
    document.querySelectorAll(selector).forEach(function (element) {
      var scrolls = element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== "visible";
      // Regions for code, outputs and displays; a paragraph, list or inline formula only becomes focusable.
      var landmark = element.tagName === "PRE" || element.classList.contains("math-display") || element.classList.contains("output");
      if (element.classList.contains("math-display")) number++;
      element.classList.toggle("scrolls", scrolls);
      if (scrolls) {
        element.setAttribute("tabindex", "0");
        if (landmark) {
          element.setAttribute("role", "region");
          var name = describe(element, number);
          used[name] = (used[name] || 0) + 1;
          element.setAttribute("aria-label", name + (used[name] > 1 ? " (" + used[name] + ")" : "") + ", scrolls sideways");
        }
        element.classList.add("scrolled");
      } else if (element.classList.contains("scrolled")) {
        element.removeAttribute("tabindex");
        element.removeAttribute("role");
        element.removeAttribute("aria-label");
      }
    });
  }
  markScrollers();
  window.addEventListener("resize", markScrollers);
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(markScrollers);

  // "On this page": the section being read is marked as the current one.
  var tocLinks = Array.prototype.slice.call(document.querySelectorAll(".toc a[href^='#']"));
  if (tocLinks.length && "IntersectionObserver" in window) {
    var headings = tocLinks.map(function (link) { return document.getElementById(link.getAttribute("href").slice(1)); });
    var current = function () {
      var line = 90, active = null;
      headings.forEach(function (heading, i) { if (heading && heading.getBoundingClientRect().top <= line) active = tocLinks[i]; });
      if (!active) active = tocLinks[0];
      tocLinks.forEach(function (link) {
        if (link === active) link.setAttribute("aria-current", "location"); else link.removeAttribute("aria-current");
      });
    };
    var observer = new IntersectionObserver(current, { rootMargin: "0px 0px -60% 0px" });
    headings.forEach(function (heading) { if (heading) observer.observe(heading); });
    window.addEventListener("hashchange", current);
    current();
  }

  // Search: a combobox over a listbox of results. The index loads on first focus.
  var input = document.getElementById("search");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !results) return;

  var index = null, loading = false, pending = null;
  function loadIndex(then) {
    if (index) { then(); return; }
    pending = then;
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = input.getAttribute("data-index");
    script.onload = function () {
      index = (window.LESSONS_SEARCH || []).map(prepare);
      if (pending) pending();
    };
    document.head.appendChild(script);
  }

  // Greek letters fold to their names (μ-law finds mu-law and back), accents are dropped, case is ignored.
  var greek = { "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ϵ": "epsilon", "ζ": "zeta",
    "η": "eta", "θ": "theta", "ϑ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi",
    "ο": "omicron", "π": "pi", "ρ": "rho", "σ": "sigma", "ς": "sigma", "τ": "tau", "υ": "upsilon", "φ": "phi",
    "ϕ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega" };
  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[\u03b1-\u03c9\u03d1\u03d5\u03f5]/g, function (c) { return greek[c] || c; });
  }
  function prepare(entry, position, all) {
    var page = entry.url.split("#")[0];
    var first = position === 0 || all[position - 1].url.split("#")[0] !== page;
    return { entry: entry, heading: fold(entry.heading), lesson: fold(entry.lesson + " " + page.replace(/\.html$/, "").replace(/[-_]/g, " ")),
      text: fold(entry.text), opening: first };
  }
  function count(text, term) {
    var n = 0, at = text.indexOf(term);
    while (at >= 0 && n < 8) { n++; at = text.indexOf(term, at + term.length); }
    return n;
  }
  function isReference(item) { return item.entry.url.split("#")[0].indexOf("/") >= 0 ? 1 : 0; }
  // A section's score: each term must occur somewhere; a heading counts most, then the lesson (its title or
  // name; most for the lesson's opening section), then how often the text mentions it.
  function score(item, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i];
      var inHeading = item.heading.indexOf(term) >= 0, inLesson = item.lesson.indexOf(term) >= 0;
      var times = count(item.text, term);
      if (!inHeading && !inLesson && times === 0) return 0;
      total += (inHeading ? 10 : 0) + (inLesson ? (item.opening ? 10 : 3) : 0) + times * 0.5;
    }
    return total;
  }

  // Where the folded text's position `foldedAt` is in the text itself (folding changes lengths: μ is "mu").
  function originalIndex(text, foldedAt) {
    var folded = 0;
    for (var i = 0; i < text.length; i++) {
      if (folded >= foldedAt) return i;
      folded += fold(text[i]).length;
    }
    return text.length;
  }
  function snippet(text, term) {
    var found = fold(text).indexOf(term);
    if (found < 0) return text.slice(0, 120);
    var at = originalIndex(text, found);
    var start = Math.max(0, at - 50);
    return (start > 0 ? "…" : "") + text.slice(start, at + 90) + "…";
  }

  var active = -1, announce = null;
  function options() { return Array.prototype.slice.call(results.querySelectorAll("[role=option]")); }
  function setActive(position) {
    var list = options();
    active = list.length ? (position + list.length) % list.length : -1;
    list.forEach(function (option, i) { option.setAttribute("aria-selected", i === active ? "true" : "false"); });
    if (active >= 0) {
      input.setAttribute("aria-activedescendant", list[active].id);
      list[active].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }
  function close() {
    results.classList.remove("open");
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }
  function say(message) {
    if (!status) return;
    clearTimeout(announce);
    announce = setTimeout(function () { status.textContent = message; }, 600);
  }

  function show(query) {
    results.innerHTML = "";
    active = -1;
    var terms = fold(query).split(/\s+/).filter(function (t) { return t.length > 0; });
    if (terms.length === 0 || !index) { close(); say(""); return; }
    var found = index.map(function (item) { return { item: item, score: score(item, terms) }; })
      .filter(function (hit) { return hit.score > 0; })
      // The lessons first (they explain the idea), then pages in a subfolder (the LessonKit reference).
      .sort(function (a, b) { return (isReference(a.item) - isReference(b.item)) || (b.score - a.score); })
      .slice(0, 12);
    found.forEach(function (hit, i) {
      var item = document.createElement("li");
      item.setAttribute("role", "none");
      var link = document.createElement("a");
      // Index URLs are relative to the site's root; pages in a subfolder (reference/) say where it is.
      link.href = (document.body.getAttribute("data-root") || "") + hit.item.entry.url;
      link.id = "search-result-" + i;
      link.setAttribute("role", "option");
      link.setAttribute("aria-selected", "false");
      link.tabIndex = -1;
      var title = document.createElement("strong");
      title.textContent = hit.item.entry.heading;
      var lesson = document.createElement("span");
      lesson.className = "lesson-name";
      lesson.textContent = hit.item.entry.lesson;
      var text = document.createElement("span");
      text.className = "snippet";
      text.textContent = snippet(hit.item.entry.text, terms[0]);
      link.appendChild(title);
      link.appendChild(lesson);
      link.appendChild(text);
      link.addEventListener("click", close);
      item.appendChild(link);
      results.appendChild(item);
    });
    if (found.length === 0) {
      var none = document.createElement("li");
      none.className = "none";
      none.setAttribute("role", "none");
      none.textContent = "No section mentions “" + query + "”.";
      results.appendChild(none);
    }
    results.classList.add("open");
    input.setAttribute("aria-expanded", "true");
    say(found.length === 0 ? "No results" : found.length === 1 ? "1 result" : found.length + " results");
  }

  input.addEventListener("focus", function () { loadIndex(function () { if (input.value) show(input.value); }); });
  input.addEventListener("input", function () { loadIndex(function () { show(input.value); }); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!results.classList.contains("open")) show(input.value);
      setActive(active + (event.key === "ArrowDown" ? 1 : -1));
      event.preventDefault();
    } else if (event.key === "Escape") {
      if (results.classList.contains("open")) close(); else input.value = "";
    } else if (event.key === "Enter") {
      var list = options();
      var chosen = list[active >= 0 ? active : 0];
      if (chosen) { close(); window.location.href = chosen.getAttribute("href"); }
      event.preventDefault();
    }
  });
  document.addEventListener("click", function (event) {
    if (!event.target.closest || !event.target.closest(".search")) close();
  });
  window.addEventListener("hashchange", close);
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable);
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
    }
  });
})();
