// Only in `lessons preview`: reloads the page as soon as the server has rebuilt the site. Each request waits at
// the server until a build after the one this page knows (or 25 s), then the page reloads or asks again.
// The page starts from the build it was served from (the server's `Server-Timing: lessons-build;desc="N"`), so a
// build that finishes while the page loads still reloads it.
(function () {
  var known = null;
  var navigation = performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
  (navigation && navigation.serverTiming || []).forEach(function (entry) {
    if (entry.name === "lessons-build") { known = entry.description; }
  });
  function ask() {
    var query = known === null ? "" : "?after=" + known;
    fetch("/__lessons/version" + query, { cache: "no-store" }).then(function (response) { return response.text(); })
      .then(function (version) {
        if (known !== null && version !== known) { window.location.reload(); return; }
        known = version;
        ask();
      }, function () { setTimeout(ask, 1000); /* server stopped or restarting: try again later */ });
  }
  ask();
})();
