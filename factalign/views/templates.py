"""HTML templates, styles and the page's small script, kept apart from the rendering code (as spaCy's displacy
does). Everything is inline: the page loads no font, stylesheet, script or image from anywhere.

The script only reads the DOM that ``html.py`` renders (``data-*`` attributes hold finding ids, kinds, scores,
source indices and positions; no article text ever passes through JavaScript strings), so the page reads fully
without it, and every piece of article text stays HTML-escaped.
"""

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title></head>
<body style="margin:0;padding:16px;background:#fafafa">{body}</body></html>
"""

# Colours: one hue per kind, light enough for text on top, with a darker edge of the same hue for the active state.
STYLE = """<style>
.fa-report{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;font-size:14px;
 line-height:1.5;color:#1f2328;max-width:1500px;margin:0 auto;text-align:left}
.fa-report h2{font-size:20px;margin:0 0 4px}
.fa-report h3{font-size:15px;margin:14px 0 6px}
.fa-report .fa-sub{color:#57606a;margin:0 0 10px}
.fa-report table{border-collapse:collapse;margin:4px 0 8px;font-size:13px}
.fa-report td,.fa-report th{border:1px solid #d0d7de;padding:3px 8px;vertical-align:top;text-align:left}
.fa-report th{background:#f6f8fa;font-weight:600}
.fa-report td.fa-num{text-align:right;font-variant-numeric:tabular-nums}
.fa-note{background:#fff4e5;border-left:4px solid #f0a020;padding:6px 10px;margin:6px 0}
.fa-top{display:flex;flex-wrap:wrap;gap:8px 24px;align-items:flex-start}
.fa-chips{display:flex;flex-wrap:wrap;gap:6px;margin:6px 0}
.fa-chip{border-radius:14px;padding:2px 10px;font-weight:600;border:1px solid transparent}
.fa-chip b{font-size:16px;margin-right:4px}
.fa-c-contradiction{background:#ffd7d5;border-color:#cf222e}
.fa-c-artefact{background:#eadcff;border-color:#8250df}
.fa-c-omission{background:#fff1b8;border-color:#bf8700}
.fa-c-agreement{background:#d8f3dc;border-color:#1a7f37}
.fa-kf tr.fa-conflict td{background:#ffd7d5}
.fa-kf tr.fa-conflict td:first-child{border-left:4px solid #cf222e}
.fa-controls{display:flex;flex-wrap:wrap;gap:6px 18px;align-items:center;background:#fff;border:1px solid #d0d7de;
 border-radius:6px;padding:6px 10px;margin:10px 0 6px}
.fa-controls fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:2px 10px;align-items:center}
.fa-controls legend{float:left;font-weight:600;margin-right:6px;padding:0}
.fa-controls label{cursor:pointer;white-space:nowrap}
.fa-findings{max-height:290px;overflow:auto;border:1px solid #d0d7de;border-radius:6px;background:#fff}
.fa-finding{display:grid;grid-template-columns:40px 170px 1fr;gap:0 10px;padding:4px 10px;
 border-bottom:1px solid #eaeef2;cursor:pointer;border-left:4px solid transparent}
.fa-finding:hover,.fa-finding.fa-on{background:#f3f6fa}
.fa-finding.fa-pinned{background:#eaf2ff}
.fa-finding[hidden]{display:none}
.fa-finding .fa-score{font-variant-numeric:tabular-nums;color:#57606a}
.fa-finding .fa-what{font-weight:600}
.fa-finding .fa-sides{grid-column:3;color:#57606a;font-size:13px}
.fa-finding .fa-sides span.fa-src{font-weight:600;color:#1f2328}
.fa-k-contradiction{border-left-color:#cf222e}
.fa-k-artefact{border-left-color:#8250df}
.fa-k-omission{border-left-color:#bf8700}
.fa-k-agreement{border-left-color:#1a7f37}
.fa-empty{padding:8px 10px;color:#57606a}
.fa-detail{position:sticky;top:0;z-index:2;background:#fffbe6;border:1px solid #e5d38a;border-radius:6px;
 padding:5px 10px;margin:8px 0;min-height:1.5em}
.fa-detail:empty::before{content:"Hover or click a finding or a highlighted claim to see why it was reported.";
 color:#57606a}
.fa-sources{display:flex;gap:12px;align-items:flex-start}
.fa-source{flex:1 1 0;min-width:0;background:#fff;border:1px solid #d0d7de;border-radius:6px}
.fa-source h4{margin:0;padding:6px 12px;border-bottom:1px solid #d0d7de;background:#f6f8fa;font-size:14px}
.fa-source h4 small{font-weight:400;color:#57606a}
.fa-text{padding:8px 12px;white-space:pre-wrap;overflow-wrap:anywhere;max-height:75vh;overflow:auto;
 font-family:Georgia,"Times New Roman",serif;font-size:15px;line-height:1.6}
.fa-seg{border-radius:2px;cursor:pointer}
.fa-seg.fa-claim{border-bottom:1px dotted #8c959f}
.fa-seg.fa-agreement{background:#d8f3dc}
.fa-seg.fa-omission{background:#fff1b8}
.fa-seg.fa-contradiction{background:#ffd7d5;border-bottom:2px solid #cf222e}
.fa-seg.fa-artefact{background:#eadcff;text-decoration:underline wavy #8250df}
.fa-seg.fa-hl{background:#b6d4fe;border-bottom:2px solid #0969da;box-shadow:0 -1px 0 #0969da inset}
.fa-legend{display:flex;flex-wrap:wrap;gap:6px;font-size:12px;margin:4px 0}
.fa-legend span{padding:0 8px;border-radius:3px}
@media (max-width:820px){.fa-sources{flex-direction:column}.fa-source{width:100%}
 .fa-finding{grid-template-columns:40px 1fr}.fa-finding .fa-sides{grid-column:1/3}}
</style>"""

LEGEND = ('<div class="fa-legend"><span class="fa-seg fa-contradiction">contradiction</span>'
          '<span class="fa-seg fa-artefact">translation artefact</span>'
          '<span class="fa-seg fa-omission">omission</span><span class="fa-seg fa-agreement">agreement</span>'
          '<span class="fa-seg fa-claim">claim without a finding</span></div>')

# The root element's id is substituted with str.replace (the script is full of braces).
SCRIPT = """<script>
(function () {
  var root = document.getElementById("__ROOT__");
  if (!root || root.dataset.ready) { return; }
  root.dataset.ready = "1";
  var PRIORITY = {contradiction: 3, artefact: 2, omission: 1, agreement: 0};
  var list = root.querySelector(".fa-findings");
  var detail = root.querySelector(".fa-detail");
  var rows = Array.prototype.slice.call(root.querySelectorAll(".fa-finding"));
  var segs = Array.prototype.slice.call(root.querySelectorAll(".fa-seg[data-f]"));
  var byId = {};
  rows.forEach(function (row) { byId[row.dataset.id] = row; });
  var pinned = null;

  function ids(el, name) { return (el.dataset[name] || "").split(" ").filter(Boolean); }
  function checked(name) {
    return Array.prototype.slice.call(root.querySelectorAll("input[name=" + name + "]:checked"))
      .map(function (box) { return box.value; });
  }
  function visible(row) { return !row.hidden; }

  function applyFilters() {
    var kinds = checked("kind"), sources = checked("source");
    var min = parseFloat(root.querySelector("input[name=minscore]").value) || 0;
    root.querySelector(".fa-minscore-value").textContent = min.toFixed(2);
    var shown = 0;
    rows.forEach(function (row) {
      var okSource = ids(row, "src").some(function (s) { return sources.indexOf(s) >= 0; });
      row.hidden = !(kinds.indexOf(row.dataset.kind) >= 0 && okSource && parseFloat(row.dataset.score) >= min);
      if (!row.hidden) { shown += 1; }
    });
    root.querySelector(".fa-shown").textContent = shown + " of " + rows.length + " findings shown";
    segs.forEach(function (seg) {
      var best = null;
      ids(seg, "f").forEach(function (id) {
        var row = byId[id];
        if (row && visible(row) && (best === null || PRIORITY[row.dataset.kind] > PRIORITY[best])) {
          best = row.dataset.kind;
        }
      });
      Object.keys(PRIORITY).forEach(function (k) { seg.classList.toggle("fa-" + k, best === k); });
    });
  }

  function sortRows() {
    var how = root.querySelector("select[name=sort]").value;
    var sorted = rows.slice().sort(function (a, b) {
      if (how === "score") { return parseFloat(b.dataset.score) - parseFloat(a.dataset.score); }
      if (how === "position") { return parseFloat(a.dataset.pos) - parseFloat(b.dataset.pos); }
      return parseInt(a.dataset.rank, 10) - parseInt(b.dataset.rank, 10);
    });
    sorted.forEach(function (row) { list.appendChild(row); });
  }

  function highlight(findingIds, scroll) {
    segs.forEach(function (seg) {
      var on = ids(seg, "f").some(function (id) { return findingIds.indexOf(id) >= 0; });
      seg.classList.toggle("fa-hl", on);
    });
    rows.forEach(function (row) { row.classList.toggle("fa-on", findingIds.indexOf(row.dataset.id) >= 0); });
    detail.textContent = "";
    findingIds.forEach(function (id) {
      var row = byId[id];
      if (!row) { return; }
      var line = document.createElement("div");
      line.textContent = row.dataset.kind + " (" + row.querySelector(".fa-score").textContent + "): " +
        row.querySelector(".fa-why").textContent;
      detail.appendChild(line);
    });
    if (scroll) {
      root.querySelectorAll(".fa-text").forEach(function (box) {
        var first = box.querySelector(".fa-hl");
        if (first) { box.scrollTop = first.offsetTop - box.offsetTop - box.clientHeight / 5; }
      });
    }
  }
  function rest() { highlight(pinned ? [pinned] : [], false); }

  rows.forEach(function (row) {
    row.addEventListener("mouseenter", function () { highlight([row.dataset.id], false); });
    row.addEventListener("mouseleave", rest);
    row.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); row.click(); }
    });
    row.addEventListener("focus", function () { highlight([row.dataset.id], false); });
    row.addEventListener("blur", rest);
    row.addEventListener("click", function () {
      if (pinned) { byId[pinned].classList.remove("fa-pinned"); }
      pinned = pinned === row.dataset.id ? null : row.dataset.id;
      if (pinned) { row.classList.add("fa-pinned"); }
      highlight(pinned ? [pinned] : [], true);
    });
  });
  segs.forEach(function (seg) {
    var shown = function () { return ids(seg, "f").filter(function (id) { return byId[id] && visible(byId[id]); }); };
    seg.addEventListener("mouseenter", function () { highlight(shown(), false); });
    seg.addEventListener("mouseleave", rest);
    seg.addEventListener("click", function () {
      var first = shown()[0];
      if (first) { byId[first].click(); byId[first].scrollIntoView({block: "nearest"}); }
    });
  });
  root.querySelectorAll(".fa-controls input").forEach(function (input) {
    input.addEventListener("input", applyFilters);
    input.addEventListener("change", applyFilters);
  });
  root.querySelector("select[name=sort]").addEventListener("change", sortRows);
  applyFilters();
})();
</script>"""
