"""The report as GitHub-flavoured Markdown: tables for articles, entities and coverage; lists for the rest.

Article text is untrusted: every piece passes through ``md_text`` (backslash-escapes the characters
that would start emphasis, links, HTML, code or math, and a ``|`` that would end a table cell), and
line breaks are squashed so a cell or a list item stays one line.
"""

from __future__ import annotations

import re

from tuireader.views.report import VERSION_NOTE, Excerpt, Notes, Sections, column_names, entity_groups, summary_line

_SPECIAL = re.compile(r"([\\`*_\[\]{}<>|~$&#!])")
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])(?=\s|$)")


def md_text(text: str) -> str:
    """Escape text for inline Markdown: it renders as the same characters, never as markup."""
    flat = re.sub(r"\s+", " ", text).strip()
    escaped = _SPECIAL.sub(r"\\\1", flat)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def md_url(url: str | None) -> str:
    """A link for http(s) URLs (characters that would end it percent-encoded); other text escaped."""
    if not url:
        return "—"
    if not url.lower().startswith(("http://", "https://")):
        return md_text(url)
    safe = "".join(f"%{ord(c):02X}" if c in " ()<>|[]\\`\"'" or ord(c) < 32 else c for c in url)
    shown = url if len(url) <= 60 else url[:57] + "…"
    return f"[{md_text(shown)}]({safe})"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(headers: list[str], rows: list[list[str]], align: list[str] | None = None) -> list[str]:
    align = (align or []) + ["l"] * (len(headers) - len(align or []))
    marks = [":---:" if a == "c" else "---:" if a == "r" else "---" for a in align]
    return [_row(headers), _row(marks), *(_row(r) for r in rows)]


def _excerpt(e: Excerpt) -> str:
    mark = f"**{md_text(e.marked)}**" if e.marked else ""
    before = md_text(e.before) + (" " if e.before and e.before[-1] == " " else "")
    after = (" " if e.after and e.after[0] == " " else "") + md_text(e.after)
    return before + mark + after


def render_markdown(s: Sections) -> str:
    out: list[str] = [f"# {md_text(s.title)}", ""]
    out += [f"*{md_text(summary_line(s))}*  ", f"*Generated {md_text(s.generated)} by {md_text(VERSION_NOTE)}.*", ""]
    if s.topics:
        out += ["**Topics:** " + ", ".join(md_text(t) for t in s.topics[:12]), ""]

    out += ["## Articles", ""]
    rows = [
        [
            str(i),
            md_text(s.names[a.id]),
            md_text(a.title),
            md_text(a.published or "—"),
            md_text(a.author or "—"),
            md_url(a.url) if a.url else md_text(a.path),
        ]
        for i, a in enumerate(s.articles, 1)
    ]
    out += [*_table(["#", "Source", "Title", "Date", "Author", "URL or file"], rows, ["r"]), ""]

    out += ["## Entities", ""]
    if not s.entities:
        out += [f"*{Notes.NO_ENTITIES}*", ""]
    else:
        varied = sum(1 for e in s.entities if e.varies)
        if varied:
            out += [Notes.spelled_differently(varied), ""]
        for title, kind_rows in entity_groups(s):
            rows = []
            for e in kind_rows:
                spellings = "; ".join(
                    f"{md_text(src)}: {', '.join(md_text(f) for f in forms)}" for src, forms in e.forms
                )
                rows.append([("⚠ " if e.varies else "") + md_text(e.name), e.kind, str(e.count), spellings or "—"])
            out += [f"### {title}", ""]
            out += [*_table(["Entity", "Kind", "Articles", "Spellings by source"], rows, ["l", "l", "r"]), ""]

    out += ["## Quotes by speaker", ""]
    if not s.quotes:
        out += [f"*{Notes.NO_QUOTES}*", ""]
    for group in s.quotes:
        out += [f"### {md_text(group.speaker)} ({len(group.quotes)})", ""]
        out += [f"- “{md_text(line.text)}” — {md_text(line.attribution)}" for line in group.quotes]
        out.append("")
    if s.scare_quotes:
        out += [f"*{Notes.scare_quotes(s.scare_quotes)}*", ""]

    out += ["## Coverage: facts × sources", ""]
    if not s.facts:
        out += [f"*{Notes.NO_FACTS}*", ""]
    else:
        columns = column_names(s)
        if columns[0] == "1":
            out += [Notes.NUMBERED_COLUMNS, ""]
        rows = [
            [("⚠ " if flagged else "") + md_text(label), *("●" if p else "·" for p in present), str(sum(present))]
            for label, present, flagged in s.facts
        ]
        headers = ["Fact", *(md_text(c) for c in columns), "Sources"]
        out += [*_table(headers, rows, ["l", *(["c"] * len(columns)), "r"]), ""]
        out += [Notes.COVERAGE_KEY, ""]

    out += ["## Disagreements", ""]
    if not s.disagreements:
        out += [f"*{Notes.NO_DISAGREEMENTS}*", ""]
    for number, item in enumerate(s.disagreements, 1):
        out += [
            f"### {number}. {md_text(item.summary)}",
            "",
            f"*{md_text(item.kind)}* · fact: {md_text(item.fact)}",
            "",
        ]
        out += [f"- **{md_text(source)}**: {_excerpt(e)}" for source, e in item.wordings]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
