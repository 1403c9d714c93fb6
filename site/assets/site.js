// The site's behaviour: theme toggle, outline menu on small screens, copy buttons, and search over the
// index in search-index.js (loaded as a script, so it works from file://).
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
      menu.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  document.querySelectorAll("button.copy").forEach(function (button) {
    button.addEventListener("click", function () {
      var code = button.parentElement.querySelector("code");
      if (!code || !navigator.clipboard) return;
      navigator.clipboard.writeText(code.textContent).then(function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = "Copy"; }, 1500);
      }, function () { /* clipboard refused: leave the button as it is */ });
    });
  });

  var input = document.getElementById("search");
  var results = document.getElementById("search-results");
  var index = window.LESSONS_SEARCH || [];

  function score(entry, terms) {
    var heading = entry.heading.toLowerCase(), text = entry.text.toLowerCase(), total = 0;
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i];
      var inHeading = heading.indexOf(term) >= 0, inText = text.indexOf(term) >= 0;
      if (!inHeading && !inText) return 0;
      total += (inHeading ? 10 : 0) + (inText ? 1 : 0);
    }
    return total;
  }

  function snippet(text, term) {
    var at = text.toLowerCase().indexOf(term);
    if (at < 0) return text.slice(0, 120);
    var start = Math.max(0, at - 50);
    return (start > 0 ? "…" : "") + text.slice(start, at + 90) + "…";
  }

  function show(query) {
    results.innerHTML = "";
    var terms = query.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
    if (terms.length === 0) { results.classList.remove("open"); return; }
    var found = index.map(function (entry) { return { entry: entry, score: score(entry, terms) }; })
      .filter(function (hit) { return hit.score > 0; })
      .sort(function (a, b) { return b.score - a.score; })
      .slice(0, 12);
    found.forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      // Index URLs are relative to the site's root; pages in a subfolder (reference/) say where it is.
      link.href = (document.body.getAttribute("data-root") || "") + hit.entry.url;
      var title = document.createElement("strong");
      title.textContent = hit.entry.heading;
      var lesson = document.createElement("span");
      lesson.className = "lesson-name";
      lesson.textContent = hit.entry.lesson;
      var text = document.createElement("span");
      text.className = "snippet";
      text.textContent = snippet(hit.entry.text, terms[0]);
      link.appendChild(title);
      link.appendChild(lesson);
      link.appendChild(text);
      item.appendChild(link);
      results.appendChild(item);
    });
    if (found.length === 0) {
      var none = document.createElement("li");
      none.className = "none";
      none.textContent = "No section mentions “" + query + "”.";
      results.appendChild(none);
    }
    results.classList.add("open");
  }

  if (input && results) {
    input.addEventListener("input", function () { show(input.value); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { input.value = ""; show(""); }
      if (event.key === "Enter") {
        var first = results.querySelector("a");
        if (first) window.location.href = first.getAttribute("href");
      }
    });
  }
})();
