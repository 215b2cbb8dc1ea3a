"""HTML templates and styles, kept apart from the rendering code (as spaCy's displacy does)."""

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>factalign report</title></head>
<body>{body}</body></html>
"""

STYLE = """<style>
.fa-report{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:14px;line-height:1.45;color:#222}
.fa-report h3{margin:.8em 0 .3em}
.fa-report table{border-collapse:collapse;margin:.3em 0 1em;width:100%}
.fa-report td,.fa-report th{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
.fa-report .fa-note{background:#fff4e5;border-left:4px solid #f0a020;padding:6px 10px}
.fa-sources{display:flex;gap:12px;flex-wrap:wrap}
.fa-source{flex:1 1 380px;border:1px solid #ddd;border-radius:6px;padding:8px 12px;white-space:pre-wrap}
.fa-source h4{margin:0 0 6px;white-space:normal}
.fa-agreement{background:#dff3e0}
.fa-omission{background:#fff3c4}
.fa-contradiction{background:#ffd6d6}
.fa-artefact{text-decoration:underline wavy #8a2be2;background:#ecdcff}
.fa-legend span{padding:1px 6px;margin-right:6px;border-radius:3px}
</style>"""

LEGEND = ('<div class="fa-legend"><span class="fa-agreement">agreement</span>'
          '<span class="fa-omission">omission</span><span class="fa-contradiction">contradiction</span>'
          '<span class="fa-artefact">translation artefact</span></div>')
