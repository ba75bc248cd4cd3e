#!/usr/bin/env python3
"""The HTML report and the HTML amendment review, rendered in headless Chromium.

    tests/report/pages.py path/to/ereje [--update-docs]

For each page: `ereje` writes it; Chromium (Debian's chromium, installed by
scripts/install-test-deps.sh) loads it from a file with the network off and dumps the DOM it built,
and takes a screenshot. The DOM must hold what the page promises (every body in every ranking, the
n/a and out-of-range bodies with a reason, the charts as SVG, labels in the chosen language), the
page must ask for nothing from outside, and the screenshot must not be blank. With --update-docs
the screenshots are also written to docs/report.png and docs/diff.png.

Only the standard library: Debian's python3 packages may not be the python3 on PATH."""
import csv
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from html.parser import HTMLParser

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = "examples/assessment-2023"  # as a user types it: the page shows it; commands run from ROOT
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

failures = []
passed = []


def check(name, ok, detail=""):
    print(("ok: " if ok else "FAIL: ") + name + ("" if ok else "  " + detail))
    (passed if ok else failures).append(name)


def chromium(args, tmp):
    profile = tempfile.mkdtemp(dir=tmp)
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-dev-shm-usage", "--hide-scrollbars", f"--user-data-dir={profile}"] + args
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


# ---- PNG, decoded with zlib alone ----------------------------------------------------------------

def read_png(path):
    """(width, height, rows of RGB tuples) of an 8-bit RGB or RGBA, non-interlaced PNG."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
            channels = 4 if colour == 6 else 3
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        prev = line
    return width, height, rows


def check_screenshot(name, png):
    check(f"{name}: screenshot written", os.path.exists(png) and os.path.getsize(png) > 20000,
          f"{png}: {os.path.getsize(png) if os.path.exists(png) else 'missing'} bytes")
    if not os.path.exists(png):
        return
    w, h, rows = read_png(png)
    check(f"{name}: screenshot is 1280 wide", w == 1280, str(w))
    pixels = [p for r in rows[::4] for p in r[::4]]
    white = sum(1 for p in pixels if p == (255, 255, 255))
    colours = len(set(pixels))
    check(f"{name}: screenshot is not blank", white < 0.97 * len(pixels) and colours > 30,
          f"{white}/{len(pixels)} white, {colours} colours")
    near = lambda p, q: all(abs(a - b) <= 12 for a, b in zip(p, q))
    blue = sum(1 for p in pixels if near(p, (0x00, 0x72, 0xB2)))
    check(f"{name}: the charts' blue bars are drawn", blue > 200, f"{blue} blue pixels")


# ---- the DOM Chromium built -----------------------------------------------------------------------

class Dom(HTMLParser):
    """Elements as (tag, attrs, text inside) in document order, enough for the checks below."""

    def __init__(self):
        super().__init__()
        self.elements, self.stack = [], []

    def handle_starttag(self, tag, attrs):
        e = {"tag": tag, "attrs": dict(attrs), "text": "", "parents": [s["tag"] + "#" + s["attrs"].get("id", "") for s in self.stack]}
        self.elements.append(e)
        if tag not in ("meta", "br", "img", "input", "link", "line", "rect", "circle", "path"):
            self.stack.append(e)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i]["tag"] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        for e in self.stack:
            e["text"] += data

    def find(self, tag=None, within=None, **attrs):
        out = []
        for e in self.elements:
            if tag and e["tag"] != tag:
                continue
            if within and not any(p.endswith("#" + within) for p in e["parents"]):
                continue
            if all(e["attrs"].get(k.replace("_", "-")) == v for k, v in attrs.items()):
                out.append(e)
        return out


def dom_of(html_path, tmp):
    r = chromium(["--dump-dom", "file://" + html_path], tmp)
    dom = Dom()
    dom.feed(r.stdout)
    return r.stdout, dom


def self_contained(name, page):
    text = open(page, encoding="utf-8").read()
    urls = [u for u in re.findall(r"(?:https?:)?//[^\s\"'<>)]+", text) if u != "http://www.w3.org/2000/svg"]
    check(f"{name}: no request leaves the page (no script, link, src or remote url)",
          "<script" not in text and "<link" not in text and " src=" not in text and "@import" not in text
          and "url(http" not in text and not urls, str(urls[:3]))


def run(ereje, *args, expect=0):
    r = subprocess.run([ereje, *args], capture_output=True, text=True, cwd=ROOT)
    check(f"`ereje {' '.join(args[:3])} ...` exits {expect}", r.returncode == expect, r.stderr[-800:])
    return r


def main():
    ereje = os.path.abspath(sys.argv[1])
    update = "--update-docs" in sys.argv[2:]
    if not os.path.exists(CHROMIUM):
        print(f"FAIL: {CHROMIUM} not found: scripts/install-test-deps.sh installs Debian's chromium")
        return 1
    agencies = list(csv.DictReader(open(os.path.join(ROOT, DATA, "agencies.csv"), encoding="utf-8")))
    ids = [a["agency_id"] for a in agencies]
    tmp = tempfile.mkdtemp(prefix="ereje-html-")
    try:
        # ---- the report, in English ----
        page = os.path.join(tmp, "report.html")
        run(ereje, "report", "rules", "--data", DATA, "--as-of", "2024-01-01", "--output", page)
        self_contained("report", page)
        text, dom = dom_of(page, tmp)
        check("report: Chromium built the DOM", "</html>" in text and len(dom.elements) > 500, text[:200])
        figures = dom.find("figure", **{"class": "ranking"})
        check("report: one ranking per clause and result (49 T, 52 C, 114 breaches)",
              [(f["attrs"].get("data-clause"), f["attrs"].get("data-result")) for f in figures]
              == [("49", "T"), ("52", "C"), ("114", "breaches")])
        for f in figures:
            fid = f["attrs"]["id"]
            bars = dom.find("g", within=fid, **{"class": "bar"})
            check(f"report: ranking {fid} lists every body once",
                  sorted(b["attrs"]["data-agency"] for b in bars) == sorted(ids), str(len(bars)))
        check("report: the charts are inline SVG", len(dom.find("svg")) >= 6)
        bars49 = dom.find("g", within="clause-49-T", **{"class": "bar"})
        check("report: 49 is ranked highest first; MF (11.39, out of range) apart after the valid values, not on top",
              bars49 and bars49[0]["attrs"]["data-status"] == "ok" and bars49[-2]["attrs"]["data-agency"] == "MF"
              and bars49[-2]["attrs"]["data-status"] == "out_of_range")
        check("report: AKM-ULY, n/a in 49, is ranked last", bars49 and bars49[-1]["attrs"]["data-agency"] == "AKM-ULY")
        rows = dom.find("tr", within="attention")
        got = sorted((r["attrs"].get("data-agency"), r["attrs"].get("data-clause"), r["attrs"].get("data-status"))
                     for r in rows if r["attrs"].get("data-agency"))
        expected = sorted([("AKM-ABA", "52", "n/a"), ("AKM-ULY", "49", "n/a"), ("AKM-ULY", "52", "n/a"),
                           ("MDDIAI", "52", "out_of_range"), ("MF", "49", "out_of_range")])
        check("report: the n/a and out-of-range results are listed", got == expected, str(got))
        whys = [e["text"] for e in dom.find("td", within="attention", **{"class": "why"})]
        check("report: each says why (division by zero, above the range)",
              len(whys) == 5 and all(w.strip() for w in whys)
              and sum("division by zero" in w for w in whys) == 3 and sum("above the range" in w for w in whys) == 2,
              str(whys))
        arts = dom.find("article", **{"class": "body"})
        check("report: one section per body", sorted(a["attrs"]["data-agency"] for a in arts) == sorted(ids))
        mf = [a for a in arts if a["attrs"]["data-agency"] == "MF"]
        check("report: a body's section has its values and the explain steps",
              mf and "11.39" in mf[0]["text"] and "(p * c + d) / n * k" in mf[0]["text"] and "Steps" in mf[0]["text"])
        check("report: distribution histograms", len(dom.find("figure", **{"class": "distribution"})) == 3)
        shot = os.path.join(tmp, "report.png")
        chromium([f"--screenshot={shot}", "--window-size=1280,2000", "file://" + page], tmp)
        check_screenshot("report", shot)
        if update and os.path.exists(shot):
            shutil.copy(shot, os.path.join(ROOT, "docs", "report.png"))

        # ---- the report in Kazakh and Russian: labels and clause titles ----
        for lang, heading, title in [("kk", "Жедел бағалау нәтижелері", "Мемлекеттік қызметтерді автоматтандыру дәрежесі"),
                                     ("ru", "Результаты оперативной оценки", "Степень автоматизации государственных услуг")]:
            page_l = os.path.join(tmp, f"report-{lang}.html")
            run(ereje, "report", "rules", "--data", DATA, "--as-of", "2024-01-01", "--lang", lang, "--output", page_l)
            text_l, dom_l = dom_of(page_l, tmp)
            h1 = dom_l.find("h1")
            check(f"report --lang {lang}: heading and clause titles in {lang}",
                  h1 and h1[0]["text"].strip() == heading and title in text_l and f'lang="{lang}"' in text_l)
        run(ereje, "report", "rules", "--data", DATA, "--as-of", "2024-01-01", "--lang", "de", "--output", page, expect=2)

        # ---- a national assessment: 130 bodies (bench/generate.py), the page laid out for many ----
        big = os.path.join(tmp, "big")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate.py"), "data", "--out", big,
                        "--bodies", "130", "--services", "6", "--seed", "7"], check=True, capture_output=True)
        big_ids = [a["agency_id"] for a in csv.DictReader(open(os.path.join(big, "agencies.csv"), encoding="utf-8"))]
        bpage = os.path.join(tmp, "report-big.html")
        run(ereje, "report", "rules", "--data", big, "--as-of", "2024-01-01", "--output", bpage)
        btext, bdom = dom_of(bpage, tmp)
        bfig = bdom.find("figure", **{"class": "ranking"})
        for f in bfig:
            fid = f["attrs"]["id"]
            bars = bdom.find("g", within=fid, **{"class": "bar"})
            gaps = [e["text"] for e in bdom.find("text", within=fid) if "gap" in e["attrs"].get("class", "")]
            ok_bars = [b for b in bars if b["attrs"]["data-status"] == "ok"]
            check(f"report, 130 bodies: ranking {fid} shows the first and last 20 places and says what it leaves out",
                  len(ok_bars) == 40 and len(bars) <= 60 and gaps and "more bodies, places" in gaps[0]
                  and len(set(b["attrs"]["data-agency"] for b in bars)) == len(bars), f"{len(bars)} {gaps}")
        groups = bdom.find("details", **{"class": "bodies"})
        check("report, 130 bodies: the bodies' sections in closed groups of 100 by code",
              [g["attrs"].get("id") for g in groups] == ["bodies-1", "bodies-2"]
              and all("open" not in g["attrs"] for g in groups), str([g["attrs"] for g in groups]))
        barts = bdom.find("article", **{"class": "body"})
        check("report, 130 bodies: every body has its section",
              sorted(a["attrs"]["data-agency"] for a in barts) == sorted(big_ids), str(len(barts)))
        places = [e["text"] for e in bdom.find("td", **{"class": "num place"})]
        check("report, 130 bodies: each valid value has its place (\"N of M\")",
              len(places) >= 3 * 120 and sum(bool(re.fullmatch(r"\d+ of \d+", p)) for p in places) >= 3 * 120,
              str(places[:5]))
        heights = [float(e["attrs"]["height"]) for e in bdom.find("svg", **{"class": "chart ranking"})]
        check("report, 130 bodies: each ranking chart is at most about 60 rows high, whatever the number of bodies",
              len(heights) == 3 and max(heights) < 65 * 22, str(heights))
        # A link to a body opens its closed group (Chromium opens a <details> holding the target).
        last = sorted(big_ids)[-1]
        anchor_id = next(a["attrs"]["id"] for a in barts if a["attrs"]["data-agency"] == last)
        r = chromium(["--dump-dom", "file://" + bpage + "#" + anchor_id], tmp)
        jump = Dom()
        jump.feed(r.stdout)
        opened = [g["attrs"].get("id") for g in jump.find("details", **{"class": "bodies"}) if "open" in g["attrs"]]
        check(f"report, 130 bodies: following #{anchor_id} opens the group that holds it", opened == ["bodies-2"], str(opened))

        # ---- the amendment review ----
        dpage = os.path.join(tmp, "diff.html")
        run(ereje, "diff", "rules", "--from", "2023-01-01", "--to", "2024-01-01", "--data", DATA, "--format", "html",
            "--output", dpage, expect=1)
        self_contained("diff", dpage)
        dtext, ddom = dom_of(dpage, tmp)
        check("diff: one block of changes per clause",
              [e["attrs"]["data-clause"] for e in ddom.find("div", **{"class": "clause-changes"})] == ["49", "52", "114"])
        changes49 = [e["text"] for e in ddom.find("li", within="changes") if "not portal_excluded" in e["text"]]
        check("diff: the changes in the terms of the language", len(changes49) == 1, str(changes49))
        check("diff: the impact chart is SVG", len(ddom.find("svg", **{"class": "chart moves"})) == 1)
        impact = [r for r in ddom.find("tr", within="impact-table") if r["attrs"].get("data-agency")]
        rows_json = json.loads(subprocess.run([ereje, "diff", "rules", "--from", "2023-01-01", "--to", "2024-01-01",
                                               "--data", DATA, "--format", "json"], capture_output=True, text=True,
                                              cwd=ROOT).stdout)["impact"]["rows"]
        check("diff: the impact table has every move of the JSON review, in its order",
              [r["attrs"]["data-agency"] for r in impact] == [r["agency_id"] for r in rows_json],
              f"{len(impact)} rows, {len(rows_json)} in JSON")
        mf = [r for r in ddom.find("tr", within="attribution-table", **{"class": "move-head"})
              if r["attrs"].get("data-agency") == "MF"]
        check("diff: attribution for MF 49 T +1.97", mf and "+1.97" in mf[0]["text"])
        check("diff: the parts of MF are shown", all(p in dtext for p in ["+0.10", "+3.85", "-3.85", "+1.87"]))
        dshot = os.path.join(tmp, "diff.png")
        chromium([f"--screenshot={dshot}", "--window-size=1280,2000", "file://" + dpage], tmp)
        check_screenshot("diff", dshot)
        if update and os.path.exists(dshot):
            shutil.copy(dshot, os.path.join(ROOT, "docs", "diff.png"))
        kpage = os.path.join(tmp, "diff-kk.html")
        run(ereje, "diff", "rules", "--from", "2023-01-01", "--to", "2024-01-01", "--data", DATA, "--format", "html",
            "--lang", "kk", "--output", kpage, expect=1)
        ktext, kdom = dom_of(kpage, tmp)
        check("diff --lang kk: Kazakh labels and titles",
              "Түзетулерді талдау" in ktext and "Мемлекеттік қызметтерді смартфондандыру" in ktext)
        check("diff: no contract section when the contract is the same",
              not ddom.find("section", id="contract") and not kdom.find("section", id="contract"))
        # An amendment that adds a table (examples/new-indicator): its contract changes listed, one
        # item per change as in the JSON review, with the Russian heading.
        cpage = os.path.join(tmp, "diff-contract.html")
        new_args = ["diff", "rules", "examples/new-indicator/rules", "--as-of", "2025-06-01"]
        run(ereje, *new_args, "--format", "html", "--lang", "ru", "--output", cpage, expect=1)
        ctext, cdom = dom_of(cpage, tmp)
        contract_json = json.loads(subprocess.run([ereje, *new_args, "--format", "json"], capture_output=True,
                                                  text=True, cwd=ROOT).stdout)["contract"]
        items = cdom.find("li", within="contract")
        check("diff: the contract's changes, one item per change of the JSON review",
              len(contract_json) > 0 and [e["attrs"].get("data-kind") for e in items] == [c["kind"] for c in contract_json],
              f"{[e['attrs'].get('data-kind') for e in items]} vs {[c['kind'] for c in contract_json]}")
        check("diff --lang ru: the contract section's heading in Russian", "Изменения в описании данных" in ctext)
        # A change that moved many bodies alike, said once as in the Markdown review (golden
        # tests/golden/diff/good/markdown_amendment_kk), and the legal text's words struck and added.
        apage = os.path.join(tmp, "diff-common.html")
        amend = ["diff", "tests/golden/test/good/amend_one_item/amend.ereje", "--with", "rules", "--from", "2024-12-31",
                 "--to", "2025-01-01", "--data", DATA]
        run(ereje, *amend, "--format", "html", "--lang", "kk", "--output", apage, expect=1)
        atext, adom = dom_of(apage, tmp)
        common = adom.find("li", within="common-moves")
        check("diff: a change common to many bodies said once, with its factor, in the page's language",
              len(common) == 1 and common[0]["attrs"].get("data-bodies") == "18"
              and "k коэффициенті: 5 → 6: органдар саны — 18, әрқайсысында ×1.2 (+20 %)" in common[0]["text"],
              str(common))
        check("diff: the common change's heading in Kazakh", "Көп органға бірдей әсер еткен өзгерістер" in atext)
        dels = [e["text"] for e in adom.find("del", within="changes")]
        inss = [e["text"] for e in adom.find("ins", within="changes")]
        check("diff: the legal text's removed words struck, added words marked", dels == ["5-ке"] and inss == ["6-ға"],
              f"{dels} {inss}")
        # Two data sets: both named, the bodies in one only listed apart, the rules said unchanged.
        ppage = os.path.join(tmp, "diff-data.html")
        run(ereje, "diff", "tests/golden/diff/coefficient_changed/old", "--as-of", "2023-01-01", "--data-before",
            "tests/golden/diff/data", "--data-after", "tests/golden/diff/data_next", "--format", "html", "--lang", "ru",
            "--output", ppage, expect=1)
        ptext, pdom = dom_of(ppage, tmp)
        compared = pdom.find("p", id="data-compared")
        check("diff two data sets: both named", compared and "tests/golden/diff/data_next" in compared[0]["text"], str(compared))
        check("diff two data sets: the rules said unchanged", "Правила не изменились" in ptext)
        check("diff two data sets: a body in the new data only, one in the old only",
              [e["attrs"].get("data-agency") for e in pdom.find("li", within="appeared")] == ["A0"]
              and [e["attrs"].get("data-agency") for e in pdom.find("li", within="gone")] == ["A3"])
        check("diff two data sets: the moves of the bodies in both",
              sorted({r["attrs"]["data-agency"] for r in pdom.find("tr", within="impact-table") if r["attrs"].get("data-agency")})
              == ["A1", "A2"])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{len(passed)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
