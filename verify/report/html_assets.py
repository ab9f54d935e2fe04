"""The HTML report's inline style sheet and script: no network, no CDN, nothing to fetch.

The page is complete without the script: every note is shown and the filters stay hidden. The
script adds the filters (severity, rule) and lights a finding's figures together on hover or
click.
"""

# Severity colours: the browser test looks for these backgrounds in its screenshot.
COLORS = {"error": "#ffb4b4", "warning": "#ffe08a", "info": "#bfe0ff", "related": "#e4e4e4"}

CSS = """
:root { --error: %(error)s; --warning: %(warning)s; --info: %(info)s; --related: %(related)s;
  --ink: #1d1d1f; --muted: #5f6368; --rule: #d0d4d9; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.6 "Noto Sans CJK SC", "Source Han Sans SC",
  "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
header.top { padding: 16px 24px 8px; border-bottom: 1px solid var(--rule); }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 0; word-break: break-all; }
.total, .summary { color: var(--muted); margin: 4px 0; }
.legend span, .tag { display: inline-block; padding: 0 6px; border-radius: 3px; margin-right: 6px; font-size: 13px; }
.sev-error { background: var(--error); }
.sev-warning { background: var(--warning); }
.sev-info { background: var(--info); }
.sev-related { background: var(--related); }
form.filters { margin: 8px 0 0; font-size: 14px; }
form.filters label { margin-right: 10px; }
nav.files a { margin-right: 12px; }
section.file { padding: 12px 24px 24px; border-bottom: 1px solid var(--rule); }
.page { margin-top: 12px; }
.row { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 24px; }
.line { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.9; }
.row.blank .line { line-height: 0.8; }
mark { color: inherit; border-radius: 2px; padding: 1px 0; cursor: pointer; }
mark.sev-error { box-shadow: inset 0 -2px #c62828; }
mark.sev-warning { box-shadow: inset 0 -2px #b7791f; }
mark.sev-info { box-shadow: inset 0 -2px #1c6bb5; }
mark.sev-related { outline: 1px dashed #888; }
mark.off { background: none; box-shadow: none; outline: none; }
mark.lit, .note.lit { outline: 2px solid var(--ink); }
.notes { font-size: 14px; }
.note { border-left: 4px solid var(--rule); background: #fafafa; padding: 4px 10px; margin: 4px 0 8px; }
.note.sev-error { border-left-color: #c62828; }
.note.sev-warning { border-left-color: #b7791f; }
.note.sev-info { border-left-color: #1c6bb5; }
.note[hidden] { display: none; }
.note .head { font-size: 13px; color: var(--muted); }
.note p { margin: 2px 0; }
.note .calc, .note .expected { font-variant-numeric: tabular-nums; }
.note .label { color: var(--muted); margin-right: 4px; }
details { margin-top: 12px; }
details li { margin: 2px 0; }
code { font-size: 13px; }
@media (max-width: 800px) { .row { grid-template-columns: 1fr; gap: 0; } }
@media print {
  body { font-size: 11pt; }
  form.filters, nav.files { display: none; }
  .row { break-inside: avoid; }
  section.file { break-before: page; border: none; }
  section.file:first-of-type { break-before: auto; }
  mark, .note, .tag, .legend span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .note[hidden] { display: block; }
  a { color: inherit; text-decoration: none; }
}
""" % COLORS

SCRIPT = r"""
(function () {
  var form = document.querySelector("form.filters");
  var notes = Array.prototype.slice.call(document.querySelectorAll(".note"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark[data-f], mark[data-r]"));
  function ids(el, name) { return (el.getAttribute(name) || "").split(" ").filter(Boolean); }
  function apply() {
    var shown = {};
    var rule = form.elements.rule.value;
    notes.forEach(function (note) {
      var visible = form.elements[note.dataset.severity].checked && (!rule || note.dataset.rule === rule);
      note.hidden = !visible;
      if (visible) { shown[note.id] = true; }
    });
    marks.forEach(function (mark) {
      var live = ids(mark, "data-f").concat(ids(mark, "data-r")).some(function (id) { return shown[id]; });
      mark.classList.toggle("off", !live);
    });
  }
  function light(findings, on) {
    findings.forEach(function (id) {
      var note = document.getElementById(id);
      if (note) { note.classList.toggle("lit", on); }
      marks.forEach(function (mark) {
        if (ids(mark, "data-f").indexOf(id) >= 0 || ids(mark, "data-r").indexOf(id) >= 0) {
          mark.classList.toggle("lit", on);
        }
      });
    });
  }
  if (form) {
    form.hidden = false;
    form.addEventListener("change", apply);
    apply();
  }
  notes.forEach(function (note) {
    note.addEventListener("mouseenter", function () { light([note.id], true); });
    note.addEventListener("mouseleave", function () { light([note.id], false); });
  });
  marks.forEach(function (mark) {
    var findings = ids(mark, "data-f").concat(ids(mark, "data-r"));
    mark.addEventListener("mouseenter", function () { light(findings, true); });
    mark.addEventListener("mouseleave", function () { light(findings, false); });
    mark.addEventListener("click", function () {
      var note = document.getElementById(findings[0]);
      if (note && !note.hidden) { note.scrollIntoView({block: "nearest"}); }
      light(findings, true);
    });
  });
})();
"""
