// Only in `lessons preview`: updates the page as soon as the server has rebuilt the site. Each request waits at
// the server until a build after the one this page knows (or 25 s), then the page updates or asks again.
// The page starts from the build it was served from (the server's `Server-Timing: lessons-build;desc="N"`), so a
// build that finishes while it loads still updates it.
//
// When only lessons' Markdown changed since (the answer's `Lessons-Full-Reload` names the last build that changed
// anything else: a template, a style, a figure), the page fetches itself and puts the new outline, "On this page"
// and content in place of the old, keeping the reader's scroll position. Of the content, only the top-level parts
// that differ from the page as served are replaced (the browser then lays out little more than the edit): what was
// served is known from the last page fetched, or, for the first update, from a fetch of the page at load whose
// `data-page` (a hash of the page's bytes, on this script's tag) shows it is the file this page was parsed from.
// If anything about that fails, the page reloads whole. `performance.mark("lessons-content-replaced")` records
// the frame after the new content was put in place.
(function () {
  var known = null;
  var navigation = performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
  (navigation && navigation.serverTiming || []).forEach(function (entry) {
    if (entry.name === "lessons-build") { known = entry.description; }
  });
  var script = document.currentScript;
  var pageHash = script ? script.getAttribute("data-page") : null;
  var regions = ["#content", "#outline", "aside.toc"];
  // What each node of #content was as served (its HTML, or a text node's text), in order; null when not known.
  var served = null;

  function reloadWhole() { window.location.reload(); }

  function nodeKey(node) { return node.nodeType === 1 ? "<" + node.outerHTML : node.nodeType + ":" + node.nodeValue; }
  function keys(element) { return Array.prototype.map.call(element.childNodes, nodeKey); }

  // Makes `live` hold `fresh`'s children: only the run between the parts both start and end with when `before`
  // (what `live` held as served) is known and still matches it in length, otherwise all of them.
  function replaceChildren(live, fresh, before) {
    var after = keys(fresh);
    var freshNodes = Array.prototype.slice.call(fresh.childNodes);
    if (!before || before.length !== live.childNodes.length) {
      live.replaceChildren.apply(live, freshNodes);
      return after;
    }
    var start = 0;
    while (start < before.length && start < after.length && before[start] === after[start]) start++;
    var endBefore = before.length, endAfter = after.length;
    while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) { endBefore--; endAfter--; }
    var next = live.childNodes[endBefore] || null;
    for (var i = endBefore - 1; i >= start; i--) live.removeChild(live.childNodes[i]);
    freshNodes.slice(start, endAfter).forEach(function (node) { live.insertBefore(node, next); });
    return after;
  }

  // Puts the rebuilt page's regions in place of this page's; false when the pages do not have the same regions,
  // the new content holds a script (which only a reload runs), or the page's script cannot set up new content (a
  // course's own site.js without `window.lessonsSite.refresh`).
  function replaceContent(html) {
    if (!window.lessonsSite || typeof window.lessonsSite.refresh !== "function") return false;
    var fresh = new DOMParser().parseFromString(html, "text/html");
    var pairs = regions.map(function (selector) { return [document.querySelector(selector), fresh.querySelector(selector)]; });
    if (!pairs[0][0] || !pairs[0][1] || fresh.querySelector("#content script")) return false;
    if (pairs.some(function (pair) { return !pair[0] !== !pair[1]; })) return false;
    document.title = fresh.title;
    served = replaceChildren(pairs[0][0], pairs[0][1], served);
    pairs.slice(1).forEach(function (pair) { if (pair[0]) replaceChildren(pair[0], pair[1], null); });
    window.lessonsSite.refresh();
    requestAnimationFrame(function () { setTimeout(function () { performance.mark("lessons-content-replaced"); }, 0); });
    return true;
  }

  function fetchPage() {
    return fetch(window.location.pathname + window.location.search, { cache: "no-store" }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.text();
    });
  }

  function update(version) {
    fetchPage().then(function (html) {
      if (!replaceContent(html)) { reloadWhole(); return; }
      known = version;
      ask();
    }).catch(reloadWhole);
  }

  function ask() {
    var query = known === null ? "" : "?after=" + known;
    fetch("/__lessons/version" + query, { cache: "no-store" })
      .then(function (response) {
        var fullReload = Number(response.headers.get("Lessons-Full-Reload") || "Infinity");
        return response.text().then(function (version) { return { version: version, fullReload: fullReload }; });
      })
      .then(function (answer) {
        if (known !== null && answer.version !== known) {
          if (answer.fullReload > Number(known)) reloadWhole(); else update(answer.version);
          return;
        }
        known = answer.version;
        ask();
      }, function () { setTimeout(ask, 1000); /* server stopped or restarting: try again later */ });
  }

  // The page as served, if the file is still the one this page was parsed from (an update may already have come).
  setTimeout(function () {
    fetchPage().then(function (html) {
      var fresh = new DOMParser().parseFromString(html, "text/html");
      var tag = fresh.querySelector("script[data-page]"), content = fresh.querySelector("#content");
      if (served === null && pageHash && tag && content && tag.getAttribute("data-page") === pageHash) served = keys(content);
    }, function () { /* no baseline: the first update replaces all of the content */ });
  }, 0);
  ask();
})();
