"""The report as one self-contained HTML file: inline CSS, no scripts, no fonts or images to fetch.

Every piece of article text goes through ``html.escape``; the only links are to the articles
themselves (``rel="noopener noreferrer"``), and only for http(s) URLs. Light and dark follow the
reader's system setting through ``prefers-color-scheme``.
"""

from __future__ import annotations

from html import escape

from tuireader.views.report import VERSION_NOTE, Excerpt, Notes, Sections, column_names, entity_groups, summary_line

CSS = """
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0;
  --head: #f6f8fa; --mark: #fff1a8; --warn: #9a6700; --yes: #1a7f37; --link: #0969da; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --head: #151b23;
    --mark: #6b5300; --warn: #d29922; --yes: #3fb950; --link: #4493f8; }
}
* { box-sizing: border-box; }
body { background: var(--bg); color: var(--fg); margin: 0 auto; max-width: 72rem; padding: 1.5rem;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.meta, .note { color: var(--muted); } .note { font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--head); } td.dot { text-align: center; } td.num { text-align: right; }
td.yes { color: var(--yes); } td.no { color: var(--muted); }
.warn { color: var(--warn); font-weight: 600; }
mark { background: var(--mark); color: inherit; padding: 0 .1em; border-radius: 2px; }
a { color: var(--link); } ul { padding-left: 1.3rem; } li { margin: .25rem 0; }
.src { color: var(--muted); } .kind { text-transform: uppercase; font-size: .75rem; letter-spacing: .05em; }
.scroll { overflow-x: auto; }
"""


def _e(text: str) -> str:
    return escape(" ".join(text.split()), quote=True)


def _link(url: str | None, fallback: str) -> str:
    if url and url.lower().startswith(("http://", "https://")):
        return f'<a href="{escape(url, quote=True)}" rel="noopener noreferrer">{_e(url)}</a>'
    return _e(fallback)


def _excerpt(e: Excerpt) -> str:
    return escape(e.before) + (f"<mark>{escape(e.marked)}</mark>" if e.marked else "") + escape(e.after)


def _table(headers: list[str], rows: list[str], classes: str = "") -> list[str]:
    head = "".join(f"<th>{h}</th>" for h in headers)
    attrs = f' class="{classes}"' if classes else ""
    return [f'<div class="scroll"><table{attrs}>', f"<thead><tr>{head}</tr></thead><tbody>", *rows]


def render_html(s: Sections) -> str:
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="{_e(VERSION_NOTE)}">',
        f"<title>{_e(s.title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{_e(s.title)}</h1>",
        f'<p class="meta">{_e(summary_line(s))}<br>Generated {_e(s.generated)} by {_e(VERSION_NOTE)}.</p>',
    ]
    if s.topics:
        out.append(f'<p class="meta">Topics: {_e(", ".join(s.topics[:12]))}</p>')

    out.append('<h2 id="articles">Articles</h2>')
    rows = [
        f'<tr><td class="num">{i}</td><td>{_e(s.names[a.id])}</td><td>{_e(a.title)}</td>'
        f"<td>{_e(a.published or '—')}</td><td>{_e(a.author or '—')}</td><td>{_link(a.url, a.path)}</td></tr>"
        for i, a in enumerate(s.articles, 1)
    ]
    out += [*_table(["#", "Source", "Title", "Date", "Author", "URL or file"], rows), "</tbody></table></div>"]

    out.append('<h2 id="entities">Entities</h2>')
    if not s.entities:
        out.append(f'<p class="note">{Notes.NO_ENTITIES}</p>')
    else:
        varied = sum(1 for e in s.entities if e.varies)
        if varied:
            out.append(f"<p>{Notes.spelled_differently(varied)}</p>")
        for title, kind_rows in entity_groups(s):
            rows = []
            for e in kind_rows:
                spellings = "<br>".join(
                    f'<span class="src">{_e(src)}:</span> {_e(", ".join(forms))}' for src, forms in e.forms
                )
                flag = '<span class="warn" title="spelled differently">⚠</span> ' if e.varies else ""
                rows.append(
                    f"<tr><td>{flag}{_e(e.name)}</td><td>{_e(e.kind)}</td><td class='num'>{e.count}</td>"
                    f"<td>{spellings or '—'}</td></tr>"
                )
            out.append(f"<h3>{_e(title)}</h3>")
            out += [*_table(["Entity", "Kind", "Articles", "Spellings by source"], rows), "</tbody></table></div>"]

    out.append('<h2 id="quotes">Quotes by speaker</h2>')
    if not s.quotes:
        out.append(f'<p class="note">{Notes.NO_QUOTES}</p>')
    for group in s.quotes:
        out += [f'<h3>{_e(group.speaker)} <span class="src">({len(group.quotes)})</span></h3>', "<ul>"]
        for line in group.quotes:
            out.append(f'<li>“{_e(line.text)}” <span class="src">— {_e(line.attribution)}</span></li>')
        out.append("</ul>")
    if s.scare_quotes:
        out.append(f'<p class="note">{Notes.scare_quotes(s.scare_quotes)}</p>')

    out.append('<h2 id="coverage">Coverage: facts × sources</h2>')
    if not s.facts:
        out.append(f'<p class="note">{Notes.NO_FACTS}</p>')
    else:
        columns = column_names(s)
        if columns[0] == "1":
            out.append(f'<p class="note">{Notes.NUMBERED_COLUMNS}</p>')
        full = [s.names[a.id] for a in s.articles]
        headers = ["Fact", *(f'<span title="{_e(n)}">{_e(c)}</span>' for c, n in zip(columns, full, strict=True))]
        rows = []
        for label, present, flagged in s.facts:
            flag = '<span class="warn" title="the sources disagree">⚠</span> ' if flagged else ""
            cells = "".join('<td class="dot yes">●</td>' if p else '<td class="dot no">·</td>' for p in present)
            rows.append(f"<tr><td>{flag}{_e(label)}</td>{cells}<td class='num'>{sum(present)}</td></tr>")
        out += [*_table([*headers, "Sources"], rows, "coverage"), "</tbody></table></div>"]
        out.append(f'<p class="note">{Notes.COVERAGE_KEY}</p>')

    out.append('<h2 id="disagreements">Disagreements</h2>')
    if not s.disagreements:
        out.append(f'<p class="note">{Notes.NO_DISAGREEMENTS}</p>')
    for number, item in enumerate(s.disagreements, 1):
        out.append(f"<h3>{number}. {_e(item.summary)}</h3>")
        out.append(f'<p class="meta"><span class="kind">{_e(item.kind)}</span> · fact: {_e(item.fact)}</p><ul>')
        out += [f"<li><strong>{_e(src)}</strong>: {_excerpt(e)}</li>" for src, e in item.wordings]
        out.append("</ul>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
