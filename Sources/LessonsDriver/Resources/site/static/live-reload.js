// Only in `lessons preview`: reloads the page when the server has rebuilt the site.
(function () {
  var known = null;
  function check() {
    fetch("/__lessons/version", { cache: "no-store" }).then(function (response) { return response.text(); })
      .then(function (version) {
        if (known !== null && version !== known) window.location.reload();
        known = version;
      }, function () { /* server stopped: keep the page */ });
  }
  setInterval(check, 700);
  check();
})();
