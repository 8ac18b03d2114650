/* Review queue shortcuts over the plain forms: j/k move, c confirm, r reject, e edit. */
(function () {
  "use strict";
  var items = Array.prototype.slice.call(document.querySelectorAll(".queue-item"));
  if (!items.length) return;
  var current = 0;

  function select(index, focus) {
    current = Math.max(0, Math.min(items.length - 1, index));
    items.forEach(function (item, i) { item.classList.toggle("is-current", i === current); });
    if (focus) {
      items[current].focus({ preventScroll: true });
      items[current].scrollIntoView({ block: "nearest", behavior: "smooth" });
    }
  }

  items.forEach(function (item, i) {
    item.addEventListener("focusin", function () { select(i, false); });
  });
  select(0, false);

  function submit(action) {
    var form = items[current].querySelector('form[data-action="' + action + '"]');
    if (!form) return;
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  }

  // Edit in place: the link goes to the edit page without JavaScript; with it, the form opens here.
  function openEditor(item) {
    var panel = item.querySelector("[data-edit]");
    if (!panel) return;
    panel.hidden = false;
    var field = panel.querySelector("input:not([type=hidden]), select, textarea");
    if (field) field.focus();
  }

  items.forEach(function (item) {
    var link = item.querySelector('[data-action="edit"]');
    var panel = item.querySelector("[data-edit]");
    if (link && panel) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        openEditor(item);
      });
      panel.querySelector("[data-cancel]").addEventListener("click", function () {
        panel.hidden = true;
        link.focus();
      });
      panel.addEventListener("keydown", function (event) {
        if (event.key === "Escape") { panel.hidden = true; link.focus(); }
      });
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    var tag = event.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || event.target.isContentEditable) return;
    switch (event.key) {
      case "j": select(current + 1, true); break;
      case "k": select(current - 1, true); break;
      case "c": submit("confirm"); break;
      case "r": submit("reject"); break;
      case "e": openEditor(items[current]); break;
      default: return;
    }
    event.preventDefault();
  });
})();
