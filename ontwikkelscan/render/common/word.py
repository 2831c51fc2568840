"""Word documents (.docx) with python-docx: the page, headings, tables and a native bar chart.

Imported only for `--format docx` (python-docx and lxml cost start-up). The chart is DrawingML,
as Word makes it: a horizontal bar chart whose data sit in the chart itself (for showing) and in
an embedded workbook (for "Gegevens bewerken" in Word).
Word and LibreOffice both draw it; the numbers also stand in the table beside it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any, NamedTuple
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

NAMESPACES = ('xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
              'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
              'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def new_document(title: str) -> Any:
    """An A4 portrait document in Dutch with a readable body font; `title` goes into its properties."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Calibri", Pt(10.5)
    languages = normal.element.get_or_add_rPr()
    lang = languages.makeelement(qn("w:lang"), {qn("w:val"): "nl-NL"})
    languages.append(lang)
    doc.core_properties.title = title
    doc.core_properties.language = "nl-NL"
    return doc


def to_bytes(doc: Any) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def paragraph(doc: Any, text: str = "", *, bold: str = "", italic: bool = False, style: str | None = None,
              size: float | None = None) -> Any:
    """A paragraph; `bold` is a lead-in in bold before `text`."""
    para = doc.add_paragraph(style=style)
    if bold:
        para.add_run(bold).bold = True
    run = para.add_run(text)
    run.italic = italic
    if size is not None:
        for part in para.runs:
            part.font.size = Pt(size)
    return para


def bullets(doc: Any, items: Sequence[str]) -> None:
    for item in items:
        doc.add_paragraph(item, style="List Bullet")


def table(doc: Any, headers: Sequence[str], rows: Sequence[Sequence[str]], *, right: Sequence[int] = (),
          widths: Sequence[float] = (), bold_rows: Sequence[int] = ()) -> Any:
    """A grid table with a bold header row that repeats on every page; `right`: right-aligned
    columns, `widths` in cm, `bold_rows`: rows (0 is the first after the header) set in bold."""
    grid = doc.add_table(rows=1, cols=len(headers))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    head = grid.rows[0]
    head_props = head._tr.get_or_add_trPr()
    head_props.append(head_props.makeelement(qn("w:tblHeader"), {}))
    for cell, text in zip(head.cells, headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for index, values in enumerate(rows):
        cells = grid.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
            if index in bold_rows:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    for column in right:
        for row in grid.rows:
            row.cells[column].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if widths:  # fixed widths: Word reads the cells', LibreOffice the grid's
        grid.autofit = False
        for column, width in enumerate(widths):
            grid.columns[column].width = Cm(width)
            for row in grid.rows:
                row.cells[column].width = Cm(width)
    doc.add_paragraph()  # room under the table: the next paragraph does not stick to it
    return grid


def shade(cell: Any, colour: str) -> None:
    """A cell's background, e.g. the status colour next to the status in words."""
    props = cell._tc.get_or_add_tcPr()
    props.append(parse_xml(f'<w:shd xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                           f'w:val="clear" w:color="auto" w:fill="{colour}"/>'))


def colour_text(cell: Any, colour: str) -> None:
    for para in cell.paragraphs:
        for run in para.runs:
            run.font.color.rgb = RGBColor.from_string(colour)


class Bars(NamedTuple):
    """One series of the bar chart; `errors` (optional) draws ± that much around each value."""

    name: str
    values: tuple[float | None, ...]
    colour: str  # RRGGBB
    errors: tuple[float | None, ...] = ()


def bar_chart(doc: Any, categories: Sequence[str], series: Sequence[Bars], *, low: float, high: float,
              description: str, width_cm: float = 16.5, height_cm: float | None = None) -> None:
    """A native horizontal bar chart in its own paragraph, first category at the top, the value
    axis from `low` to `high`; `description` is its alternative text."""
    package = doc.part.package
    number = len([p for p in package.iter_parts() if str(p.partname).startswith("/word/charts/")]) + 1
    chart = Part(PackURI(f"/word/charts/chart{number}.xml"), CT.DML_CHART, b"", package)
    workbook = Part(PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{number}.xlsx"), CT.SML_SHEET,
                    _workbook(categories, series), package)
    chart._blob = _chart_xml(categories, series, low, high, chart.relate_to(workbook, RT.PACKAGE)).encode("utf-8")
    relation = doc.part.relate_to(chart, RT.CHART)
    height = height_cm if height_cm is not None else max(6.0, 1.2 + 0.5 * len(categories) * max(1, len(series)) ** 0.6)
    cx, cy = int(Cm(width_cm)), int(Cm(height))
    inline = parse_xml(
        f'<wp:inline xmlns:wp="{WP}" distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{1000 + number}" name="Grafiek {number}" descr="{escape(description, {chr(34): "&quot;"})}"/>'
        '<wp:cNvGraphicFramePr/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
        f'<c:chart {NAMESPACES} r:id="{relation}"/></a:graphicData></a:graphic></wp:inline>')
    run = doc.add_paragraph().add_run()
    drawing = run._r.makeelement(qn("w:drawing"), {})
    drawing.append(inline)
    run._r.append(drawing)


def _column(index: int) -> str:
    return chr(ord("B") + index)


def _strings(ref: str, values: Sequence[str]) -> str:
    points = "".join(f'<c:pt idx="{i}"><c:v>{escape(v)}</c:v></c:pt>' for i, v in enumerate(values))
    return f"<c:strRef><c:f>{ref}</c:f><c:strCache><c:ptCount val=\"{len(values)}\"/>{points}</c:strCache></c:strRef>"


def _numbers(values: Sequence[float | None], ref: str | None = None) -> str:
    points = "".join(f'<c:pt idx="{i}"><c:v>{v!r}</c:v></c:pt>' for i, v in enumerate(values) if v is not None)
    body = f'<c:formatCode>0.0</c:formatCode><c:ptCount val="{len(values)}"/>{points}'
    return f"<c:numRef><c:f>{ref}</c:f><c:numCache>{body}</c:numCache></c:numRef>" if ref else \
        f"<c:numLit>{body}</c:numLit>"


def _chart_xml(categories: Sequence[str], series: Sequence[Bars], low: float, high: float, workbook: str) -> str:
    last = len(categories) + 1
    parts = []
    for index, bars in enumerate(series):
        column = _column(index)
        errors = ""
        if bars.errors:
            margin = _numbers([e or 0.0 for e in bars.errors])
            errors = (f'<c:errBars><c:errBarType val="both"/><c:errValType val="cust"/><c:noEndCap val="0"/>'
                      f"<c:plus>{margin}</c:plus><c:minus>{margin}</c:minus>"
                      '<c:spPr><a:ln w="15875"><a:solidFill><a:srgbClr val="1B1B1B"/></a:solidFill></a:ln>'
                      "</c:spPr></c:errBars>")
        parts.append(
            f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/>'
            f"<c:tx>{_strings(f'Blad1!${column}$1', [bars.name])}</c:tx>"
            f'<c:spPr><a:solidFill><a:srgbClr val="{bars.colour}"/></a:solidFill></c:spPr>'
            f'<c:invertIfNegative val="0"/>{errors}'
            f"<c:cat>{_strings(f'Blad1!$A$2:$A${last}', list(categories))}</c:cat>"
            f"<c:val>{_numbers(bars.values, f'Blad1!${column}$2:${column}${last}')}</c:val></c:ser>")
    axis_text = ('<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="850"/></a:pPr>'
                 '<a:endParaRPr lang="nl-NL"/></a:p></c:txPr>')
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace {NAMESPACES}>'
        '<c:lang val="nl-NL"/><c:roundedCorners val="0"/>'
        '<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>'
        '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
        + "".join(parts)
        + '<c:gapWidth val="50"/><c:axId val="510001"/><c:axId val="510002"/></c:barChart>'
        '<c:catAx><c:axId val="510001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/>'
        '<c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>'
        f'<c:minorTickMark val="none"/><c:tickLblPos val="low"/>{axis_text}<c:crossAx val="510002"/>'
        '<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>'
        '<c:noMultiLvlLbl val="0"/></c:catAx>'
        f'<c:valAx><c:axId val="510002"/><c:scaling><c:orientation val="minMax"/><c:max val="{high}"/>'
        f'<c:min val="{low}"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/>'
        '<c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>'
        f'<c:tickLblPos val="nextTo"/>{axis_text}<c:crossAx val="510001"/><c:crosses val="min"/>'
        '<c:crossBetween val="between"/><c:majorUnit val="1"/></c:valAx></c:plotArea>'
        '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/>'
        '<c:dispBlanksAs val="gap"/></c:chart>'
        f'<c:externalData r:id="{workbook}"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>')


def _workbook(categories: Sequence[str], series: Sequence[Bars]) -> bytes:
    """The chart's data as a small workbook of one sheet (Blad1), so that Word can edit them
    ("Gegevens bewerken"). Written here as SpreadsheetML: the program has no library that writes .xlsx."""
    import zipfile

    def cell(ref: str, value: str | float | None) -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
        return f'<c r="{ref}"><v>{value!r}</v></c>'

    table: list[list[str | float | None]] = [
        ["Competentie", *(bars.name for bars in series)],
        *([name, *(bars.values[i] for bars in series)] for i, name in enumerate(categories))]
    rows = "".join(f'<row r="{r}">' + "".join(cell(f"{chr(ord('A') + c)}{r}", v) for c, v in enumerate(values))
                   + "</row>" for r, values in enumerate(table, 1))
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
        "_rels/.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            f'<workbook xmlns="{main}" xmlns:r="{rels}"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/>'
            "</sheets></workbook>"),
        "xl/_rels/workbook.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rels}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{main}"><sheetData>{rows}</sheetData></worksheet>',
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as book:
        for name, xml in parts.items():
            book.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + xml)
    return buffer.getvalue()
