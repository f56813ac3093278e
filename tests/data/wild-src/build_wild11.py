"""Rebuild helper wild11's real-form material (tests/data/wild/, tests/data/related/).

Run from the repo root:
    /work/toolsvenv/bin/python tests/data/wild-src/build_wild11.py [NAME ...]
Each form is a grid of cells transcribed from the stored page text named in its NAME.md
(text as printed, nothing computed or corrected) and rendered the way the unit published it:
a CMS article page printed by headless Chromium. Sources are kept next to this script as NAME.html. The grid model and the renderers
are those of build_wild10.py (copied, so that each helper's script rebuilds on its own).
"""
from __future__ import annotations

import html
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SRC = ROOT / "tests" / "data" / "wild-src"
ME = "wild11"


# ---------------------------------------------------------------- grid model
def C(text: str = "", cs: int = 1, rs: int = 1, **style) -> dict:
    """One printed cell: text, column span, row span, style hints (bold, left, size, noborder)."""
    return {"text": text, "cs": cs, "rs": rs, **style}


def place(rows: list[list[dict]], ncols: int) -> list[tuple[int, int, int, int, dict]]:
    """Resolve spans to (row, col, rowspan, colspan, cell), 0-based; fail on a malformed grid."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            if c + cell["cs"] > ncols:
                raise ValueError(f"row {r} overflows at {cell['text']!r}")
            for dr in range(cell["rs"]):
                for dc in range(cell["cs"]):
                    taken.add((r + dr, c + dc))
            out.append((r, c, cell["rs"], cell["cs"], cell))
            c += cell["cs"]
    if any(r >= len(rows) for r, _ in taken):
        raise ValueError("a row span runs past the last row")
    for r in range(len(rows)):
        missing = [c for c in range(ncols) if (r, c) not in taken]
        if missing:
            raise ValueError(f"row {r} leaves columns {missing} empty")
    return out


# ---------------------------------------------------------------- renderers
def chromium_pdf(src: Path, pdf: Path) -> None:
    """Print a web page to pdf the way a browser's 'print to PDF' does."""
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--no-first-run", "--no-pdf-header-footer",
                    f"--user-data-dir=/tmp/chr-{ME}", f"--print-to-pdf={pdf}", src.as_uri()],
                   check=True, capture_output=True, timeout=300)


def render_html(form: dict, path: Path) -> None:
    """A CMS article page: title lines, then the form as one rowspan/colspan table."""
    cells = {}
    for r, c, rs, cs, cell in place(form["rows"], form["ncols"]):
        cells.setdefault(r, []).append((rs, cs, cell))
    body = []
    for r in range(len(form["rows"])):
        tds = []
        for rs, cs, cell in cells.get(r, []):
            attrs = []
            if rs > 1:
                attrs.append(f'rowspan="{rs}"')
            if cs > 1:
                attrs.append(f'colspan="{cs}"')
            classes = [k for k in ("bold", "left", "noborder") if cell.get(k)]
            if classes:
                attrs.append(f'class="{" ".join(classes)}"')
            text = "<br>".join(html.escape(line) for line in cell["text"].split("\n")) or "&nbsp;"
            tds.append(f"<td {' '.join(attrs)}>{text}</td>" if attrs else f"<td>{text}</td>")
        body.append("<tr>" + "".join(tds) + "</tr>")
    widths = "".join(f'<col style="width:{w}%">' for w in form["widths_pct"])
    head = "\n".join(f'<p class="{cls}">{html.escape(t)}</p>' for t, cls in form["heading"])
    foot = "\n".join(f'<p class="{cls}">{html.escape(t)}</p>' for t, cls in form.get("footer", []))
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(form['page_title'])}</title>
<style>
@page {{ size: A4; margin: 16mm 14mm; }}
body {{ font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; font-size: 10.5pt; }}
p.title {{ text-align: center; font-size: 15pt; font-weight: bold; margin: 4px 0; }}
p.meta {{ text-align: center; color: #555; font-size: 9pt; margin: 2px 0 10px; }}
p.left {{ text-align: left; font-size: 10.5pt; margin: 4px 0; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
td {{ border: 1px solid #000; padding: 3px 4px; text-align: center; vertical-align: middle;
     font-size: 9.5pt; word-wrap: break-word; }}
td.left {{ text-align: left; }}
td.bold {{ font-weight: bold; font-size: 13pt; }}
td.noborder {{ border: none; }}
</style></head><body>
{head}
<table>{widths}
{chr(10).join(body)}
</table>
{foot}
</body></html>
"""
    path.write_text(page, encoding="utf-8")


def build(name: str, kind: str, form: dict) -> None:
    """Write the source for one form and print it to tests/data/<kind>/name.pdf."""
    out = ROOT / "tests" / "data" / kind
    out.mkdir(exist_ok=True)
    pdf = out / f"{name}.pdf"
    src = SRC / f"{name}.html"
    render_html(form, src)
    chromium_pdf(src, pdf)
    print(f"{kind}/{name}.pdf <- wild-src/{src.name}")


# ================================================================ forms
# Each grid below is the form as printed; see NAME.md for the source and its quirks.

def hubei_2020_wuhan_qingshan_huagongqu_school_targets() -> dict:
    """化工区学校 (武汉市青山区), 农村义务教育薄弱学校改造补助资金, 2020: a targets-only 绩效目标表."""
    rows = [
        [C("项目名称", cs=2), C("农村义务教育薄弱学校改造补助资金", cs=3, left=True)],
        [C("项目主管部门", cs=2), C("青山区教育局"), C("项目执行单位"), C("化工区学校")],
        [C("资金情况\n(万元)", cs=2), C("年度资金总额:16\n其中 :上级资金16", cs=3, left=True)],
        [C("总体目标", cs=2, rs=2), C("年度目标", cs=3)],
        [C("全面改善农村义务教育薄弱学校办学条件,扩大基础教育资源,进一步提高义务教育均衡发展水平。",
           cs=3, left=True)],
        [C("绩效指标", rs=10), C("一级指标"), C("二级指标"), C("指标内容"), C("指标值")],
        [C("产出指标", rs=6), C("数量指标"), C("农村义务教育学校改造覆盖率", left=True), C("100%")],
        [C("质量指标", rs=2), C("校舍维修改造质量合格率", left=True), C("100%")],
        [C("购置设施设备质量合格率", left=True), C("100%")],
        [C("时效指标", rs=2), C("预算资金当年下达率", left=True), C("100%")],
        [C("项目按计划完成率", left=True), C("100%")],
        [C("成本指标"), C("建设项目成本控制率", left=True), C("100%")],
        [C("效益指标", rs=3), C("可持续影响指标"), C("义务教育优质均衡发展情况", left=True), C("稳步提高")],
        [C("社会公众或服务对象满意度指标", rs=2), C("学生家长满意度", left=True), C("≥90%")],
        [C("学校满意度", left=True), C("≥90%")],
    ]
    return {"page_title": "绩效目标表",
            "heading": [("索 引 号 733569413/2021-00944    发布日期 2021-01-05", "left"),
                        ("发布机构 区教育局    有 效 性 有效", "left"),
                        ("标    题 绩效目标表    文    号", "left"),
                        ("绩效目标表", "title"),
                        ("字号 :  |  发布时间:2021-01-05  |  发布单位:区教育局", "meta"),
                        ("绩效目标表", "title"),
                        ("(2020年度)", "meta")],
            "footer": [("附件:", "left"), ("扫一扫在手机打开当前页", "left"), ("[下载] [打印] [关闭]", "left")],
            "ncols": 5, "widths_pct": [10, 14, 22, 34, 20], "rows": rows}


FORMS = {
    "hubei-2020-wuhan-qingshan-huagongqu-school-targets":
        ("related", hubei_2020_wuhan_qingshan_huagongqu_school_targets),
}


def main(names: list[str]) -> None:
    for name in names or list(FORMS):
        kind, form = FORMS[name]
        build(name, kind, form())


if __name__ == "__main__":
    main(sys.argv[1:])
