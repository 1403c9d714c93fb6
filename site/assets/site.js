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

  // The outline drawer (the menu button shows it on narrower screens): it opens with the current lesson's entry in
  // view, and closes on Esc, on a tap outside it and after a link in it is chosen; Esc and a tap outside give the
  // focus back to the menu button.
  var menu = document.querySelector("button.menu");
  var outline = document.getElementById("outline");
  var contents = document.querySelector(".toc");
  function drawerOpen() { return outline.classList.contains("open"); }
  function reveal(panel, entry) {
    if (!panel || !entry) return;
    var box = panel.getBoundingClientRect(), at = entry.getBoundingClientRect();
    if (at.top < box.top + 8) panel.scrollTop -= box.top + 8 - at.top + box.height / 3;
    else if (at.bottom > box.bottom - 8) panel.scrollTop += at.bottom - box.bottom + 8 + box.height / 3;
  }
  function setDrawer(open, returnFocus) {
    outline.classList.toggle("open", open);
    document.body.classList.toggle("menu-open", open);
    menu.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) {
      outline.scrollTop = 0;
      reveal(outline, outline.querySelector("[aria-current=page]"));
      if (contents) reveal(contents, contents.querySelector("[aria-current=location]"));
    } else if (returnFocus) {
      menu.focus({ preventScroll: true });
    }
  }
  if (menu && outline) {
    menu.addEventListener("click", function () { setDrawer(!drawerOpen(), false); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawerOpen()) { setDrawer(false, true); event.preventDefault(); }
    });
    document.addEventListener("click", function (event) {
      if (!drawerOpen() || !event.target.closest) return;
      var inDrawer = event.target.closest("#outline") || (contents && contents.contains(event.target)
        && getComputedStyle(contents).position === "fixed");
      if (event.target.closest("button.menu")) return;
      if (!inDrawer) {
        // A tap outside closes the drawer; on the dimmed page it does nothing else.
        if (!event.target.closest(".topbar")) { event.preventDefault(); event.stopPropagation(); }
        setDrawer(false, true);
      } else if (event.target.closest("a[href]")) {
        setDrawer(false, false);
      }
    }, true);
  }

  // Cells: Copy puts the code on the clipboard; Wrap folds long lines instead of scrolling them. Each cell is set
  // up once (after a preview's update, the cells it kept already are).
  var cellsSetUp = typeof WeakSet === "function" ? new WeakSet() : null;
  function setUpCells() {
    document.querySelectorAll(".cell").forEach(function (cell) {
      if (cellsSetUp) { if (cellsSetUp.has(cell)) return; cellsSetUp.add(cell); }
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
  }

  // "Hide code": a reader's choice, kept across pages; printing honours it (folded cells stay folded).
  function setUpCodeToggle() {
    var crumb = document.querySelector(".breadcrumb");
    var existing = crumb && crumb.querySelector(".code-toggle");
    if (!document.querySelector(".cell .code")) { if (existing) existing.remove(); return; }
    if (existing) return;
    var hide = document.createElement("button");
    hide.type = "button";
    hide.className = "code-toggle";
    hide.textContent = "Hide code";
    var applyCode = function (hidden) {
      document.body.classList.toggle("code-hidden", hidden);
      hide.setAttribute("aria-pressed", hidden ? "true" : "false");
    };
    var stored = null;
    try { stored = localStorage.getItem("lessons-code"); } catch (e) { /* not persisted */ }
    applyCode(stored === "hidden");
    hide.addEventListener("click", function () {
      var hidden = !document.body.classList.contains("code-hidden");
      applyCode(hidden);
      try { localStorage.setItem("lessons-code", hidden ? "hidden" : "shown"); } catch (e) { /* not persisted */ }
    });
    if (crumb) crumb.appendChild(hide);
  }

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
    if (element.classList.contains("prose-table")) return element.querySelector("caption").textContent.split(":")[0];
    return "Equation " + number;
  }
  function markScrollers() {
    var number = 0, used = {};
    var selector = ".lesson pre, .math-display, .lesson p, .lesson ul, .lesson ol, .lesson li, .cell .output, .prose-table, "
      + ".lesson p > math:not([display]), .lesson li > math:not([display])";
    document.querySelectorAll(selector).forEach(function (element) {
      var scrolls = element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== "visible";
      // Regions for code, outputs and displays; a paragraph, list or inline formula only becomes focusable.
      var landmark = element.tagName === "PRE" || element.classList.contains("math-display") || element.classList.contains("output")
        || element.classList.contains("prose-table");
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
  window.addEventListener("resize", markScrollers);
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(markScrollers);

  // "On this page": the section being read is marked as the current one.
  var tocLinks = [], headings = [], observer = null;
  function currentSection() {
    if (!tocLinks.length) return;
    var line = 90, active = null;
    headings.forEach(function (heading, i) { if (heading && heading.getBoundingClientRect().top <= line) active = tocLinks[i]; });
    // At the foot of the page the last sections cannot scroll up to the line (a jump to the References): the
    // last heading in view is the current one.
    if (window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2) {
      headings.forEach(function (heading, i) { if (heading && heading.getBoundingClientRect().top < window.innerHeight) active = tocLinks[i]; });
    }
    if (!active) active = tocLinks[0];
    tocLinks.forEach(function (link) {
      if (link === active) link.setAttribute("aria-current", "location"); else link.removeAttribute("aria-current");
    });
  }
  function setUpSections() {
    if (observer) observer.disconnect();
    tocLinks = Array.prototype.slice.call(document.querySelectorAll(".toc a[href^='#']"));
    if (!tocLinks.length || !("IntersectionObserver" in window)) { tocLinks = []; return; }
    headings = tocLinks.map(function (link) { return document.getElementById(link.getAttribute("href").slice(1)); });
    observer = new IntersectionObserver(currentSection, { rootMargin: "0px 0px -60% 0px" });
    headings.forEach(function (heading) { if (heading) observer.observe(heading); });
    currentSection();
  }
  // A jump (a link in the page, the browser's back) may cross no heading's threshold: check after it lands.
  window.addEventListener("hashchange", function () { requestAnimationFrame(currentSection); });
  var sectionScheduled = false;
  window.addEventListener("scroll", function () {
    if (!sectionScheduled) { sectionScheduled = true; requestAnimationFrame(function () { sectionScheduled = false; currentSection(); }); }
  }, { passive: true });

  // What the page's content needs: run once here, and again by `lessons preview` after it puts a rebuilt lesson's
  // content in place of the old (live-reload.js), which also asks for the search index again.
  function setUpContent() {
    setUpCells();
    setUpCodeToggle();
    markScrollers();
    setUpSections();
  }
  setUpContent();
  var refreshSearch = function () {};
  window.lessonsSite = { refresh: function () { setUpContent(); refreshSearch(); } };

  // Search: a combobox over a listbox of results. The index loads on first focus.
  var input = document.getElementById("search");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !results) return;

  var index = null, loading = false, pending = null, indexScript = null, loads = 0;
  function loadIndex(then) {
    if (index) { then(); return; }
    pending = then;
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    // A reload after a rebuild asks for the file afresh (a new address: the old one may be cached).
    script.src = input.getAttribute("data-index") + (loads > 0 ? "?load=" + loads : "");
    script.onload = function () {
      if (script !== indexScript) return;
      index = (window.LESSONS_SEARCH || []).map(prepare);
      loading = false;
      if (pending) pending();
    };
    indexScript = script;
    document.head.appendChild(script);
  }
  // After a rebuild: the next search loads the index again.
  refreshSearch = function () {
    if (indexScript) indexScript.remove();
    indexScript = null;
    index = null;
    loading = false;
    loads++;
  };

  // Folding and stemming: the same steps as SearchFolding and SearchStemmer in `lessons build`, with the
  // stemmer's rules from the index (window.LESSONS_STEMMER), so that a query's words meet the index's stems.
  // Case, accents, dashes and punctuation do not matter; Greek letters fold to their names (μ-law is mu law).
  var greek = { "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ϵ": "epsilon", "ζ": "zeta",
    "η": "eta", "θ": "theta", "ϑ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi",
    "ο": "omicron", "π": "pi", "ρ": "rho", "σ": "sigma", "ς": "sigma", "τ": "tau", "υ": "upsilon", "φ": "phi",
    "ϕ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega" };
  function greekNames(text) {
    return text.replace(/[\u03b1-\u03c9\u03d1\u03d5\u03f5]/g, function (c) { return greek[c] || c; });
  }
  function fold(text) {
    var lowered = text.replace(/(\p{Ll})(?=\p{Lu})/gu, "$1 ").normalize("NFKD").toLowerCase().normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "");
    return greekNames(lowered).replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }
  // For snippets: the same letters, every other character kept, so positions stay close to the text's.
  function foldLetters(text) {
    return greekNames(text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase());
  }
  function length(word) { return Array.from(word).length; }
  function replaceSuffix(word, rules, minimum) {
    for (var i = 0; i < rules.length; i++) {
      var rule = rules[i];
      if (word.endsWith(rule[0]) && (rule[0] === rule[1] || length(word) - length(rule[0]) >= minimum)) return word.slice(0, word.length - rule[0].length) + rule[1];
    }
    return word;
  }
  function stem(word) {
    var rules = window.LESSONS_STEMMER;
    if (!rules || length(word) <= rules.minimumStem || !/^\p{L}+$/u.test(word)) return word;
    var stemmed = replaceSuffix(word, rules.plurals, rules.minimumStem);
    rules.variants.forEach(function (pair) {
      var at = stemmed.indexOf(pair[0]);
      if (at >= 0) stemmed = stemmed.slice(0, at) + pair[1] + stemmed.slice(at + pair[0].length);
    });
    stemmed = replaceSuffix(stemmed, rules.spellings, rules.minimumStem);
    stemmed = replaceSuffix(stemmed, rules.suffixes, rules.minimumStem);
    if (length(stemmed) >= rules.dropFinalEFrom && stemmed.endsWith("e")) stemmed = stemmed.slice(0, -1);
    return stemmed;
  }
  window.LESSONS_FOLD = fold;
  window.LESSONS_STEM = stem;

  function set(stems) {
    var out = Object.create(null);
    stems.split(" ").forEach(function (s) { if (s) out[s] = true; });
    return out;
  }
  function prepare(entry, position, all) {
    var page = entry.url.split("#")[0];
    var first = position === 0 || all[position - 1].url.split("#")[0] !== page;
    var name = page.replace(/\.html$/, "").replace(/^.*\//, "");
    return { entry: entry, heading: fold(entry.heading), lesson: fold(entry.lesson + " " + name), text: fold(entry.text),
      headingStems: set(entry.headingStems), lessonStems: set(entry.lessonStems + " " + fold(name).split(" ").map(stem).join(" ")),
      textStems: set(entry.textStems), opening: first };
  }
  function count(text, term) {
    var n = 0, at = text.indexOf(term);
    while (at >= 0 && n < 8) { n++; at = text.indexOf(term, at + term.length); }
    return n;
  }
  function isReference(item) { return item.entry.url.split("#")[0].indexOf("/") >= 0 ? 1 : 0; }
  // A section's score for a query's words: each word must occur somewhere, whole (its stem is one of the
  // section's) or inside a longer word. The heading counts most, then the lesson (its title or name; most for
  // the lesson's opening section), then the text; a whole word counts more than a part of one, and a section
  // where every word is whole ranks before those where some are only parts ("mu" of "Murray").
  function score(item, terms) {
    var total = 0, whole = true;
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i], stemmed = stem(term);
      var heading = item.headingStems[stemmed] ? 10 : item.heading.indexOf(term) >= 0 ? 4 : 0;
      var lesson = item.lessonStems[stemmed] ? (item.opening ? 8 : 3) : item.lesson.indexOf(term) >= 0 ? (item.opening ? 3 : 1) : 0;
      // How often the text says it: the word as written, or its stem (the start of every form of it).
      var times = Math.max(count(item.text, term), stemmed.length >= 3 ? count(item.text, stemmed) : 0);
      var inText = item.textStems[stemmed] ? 1 : 0;
      if (!heading && !lesson && !times && !inText) return { score: 0, whole: false };
      if (!(item.headingStems[stemmed] || item.lessonStems[stemmed] || inText)) whole = false;
      total += heading + lesson + inText * 2 + times * (inText ? 0.5 : 0.2);
    }
    // The words together, as a phrase, count once more ("mu law" where the text says μ-law).
    var phrase = terms.join(" ");
    if (terms.length > 1 && (item.heading.indexOf(phrase) >= 0 || item.text.indexOf(phrase) >= 0)) total += 5;
    return { score: total, whole: whole };
  }
  // The query's words; words joined by a hyphen or dash are also tried as one ("auto-encoder", "autoencoder").
  function readings(query) {
    var plain = fold(query).split(" ").filter(function (t) { return t.length > 0; });
    var joined = fold(query.replace(/([\p{L}\p{N}])[-\u2010-\u2014\u2212]+(?=[\p{L}\p{N}])/gu, "$1")).split(" ")
      .filter(function (t) { return t.length > 0; });
    return joined.join(" ") === plain.join(" ") ? [plain] : [plain, joined];
  }
  function best(item, queries) {
    var top = { score: 0, whole: false };
    queries.forEach(function (terms) {
      var found = score(item, terms);
      if (found.score > 0 && (found.whole > top.whole || (found.whole === top.whole && found.score > top.score))) top = found;
    });
    return top;
  }

  // Where the folded text's position `foldedAt` is in the text itself (folding changes lengths: μ is "mu").
  function originalIndex(text, foldedAt) {
    var folded = 0;
    for (var i = 0; i < text.length; i++) {
      if (folded >= foldedAt) return i;
      folded += foldLetters(text[i]).length;
    }
    return text.length;
  }
  function snippet(text, term) {
    var found = foldLetters(text).indexOf(term);
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

  var shown = 12;
  function show(query) {
    results.innerHTML = "";
    active = -1;
    var queries = readings(query);
    if (queries[0].length === 0 || !index) { close(); say(""); return; }
    var all = index.map(function (item) { var found = best(item, queries); return { item: item, score: found.score, whole: found.whole }; })
      .filter(function (hit) { return hit.score > 0; })
      // The lessons first (they explain the idea), then pages in a subfolder (the LessonKit reference); within
      // each, sections where every word is whole first.
      .sort(function (a, b) {
        return (isReference(a.item) - isReference(b.item)) || ((b.whole ? 1 : 0) - (a.whole ? 1 : 0)) || (b.score - a.score);
      });
    var found = all.slice(0, shown);
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
      text.textContent = snippet(hit.item.entry.text, queries[0][0]);
      link.appendChild(title);
      link.appendChild(lesson);
      link.appendChild(text);
      link.addEventListener("click", close);
      item.appendChild(link);
      results.appendChild(item);
    });
    if (all.length > found.length) {
      var more = document.createElement("li");
      more.className = "more";
      more.setAttribute("role", "none");
      more.textContent = (all.length - found.length) + " more: add a word to narrow the search.";
      results.appendChild(more);
    }
    if (found.length === 0) {
      var none = document.createElement("li");
      none.className = "none";
      none.setAttribute("role", "none");
      none.textContent = "No section mentions “" + query + "”.";
      results.appendChild(none);
    }
    results.classList.add("open");
    input.setAttribute("aria-expanded", "true");
    say(all.length === 0 ? "No results" : all.length === 1 ? "1 result"
      : all.length > found.length ? all.length + " results, the first " + found.length + " shown" : all.length + " results");
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
