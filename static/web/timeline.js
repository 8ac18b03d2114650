/* Claim timeline: show a mark's quote, date and outlet when it is focused or
   hovered; arrow keys move between marks. The chart reads fine without it:
   each mark has a <title> and an aria-label, and links to the quote. */
(function () {
  "use strict";
  var chart = document.getElementById("chart");
  var card = document.getElementById("mark-detail");
  if (!chart || !card) return;
  var active = null;
  var hideTimer = null;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function shapeOf(mark) {
    var glyph = mark.querySelector(".glyph");
    if (!glyph) return null;
    var box = glyph.getBBox();
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", [box.x - 2, box.y - 2, box.width + 4, box.height + 4].join(" "));
    svg.setAttribute("width", "14");
    svg.setAttribute("height", "14");
    svg.setAttribute("aria-hidden", "true");
    svg.appendChild(glyph.cloneNode(true));
    return svg;
  }

  function show(mark) {
    clearTimeout(hideTimer);
    var d = mark.dataset;
    if (active) active.classList.remove("is-active");
    active = mark;
    mark.classList.add("is-active");
    card.textContent = "";
    var head = el("p", "detail-head");
    var shape = shapeOf(mark);
    if (shape) head.appendChild(shape);
    head.appendChild(el("strong", "", d.speaker));
    head.appendChild(el("span", "detail-position", d.position));
    card.appendChild(head);
    if (d.count) {
      card.appendChild(el("p", "detail-quote", d.count + " statements, " + d.date));
      card.appendChild(el("p", "detail-meta", "Open to list them in the table below."));
    } else {
      card.appendChild(el("p", "detail-quote", "\u201c" + d.quote + "\u201d"));
      // A statement may be reported by several articles: how many are independent, then who.
      if (d.reports) card.appendChild(el("p", "detail-meta detail-reports", d.reports));
      var meta = [d.date, d.outlet || "unknown outlet"];
      if (d.via) meta.push(d.via);
      card.appendChild(el("p", "detail-meta", meta.join(" \u00b7 ")));
      if (d.title) card.appendChild(el("p", "detail-meta detail-title", d.title));
      // The original page scrolled to the quote (a text fragment; the server writes http(s) only).
      if (d.atQuote && /^https?:\/\//i.test(d.atQuote)) {
        var link = el("a", "detail-link", "Original page at the quote \u2197");
        link.href = d.atQuote;
        link.rel = "noopener noreferrer nofollow";
        var line = el("p", "detail-meta");
        line.appendChild(link);
        card.appendChild(line);
      }
    }
    card.hidden = false;
    var box = chart.getBoundingClientRect();
    var at = mark.getBoundingClientRect();
    var left = at.left - box.left + at.width / 2 - card.offsetWidth / 2;
    left = Math.max(0, Math.min(left, box.width - card.offsetWidth));
    card.style.left = left + "px";
    card.style.top = at.bottom - box.top + 10 + "px";
  }

  function hide() {
    clearTimeout(hideTimer);
    card.hidden = true;
    if (active) active.classList.remove("is-active");
    active = null;
  }

  chart.addEventListener("focusin", function (event) {
    var mark = event.target.closest && event.target.closest(".mark");
    if (mark) show(mark);
  });
  // A pointer may travel from the mark into the card (to use its link): hide a moment
  // later, and not at all while the pointer or the focus is in the card.
  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 300);
  }
  card.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
  card.addEventListener("mouseleave", function () {
    if (!card.contains(document.activeElement)) hideSoon();
  });
  chart.addEventListener("focusout", function (event) {
    if (event.relatedTarget && card.contains(event.relatedTarget)) return;
    hide();
  });
  chart.addEventListener("mouseover", function (event) {
    var mark = event.target.closest && event.target.closest(".mark");
    if (mark) show(mark);
  });
  chart.addEventListener("mouseout", function (event) {
    var mark = event.target.closest && event.target.closest(".mark");
    if (mark && !mark.contains(event.relatedTarget) && mark !== document.activeElement) hideSoon();
  });

  function centre(node) {
    var r = node.getBoundingClientRect();
    return r.left + r.width / 2;
  }

  chart.addEventListener("keydown", function (event) {
    var mark = event.target.closest && event.target.closest(".mark");
    if (!mark) return;
    if (event.key === "Escape") { hide(); return; }
    var lane = mark.closest(".lane");
    var target = null;
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      var marks = Array.prototype.slice.call(lane.querySelectorAll(".mark"));
      var i = marks.indexOf(mark) + (event.key === "ArrowRight" ? 1 : -1);
      target = marks[i] || null;
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      // Lanes may sit in several SVGs (a page of lanes each, for print): walk them all in order.
      var lanes = Array.prototype.slice.call(chart.querySelectorAll(".lane"));
      var next = lanes[lanes.indexOf(lane) + (event.key === "ArrowDown" ? 1 : -1)];
      if (next) {
        var x = centre(mark), best = Infinity;
        next.querySelectorAll(".mark").forEach(function (m) {
          var dist = Math.abs(centre(m) - x);
          if (dist < best) { best = dist; target = m; }
        });
      }
    }
    if (target) {
      event.preventDefault();
      target.focus();
    }
  });
})();
