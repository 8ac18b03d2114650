/* Article page: turn a text selection into a quote for the stance form.
   Offsets are counted from the start of #article-text, which holds the stored
   text exactly (marks add no characters), in code points as the server counts
   them. The server re-checks the quote against the stored text anyway. */
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  var form = document.getElementById("stance-form");
  if (!text || !form) return;
  var panel = document.getElementById("file-stance");
  var where = document.getElementById("quote-where");
  var CONTEXT = 32;
  var stored = Array.from(text.textContent);

  function codePoints(s) { return Array.from(s).length; }

  function capture() {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    var range = sel.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return;
    var before = document.createRange();
    before.selectNodeContents(text);
    before.setEnd(range.startContainer, range.startOffset);
    var head = before.toString();
    var exact = range.toString();
    // A double click or a sloppy drag takes white space along; the quote starts and ends on words.
    var lead = exact.match(/^\s*/)[0];
    head += lead;
    exact = exact.slice(lead.length).replace(/\s+$/, "");
    if (!exact) return;
    var start = codePoints(head);
    var end = start + codePoints(exact);
    form.elements.quote_exact.value = exact;
    form.elements.quote_start.value = start;
    form.elements.quote_end.value = end;
    form.elements.quote_prefix.value = stored.slice(Math.max(0, start - CONTEXT), start).join("");
    form.elements.quote_suffix.value = stored.slice(end, end + CONTEXT).join("");
    if (where) where.textContent = "Selected " + codePoints(exact) + " characters at " + start + "\u2013" + end + " of the stored text.";
    if (panel) panel.classList.add("has-selection");
    // Keep the chosen passage visibly marked while the reviewer fills in the form.
    if (window.CSS && CSS.highlights && window.Highlight) {
      var kept = document.createRange();
      kept.setStart(range.startContainer, range.startOffset);
      kept.setEnd(range.endContainer, range.endOffset);
      CSS.highlights.set("pending-quote", new Highlight(kept));
    }
  }

  var pending = null;
  document.addEventListener("selectionchange", function () {
    clearTimeout(pending);
    pending = setTimeout(capture, 120);
  });
  text.addEventListener("mouseup", function () { setTimeout(capture, 0); });

  // Typing in the quote box makes the browser's offsets meaningless: let the server find it.
  form.elements.quote_exact.addEventListener("input", function () {
    ["quote_start", "quote_end", "quote_prefix", "quote_suffix"].forEach(function (name) {
      form.elements[name].value = "";
    });
    if (where) where.textContent = "The server will look for this text in the article.";
    if (window.CSS && CSS.highlights) CSS.highlights.delete("pending-quote");
  });
})();
