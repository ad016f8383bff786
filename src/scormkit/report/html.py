"""The report as one self-contained HTML page: inline CSS, inline SVG bar charts, no requests.

Each chart is drawn here as plain SVG rather than with a plotting library: horizontal bars are
a few rectangles, and a library would add a dependency and embed its own styles for no gain.
Every chart is followed by the table it is drawn from, the text equivalent screen readers and
print use; the chart itself is an image with a short label.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from itertools import chain, groupby
from pathlib import Path

from scormkit.atomic import replacing
from scormkit.report.figures import Figures
from scormkit.report.table import Bar, Cell, Table
from scormkit.report.tables import tables

BAR_HEIGHT = 22
LABEL_WIDTH = 230
CHART_WIDTH = 600
STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:72rem;
padding:1rem;color:#1b1b1b;background:#fff;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px solid #1d4f91}
h3{font-size:1.05rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem;position:relative}
th,td{border:1px solid #8a8a8a;padding:.2rem .45rem;text-align:left;vertical-align:top}
th{background:#e8eef7}td.num{text-align:right;font-variant-numeric:tabular-nums}
.wrap{overflow-x:auto}svg text{font-size:14px;fill:#1b1b1b}svg .bar{fill:#1d4f91}
svg .track{fill:#e4e4e4}svg{min-width:30rem}
.note{background:#fff4d6;border-left:4px solid #8a5a00;padding:.4rem .6rem .4rem 1.6rem}
p.note{padding-left:.6rem}.wrap:focus{outline:3px solid #1d4f91}
caption{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
@media print{h2{break-before:auto}.wrap{overflow:visible}svg .bar{fill:#000}}
"""


def write_html(found: Figures, dest: Path) -> None:
    """Write the report page to `dest`, a piece at a time."""
    with replacing(dest) as temp, temp.open("w", encoding="utf-8") as handle:
        for piece in html_pieces(found):
            handle.write(piece)


def render_html(found: Figures) -> str:
    """The report page as text; the same figures always give the same bytes."""
    return "".join(html_pieces(found))


def html_pieces(found: Figures) -> Iterator[str]:
    """The report page in pieces, to be joined as they are; a table's rows are read as they
    are written, so a table with a row per learner is never held whole."""
    for index, part in enumerate(_parts(found)):
        if index:
            yield "\n"
        if isinstance(part, str):
            yield part
        else:
            yield from part


def _parts(found: Figures) -> Iterator[str | Iterator[str]]:
    """The report page in parts, joined by newlines; tables are made as they are reached."""
    course = found["course"]
    title = f"Training-needs report: {course['title']}"
    yield from [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # No request may leave the page: nothing but inline styles and data.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">",
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body><main>",
        f"<h1>{escape(title)}</h1>",
        _summary(found),
    ]
    for section, group in groupby(tables(found), key=lambda t: t.section):
        yield f"<section><h2>{escape(section)}</h2>"
        for table in group:
            yield from _table(table)
        yield "</section>"
    yield "</main></body></html>\n"


def _summary(found: Figures) -> str:
    counts = found["input"]
    funnel = found["funnel"]
    items = [
        f"{funnel['launched']} learner(s) launched the course, {funnel['completed']} completed "
        f"it and {funnel['passed']} passed (pass mark {found['course']['pass_percent']}%).",
        f"{counts['used']} of {counts['read']} statement(s) used: {counts['duplicates']} "
        f"duplicate(s), {counts['voided']} voided, {counts['unknown']} about activities the spec "
        f"does not know, {counts['malformed']} malformed.",
    ]
    notes = [*found["rebuilt"], *counts["malformed_examples"]]
    text = "".join(f"<li>{escape(i)}</li>" for i in items)
    rebuilt = "".join(f"<li>{escape(n)}</li>" for n in notes)
    return f"<ul>{text}</ul>" + (f'<ul class="note">{rebuilt}</ul>' if rebuilt else "")


def _cell(value: Cell, header: bool = False) -> str:
    tag = "th" if header else "td"
    if value is None:
        return f"<{tag}>–</{tag}>"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f'<{tag} class="num">{value:g}</{tag}>'
    return f"<{tag}>{escape(str(value))}</{tag}>"


def _table(table: Table) -> Iterator[str | Iterator[str]]:
    """The table's heading, notes, chart and table, as parts joined by newlines; the table
    itself is one part in pieces, a row each."""
    yield f'<h3 id="{escape(table.name)}">{escape(table.caption)}</h3>'
    yield from (f'<p class="note">{escape(n)}</p>' for n in table.notes)
    rows = iter(table.rows)
    first = next(rows, None)
    if first is None:
        yield "<p>No statements for this yet.</p>"
        return
    if table.bar:
        listed = [first, *rows]
        rows = iter(listed[1:])
        chart = f'tabindex="0" role="region" aria-label="Chart: {escape(table.caption)}"'
        yield f'<div class="wrap" {chart}>{_chart(table.caption, listed, table.bar)}</div>'
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in table.columns)
    # A region that may scroll sideways on a phone: focusable, so keyboards can scroll it.
    region = f'tabindex="0" role="region" aria-label="{escape(table.caption)}"'
    start = (
        f'<div class="wrap" {region}><table><caption>{escape(table.caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>"
    )
    yield chain([start], (_row(row) for row in chain([first], rows)), ["</tbody></table></div>"])


def _row(row: list[Cell]) -> str:
    return "<tr>" + _cell(row[0], header=False) + "".join(_cell(v) for v in row[1:]) + "</tr>"


def _chart(caption: str, shown: list[list[Cell]], bar: Bar) -> str:
    values = [
        float(v) if isinstance(v, int | float) else 0.0 for v in (row[bar.value] for row in shown)
    ]
    most = bar.most or max(values, default=0) or 1
    height = BAR_HEIGHT * len(values) + 4
    span = CHART_WIDTH - LABEL_WIDTH - 60
    rows = []
    for index, (row, value) in enumerate(zip(shown, values, strict=True)):
        y = index * BAR_HEIGHT + 2
        label = str(row[bar.label])
        short = label if len(label) <= 30 else label[:28] + "…"
        width = round(span * max(0.0, value) / most, 1)
        rows.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 15}" text-anchor="end">{escape(short)}</text>'
            f'<rect class="track" x="{LABEL_WIDTH}" y="{y + 3}" width="{span}" height="14"/>'
            f'<rect class="bar" x="{LABEL_WIDTH}" y="{y + 3}" width="{width}" height="14"/>'
            f'<text x="{LABEL_WIDTH + span + 6}" y="{y + 15}">{value:g}</text>'
        )
    label = f"Bar chart: {caption}. The table below gives every figure."
    return (
        f'<svg role="img" aria-label="{escape(label)}" viewBox="0 0 {CHART_WIDTH} {height}" '
        f'width="100%" style="max-width:{CHART_WIDTH}px" xmlns="http://www.w3.org/2000/svg">'
        + "".join(rows)
        + "</svg>"
    )
