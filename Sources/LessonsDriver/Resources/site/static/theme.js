// Applies the saved colour theme before the page paints (no flash); the default follows the system.
(function () {
  try {
    var saved = localStorage.getItem("lessons-theme");
    if (saved === "light" || saved === "dark") document.documentElement.setAttribute("data-theme", saved);
  } catch (e) { /* storage may be unavailable from file:// in some browsers */ }
})();
