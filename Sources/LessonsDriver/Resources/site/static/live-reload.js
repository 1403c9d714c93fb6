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
//
// The quick way, tried first: the pages are compared as text. The server's HTML is well-formed, so its top-level
// parts (of the content, and the outline and "On this page" whole) can be told apart by counting tags, and only the
// parts whose text changed are parsed (parsing all of a long page with its figures took the browser 20-37 ms). It is
// taken only when the text the page was served from is known and its parts are as many as the page's; anything
// else falls back to parsing the whole page.
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
  // The text of the page the live regions were made from (the quick way), and its regions (``regionsOf``) once
  // read; null when not known.
  var servedText = null, servedRegions = null;

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
    servedText = html;
    servedRegions = null;
    pairs.slice(1).forEach(function (pair) { if (pair[0]) replaceChildren(pair[0], pair[1], null); });
    window.lessonsSite.refresh();
    requestAnimationFrame(function () { setTimeout(function () { performance.mark("lessons-content-replaced"); }, 0); });
    return true;
  }

  // MARK: The quick way: the pages as text.

  var VOID = /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/;
  var RAW = /^(script|style|textarea|title)$/;

  // The end of the tag that starts at `at` (the index after its `>`), skipping quoted attribute values; -1 if none.
  function tagEnd(html, at) {
    for (var i = at + 1; i < html.length; i++) {
      var c = html.charCodeAt(i);
      if (c === 62) return i + 1;                                   // >
      if (c === 34 || c === 39) {                                   // " or '
        i = html.indexOf(c === 34 ? "\"" : "'", i + 1);
        if (i < 0) return -1;
      }
    }
    return -1;
  }

  // The child nodes of the element whose start tag ends at `from`: their [start, end) in `html`, and where the
  // element's end tag starts; null if the text does not close as the server writes it.
  function childRanges(html, from) {
    var ranges = [], depth = 0, i = from, elementStart = from;
    while (i < html.length) {
      var open = html.indexOf("<", i);
      if (open < 0) return null;
      if (depth === 0 && open > i) ranges.push([i, open]);
      var end;
      if (html.startsWith("<!--", open)) {
        end = html.indexOf("-->", open + 4);
        if (end < 0) return null;
        end += 3;
        if (depth === 0) ranges.push([open, end]);
      } else if (html.charCodeAt(open + 1) === 47) {                // </
        end = tagEnd(html, open);
        if (end < 0) return null;
        depth--;
        if (depth < 0) return { ranges: ranges, close: open };
        if (depth === 0) ranges.push([elementStart, end]);
      } else {
        end = tagEnd(html, open);
        if (end < 0) return null;
        var name = /^<([A-Za-z][^\s\/>]*)/.exec(html.slice(open, Math.min(end, open + 40)));
        if (!name) return null;
        name = name[1].toLowerCase();
        if (RAW.test(name)) {
          var close = html.indexOf("</" + name, end);
          if (close < 0) return null;
          end = tagEnd(html, close);
          if (end < 0) return null;
          if (depth === 0) ranges.push([open, end]);
        } else if (VOID.test(name) || html.charCodeAt(end - 2) === 47) {   // void or <… />
          if (depth === 0) ranges.push([open, end]);
        } else {
          if (depth === 0) elementStart = open;
          depth++;
        }
      }
      i = end;
    }
    return null;
  }

  // The element whose start tag holds `marker` (e.g. ` id="content"`): the text of its children, one per child
  // node, and its whole text; null if there is none or it does not close.
  function region(html, marker) {
    var at = html.indexOf(marker);
    if (at < 0) return null;
    var open = html.lastIndexOf("<", at), from = tagEnd(html, open);
    if (open < 0 || from < 0 || from <= at) return null;
    var children = childRanges(html, from);
    if (!children) return null;
    var close = tagEnd(html, children.close);
    return {
      parts: children.ranges.map(function (range) { return html.slice(range[0], range[1]); }),
      whole: html.slice(open, close),
    };
  }

  function titleText(html) {
    var match = /<title>([\s\S]*?)<\/title>/.exec(html);
    return match ? match[1] : null;
  }

  // Nodes parsed from `html` (parts of the content, or one whole region) in the body's context.
  function parse(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    return Array.prototype.slice.call(template.content.childNodes);
  }

  var quickRegions = [[" id=\"content\"", "#content"], [" id=\"outline\"", "#outline"], ["<aside class=\"toc\"", "aside.toc"]];

  function regionsOf(html) { return quickRegions.map(function (quick) { return region(html, quick[0]); }); }

  // Puts what changed between the served text and `html` in place, the quick way; false (and nothing changed)
  // when it cannot be done that way.
  function replaceChangedText(html) {
    if (servedText === null || !window.lessonsSite || typeof window.lessonsSite.refresh !== "function") return false;
    if (titleText(html) !== titleText(servedText)) return false;
    var plans = [];
    if (servedRegions === null) servedRegions = regionsOf(servedText);
    var afterRegions = regionsOf(html);
    for (var r = 0; r < quickRegions.length; r++) {
      var before = servedRegions[r], after = afterRegions[r];
      var live = document.querySelector(quickRegions[r][1]);
      if (!before !== !after || !before !== !live) return false;
      if (!before || before.whole === after.whole) continue;
      if (r > 0) { plans.push({ live: live, whole: after.whole }); continue; }
      if (before.parts.length !== live.childNodes.length) return false;
      var start = 0, endBefore = before.parts.length, endAfter = after.parts.length;
      while (start < endBefore && start < endAfter && before.parts[start] === after.parts[start]) start++;
      while (endBefore > start && endAfter > start && before.parts[endBefore - 1] === after.parts[endAfter - 1]) { endBefore--; endAfter--; }
      var changed = after.parts.slice(start, endAfter);
      if (/<script/i.test(changed.join(""))) return false;
      var nodes = parse(changed.join(""));
      if (nodes.length !== changed.length) return false;
      plans.push({ live: live, start: start, end: endBefore, nodes: nodes });
    }
    var wholes = plans.filter(function (plan) { return plan.whole !== undefined; }).map(function (plan) {
      var nodes = parse(plan.whole);
      return nodes.length === 1 && nodes[0].nodeType === 1 ? { live: plan.live, nodes: Array.prototype.slice.call(nodes[0].childNodes) } : null;
    });
    if (wholes.some(function (plan) { return plan === null; })) return false;
    plans.forEach(function (plan) {
      if (plan.whole !== undefined) return;
      var next = plan.live.childNodes[plan.end] || null;
      for (var i = plan.end - 1; i >= plan.start; i--) plan.live.removeChild(plan.live.childNodes[i]);
      plan.nodes.forEach(function (node) { plan.live.insertBefore(node, next); });
    });
    wholes.forEach(function (plan) { plan.live.replaceChildren.apply(plan.live, plan.nodes); });
    servedText = html;
    servedRegions = afterRegions;
    served = null;  // the slow way's record of the content no longer matches it
    performance.mark("lessons-parts-parsed");
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
      if (!replaceChangedText(html) && !replaceContent(html)) { reloadWhole(); return; }
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
      var tag = /<script src="[^"]*live-reload\.js" data-page="([0-9a-f]+)"/.exec(html);
      if (servedText !== null || served !== null || !pageHash || !tag || tag[1] !== pageHash) return;
      servedText = html;
      servedRegions = regionsOf(html);
      performance.mark("lessons-served-page-known");
      var content = new DOMParser().parseFromString(html, "text/html").querySelector("#content");
      if (content) served = keys(content);
    }, function () { /* no baseline: the first update replaces all of the content */ });
  }, 0);
  ask();
})();
