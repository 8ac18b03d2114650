/* Source picker: as a reviewer types in a source field, names and aliases that resemble it
   (trigram search on the server, /sources/lookup/) fill the field's <datalist>. Nothing is
   preloaded, so pages do not grow with the list of sources. Without JavaScript the field
   takes any name or alias as typed and the server suggests close names when none matches. */
(function () {
  "use strict";
  var script = document.currentScript;
  var lookup = script && script.getAttribute("data-lookup");
  var list = document.getElementById("source-options");
  if (!lookup || !list) return;
  var timer = null;
  var latest = 0;

  function fill(results) {
    list.textContent = "";
    results.forEach(function (match) {
      var option = document.createElement("option");
      option.value = match.name;
      option.label = match.label;
      list.appendChild(option);
    });
  }

  function search(q) {
    var asked = ++latest;
    fetch(lookup + "?q=" + encodeURIComponent(q), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { if (asked === latest) fill(data.results || []); })
      .catch(function () { /* the field still takes any name or alias as typed */ });
  }

  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches('input[list="source-options"]')) return;
    clearTimeout(timer);
    var q = input.value.trim();
    if (q.length < 2) return;
    timer = setTimeout(function () { search(q); }, 150);
  });
})();
