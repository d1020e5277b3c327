// fidelity post page: filters, search, j/k navigation, false-alarm marks and their export.
// An enhancement only: without it every row and finding is shown.
(function () {
  "use strict";

  // Word links: hovering or focusing a word lights up its counterpart on the other side.
  // Works without the filter bar (it is independent of it).
  function linked(el) {
    var row = el.closest("[data-row]") || document;
    var keys = (el.dataset.link || "").split(" ").filter(Boolean);
    var out = [];
    keys.forEach(function (key) {
      Array.prototype.forEach.call(row.querySelectorAll(".w[data-link~='" + key.replace(/'/g, "") + "']"), function (w) { out.push(w); });
    });
    return out;
  }
  function lightLinks(event, on) {
    var w = event.target.closest && event.target.closest(".w[data-link]");
    if (!w) { return; }
    linked(w).forEach(function (el) { el.classList.toggle("w-hi", on); });
  }
  document.addEventListener("mouseover", function (event) { lightLinks(event, true); });
  document.addEventListener("mouseout", function (event) { lightLinks(event, false); });
  document.addEventListener("focusin", function (event) { lightLinks(event, true); });
  document.addEventListener("focusout", function (event) { lightLinks(event, false); });

  // Terminology panel: a pair number opens the pair in the text with the term and its
  // rendering marked (CSS Custom Highlight API, where the browser has it).
  function sentenceRange(row, side, spec) {
    var parts = (spec || "").split(":");
    if (parts.length !== 3) { return null; }
    var sentence = row.querySelector("[data-s='" + side + "-" + parseInt(parts[0], 10) + "']");
    var start = parseInt(parts[1], 10);
    var end = parseInt(parts[2], 10);
    if (!sentence || !(start < end)) { return null; }
    // the speaker's name is not part of the sentence's text, nor the space after it
    var speaker = sentence.querySelector(".speaker");
    var offset = 0;
    var afterSpeaker = false;
    var range = document.createRange();
    var begun = false;
    var walker = document.createTreeWalker(sentence, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      if (speaker && speaker.contains(node)) { afterSpeaker = true; continue; }
      if (afterSpeaker) {
        afterSpeaker = false;
        if (node.data.charAt(0) === " ") { offset = -1; }
      }
      var length = node.data.length;
      if (!begun && start < offset + length) { range.setStart(node, Math.max(0, start - offset)); begun = true; }
      if (begun && end <= offset + length) { range.setEnd(node, end - offset); return range; }
      offset += length;
    }
    return null;
  }
  function markOccurrence(link) {
    if (!(window.CSS && CSS.highlights && typeof Highlight === "function")) { return; }
    var id = (link.getAttribute("href") || "").split("#")[1];
    var row = id ? document.getElementById(id) : null;
    if (!row) { return; }
    var mark = new Highlight();
    [sentenceRange(row, "en", link.dataset.termEn), sentenceRange(row, "fr", link.dataset.termFr)].forEach(function (range) {
      if (range) { mark.add(range); }
    });
    CSS.highlights.set("term-occurrence", mark);
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.place[data-term-en]");
    if (link) { markOccurrence(link); }
  });

  // False-alarm marks are kept per report folder: two folders opened from file:// share one
  // browser storage, and must not share marks.
  var FOLDER = window.location.pathname.replace(/[^/]*$/, "");
  var STORE = "fidelity:false-alarms:" + FOLDER;
  var form = document.getElementById("filters");
  if (!form) { return; }

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function loadMarks() {
    try {
      var value = JSON.parse(window.localStorage.getItem(STORE) || "{}");
      return value && typeof value === "object" ? value : {};
    } catch (err) {
      return {};
    }
  }
  var marks = loadMarks();
  function saveMarks() {
    try { window.localStorage.setItem(STORE, JSON.stringify(marks)); } catch (err) { /* private mode: marks last for this visit */ }
  }

  var findings = all("[data-finding-id]");
  var markers = all("[data-finding-ref]");
  var rows = all("[data-row]");
  var termRows = all("[data-term-row]");
  var termLinks = all("[data-term-finding]");
  var termsAll = document.querySelector(".terms-all");
  var showAllTerms = false;
  termRows.forEach(function (row) { row.dataset.text = fold(row.textContent); });
  var rowsByFinding = {};
  rows.forEach(function (row) {
    row.dataset.text = fold(row.textContent);
    (row.dataset.findings || "").split(" ").forEach(function (id) {
      if (id) { (rowsByFinding[id] = rowsByFinding[id] || []).push(row); }
    });
  });
  findings.forEach(function (item) { item.dataset.text = fold(item.textContent); });

  function checked(name) {
    return all("input[name=" + name + "]:checked", form).map(function (input) { return input.value; });
  }
  function passes(el, types, severities, minConfidence, hideMarked) {
    var id = el.dataset.findingId || el.dataset.findingRef;
    if (types.length && types.indexOf(el.dataset.type) < 0) { return false; }
    if (severities.length && severities.indexOf(el.dataset.severity) < 0) { return false; }
    if (hideMarked && marks[id]) { return false; }
    var item = el.dataset.findingId ? el : findingItem(id);
    var confidence = item ? parseFloat(item.dataset.confidence) : 1;
    return !(confidence < minConfidence);
  }
  var itemById = {};
  findings.forEach(function (item) { itemById[item.dataset.findingId] = itemById[item.dataset.findingId] || item; });
  function findingItem(id) { return itemById[id]; }

  function apply() {
    var types = checked("type");
    var severities = checked("severity");
    var minConfidence = parseFloat(form.elements["confidence"].value) || 0;
    form.elements["confidence-out"].value = minConfidence.toFixed(2);
    var onlyFindings = form.elements["only-findings"].checked;
    var hideMarked = form.elements["hide-false-alarms"].checked;
    var query = fold(form.elements["q"].value.trim());

    var liveIds = {};
    markers.forEach(function (marker) {
      var ok = passes(marker, types, severities, minConfidence, hideMarked);
      marker.classList.toggle("is-filtered-out", !ok);
      if (ok) { liveIds[marker.dataset.findingRef] = true; }
    });
    var shownRows = 0;
    var target = decodeURIComponent(window.location.hash.slice(1));
    rows.forEach(function (row) {
      var live = (row.dataset.findings || "").split(" ").some(function (id) { return id && liveIds[id]; });
      // the row a link led to stays in view (a pair opened from the terminology panel)
      var ok = row.id === target || ((!onlyFindings || live) && (!query || row.dataset.text.indexOf(query) >= 0));
      row.classList.toggle("is-filtered-out", !ok);
      if (ok) { shownRows += 1; }
    });
    var shown = 0;
    findings.forEach(function (item) {
      var id = item.dataset.findingId;
      var ok = passes(item, types, severities, minConfidence, hideMarked);
      if (ok && query) {
        ok = item.dataset.text.indexOf(query) >= 0 || (rowsByFinding[id] || []).some(function (row) {
          return row.dataset.text.indexOf(query) >= 0;
        });
      }
      item.classList.toggle("is-filtered-out", !ok);
      if (ok) { shown += 1; }
    });
    all(".event").forEach(function (section) {
      var items = all("[data-finding-id]", section);
      var visible = items.filter(function (item) { return !item.classList.contains("is-filtered-out"); });
      var label = section.querySelector("[data-shown-for]");
      if (label) { label.textContent = visible.length === items.length ? "(" + items.length + ")" : "(" + visible.length + " of " + items.length + " shown)"; }
    });
    // Terminology panel: a finding link follows its card (a link to a card the filters hide
    // would lead nowhere); a term shows when it is notable or all are asked for, has a finding
    // still shown if only rows with findings are, and matches the search.
    termLinks.forEach(function (link) {
      var card = findingItem(link.dataset.termFinding);
      link.classList.toggle("is-filtered-out", !card || card.classList.contains("is-filtered-out"));
    });
    var shownTerms = 0;
    termRows.forEach(function (row) {
      var live = all("[data-term-finding]", row).some(function (link) { return !link.classList.contains("is-filtered-out"); });
      var matches = !query || row.dataset.text.indexOf(query) >= 0;
      var ok = (showAllTerms || query || row.dataset.notable === "1") && (!onlyFindings || live) && matches;
      row.classList.toggle("is-filtered-out", !ok);
      if (ok) { shownTerms += 1; }
    });
    if (termsAll) {
      termsAll.setAttribute("aria-pressed", showAllTerms ? "true" : "false");
      termsAll.textContent = showAllTerms ? "Show notable terms only" : "Show all " + termRows.length + " terms";
      document.querySelector(".terms-status").textContent = shownTerms + " of " + termRows.length + " terms shown";
    }
    form.querySelector(".f-status").textContent = shown + " of " + findings.length + " findings · " + shownRows + " of " + rows.length + " rows";
  }

  // False alarms: kept in localStorage (shared by the pages of one folder only), exported as the
  // ignore file that `fidelity check --ignore FILE` reads.
  function refreshMarks() {
    findings.forEach(function (item) {
      var id = item.dataset.findingId;
      var marked = Boolean(marks[id]);
      item.classList.toggle("is-false-alarm", marked);
      var button = item.querySelector(".fa-toggle");
      var note = item.querySelector(".fa-note");
      button.setAttribute("aria-pressed", marked ? "true" : "false");
      button.textContent = marked ? "False alarm ✓ (undo)" : "Mark as false alarm";
      note.hidden = !marked;
      if (marked && document.activeElement !== note) { note.value = marks[id].note || ""; }
    });
    markers.forEach(function (marker) {
      marker.classList.toggle("is-false-alarm", Boolean(marks[marker.dataset.findingRef]));
    });
    form.querySelector(".fa-count").textContent = String(Object.keys(marks).length);
  }
  findings.forEach(function (item) {
    var id = item.dataset.findingId;
    var box = item.querySelector(".fa");
    box.hidden = false;
    item.querySelector(".fa-toggle").addEventListener("click", function () {
      if (marks[id]) {
        delete marks[id];
      } else {
        marks[id] = {
          id: id,
          type: item.dataset.type,
          message: item.querySelector(".f-msg").textContent,
          note: "",
          page: document.title
        };
      }
      saveMarks();
      refreshMarks();
      apply();
    });
    item.querySelector(".fa-note").addEventListener("input", function (event) {
      if (marks[id]) { marks[id].note = event.target.value; saveMarks(); }
    });
  });
  form.querySelector(".export-ignore").addEventListener("click", function () {
    var ignored = Object.keys(marks).sort().map(function (id) {
      var m = marks[id];
      return { id: id, type: m.type || "", message: m.message || "", note: m.note || "" };
    });
    var payload = JSON.stringify({ tool: "fidelity", ignored: ignored }, null, 1) + "\n";
    var url = URL.createObjectURL(new Blob([payload], { type: "application/json" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = "fidelity-ignore.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  });
  window.addEventListener("storage", function (event) {
    if (event.key === STORE) { marks = loadMarks(); refreshMarks(); apply(); }
  });

  // j / k: next / previous finding in document order (first visible marker of each finding).
  var current = -1;
  function stops() {
    var seen = {};
    return markers.filter(function (marker) {
      var id = marker.dataset.findingRef;
      var row = marker.closest("[data-row]");
      if (seen[id] || marker.classList.contains("is-filtered-out") || row.classList.contains("is-filtered-out")) { return false; }
      seen[id] = true;
      return true;
    });
  }
  function move(step) {
    var list = stops();
    if (!list.length) { return; }
    var at = list.indexOf(document.activeElement);
    if (at < 0) { at = Math.min(current, list.length - 1); }
    var next = at < 0 ? (step > 0 ? 0 : list.length - 1) : (at + step + list.length) % list.length;
    current = next;
    all(".row.is-current").forEach(function (row) { row.classList.remove("is-current"); });
    var target = list[next];
    target.closest("[data-row]").classList.add("is-current");
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center" });
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select" || event.target.isContentEditable) {
      if (event.key === "Escape") { event.target.blur(); }
      return;
    }
    if (event.key === "j") { event.preventDefault(); move(1); }
    else if (event.key === "k") { event.preventDefault(); move(-1); }
    else if (event.key === "/") { event.preventDefault(); form.elements["q"].focus(); }
  });

  if (termsAll) {
    termsAll.addEventListener("click", function () { showAllTerms = !showAllTerms; apply(); });
    termsAll.parentNode.hidden = false;
  }
  // A link to a row the filters hide: show it, then go there (the browser could not).
  window.addEventListener("hashchange", function () {
    var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    var hidden = Boolean(target) && target.getClientRects().length === 0;
    apply();
    if (hidden) { target.scrollIntoView(); }
  });
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  window.addEventListener("beforeprint", function () {
    all("details").forEach(function (d) { d.open = true; });
  });

  form.hidden = false;
  document.documentElement.style.setProperty("--filters-h", form.offsetHeight + "px");
  refreshMarks();
  apply();
})();
