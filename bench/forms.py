"""Self-evaluation forms described as data: a form is rows of cells (spans, alignment, which edges are
ruled), free text lines above and below, and its truth. Templates beyond the five corpus layouts are
built here from blocks (header fields, budget block, goals, indicator table, totals, notes, sign-off),
with the variation real published forms show (bench/README.md, ../shared/corpus/FORMS_IN_THE_WILD.md).
Producers (bench/producers.py) print a form; nothing here knows how.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Cell:
    col: int
    text: str
    cs: int = 1
    rs: int = 1
    align: str = "c"        # "c" centred, "l" left
    edges: str = "tblr"     # the ruled sides (top, bottom, left, right), set by apply_rules


@dataclass
class Row:
    cells: list[Cell]
    role: str = "body"      # "id": a header-block label/value row; "head": indicator column headers
    height: float = 0.0     # minimum height in pt (0: from the text)


@dataclass
class Line:
    """Free text above or below the table: one or more blocks on one line."""
    blocks: list[tuple[str, str]]   # (text, align "l" | "c" | "r")
    title: bool = False
    at: list[float] | None = None   # where each block starts, as a fraction of the table width (re-prints)


@dataclass
class Form:
    widths: list[float]             # relative column widths
    rows: list[Row]
    above: list[Line] = field(default_factory=list)
    below: list[Line] = field(default_factory=list)
    head_at: int | None = None      # first indicator column-header row (a table may repeat it after breaks)
    head_rows: int = 1

    @property
    def n_cols(self) -> int:
        return len(self.widths)


# ---------------------------------------------------------------- rules (which edges are printed)

RULES = ["full", "hairline", "open-header", "open-box"]


def apply_rules(form: Form, rules: str) -> None:
    """full/hairline: every edge. open-header: header-block rows have no inner vertical rules (label and
    value in one ruled box, a gap between them); open-box: the header block is one box, no inner rules."""
    n = form.n_cols
    for i, row in enumerate(form.rows):
        for c in row.cells:
            if rules.startswith("open") and row.role == "id":
                edges = "tb"
                if rules == "open-box":
                    edges = ("t" if i == 0 or form.rows[i - 1].role != "id" else "") + \
                            ("b" if i + 1 == len(form.rows) or form.rows[i + 1].role != "id" else "")
                c.edges = edges + ("l" if c.col == 0 else "") + ("r" if c.col + c.cs == n else "")
            else:
                c.edges = "tblr"


def split_rows(rows: list[Row], at: int) -> tuple[list[Row], list[Row]]:
    """Cut the rows into two tables at `at`; a cell spanning the cut keeps its text above and leaves an
    empty, top-open cell below (HTML row groups and Word header rows cannot be spanned across)."""
    top = [Row([Cell(**vars(c)) for c in r.cells], r.role, r.height) for r in rows[:at]]
    bottom = [Row([Cell(**vars(c)) for c in r.cells], r.role, r.height) for r in rows[at:]]
    for i, r in enumerate(top):
        for c in r.cells:
            if i + c.rs > at:
                rest = i + c.rs - at
                c.rs = at - i
                c.edges = c.edges.replace("b", "")
                bottom[0].cells.append(Cell(c.col, "", c.cs, rest, c.align, c.edges.replace("t", "") + "b"))
    bottom[0].cells.sort(key=lambda c: c.col)
    return top, bottom


# ---------------------------------------------------------------- content pools

PROVINCES = {
    "四川省": [("成都市", "锦江区"), ("成都市", "武侯区"), ("绵阳市", "涪城区"), ("南充市", "顺庆区"), ("宜宾市", "翠屏区")],
    "安徽省": [("池州市", "贵池区"), ("合肥市", "蜀山区"), ("芜湖市", "镜湖区"), ("安庆市", "迎江区")],
    "河北省": [("石家庄市", "长安区"), ("保定市", "竞秀区"), ("邯郸市", "丛台区")],
    "湖南省": [("长沙市", "岳麓区"), ("株洲市", "芦淞区"), ("常德市", "武陵区")],
    "宁夏回族自治区": [("银川市", "金凤区"), ("石嘴山市", "大武口区"), ("吴忠市", "利通区")],
    "湖北省": [("武汉市", "硚口区"), ("宜昌市", "西陵区")],
    "广东省": [("深圳市", "罗湖区"), ("广州市", "天河区"), ("佛山市", "禅城区")],
}
BUREAUS = ["财政局", "教育局", "民政局", "卫生健康局", "司法局", "农业农村局", "水利局", "交通运输局",
           "自然资源和规划局", "文化和旅游局", "人力资源和社会保障局", "住房和城乡建设局"]
TOWNS = ["棠溪镇", "梅村镇", "牛头山镇", "马牙街道", "秋江街道", "墩上街道", "涓桥镇", "里山街道"]
MINISTRIES = [("105", "教育部"), ("111", "水利部"), ("126", "农业农村部"), ("108", "民政部"), ("135", "国家卫生健康委员会")]
TOPICS = ["农村饮水安全", "义务教育薄弱环节改善", "高标准农田建设", "城乡居民医疗救助", "困难群众救助",
          "公共法律服务体系建设", "基层医疗卫生机构运行", "乡村振兴衔接", "河湖长制", "学前教育发展",
          "农村公路养护", "社区居家养老服务", "文化惠民工程", "就业创业补贴", "森林防火", "耕地地力保护"]
KINDS = ["专项资金", "补助资金", "项目", "工作经费", "专项经费", "运行经费"]

# (二级指标, [(三级指标, operator, target, unit)]); unit None = a qualitative target
POOL = {
    "产出指标": [
        ("数量指标", [("培训人次", "≥", 500, "人次"), ("完成项目个数", "=", 12, "个"), ("覆盖行政村数", "≥", 30, "个"),
                      ("采购设备数量", "=", 45, "台"), ("维护道路里程", "≥", 12.5, "公里"), ("补助对象人数", "≥", 1200, "人"),
                      ("新建改造面积", "≥", 3000, "平方米")]),
        ("质量指标", [("验收合格率", "≥", 95, "%"), ("设备完好率", "≥", 98, "%"), ("资金拨付准确率", "=", 100, "%"),
                      ("服务达标率", "≥", 90, "%"), ("工程质量", None, "达到国家标准", None)]),
        ("时效指标", [("按期完成率", "≥", 95, "%"), ("资金拨付及时率", "=", 100, "%"), ("完成时限", None, "年底前完成", None)]),
        ("成本指标", [("项目总成本", "≤", 150, "万元"), ("人均补助标准", "=", 800, "元/人"), ("单位造价", "≤", 320, "元/平方米")]),
    ],
    "效益指标": [
        ("社会效益指标", [("群众知晓率", "≥", 85, "%"), ("受益人口数", "≥", 5000, "人"), ("群众生活条件", None, "有所改善", None)]),
        ("经济效益指标", [("带动就业人数", "≥", 50, "人"), ("农民人均增收", "≥", 300, "元")]),
        ("生态效益指标", [("绿化覆盖率", "≥", 40, "%"), ("水质达标率", "≥", 90, "%")]),
        ("可持续影响指标", [("长效管护机制", None, "健全", None), ("设施持续使用年限", "≥", 10, "年")]),
    ],
    "满意度指标": [
        ("服务对象满意度指标", [("服务对象满意度", "≥", 90, "%"), ("受益群众满意度", "≥", 85, "%")]),
    ],
}
PROCESS = [  # whole-process framework: (一级, points, [(二级, points, [(三级, points, target, actual)])])
    ("项目决策", 15, [("项目立项", 5, [("立项依据充分性", 3, "充分", "充分"), ("立项程序规范性", 2, "规范", "规范")]),
                      ("绩效目标", 5, [("绩效目标合理性", 3, "合理", "合理"), ("绩效指标明确性", 2, "明确", "较明确")]),
                      ("资金投入", 5, [("预算编制科学性", 3, "科学", "科学"), ("资金分配合理性", 2, "合理", "合理")])]),
    ("项目管理", 20, [("资金管理", 10, [("资金到位率", 4, "100%", "100%"), ("预算执行率", 3, "100%", None),
                                        ("资金使用合规性", 3, "合规", "合规")]),
                      ("组织实施", 10, [("管理制度健全性", 5, "健全", "健全"), ("制度执行有效性", 5, "有效", "有效")])]),
]
DEVIATIONS = ["受疫情影响部分工作延期", "项目招标时间较晚，进度滞后", "部分资金未及时拨付", "实际需求少于预期",
              "统计口径调整", "已督促整改，下年度加快进度"]
GOAL_TARGETS = ["通过实施{t}，完成年度建设任务，改善群众生产生活条件，提升公共服务水平。",
                "保障{t}工作顺利开展，按计划完成各项任务，资金使用合规，群众满意度达到90%以上。"]
GOAL_ACTUALS = ["已按计划完成{t}年度任务，资金及时拨付到位，项目运行良好，达到预期目标。",
                "{t}各项工作有序推进，完成年度目标，群众满意度较高。"]
INSTRUCTIONS = ["结合自评情况，说明未完成原因及改进措施（200字以内）", "（未完成指标须说明原因，200字以内）",
                "简要说明存在的问题（200字以内）"]

# label wording seen in real templates: field → variants
LABELS = {
    "project_name": ["项目名称", "项目名称", "专项资金名称"],
    "supervising": ["主管部门", "主管部门(及代码)", "主管部门（及代码）", "一级预算单位", "县级主管部门"],
    "implementing": ["实施单位", "实施单位", "项目实施单位"],
    "annual": ["全年预算数", "全年预算数（A）", "调整预算数（A）", "全年预算数(A)"],
    "executed": ["全年执行数", "全年执行数（B）", "全年执行数(B)"],
    "goal_heads": [("预期目标", "实际完成情况"), ("年初设定目标", "年度总体目标完成情况综述")],
    "target": ["年度指标值", "指标值", "年度指标值（A）"],
    "actual": ["实际完成值", "全年实际值", "实际完成值（B）"],
    "deviation": ["偏差原因分析及改进措施", "未完成原因分析", "偏差原因分析及改进措施"],
    "weight": ["分值", "分值", "权重"],
}


# ---------------------------------------------------------------- one document's content

@dataclass
class Party:
    """Who publishes: region, bureau, its supervising department."""
    province: str
    city: str
    district: str
    bureau: str
    year: int


def draw_party(rng: random.Random) -> Party:
    province = rng.choice(list(PROVINCES))
    city, district = rng.choice(PROVINCES[province])
    return Party(province, city, district, f"{city}{district}{rng.choice(BUREAUS)}", rng.randint(2019, 2024))


def _wan(rng: random.Random, lo: float, hi: float) -> float:
    return round(rng.uniform(lo, hi), 2)


def _comma(v: float) -> bool:
    """元 amounts are printed with thousands separators by some bureaus (decided by the amount, so stable)."""
    return int(v) % 2 == 0


def _num(v: float) -> str:
    return f"{v:g}"


class Project:
    """One project's facts, drawn once, printed by any template."""

    def __init__(self, rng: random.Random, party: Party, unit: str):
        self.rng, self.party = rng, party
        topic = rng.choice(TOPICS)
        self.name = topic + rng.choice(KINDS)
        self.code = f"{rng.choice(['51', '34', '13', '43', '64'])}0000{party.year % 100:02d}{rng.choice('RTXY')}{rng.randint(10**11, 10**12 - 1):012d}"
        self.unit_code = f"{rng.randint(100, 999)}{rng.randint(0, 999):03d}"
        town = rng.choice(TOWNS)
        self.implementing = rng.choice([f"{party.city}{party.district}{town}人民政府", party.bureau,
                                        f"{party.city}{party.district}{party.bureau[len(party.city + party.district):-1]}服务中心"])
        self.supervising = party.bureau
        self.supervising_code = f"{rng.randint(100, 999)}"
        factor = 1.0 if unit == "万元" else 10000.0
        a0 = _wan(rng, 20, 2000)
        a = round(a0 * rng.choice([1.0, 1.0, rng.uniform(0.8, 1.2)]), 2)
        b = round(a * rng.choice([1.0, rng.uniform(0.85, 1.0)]), 2)
        carry = round(a * rng.choice([0, 0, 0.1]), 2)
        carry_b = round(min(carry, b), 2)
        lines = [("年度资金总额", a0, a, b), ("其中：当年财政拨款", round(a0, 2), round(a - carry, 2), round(b - carry_b, 2)),
                 ("上年结转资金", 0.0, carry, carry_b), ("其他资金", 0.0, 0.0, 0.0)]
        self.budget = [(lab, round(x * factor, 2), round(y * factor, 2), round(z * factor, 2)) for lab, x, y, z in lines]
        self.goal = (rng.choice(GOAL_TARGETS).format(t=topic), rng.choice(GOAL_ACTUALS).format(t=topic))

    def indicators(self, points: dict[str, int]) -> list[dict]:
        """Drawn indicators per 一级指标 with weights adding to its points; scores, deviations."""
        rng, out = self.rng, []
        for level1, level1_points in points.items():
            groups = rng.sample(POOL[level1], k=min(len(POOL[level1]), rng.randint(1, 3) if level1 != "满意度指标" else 1))
            chosen = [(l2, item) for l2, items in groups for item in rng.sample(items, k=min(len(items), rng.randint(1, 2)))]
            weights = _split(level1_points, len(chosen), rng)
            for (level2, (name, op, target, unit)), w in zip(chosen, weights):
                out.append(self._indicator(level1, level1_points, level2, name, op, target, unit, w))
        return out

    def _indicator(self, level1, level1_points, level2, name, op, target, unit, w) -> dict:
        rng = self.rng
        short = rng.random() < 0.15
        if unit is None:
            actual = rng.choice([target, "达成预期指标", "基本达成"]) if short else target
            value = None
        else:
            t = float(target)
            value = t * (rng.uniform(0.8, 0.97) if short else rng.uniform(1.0, 1.1) if op == "≥" else 1.0)
            value = min(value, 100.0) if unit == "%" else value
            value = round(value, 1 if unit in ("%", "公里") else 0)
            actual = _num(value)
        score = round(w * (rng.uniform(0.6, 0.95) if short else 1.0), 1 if short else 0)
        return {"level1": level1, "level1_points": level1_points, "level2": level2, "name": name, "op": op,
                "target": _num(target) if unit is not None else target, "unit": unit, "actual": actual,
                "weight": w, "score": score, "deviation": rng.choice(DEVIATIONS) if short else None}


def _split(total: int, n: int, rng: random.Random) -> list[int]:
    """`total` points over n indicators, each at least 1 (as bureaus do: whole points)."""
    if n == 1:
        return [total]
    cuts = sorted(rng.sample(range(1, total), n - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total])]


def _pct_head(v: dict) -> str:
    """Rates printed without % say so in their column header."""
    return "（%）" if v["rate_style"] == "plain" else ""


def rate_text(a: float, b: float, style: str) -> tuple[str, float | None]:
    """执行率 as the form prints it, and the fraction the printed figure says."""
    if not a:
        return "—", None
    pct = round(b / a * 100, 2)
    if style == "pct":
        return f"{pct:.2f}%", round(pct / 100, 4)
    return f"{pct:.2f}", round(pct / 100, 4)


def amount(v: float, unit: str) -> str:
    return f"{v:.2f}" if unit == "万元" or not _comma(v) else f"{v:,.2f}"


# ---------------------------------------------------------------- variation drawn per document

def draw_variant(rng: random.Random, template: str) -> dict:
    """The wording and filling choices of one document (recorded in its truth under `_variant`)."""
    county = template == "county"
    labels = {k: rng.choice(v) for k, v in LABELS.items()}
    if county:
        labels.update(project_name="专项资金名称", supervising="县级主管部门",
                      goal_heads=("年初设定目标", "年度总体目标完成情况综述"))
    return {
        "labels": labels,
        "code_name": sorted(k for k in ("supervising", "project", "implementing") if rng.random() < 0.4),
        "supervising_style": rng.choice(["dash", "bracket"]),
        "placeholders": rng.random() < 0.5,
        "instructions": rng.random() < 0.4,
        "unit": "万元" if template in ("mof", "sichuan", "process") or rng.random() < 0.6 else "元",
        "unit_at": rng.choice(["block", "line", "column"]) if template in ("mof", "county") else "block",
        "level1_points": rng.random() < 0.6,
        "rate_style": rng.choice(["pct", "plain"]),
        "eq_printed": rng.random() < 0.5,
        "fraction_actuals": rng.random() < 0.2,   # "0.962" for 96.2%
        "unit_words": rng.random() < 0.3,         # 度量单位 百分比 for %
    }


def _code_name(code: str, name: str, style: str = "dash") -> str:
    return f"[{code}]{name}" if style == "bracket" else f"{code}-{name}"


def _identity(p: Project, v: dict) -> tuple[dict, dict]:
    """Printed identity cells and their truth (CODE-NAME cells split into code and name)."""
    cn = v["code_name"]
    sup_code, sup_name = p.supervising_code, p.supervising
    if "supervising" in cn and v["supervising_style"] == "bracket":
        sup_code, sup_name = MINISTRIES[p.rng.randrange(len(MINISTRIES))]
    printed = {
        "project": _code_name(p.code, p.name) if "project" in cn else p.name,
        "supervising": _code_name(sup_code, sup_name, v["supervising_style"]) if "supervising" in cn else sup_name,
        "implementing": _code_name(p.unit_code, p.implementing) if "implementing" in cn else p.implementing,
    }
    truth = {"scope": "project", "project_name": p.name, "project_code": p.code if "project" in cn else None,
             "implementing_unit": p.implementing, "supervising_unit": sup_name,
             "supervising_unit_code": sup_code if "supervising" in cn else None,
             "unit_code": p.unit_code if "implementing" in cn else None,
             "period": None, "is_key_project": None, "project_nature": None}
    return printed, truth


def _target_printed(ind: dict, v: dict) -> tuple[str, str]:
    """年度指标值 and 实际完成值 with the operator and unit inside the cell (MOF style)."""
    if ind["unit"] is None:
        return ind["target"], ind["actual"]
    op = ind["op"] if ind["op"] != "=" or v["eq_printed"] else ""
    if not ind["actual"][:1].isdigit():
        actual = ind["actual"]
    elif ind["unit"] == "%" and v["fraction_actuals"]:
        actual = _fraction(ind["actual"])
    else:
        actual = ind["actual"] + ind["unit"]
    return f"{op}{ind['target']}{ind['unit']}", actual


def _fraction(percent: str) -> str:
    """An actual written as a fraction ("0.962" for 96.2%), as some bureaus fill the cell."""
    return f"{round(float(percent) / 100, 4):g}"


def _indicator_rows(inds: list[dict], v: dict, rng: random.Random, col0: int, cells_of) -> tuple[list[Row], list[dict]]:
    """Rows of an indicator table grouped by 一级 / 二级 (merged cells), placeholder rows appended to some
    二级 groups when the variant leaves template rows unfilled; and the indicators' truth."""
    groups: list[tuple[str, list[tuple[str, list[dict]]]]] = []
    for ind in inds:
        if not groups or groups[-1][0] != ind["level1"]:
            groups.append((ind["level1"], []))
        l2s = groups[-1][1]
        if not l2s or l2s[-1][0] != ind["level2"]:
            l2s.append((ind["level2"], []))
        l2s[-1][1].append(ind)
    rows, truth = [], []
    for level1, l2s in groups:
        l1_rows: list[Row] = []
        for level2, items in l2s:
            n_place = rng.choice([0, 1, 2]) if v["placeholders"] else 0
            l2_rows = []
            for ind in items:
                cells, t = cells_of(ind)
                truth.append(t)
                l2_rows.append(Row(cells))
            for k in range(n_place):
                text = "……" if k == 1 else f"指标{len(items) + k + 1}："
                l2_rows.append(Row([Cell(col0 + 2, text, align="l")] + [Cell(c.col, "", c.cs) for c in l2_rows[0].cells
                                                                        if c.col > col0 + 2]))
            l2_rows[0].cells.insert(0, Cell(col0 + 1, level2, rs=len(l2_rows)))
            l1_rows += l2_rows
        points = l2s[0][1][0]["level1_points"]
        label = f"{level1}（{points}分）" if v["level1_points"] else level1
        l1_rows[0].cells.insert(0, Cell(col0, label, rs=len(l1_rows)))
        rows += l1_rows
    return rows, truth


def _blank_instruction(rng: random.Random, v: dict, k: int) -> str | None:
    """A template instruction left in a cell the bureau did not fill (null in truth)."""
    return INSTRUCTIONS[k % len(INSTRUCTIONS)] if v["instructions"] and rng.random() < 0.5 else None


def mof(p: Project, v: dict) -> tuple[Form, dict]:
    """The Ministry of Finance template (财预〔2020〕10号) and its county variant."""
    rng, lab, unit = p.rng, v["labels"], v["unit"]
    printed, truth = _identity(p, v)
    widths = [40, 36, 52, 84, 62, 62, 32, 36, 48, 48]
    rows = [Row([Cell(0, lab["project_name"], cs=2), Cell(2, printed["project"], cs=8, align="l")], "id"),
            Row([Cell(0, lab["supervising"], cs=2), Cell(2, printed["supervising"], cs=3, align="l"),
                 Cell(5, lab["implementing"], cs=2), Cell(7, printed["implementing"], cs=3, align="l")], "id")]
    col_unit = f"（{unit}）" if v["unit_at"] == "column" else ""
    block = f"项目资金（{unit}）" if v["unit_at"] == "block" else "项目资金"
    rows.append(Row([Cell(0, block, rs=5), Cell(1, "", cs=2), Cell(3, "年初预算数" + col_unit),
                     Cell(4, lab["annual"] + col_unit), Cell(5, lab["executed"] + col_unit), Cell(6, "分值"),
                     Cell(7, "执行率" + _pct_head(v)), Cell(8, "得分", cs=2)]))
    budget = []
    for i, (label, a0, a, b) in enumerate(p.budget):
        rt, rate = rate_text(a, b, v["rate_style"]) if i == 0 else ("—", None)
        score = round(10 * min(rate or 0, 1), 2) if i == 0 else None
        rows.append(Row([Cell(1, label, cs=2, align="l"), Cell(3, amount(a0, unit)), Cell(4, amount(a, unit)),
                         Cell(5, amount(b, unit)), Cell(6, "10" if i == 0 else "—"), Cell(7, rt),
                         Cell(8, _num(score) if i == 0 else "—", cs=2)]))
        budget.append({"fund_source": label.replace("：", ":"), "initial_budget": a0, "annual_budget": a, "executed": b,
                       "execution_rate": rate, "execution_rate_text": rt, "weight": 10 if i == 0 else None,
                       "score": score})
    target, actual = p.goal
    shown_actual = _blank_instruction(rng, v, 0) or actual
    heads = lab["goal_heads"]
    rows += [Row([Cell(0, "年度总体目标", rs=2), Cell(1, heads[0], cs=4), Cell(5, heads[1], cs=5)]),
             Row([Cell(1, target, cs=4, align="l"), Cell(5, shown_actual, cs=5, align="l")])]
    inds = p.indicators({"产出指标": 50, "效益指标": 30, "满意度指标": 10})

    def cells_of(ind: dict) -> tuple[list[Cell], dict]:
        tt, at = _target_printed(ind, v)
        dev = ind["deviation"] or _blank_instruction(rng, v, 1)
        return ([Cell(3, ind["name"]), Cell(4, tt), Cell(5, at), Cell(6, _num(ind["weight"])), Cell(7, _num(ind["score"])),
                 Cell(8, dev or "", cs=2, align="l")],
                _ind_truth(ind, v, tt, at, None, None))
    ind_rows, ind_truth = _indicator_rows(inds, v, rng, 1, cells_of)
    head = Row([Cell(0, "绩效指标", rs=1 + len(ind_rows)), Cell(1, "一级指标"), Cell(2, "二级指标"), Cell(3, "三级指标"),
                Cell(4, lab["target"]), Cell(5, lab["actual"]), Cell(6, lab["weight"]), Cell(7, "得分"),
                Cell(8, lab["deviation"], cs=2)], "head")
    head_at = len(rows)
    total = round(sum(i["score"] for i in inds) + (budget[0]["score"] or 0), 2)
    rows += [head, *ind_rows, Row([Cell(0, "总分", cs=6), Cell(6, "100"), Cell(7, _num(total)), Cell(8, "", cs=2)])]
    truth.update(budget=budget, goals=[{"goal_no": None, "weight": None, "target_text": target,
                                        "actual_text": None if shown_actual != actual else actual}],
                 indicators=ind_truth, total_score=total, notes=None)
    county = lab["supervising"] == "县级主管部门"
    title = "项目绩效目标自评表" if county else "项目支出绩效自评表"
    above = [Line([(title, "c")], title=True), Line([(f"（{p.party.year}年度）", "c")])]
    if v["unit_at"] == "line":
        above.append(Line([(f"填报单位：{p.party.bureau}", "l"), (f"单位：{unit}", "r")]))
    return Form(widths, rows, above, [], head_at), truth


def _ind_truth(ind: dict, v: dict, target_text: str, actual_text: str, op: str | None, unit: str | None) -> dict:
    return {"goal_no": None, "level1": ind["level1"], "level1_points": ind["level1_points"] if v["level1_points"] else None,
            "level2": ind["level2"], "name": ind["name"], "target_op_text": op, "target_text": target_text,
            "measure_unit": unit, "actual_text": actual_text, "weight": ind["weight"], "score": ind["score"],
            "deviation": ind["deviation"], "scoring_method": None}


def sichuan(p: Project, v: dict) -> tuple[Form, dict]:
    """Sichuan's provincial template (报表编号 510000_0013zp)."""
    rng, unit = p.rng, v["unit"]
    printed, truth = _identity(p, v)
    widths = [40, 34, 50, 80, 34, 44, 40, 44, 32, 32, 60]
    rows = [Row([Cell(0, "项目名称", cs=2), Cell(2, printed["project"], cs=9, align="l")], "id"),
            Row([Cell(0, "主管部门", cs=2), Cell(2, printed["supervising"], cs=4, align="l"),
                 Cell(6, "实施单位", cs=2), Cell(8, printed["implementing"], cs=3, align="l")], "id")]
    target, actual = p.goal
    rows += [Row([Cell(0, "项目基本情况", rs=2, cs=2), Cell(2, "项目年度目标", cs=4), Cell(6, "年度目标完成情况", cs=5)]),
             Row([Cell(2, target, cs=4, align="l"), Cell(6, actual, cs=5, align="l")])]
    total_a0, total_a, total_b = p.budget[0][1:]
    fiscal_share = rng.uniform(0.7, 1.0)
    split = lambda x: (round(x * fiscal_share, 2), round(x - round(x * fiscal_share, 2), 2))  # noqa: E731
    lines = [("总额", total_a0, total_a, total_b)]
    fa0, ua0 = split(total_a0)
    fa, ua = split(total_a)
    fb, ub = split(total_b)
    lines += [("其中：财政资金", fa0, fa, fb), ("财政专户管理资金", 0.0, 0.0, 0.0), ("单位资金", ua0, ua, ub)]
    rows += [Row([Cell(0, "预算执行情况（10分）", rs=2 + len(lines)), Cell(1, "资金来源", cs=2, rs=2),
                  Cell(3, f"年度预算数（{unit}）", cs=3), Cell(6, "预算执行率" + _pct_head(v), rs=2), Cell(7, "权重", rs=2, cs=2),
                  Cell(9, "得分", rs=2), Cell(10, "原因", rs=2)]),
             Row([Cell(3, "年初预算"), Cell(4, "调整后预算数"), Cell(5, "预算执行数")])]
    budget = []
    for i, (label, a0, a, b) in enumerate(lines):
        rt, rate = rate_text(a, b, v["rate_style"])
        score = round(10 * min(rate or 0, 1), 2) if i == 0 else None
        rows.append(Row([Cell(1, label, cs=2, align="l"), Cell(3, amount(a0, unit)), Cell(4, amount(a, unit)),
                         Cell(5, amount(b, unit)), Cell(6, rt), Cell(7, "10" if i == 0 else "", cs=2),
                         Cell(9, _num(score) if i == 0 else ""), Cell(10, "")]))
        budget.append({"fund_source": label.replace("：", ":"), "initial_budget": a0, "annual_budget": a, "executed": b,
                       "execution_rate": rate, "execution_rate_text": rt, "weight": 10 if i == 0 else None, "score": score})
    inds = p.indicators({"产出指标": 50, "效益指标": 30, "满意度指标": 10})

    def cells_of(ind: dict) -> tuple[list[Cell], dict]:
        op = "定性" if ind["unit"] is None else ind["op"]
        unit = "百分比" if ind["unit"] == "%" and v["unit_words"] else ind["unit"]
        actual = _fraction(ind["actual"]) if ind["unit"] == "%" and v["fraction_actuals"] else ind["actual"]
        dev = ind["deviation"] or _blank_instruction(rng, v, 1)
        t = _ind_truth(ind, v, ind["target"], actual, op, unit)
        return ([Cell(3, ind["name"]), Cell(4, op), Cell(5, ind["target"]), Cell(6, unit or ""), Cell(7, actual),
                 Cell(8, _num(ind["weight"])), Cell(9, _num(ind["score"])), Cell(10, dev or "", align="l")], t)
    ind_rows, ind_truth = _indicator_rows(inds, v, rng, 1, cells_of)
    head_at = len(rows)
    head = Row([Cell(0, "绩效指标（90分）", rs=1 + len(ind_rows)), Cell(1, "一级指标"), Cell(2, "二级指标"), Cell(3, "三级指标"),
                Cell(4, "指标性质"), Cell(5, "指标值"), Cell(6, "度量单位"), Cell(7, "完成值"), Cell(8, "权重"),
                Cell(9, "得分"), Cell(10, "未完成原因分析")], "head")
    total = round(sum(i["score"] for i in inds) + (budget[0]["score"] or 0), 2)
    rows += [head, *ind_rows, Row([Cell(0, "合计", cs=8), Cell(8, "100"), Cell(9, _num(total)), Cell(10, "")])]
    notes = []
    for k, (label, text) in enumerate([("评价结论", f"该项目绩效自评得分{_num(total)}分，评价等级为" + ("优" if total >= 90 else "良") + "。"),
                                       ("存在问题", rng.choice(["部分指标设置不够细化。", "项目实施进度偏慢。", "无"])),
                                       ("改进措施", rng.choice(["进一步细化绩效目标，加强过程监控。", "加快项目实施进度。"]))]):
        shown = (_blank_instruction(rng, v, 2) if k else None) or text
        rows.append(Row([Cell(0, label, cs=2), Cell(2, shown, cs=9, align="l")]))
        if shown == text:
            notes.append(f"{label}：{text}")
    truth.update(budget=budget, goals=[{"goal_no": None, "weight": None, "target_text": target, "actual_text": actual}],
                 indicators=ind_truth, total_score=total, notes="\n".join(notes) or None)
    above = [Line([("报表编号：510000_0013zp", "r")]), Line([("部门预算项目支出绩效自评表", "c")], title=True),
             Line([(f"（{p.party.year}年度）", "c")])]
    below = [Line([("项目负责人：" + rng.choice(["张伟", "李静", "王强"]), "l"), ("财务负责人：" + rng.choice(["刘洋", "陈敏"]), "c"),
                   ("填报人：" + rng.choice(["赵磊", "周丽"]), "r")])]
    return Form(widths, rows, above, below, head_at), truth


PROCESS_L2 = {"数量指标": "产出数量", "质量指标": "产出质量", "时效指标": "产出时效", "成本指标": "产出成本",
              "社会效益指标": "社会效益", "经济效益指标": "经济效益", "生态效益指标": "生态效益",
              "可持续影响指标": "可持续影响", "服务对象满意度指标": "满意度"}


def process(p: Project, v: dict) -> tuple[Form, dict]:
    """Whole-process framework form: 项目决策 / 项目管理 / 项目产出 / 项目效益, 参考分值, 自评得分 in the header."""
    rng, unit = p.rng, v["unit"]
    printed, truth = _identity(p, v)
    widths = [44, 52, 60, 30, 34, 62, 62, 34, 48, 48]
    label0, a0, a, b = p.budget[0]
    rt, rate = rate_text(a, b, v["rate_style"])
    inds: list[dict] = []
    for level1, points, l2s in PROCESS:
        for level2, l2_points, items in l2s:
            for name, w, target, actual in items:
                actual = actual if actual is not None else rt
                inds.append({"level1": level1, "level1_points": points, "level2": level2, "l2_points": l2_points,
                             "name": name, "target": target, "actual": actual, "weight": w, "score": w, "deviation": None})
    drawn = p.indicators({"产出指标": 35, "效益指标": 30})
    for ind in drawn:
        tt, at = _target_printed(ind, v)
        ind.update(level1="项目产出" if ind["level1"] == "产出指标" else "项目效益", level1_points=ind["level1_points"],
                   level2=PROCESS_L2[ind["level2"]], target=tt, actual=at)
    for level1 in ("项目产出", "项目效益"):
        group = [i for i in drawn if i["level1"] == level1]
        for level2 in dict.fromkeys(i["level2"] for i in group):
            pts = sum(i["weight"] for i in group if i["level2"] == level2)
            for i in group:
                if i["level2"] == level2:
                    i["l2_points"] = pts
        inds += group
    total = round(sum(i["score"] for i in inds), 2)
    rows = [Row([Cell(0, v["labels"]["project_name"]), Cell(1, printed["project"], cs=9, align="l")], "id"),
            Row([Cell(0, "主管部门"), Cell(1, printed["supervising"], cs=4, align="l"), Cell(5, "实施单位"),
                 Cell(6, printed["implementing"], cs=4, align="l")], "id"),
            Row([Cell(0, "项目负责人"), Cell(1, rng.choice(["张伟", "李静", "王强"]), cs=4, align="l"), Cell(5, "自评得分"),
                 Cell(6, _num(total), cs=4, align="l")], "id"),
            Row([Cell(0, f"项目资金（{unit}）", rs=2), Cell(1, ""), Cell(2, "年初预算数", cs=2), Cell(4, "调整预算数（A）", cs=2),
                 Cell(6, "全年执行数（B）"), Cell(7, "执行率（B/A）" + _pct_head(v), cs=3)]),
            Row([Cell(1, label0), Cell(2, amount(a0, unit), cs=2), Cell(4, amount(a, unit), cs=2), Cell(6, amount(b, unit)),
                 Cell(7, rt, cs=3)])]
    budget = [{"fund_source": label0, "initial_budget": a0, "annual_budget": a, "executed": b, "execution_rate": rate,
               "execution_rate_text": rt, "weight": None, "score": None}]
    target, actual = p.goal
    rows += [Row([Cell(0, "年度总体目标", rs=2), Cell(1, "预期目标", cs=4), Cell(5, "实际完成情况", cs=5)]),
             Row([Cell(1, target, cs=4, align="l"), Cell(5, actual, cs=5, align="l")])]
    head_at = len(rows)
    rows.append(Row([Cell(0, "一级指标"), Cell(1, "二级指标"), Cell(2, "三级指标"), Cell(3, "参考分值"), Cell(4, "得分"),
                     Cell(5, "指标值（A）"), Cell(6, "全年实际值（B）"), Cell(7, "偏差原因分析", cs=3)], "head"))
    ind_truth = []
    l1_start = l2_start = None
    for k, ind in enumerate(inds):
        cells = [Cell(2, ind["name"]), Cell(3, _num(ind["weight"])), Cell(4, _num(ind["score"])), Cell(5, ind["target"]),
                 Cell(6, ind["actual"]), Cell(7, ind["deviation"] or "", cs=3, align="l")]
        if k == 0 or inds[k - 1]["level1"] != ind["level1"]:
            l1_start = Cell(0, f"{ind['level1']}（{ind['level1_points']}分）", rs=0)
            cells.append(l1_start)
        if k == 0 or inds[k - 1]["level2"] != ind["level2"] or inds[k - 1]["level1"] != ind["level1"]:
            l2_start = Cell(1, f"{ind['level2']}（{_num(ind['l2_points'])}分）", rs=0)
            cells.append(l2_start)
        l1_start.rs += 1
        l2_start.rs += 1
        rows.append(Row(sorted(cells, key=lambda c: c.col)))
        ind_truth.append({"goal_no": None, "level1": ind["level1"], "level1_points": ind["level1_points"],
                          "level2": ind["level2"], "name": ind["name"], "target_op_text": None, "target_text": ind["target"],
                          "measure_unit": None, "actual_text": ind["actual"], "weight": ind["weight"], "score": ind["score"],
                          "deviation": ind["deviation"], "scoring_method": None})
    truth.update(budget=budget, goals=[{"goal_no": None, "weight": None, "target_text": target, "actual_text": actual}],
                 indicators=ind_truth, total_score=total, notes=None)
    above = [Line([(f"{p.party.year}年度项目支出绩效自评表", "c")], title=True)]
    return Form(widths, rows, above, [], head_at), truth


TEMPLATES = {"mof": mof, "county": mof, "sichuan": sichuan, "process": process}
# the label choices each template prints (None: all of them); Sichuan's wording is fixed
LABELS_PRINTED: dict[str, list[str] | None] = {"mof": None, "county": None, "sichuan": [], "process": ["project_name"]}
TITLES = {"mof": "项目支出绩效自评表", "county": "项目绩效目标自评表", "sichuan": "部门预算项目支出绩效自评表",
          "process": "项目支出绩效自评表"}


def build_document(template: str, rng: random.Random, n_projects: int) -> tuple[list[Form], dict, dict]:
    """A document of `n_projects` forms of one template, its truth (without file and pages) and variant."""
    party = draw_party(rng)
    v = draw_variant(rng, template)
    forms, evals = [], []
    for _ in range(n_projects):
        form, ev = TEMPLATES[template](Project(rng, party, v["unit"]), v)
        forms.append(form)
        evals.append(ev)
    doc = {"file": None, "title": TITLES[template], "layout": "project_scored", "fiscal_year": party.year,
           "money_unit": v["unit"], "issuer": party.bureau,
           "region": {"province": party.province, "city": party.city, "district": party.district}, "pages": None}
    printed = v["labels"] if LABELS_PRINTED[template] is None else LABELS_PRINTED[template]
    variant = {"template": template, **{k: val for k, val in v.items() if k != "labels"},
               "labels": {k: "|".join(x) if isinstance(x, tuple) else x for k, x in v["labels"].items() if k in printed}}
    return forms, {"document": doc, "evaluations": evals}, variant
