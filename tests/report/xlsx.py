#!/usr/bin/env python3
"""`--format xlsx` read back: the workbook of `run` and of `diff`, opened with zipfile and the XML
parser of the standard library (an .xlsx is a zip of XML parts), checked against the CSV and JSON
outputs of the same commands.

    tests/report/xlsx.py path/to/ereje

Checked: one sheet per clause plus Summary; every value a number cell equal to the CSV value, with
the declared decimals as its number format; n/a an empty cell with a note saying why; the header row
frozen; Kazakh and Russian names exactly as in agencies.csv; the same bytes twice; in the review,
each body's parts adding up to its delta."""
import csv
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from decimal import Decimal
from xml.etree import ElementTree as ET

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "examples", "assessment-2023")
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}

failures, passed = [], []


def check(name, ok, detail=""):
    print(("ok: " if ok else "FAIL: ") + name + ("" if ok else "  " + str(detail)[:600]))
    (passed if ok else failures).append(name)


def col_index(ref):
    """(row, column), both from 0, of a cell reference such as "E3"."""
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return int(ref[len(letters):]) - 1, n - 1


class Workbook:
    """Cells of every sheet: {sheet: {(row, col): (value, kind, number format)}}, notes, panes."""

    def __init__(self, data):
        z = zipfile.ZipFile(io.BytesIO(data))
        strings = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                strings.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
        styles = ET.fromstring(z.read("xl/styles.xml"))
        fmts = {int(f.get("numFmtId")): f.get("formatCode") for f in styles.findall("m:numFmts/m:numFmt", NS)}
        xfs = [int(x.get("numFmtId", "0")) for x in styles.findall("m:cellXfs/m:xf", NS)]
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
        self.sheets, self.cells, self.notes, self.frozen = [], {}, {}, {}
        for s in wb.findall("m:sheets/m:sheet", NS):
            name = s.get("name")
            target = "xl/" + rels[s.get("{%s}id" % NS["r"])]
            self.sheets.append(name)
            root = ET.fromstring(z.read(target))
            cells = {}
            for c in root.iter("{%s}c" % NS["m"]):
                pos = col_index(c.get("r"))
                v = c.find("m:v", NS)
                t = c.get("t", "n")
                fmt = fmts.get(xfs[int(c.get("s", "0"))], "General")
                if t == "s":
                    cells[pos] = (strings[int(v.text)], "s", fmt)
                elif t == "inlineStr":
                    cells[pos] = ("".join(x.text or "" for x in c.iter("{%s}t" % NS["m"])), "s", fmt)
                elif v is None:
                    cells[pos] = (None, "blank", fmt)
                else:
                    cells[pos] = (v.text, t, fmt)
            self.cells[name] = cells
            pane = root.find("m:sheetViews/m:sheetView/m:pane", NS)
            self.frozen[name] = pane is not None and pane.get("state") == "frozen" and pane.get("ySplit")
            # Notes: the sheet's relationships name its comments part.
            notes = {}
            rel_path = os.path.dirname(target) + "/_rels/" + os.path.basename(target) + ".rels"
            if rel_path in z.namelist():
                for r in ET.fromstring(z.read(rel_path)):
                    if r.get("Target", "").split("/")[-1].startswith("comments"):
                        part = "xl/" + r.get("Target").replace("../", "")
                        for cm in ET.fromstring(z.read(part)).iter("{%s}comment" % NS["m"]):
                            notes[col_index(cm.get("ref"))] = "".join(t.text or "" for t in cm.iter("{%s}t" % NS["m"]))
            self.notes[name] = notes

    def table(self, sheet, header_row=1):
        """Rows under the header as dicts of (value, kind, format), keyed by the header's names."""
        cells = self.cells[sheet]
        ncols = max(c for _, c in cells) + 1
        head = [cells.get((header_row, c), ("", "", ""))[0] for c in range(ncols)]
        rows = []
        r = header_row + 1
        while any((r, c) in cells for c in range(ncols)):
            rows.append({head[c]: cells.get((r, c), (None, "blank", "General")) + ((r, c),) for c in range(ncols)})
            r += 1
        return head, rows


def ereje(binary, *args):
    r = subprocess.run([binary, *args], capture_output=True, cwd=ROOT)
    return r.returncode, r.stdout, r.stderr.decode()


def main():
    binary = os.path.abspath(sys.argv[1])
    agencies = {a["agency_id"]: a for a in csv.DictReader(open(os.path.join(DATA, "agencies.csv"), encoding="utf-8"))}

    # ---- run --lang ru: Russian sheet names, headers and statuses, the values unchanged ----
    code, data_ru, err = ereje(binary, "run", "rules", "--data", DATA, "--as-of", "2024-01-01", "--format", "xlsx", "--lang", "ru")
    check("run --format xlsx --lang ru exits 0", code == 0, err)
    wb_ru = Workbook(data_ru)
    check("--lang ru: sheets Сводка, then one per clause", wb_ru.sheets == ["Сводка", "49", "52", "114"], wb_ru.sheets)
    head, rows = wb_ru.table("49")
    check("--lang ru: Russian headers", head == ["agency_id", "name_kk", "name_ru", "результат", "значение", "статус", "редакция"], head)
    statuses = {r["agency_id"][0]: r["статус"][0] for r in rows}
    check("--lang ru: statuses in the report's words", statuses.get("MF") == "вне диапазона" and statuses.get("ACSA") == "в норме"
          and statuses.get("AKM-ULY") == "неприменимо", statuses)
    title = wb_ru.cells["49"].get((0, 0), ("",))[0]
    check("--lang ru: the sheet's title in Russian", title.startswith("Пункт 49 — ") and "редакция с 2023-07-24, акт «33140»" in title, title)

    # ---- run ----
    code, data, err = ereje(binary, "run", "rules", "--data", DATA, "--as-of", "2024-01-01", "--format", "xlsx")
    check("run --format xlsx exits 0", code == 0, err)
    code2, data2, _ = ereje(binary, "run", "rules", "--data", DATA, "--as-of", "2024-01-01", "--format", "xlsx")
    check("run --format xlsx: the same bytes twice", data == data2)
    _, csv_text, _ = ereje(binary, "run", "rules", "--data", DATA, "--as-of", "2024-01-01")
    results = list(csv.DictReader(io.StringIO(csv_text.decode())))
    wb = Workbook(data)
    check("sheets: Summary, then one per clause", wb.sheets == ["Summary", "49", "52", "114"], wb.sheets)
    for sheet in wb.sheets:
        check(f"sheet {sheet}: header row frozen", wb.frozen[sheet] == "2", wb.frozen[sheet])
    for clause in ["49", "52", "114"]:
        head, rows = wb.table(clause)
        check(f"sheet {clause}: columns", head == ["agency_id", "name_kk", "name_ru", "result", "value", "status", "version"],
              head)
        expected = [r for r in results if r["clause"] == clause]
        check(f"sheet {clause}: a row per body, in the results' order",
              [r["agency_id"][0] for r in rows] == [r["agency_id"] for r in expected])
        bad = []
        for row, exp in zip(rows, expected):
            value, kind, fmt, pos = row["value"]
            places = len(exp["value"].split(".")[1]) if "." in exp["value"] else 0
            if exp["status"] == "n/a":
                note = wb.notes[clause].get(pos, "")
                if kind != "blank" or not note.startswith("n/a: ") or "division by zero" not in note:
                    bad.append((exp["agency_id"], "n/a cell", kind, note))
            else:
                want_fmt = "0." + "0" * places if places else "0"
                if kind != "n" or Decimal(value) != Decimal(exp["value"]) or fmt != want_fmt:
                    bad.append((exp["agency_id"], value, kind, fmt, exp["value"]))
                if exp["status"] == "out_of_range" and not wb.notes[clause].get(pos, "").startswith("out_of_range"):
                    bad.append((exp["agency_id"], "no out_of_range note"))
            if row["status"][0] != exp["status"] or row["version"][0] != exp["version"]:
                bad.append((exp["agency_id"], row["status"][0], row["version"][0]))
            a = agencies[exp["agency_id"]]
            if row["name_kk"][0] != a["name_kk"] or row["name_ru"][0] != a["name_ru"]:
                bad.append((exp["agency_id"], "names", row["name_kk"][0], row["name_ru"][0]))
        check(f"sheet {clause}: numbers equal the CSV's, with its decimals; n/a empty with a note; names intact", not bad, bad)
    head, rows = wb.table("Summary")
    check("Summary: a column per clause and result", head[4:] == ["49 T", "52 C", "114 breaches"], head)
    mf = [r for r in rows if r["agency_id"][0] == "MF"][0]
    check("Summary: MF 49 T = 11.39 as a number", mf["49 T"][1] == "n" and Decimal(mf["49 T"][0]) == Decimal("11.39"))
    uly = [r for r in rows if r["agency_id"][0] == "AKM-ULY"][0]
    check("Summary: AKM-ULY 49 T n/a is empty", uly["49 T"][1] == "blank" and uly["49 T"][3] in wb.notes["Summary"])
    check("Kazakh text intact", any(r["name_kk"][0] == "Ұлытау облысының әкімдігі" for r in rows))

    # ---- diff ----
    args = ["diff", "rules", "--from", "2023-01-01", "--to", "2024-01-01", "--data", DATA]
    code, data, err = ereje(binary, *args, "--format", "xlsx")
    check("diff --format xlsx exits 1 (there are changes)", code == 1, err)
    _, js, _ = ereje(binary, *args, "--format", "json")
    review = json.loads(js)
    wb = Workbook(data)
    check("diff sheets: Summary, then one per changed clause", wb.sheets == ["Summary", "49", "52", "114"], wb.sheets)
    head, rows = wb.table("Summary")
    check("diff Summary: one row per change",
          len(rows) == sum(len(c["changes"]) for c in review["clauses"]) and head[:4] == ["clause", "title", "kind", "change"])
    head, rows = wb.table("49")
    parts = head[7:]
    check("diff 49: a column per change that moves values",
          parts == ["term `main` removed from the filter of `c`", "term `main` removed from the filter of `d`",
                    "term `main` removed from the filter of `n`", "term `not portal_excluded` added to the filter of `n`"],
          parts)
    moves = {r["agency_id"]: r for r in review["impact"]["rows"] if r["clause"] == "49"}
    bad = []
    for r in rows:
        body = r["agency_id"][0]
        j = moves[body]
        if Decimal(r["delta"][0]) != Decimal(j["delta"]) or Decimal(r["after"][0]) != Decimal(j["after"]):
            bad.append((body, r["delta"][0], j["delta"]))
        # Cells hold doubles: each part is the double nearest its 2-decimal value, so the sum is too.
        total = sum(Decimal(r[p][0]) for p in parts if r[p][1] == "n").quantize(Decimal("0.01"))
        if total != Decimal(j["delta"]):
            bad.append((body, "parts", total, j["delta"]))
    check("diff 49: deltas equal the JSON review's, and the parts add up to them", not bad and len(rows) == len(moves), bad)

    # An amendment that adds a table: the Summary lists its contract changes after the clauses'.
    args = ["diff", "rules", "examples/new-indicator/rules", "--as-of", "2025-06-01"]
    code, data, err = ereje(binary, *args, "--format", "xlsx")
    _, js, _ = ereje(binary, *args, "--format", "json")
    review = json.loads(js)
    head, rows = Workbook(data).table("Summary")
    contract_rows = [r for r in rows if r["clause"][0] == "contract"]
    check("diff Summary: one row per contract change, with its kind and table",
          len(review["contract"]) > 0
          and [(r["kind"][0], r["title"][0]) for r in contract_rows] == [(c["kind"], c["table"]) for c in review["contract"]],
          (contract_rows, review["contract"]))

    # A change that moved many bodies alike: one row of the Common changes sheet, as the Markdown
    # review says it (tests/golden/diff/good/markdown_amendment_kk).
    args = ["diff", "tests/golden/test/good/amend_one_item/amend.ereje", "--with", "rules", "--from", "2024-12-31",
            "--to", "2025-01-01", "--data", DATA]
    code, data, err = ereje(binary, *args, "--format", "xlsx")
    wb = Workbook(data)
    check("diff sheets: Summary, Common changes, then the clause", wb.sheets == ["Summary", "Common changes", "52"], wb.sheets)
    head, rows = wb.table("Common changes")
    check("diff Common changes: one row, 18 bodies each ×1.2, from +0.04 to +1.04",
          len(rows) == 1 and rows[0]["clause"][0] == "52" and rows[0]["result"][0] == "C"
          and rows[0]["change"][0] == "coefficient `k`: 5 -> 6" and Decimal(rows[0]["bodies"][0]) == 18
          and rows[0]["factor"][0] == "×1.2 (+20 %)" and Decimal(rows[0]["least delta"][0]) == Decimal("0.04")
          and Decimal(rows[0]["greatest delta"][0]) == Decimal("1.04")
          and rows[0]["description"][0] == "clause 52 `C`: coefficient `k`: 5 -> 6: 18 bodies, each ×1.2 (+20 %)", rows)

    # Two data sets under the same rules: the bodies in one only on Summary, every moved clause a sheet.
    g = os.path.join("tests", "golden", "diff")
    args = ["diff", os.path.join(g, "coefficient_changed", "old"), "--as-of", "2023-01-01", "--data-before",
            os.path.join(g, "data"), "--data-after", os.path.join(g, "data_next")]
    code, data, err = ereje(binary, *args, "--format", "xlsx")
    check("diff two data sets --format xlsx exits 1 (results moved)", code == 1, err)
    _, js, _ = ereje(binary, *args, "--format", "json")
    review = json.loads(js)
    wb = Workbook(data)
    check("diff two data sets: a sheet per clause whose results moved", wb.sheets == ["Summary", "49", "52"], wb.sheets)
    head, rows = wb.table("Summary")
    check("diff two data sets: Summary lists the body that appeared and the one gone",
          [(r["kind"][0], r["change"][0]) for r in rows if r["clause"][0] == "data"]
          == [("body_appeared", "In the new data only (appeared): A0"), ("body_gone", "No longer in the data: A3")], rows)
    bad = []
    for sheet in ("49", "52"):
        head, rows = wb.table(sheet)
        moves = {r["agency_id"]: r for r in review["impact"]["rows"] if r["clause"] == sheet}
        for r in rows:
            j = moves.get(r["agency_id"][0])
            if not j or Decimal(r["delta"][0]) != Decimal(j["delta"]):
                bad.append((sheet, r["agency_id"][0]))
        if len(rows) != len(moves):
            bad.append((sheet, len(rows), len(moves)))
    check("diff two data sets: each clause sheet's moves are the JSON review's", not bad, bad)

    # The review in Russian: sheet names, headers, each change, the statuses and the attribution's
    # parts in Russian; the kinds stay the JSON review's codes.
    args = ["diff", "rules", "--from", "2023-01-01", "--to", "2024-01-01", "--data", DATA]
    code, data, err = ereje(binary, *args, "--format", "xlsx", "--lang", "ru")
    check("diff --lang ru --format xlsx exits 1", code == 1, err)
    wb = Workbook(data)
    check("diff --lang ru: sheets Сводка, then one per clause", wb.sheets == ["Сводка", "49", "52", "114"], wb.sheets)
    title = wb.cells["Сводка"][(0, 0)][0]
    check("diff --lang ru: the heading in Russian", title.startswith("Анализ поправок: rules на 2023-01-01 → rules на 2024-01-01")
          and "затронуто органов:" in title and "наибольший рост:" in title, title)
    head, rows = wb.table("Сводка")
    check("diff --lang ru: Summary headers", head == ["пункт", "название", "вид", "изменение", "до", "после", "влияет на значения"], head)
    changes = [r["изменение"][0] for r in rows]
    check("diff --lang ru: each change in Russian",
          "из условия отбора `c` исключено `main`" in changes and "в условие отбора `n` добавлено `not portal_excluded`" in changes, changes)
    check("diff --lang ru: no English change left",
          not any(re.search(r"\b(removed|added|coefficient|term|result|clause)\b", c) for c in changes), changes)
    check("diff --lang ru: kinds stay codes", {r["вид"][0] for r in rows} >= {"filter_term_removed"}, rows[:3])
    head, rows = wb.table("49")
    check("diff --lang ru: clause sheet title and headers",
          wb.cells["49"][(0, 0)][0].startswith("Пункт 49 — ") and head[1:7] == ["наименование", "результат", "до", "после", "изменение", "статус"],
          (wb.cells["49"][(0, 0)], head))
    check("diff --lang ru: parts named in Russian", all("отбора" in p for p in head[7:]) and head[7:], head[7:])
    statuses = {r["статус"][0] for r in rows}
    check("diff --lang ru: statuses in the report's words", statuses <= {"в норме", "вне диапазона", "в норме → вне диапазона",
                                                                            "неприменимо → в норме", "нет → в норме"}
          and "в норме" in statuses, statuses)
    # The data contract's changes in Kazakh.
    args = ["diff", "rules", "examples/new-indicator/rules", "--as-of", "2025-06-01"]
    code, data, err = ereje(binary, *args, "--format", "xlsx", "--lang", "kk")
    wb = Workbook(data)
    head, rows = wb.table("Жиынтық")
    contract = [r for r in rows if r["тармақ"][0] == "Деректер сипаттамасы"]
    check("diff --lang kk: contract changes in Kazakh",
          len(contract) == 8 and contract[1]["өзгеріс"][0] == "`satisfaction` кестесі қосылды", contract)

    print(f"{len(passed)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
