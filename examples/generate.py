#!/usr/bin/env python3
"""Generate the shipped example data folder ``examples/assessment-2023/``.

The folder holds the four input tables of ``shared/spec/data.md`` (agencies, services, objections,
schedule) for a made-up but realistic 2023 operational assessment of 20 Kazakh state bodies, and a
README.md with reference values for paragraphs 49, 52 and 114 that this script computes by itself,
independently of ``ereje``: exact arithmetic with ``fractions.Fraction``, rounded half up to 2 decimals
only when printed.

The data is synthetic. Body names are the real ones; service codes, counts and dates are invented.

Run ``python3 examples/generate.py`` from anywhere. Standard library only, fixed random seed: every run
rewrites the folder byte-identically (UTF-8, LF line ends, RFC 4180 quoting only where needed) and prints
the reference table.

Edge cases, on purpose (the script asserts each of them after generating):
  * AKM-ULY (Ulytau region akimat, a region created in 2022): no services at all, so the denominators
    of 49 (n) and 52 (a) are both 0 and both clauses are n/a, in either version. It still has an objection.
  * AKM-ABA (Abai region akimat, also created in 2022): every service has automation `none`, so 52's
    denominator a = 0 and C is n/a; 49 is an ordinary T = 0.00.
  * ACSA (Agency for Civil Service Affairs): a small body, 5 main services + 3 subtypes, one partially
    automated subtype and no exclusions: c = 1, d = 0, n = 8, T = (0.5*1 + 0)/8*10 = 0.625, a rounding
    tie at 2 decimals that must print as 0.63 (half up, not half even).
  * MF (Ministry of Finance): the only body whose portal-excluded services are fully automated (tax
    services the Interdepartmental Commission left in the taxpayer's own cabinet, not the eGov portal).
    Since 2023, c and d count every service while n leaves the excluded ones out, so T > 10:
    out_of_range. Before 2023 (n without the exclusion) the same body scores in range.
  * MDDIAI (digital ministry): every automated service is in the mobile app, plus 3 rows the registry
    marks mobile with automation `none`, so w > a and C > 5: out_of_range.
  * AKM-AST (Astana city akimat): 2 more mobile-but-not-automated rows, C stays in range.
  * Objections: some reviewed after the objections_review deadline (one on the day after it), one
    reviewed on the deadline day itself (not a breach), some not yet reviewed (breaches as of 2024-01-01).
"""

import csv
import datetime
import random
from fractions import Fraction
from pathlib import Path

SEED = 20230724  # the 2023 act's registration date; any fixed value would do
OUT = Path(__file__).resolve().parent / "assessment-2023"

VERSION_2023 = "2023-07-24"  # the 2023 wording of 49, 52, 114
VERSION_BASE = "2021-04-20"  # the base (pre-2023) wording
AS_OF = datetime.date(2024, 1, 1)  # as-of date of the reference table
P_PARTIAL = Fraction(1, 2)  # p in T = (p*c + d)/n*k, reconstructed
K_49 = 10
K_52 = 5

# agency_id, kind, name_kk, name_ru. Two akimats are spelled as their legal entity (the akim's office),
# the way the business registry spells them: that puts double quotes in the CSV.
AGENCIES = [
    ("MDDIAI", "central",
     "Қазақстан Республикасының Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігі",
     "Министерство цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан"),
    ("MJ", "central", "Қазақстан Республикасы Әділет министрлігі",
     "Министерство юстиции Республики Казахстан"),
    ("MLSPP", "central", "Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрлігі",
     "Министерство труда и социальной защиты населения Республики Казахстан"),
    ("ACSA", "central", "Қазақстан Республикасы Мемлекеттік қызмет істері агенттігі",
     "Агентство Республики Казахстан по делам государственной службы"),
    ("MIA", "central", "Қазақстан Республикасы Ішкі істер министрлігі",
     "Министерство внутренних дел Республики Казахстан"),
    ("MH", "central", "Қазақстан Республикасы Денсаулық сақтау министрлігі",
     "Министерство здравоохранения Республики Казахстан"),
    ("ME", "central", "Қазақстан Республикасы Оқу-ағарту министрлігі",
     "Министерство просвещения Республики Казахстан"),
    ("MF", "central", "Қазақстан Республикасы Қаржы министрлігі",
     "Министерство финансов Республики Казахстан"),
    ("MA", "central", "Қазақстан Республикасы Ауыл шаруашылығы министрлігі",
     "Министерство сельского хозяйства Республики Казахстан"),
    ("MENR", "central", "Қазақстан Республикасы Экология және табиғи ресурстар министрлігі",
     "Министерство экологии и природных ресурсов Республики Казахстан"),
    ("MCI", "central", "Қазақстан Республикасы Мәдениет және ақпарат министрлігі",
     "Министерство культуры и информации Республики Казахстан"),
    ("MTI", "central", "Қазақстан Республикасы Сауда және интеграция министрлігі",
     "Министерство торговли и интеграции Республики Казахстан"),
    ("AKM-ALA", "local", "Алматы қаласының әкімдігі", "Акимат города Алматы"),
    ("AKM-AST", "local", "Астана қаласының әкімдігі", "Акимат города Астаны"),
    ("AKM-SHY", "local", "Шымкент қаласының әкімдігі", "Акимат города Шымкента"),
    ("AKM-KAR", "local", "Қарағанды облысының әкімдігі", "Акимат Карагандинской области"),
    ("AKM-TUR", "local", "\"Түркістан облысы әкімінің аппараты\" мемлекеттік мекемесі",
     "Государственное учреждение \"Аппарат акима Туркестанской области\""),
    ("AKM-MAN", "local", "\"Маңғыстау облысы әкімінің аппараты\" ММ",
     "ГУ \"Аппарат акима Мангистауской области\""),
    ("AKM-ABA", "local", "Абай облысының әкімдігі", "Акимат области Абай"),
    ("AKM-ULY", "local", "Ұлытау облысының әкімдігі", "Акимат области Улытау"),
]

# Per body: (main services min, max), P(a main service has subtypes), automation weights
# (none, partial, full), share of main services portal-excluded, P(mobile | full), P(mobile | partial),
# rows marked mobile although not automated. ACSA and AKM-ULY are written by hand below.
PROFILES = {
    "MDDIAI": ((55, 60), 0.17, (0.12, 0.28, 0.60), 0.04, 1.00, 1.00, 3),
    "MJ": ((55, 60), 0.17, (0.12, 0.33, 0.55), 0.03, 0.75, 0.30, 0),
    "MLSPP": ((55, 60), 0.19, (0.18, 0.37, 0.45), 0.05, 0.70, 0.25, 0),
    "MIA": ((55, 60), 0.17, (0.25, 0.40, 0.35), 0.06, 0.60, 0.20, 0),
    "MH": ((52, 60), 0.17, (0.30, 0.40, 0.30), 0.00, 0.55, 0.20, 0),
    "ME": ((52, 60), 0.17, (0.20, 0.45, 0.35), 0.04, 0.65, 0.25, 0),
    "MF": ((52, 60), 0.17, (0.02, 0.06, 0.92), 0.05, 0.80, 0.30, 0),
    "MA": ((52, 60), 0.17, (0.35, 0.40, 0.25), 0.05, 0.50, 0.15, 0),
    "MENR": ((48, 56), 0.16, (0.40, 0.35, 0.25), 0.00, 0.45, 0.15, 0),
    "MCI": ((42, 50), 0.13, (0.45, 0.35, 0.20), 0.00, 0.40, 0.10, 0),
    "MTI": ((46, 54), 0.15, (0.30, 0.40, 0.30), 0.03, 0.55, 0.20, 0),
    "AKM-ALA": ((56, 60), 0.20, (0.15, 0.40, 0.45), 0.04, 0.70, 0.30, 0),
    "AKM-AST": ((56, 60), 0.20, (0.12, 0.38, 0.50), 0.03, 0.75, 0.30, 2),
    "AKM-SHY": ((54, 60), 0.19, (0.25, 0.40, 0.35), 0.05, 0.60, 0.20, 0),
    "AKM-KAR": ((54, 60), 0.17, (0.30, 0.40, 0.30), 0.06, 0.55, 0.20, 0),
    "AKM-TUR": ((52, 60), 0.17, (0.40, 0.35, 0.25), 0.00, 0.50, 0.15, 0),
    "AKM-MAN": ((50, 58), 0.17, (0.35, 0.35, 0.30), 0.04, 0.55, 0.20, 0),
    "AKM-ABA": ((38, 46), 0.15, (1.00, 0.00, 0.00), 0.05, 0.00, 0.00, 0),
}

# ACSA, the rounding-tie body: c = 1, d = 0, n = 8 with subtypes (T = 0.625 -> 0.63).
# The only automated row is a subtype, so the pre-2023 counts (main services only) give a = 0.
ACSA_SERVICES = [
    # service_id, parent_id, automation, portal_excluded, mobile
    ("S0701", "", "none", False, False),
    ("S0702", "", "none", False, False),
    ("S0702-01", "S0702", "none", False, False),
    ("S0702-02", "S0702", "partial", False, True),
    ("S0703", "", "none", False, False),
    ("S0704", "", "none", False, False),
    ("S0704-01", "S0704", "none", False, False),
    ("S0705", "", "none", False, False),
]

SCHEDULE = [
    ("self_assessment", "2023-06-01", "2023-06-30"),
    ("operational_assessment", "2023-07-03", "2023-07-31"),
    ("objections_submission", "2023-08-01", "2023-09-29"),
    ("objections_review", "2023-08-01", "2023-10-15"),
    ("results_publication", "2023-11-01", "2023-11-15"),
]
REVIEW_DEADLINE = datetime.date(2023, 10, 15)

# Objections per body (25 over 11 bodies); the rest of the bodies filed none.
OBJECTION_COUNTS = [
    ("MDDIAI", 3), ("MJ", 2), ("MLSPP", 3), ("ACSA", 1), ("MIA", 2), ("MH", 2), ("MF", 4),
    ("AKM-ALA", 3), ("AKM-AST", 2), ("AKM-KAR", 2), ("AKM-ULY", 1),
]
# Review outcomes, shuffled over the 25 objections: 17 on time, 1 on the deadline day, 1 the day after,
# 3 later, 3 not yet reviewed.
OUTCOMES = ["on_time"] * 17 + ["deadline_day", "day_after"] + ["late"] * 3 + ["unreviewed"] * 3
# Clauses objected to, shuffled likewise: most against the scores of 49 and 52, a few under 114.
CLAUSES = ["49"] * 13 + ["52"] * 9 + ["114"] * 3


def weighted(rng, weights):
    """Pick none/partial/full with the given weights."""
    return rng.choices(["none", "partial", "full"], weights=weights)[0]


def mobile_for(rng, automation, p_full, p_partial):
    if automation == "full":
        return rng.random() < p_full
    if automation == "partial":
        return rng.random() < p_partial
    return False


def generate_services(rng):
    """Rows (agency_id, service_id, parent_id, automation, portal_excluded, mobile) for every body."""
    rows = []
    for agency_id, *_ in AGENCIES:
        if agency_id == "AKM-ULY":
            continue  # edge case: no services at all
        if agency_id == "ACSA":
            rows.extend((agency_id,) + r for r in ACSA_SERVICES)
            continue
        (lo, hi), p_sub, weights, p_excl, p_mob_full, p_mob_part, inconsistent = PROFILES[agency_id]
        n_main = rng.randint(lo, hi)
        # Registry codes: ascending with gaps, from a random base, so codes repeat across bodies
        # (service_id is unique per body only).
        code = rng.randint(1, 60) * 10
        body = []
        for _ in range(n_main):
            code += rng.randint(1, 7)
            sid = f"S{code:04d}"
            excluded = rng.random() < p_excl
            if excluded:
                # The commission excludes services that cannot run on the portal: offline-only ones,
                # except at MF, where they run fully automated in the taxpayer's cabinet instead.
                automation = "full" if agency_id == "MF" else "none"
            else:
                automation = weighted(rng, weights)
            body.append([sid, "", automation, excluded, mobile_for(rng, automation, p_mob_full, p_mob_part)])
            if rng.random() < p_sub:
                for k in range(1, rng.choice([2, 2, 2, 3, 3, 4, 5]) + 1):
                    # a subtype mostly shares its main service's automation and exclusion
                    sub_auto = automation if (excluded or rng.random() < 0.75) else weighted(rng, weights)
                    body.append([f"{sid}-{k:02d}", sid, sub_auto, excluded,
                                 mobile_for(rng, sub_auto, p_mob_full, p_mob_part)])
        # Inconsistent registry rows: marked mobile, automation none.
        candidates = [r for r in body if r[2] == "none" and not r[3] and not r[4]]
        for r in rng.sample(candidates, inconsistent):
            r[4] = True
        rows.extend((agency_id,) + tuple(r) for r in body)
    return rows


def generate_objections(rng):
    """Rows (agency_id, objection_id, clause, submitted_on, reviewed_on), ids in submission order."""
    sub_start = datetime.date(2023, 8, 1)
    sub_days = (datetime.date(2023, 9, 29) - sub_start).days
    outcomes = OUTCOMES[:]
    rng.shuffle(outcomes)
    clauses = CLAUSES[:]
    rng.shuffle(clauses)
    drafts = []
    i = 0
    for agency_id, count in OBJECTION_COUNTS:
        for _ in range(count):
            clause = clauses[i]
            if agency_id == "AKM-ULY":
                clause = "49"  # it objects that none of its services were counted
            submitted = sub_start + datetime.timedelta(days=rng.randint(0, sub_days))
            outcome = outcomes[i]
            i += 1
            if outcome == "on_time":
                latest = min((REVIEW_DEADLINE - submitted).days - 1, 40)
                reviewed = submitted + datetime.timedelta(days=rng.randint(min(5, latest), latest))
            elif outcome == "deadline_day":
                reviewed = REVIEW_DEADLINE
            elif outcome == "day_after":
                reviewed = REVIEW_DEADLINE + datetime.timedelta(days=1)
            elif outcome == "late":
                reviewed = REVIEW_DEADLINE + datetime.timedelta(days=rng.randint(3, 40))
            else:
                reviewed = None
            drafts.append((submitted, agency_id, clause, reviewed))
    drafts.sort(key=lambda d: (d[0], d[1]))
    rows = []
    for num, (submitted, agency_id, clause, reviewed) in enumerate(drafts, start=1):
        rows.append((agency_id, f"OBJ-2023-{num:03d}", clause, submitted.isoformat(),
                     reviewed.isoformat() if reviewed else ""))
    rows.sort(key=lambda r: r[1])
    return rows


def write_csv(name, header, rows):
    with open(OUT / name, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(["true" if v is True else "false" if v is False else v for v in r])


# ---- reference values -------------------------------------------------------------------------------

def round_half_up(x, places=2):
    """Format a Fraction rounded half up (ties away from zero) to `places` decimals."""
    scale = 10 ** places
    q = abs(x) * scale
    units = int(q) + (1 if q - int(q) >= Fraction(1, 2) else 0)
    sign = "-" if x < 0 and units else ""
    return f"{sign}{units // scale}.{units % scale:0{places}d}"


def score(num, den, k):
    """(value text, status) of num/den*k with the range 0..k; n/a for a zero denominator."""
    if den == 0:
        return "", "n/a"
    v = Fraction(num) / den * k
    return round_half_up(v), ("ok" if 0 <= v <= k else "out_of_range")


def reference(services, objections):
    """Per body: the counts and results of 49 and 52 in both versions, and 114 breaches."""
    result = {}
    for agency_id, *_ in AGENCIES:
        rows = [s for s in services if s[0] == agency_id]
        main = [s for s in rows if s[2] == ""]
        r = {"main": len(main), "sub": len(rows) - len(main)}
        for ver, rs, use_excl in (("2023", rows, True), ("base", main, False)):
            c = sum(1 for s in rs if s[3] == "partial")
            d = sum(1 for s in rs if s[3] == "full")
            n = sum(1 for s in rs if not (use_excl and s[4]))
            w = sum(1 for s in rs if s[5])
            a = c + d
            r[ver] = {"c": c, "d": d, "n": n, "T": score(P_PARTIAL * c + d, n, K_49),
                      "w": w, "a": a, "C": score(w, a, K_52)}
        objs = [o for o in objections if o[0] == agency_id]
        late = [o[1] for o in objs if o[4] and datetime.date.fromisoformat(o[4]) > REVIEW_DEADLINE]
        open_ = [o[1] for o in objs if not o[4]]
        breached = late + (open_ if AS_OF > REVIEW_DEADLINE else [])
        r["114"] = {"objections": len(objs), "late": late, "unreviewed": open_, "breaches": len(breached)}
        result[agency_id] = r
    return result


def cell(value_status):
    value, status = value_status
    if status == "n/a":
        return "n/a"
    return value if status == "ok" else f"{value} (out_of_range)"


def tables(ref):
    """Markdown tables of the reference values."""
    lines = [
        f"### As of {AS_OF.isoformat()}: the 2023 wording (version {VERSION_2023})",
        "",
        "| agency_id | main | subtypes | 49 c | 49 d | 49 n | 49 T | 52 w | 52 a | 52 C "
        "| objections | late | unreviewed | 114 breaches |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for agency_id, r in ref.items():
        v, o = r["2023"], r["114"]
        lines.append(
            f"| {agency_id} | {r['main']} | {r['sub']} | {v['c']} | {v['d']} | {v['n']} | {cell(v['T'])} "
            f"| {v['w']} | {v['a']} | {cell(v['C'])} | {o['objections']} | {len(o['late'])} "
            f"| {len(o['unreviewed'])} | {o['breaches']} |")
    lines += [
        "",
        f"### Before 2023: the base wording (version {VERSION_BASE}; e.g. as of 2023-01-01)",
        "",
        "Main services only; n counts portal-excluded services too. 114 has no result in this version.",
        "",
        "| agency_id | 49 c | 49 d | 49 n | 49 T | 52 w | 52 a | 52 C |",
        "|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for agency_id, r in ref.items():
        v = r["base"]
        lines.append(f"| {agency_id} | {v['c']} | {v['d']} | {v['n']} | {cell(v['T'])} "
                     f"| {v['w']} | {v['a']} | {cell(v['C'])} |")
    return lines


def readme(ref, services, objections):
    total = len(services)
    subs = sum(1 for s in services if s[2])
    excluded = sum(1 for s in services if s[4])
    breaches = [(a, r["114"]) for a, r in ref.items() if r["114"]["breaches"]]
    breach_lines = [f"- {a}: " + ", ".join([f"{i} (reviewed late)" for i in o["late"]]
                                          + [f"{i} (not reviewed)" for i in o["unreviewed"]])
                    for a, o in breaches]
    on_deadline = [o[1] for o in objections if o[4] == REVIEW_DEADLINE.isoformat()]
    return "\n".join([
        "# assessment-2023: example data",
        "",
        "Synthetic input for the 2023 operational assessment of 20 Kazakh state bodies: 12 central state",
        "bodies (ministries and agencies) and 8 regional akimats. The names are real; service codes, counts",
        "and dates are invented. Written by `examples/generate.py` (do not edit by hand: rerun it).",
        "",
        "| file | rows | what |",
        "|---|--:|---|",
        f"| `agencies.csv` | {len(AGENCIES)} | code, Kazakh and Russian name, `central`/`local` |",
        f"| `services.csv` | {total} | {total - subs} main services and {subs} subtypes; "
        f"{excluded} portal-excluded |",
        f"| `objections.csv` | {len(objections)} | objections of {len({o[0] for o in objections})} bodies |",
        f"| `schedule.csv` | {len(SCHEDULE)} | the assessment stages; `objections_review` ends "
        f"{REVIEW_DEADLINE.isoformat()} |",
        "",
        "Two akimats (AKM-TUR, AKM-MAN) are named as their legal entity, the akim's office, the way the",
        "business registry spells them, so their names hold double quotes; the digital ministry's names hold",
        "commas. Service codes are unique per body only: the same code appears in several bodies.",
        "",
        "## Edge cases",
        "",
        "- **AKM-ULY** (Ulytau region): no services at all. 49 and 52 are n/a (n = 0, a = 0) in both",
        "  versions. It still filed an objection (that its services were not counted).",
        "- **AKM-ABA** (Abai region): every service has automation `none`, so 52 has a = 0 and is n/a;",
        "  49 is T = 0.00.",
        "- **ACSA** (Agency for Civil Service Affairs): 5 main services and 3 subtypes, one of them partially",
        "  automated: c = 1, d = 0, n = 8, T = (0.5·1 + 0)/8·10 = 0.625, a tie that prints **0.63** (half",
        "  up). Before 2023 (main services only) it has no automated service: T = 0.00 and 52 is n/a.",
        "- **MF** (Ministry of Finance): its portal-excluded services are fully automated (kept in the",
        "  taxpayer's cabinet). From 2023 c and d count them while n leaves them out, so T > 10:",
        "  **out_of_range**, kept, not clamped. Before 2023 n includes them and T is in range.",
        "- **MDDIAI** (digital ministry): every automated service is in the mobile app, and 3 more rows are",
        "  marked mobile with automation `none`: w > a, C > 5, **out_of_range**.",
        "- **AKM-AST** (Astana): 2 rows marked mobile with automation `none`; C stays in range.",
        f"- **Objections**: the review deadline is {REVIEW_DEADLINE.isoformat()}. "
        f"{', '.join(on_deadline)} was reviewed on that",
        "  very day (not a breach). As of 2024-01-01 these are breaches of 114:",
        *["  " + line for line in breach_lines],
        "",
        "## Expected values",
        "",
        "Computed by `generate.py` itself with exact fractions, rounded half up to 2 decimals (an",
        "independent reference for `ereje run`). Counting, per body:",
        "",
        "- 49 (2023): c = partially and d = fully automated services, n = all services except the",
        "  portal-excluded ones, each counting main services and subtypes alike; c and d include excluded",
        "  services. T = (0.5·c + d)/n·10, range 0..10.",
        "- 52 (2023): w = services available in the mobile app, a = c + d, subtypes included;",
        "  C = w/a·5, range 0..5.",
        "- 114 (2023): an objection is in breach when reviewed after `objections_review` ends, or not",
        "  reviewed while the as-of date is past that day; breaches per body, 0 for a body with none.",
        "- Base versions: the same formulas, counting main services only, n without the exclusion.",
        "",
        "n/a: zero denominator (no value). A value marked (out_of_range) is outside the clause's range.",
        "",
        *tables(ref),
        "",
    ])


def check(ref):
    """The edge cases the README promises; fail loudly if a change to this script breaks one."""
    def out_of_range(ver):
        return sorted((a, res) for a, r in ref.items() for res in ("T", "C")
                      if r[ver][res][1] == "out_of_range")

    assert ref["AKM-ULY"]["main"] == 0 and ref["AKM-ULY"]["114"]["objections"] == 1
    assert ref["AKM-ULY"]["2023"]["T"][1] == ref["AKM-ULY"]["2023"]["C"][1] == "n/a"
    assert ref["AKM-ABA"]["2023"]["a"] == 0 and ref["AKM-ABA"]["2023"]["n"] > 0
    acsa = ref["ACSA"]["2023"]
    assert (acsa["c"], acsa["d"], acsa["n"], acsa["T"]) == (1, 0, 8, ("0.63", "ok")), acsa
    assert out_of_range("2023") == [("MDDIAI", "C"), ("MF", "T")], out_of_range("2023")
    assert out_of_range("base") == [("MDDIAI", "C")], out_of_range("base")
    assert ref["AKM-AST"]["2023"]["w"] > 0 and ref["AKM-AST"]["2023"]["C"][1] == "ok"


def main():
    rng = random.Random(SEED)
    services = generate_services(rng)
    objections = generate_objections(rng)
    OUT.mkdir(exist_ok=True)
    write_csv("agencies.csv", ["agency_id", "name_kk", "name_ru", "kind"],
              [(a, kk, ru, kind) for a, kind, kk, ru in AGENCIES])
    write_csv("services.csv", ["agency_id", "service_id", "parent_id", "automation", "portal_excluded",
                               "mobile"], services)
    write_csv("objections.csv", ["agency_id", "objection_id", "clause", "submitted_on", "reviewed_on"],
              objections)
    write_csv("schedule.csv", ["stage", "starts_on", "ends_on"], SCHEDULE)
    ref = reference(services, objections)
    check(ref)
    text = readme(ref, services, objections)
    with open(OUT / "README.md", "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("\n".join(tables(ref)))


if __name__ == "__main__":
    main()
