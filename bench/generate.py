#!/usr/bin/env python3
"""Benchmark inputs for ereje at scale: a data folder per shared/spec/data.md, and a large rule set.

Stage: bench/ only. `run.sh` calls this before timing; nothing in the build or the tests reads it.

    python3 bench/generate.py data  --out DIR [--bodies 4000] [--services 500] [--seed N]
    python3 bench/generate.py rules --out DIR [--clauses 10000] [--seed N]
    python3 bench/generate.py block --out DIR [--variant 1|2] [--indicators-only]

`data` writes agencies.csv, services.csv, objections.csv and schedule.csv. The defaults give about
2 million service rows (about 60 MB); `--bodies 20000` gives the 10 million row variant. The shape
follows the example folder (examples/generate.py), scaled up:
  * service codes come from one national register, so the same code recurs across bodies (service_id
    is unique per body only) and the dictionaries stay the size of the register, as in real data;
  * a third of the rows are subtypes, listed right after their main service (the registry's export
    order), a subtype mostly sharing its main service's automation and exclusion;
  * bodies differ in digital maturity (the automation mix and the share in the mobile app), a few
    percent of services are portal-excluded, a few rows are mobile without automation (the registry
    errors that push 52 out of range), and a few bodies have no services, or nothing automated, so
    49 and 52 also meet n/a and out_of_range;
  * body names hold commas and double quotes (quoted CSV fields), in Kazakh and Russian.

`rules` writes a folder of acts with exactly --clauses clause blocks (10,000 is the checker's limit):
a base act, then amending acts, each replacing clauses of earlier acts (`replaces` chains up to a
dozen versions long) and adding new ones. It must pass `ereje check` with no errors.

`block` writes one act of 50 indicator clauses over services and objections (1000-1049), five
direction totals of ten indicators each (1100-1104: `when n/a renormalise`, `as 0`, `total n/a`), and
a block total (1200) with a deduction for the breaches of clause 114, ranks among all bodies and
within each kind, and a grade: the methodology's shape with invented weights, for `run` and `diff`
at scale (issue 13). It reads clause 114 of rules/, so it is run as `ereje run rules DIR`. Variant 2
changes some weights and one indicator's coefficient; `--indicators-only` leaves out 1100-1200.

Standard library only; a fixed seed makes every run byte-identical.
"""

import argparse
import datetime
import random
import sys
from pathlib import Path

SEED = 20230724
REGISTER = 3000          # main service codes in the national register
SUBTYPE_SHARE = 1 / 3    # of all service rows
REVIEW_DEADLINE = datetime.date(2023, 10, 15)

SCHEDULE = [
    ("self_assessment", "2023-06-01", "2023-06-30"),
    ("operational_assessment", "2023-07-03", "2023-07-31"),
    ("objections_submission", "2023-08-01", "2023-09-29"),
    ("objections_review", "2023-08-01", "2023-10-15"),
    ("results_publication", "2023-11-01", "2023-11-15"),
]

REGIONS_KK = ["Ақмола", "Ақтөбе", "Алматы", "Атырау", "Шығыс Қазақстан", "Жамбыл", "Батыс Қазақстан",
              "Қарағанды", "Қостанай", "Қызылорда", "Маңғыстау", "Павлодар", "Солтүстік Қазақстан",
              "Түркістан", "Абай", "Жетісу", "Ұлытау"]
REGIONS_RU = ["Акмолинской", "Актюбинской", "Алматинской", "Атырауской", "Восточно-Казахстанской",
              "Жамбылской", "Западно-Казахстанской", "Карагандинской", "Костанайской", "Кызылординской",
              "Мангистауской", "Павлодарской", "Северо-Казахстанской", "Туркестанской", "Абай", "Жетісу",
              "Улытау"]


def csv_field(s):
    """RFC 4180: quote only where needed, double the quotes inside."""
    if any(c in s for c in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def write_rows(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(",".join(header) + "\n")
        buf = []
        for r in rows:
            buf.append(",".join(csv_field(v) for v in r))
            if len(buf) >= 65536:
                f.write("\n".join(buf) + "\n")
                buf = []
        if buf:
            f.write("\n".join(buf) + "\n")


# ---- data -------------------------------------------------------------------------------------------

def agencies(rng, n):
    """(agency_id, name_kk, name_ru, kind): about 2% central bodies, the rest local executive bodies."""
    width = max(4, len(str(n)))
    out = []
    for i in range(1, n + 1):
        if i % 50 == 1:
            aid = f"M{i:0{width}d}"
            kk = f"Қазақстан Республикасының {i}-министрлігі"
            ru = f"Министерство № {i} Республики Казахстан"
            if rng.random() < 0.3:  # the full title lists several portfolios: commas in the field
                kk = f"Қазақстан Республикасының цифрлық даму, инновациялар және {i}-министрлігі"
                ru = f"Министерство цифрового развития, инноваций и № {i} Республики Казахстан"
            out.append((aid, kk, ru, "central"))
        else:
            r = rng.randrange(len(REGIONS_KK))
            aid = f"A{i:0{width}d}"
            kk = f"{REGIONS_KK[r]} облысы {i}-ауданының әкімдігі"
            ru = f"Акимат района № {i} {REGIONS_RU[r]} области"
            if rng.random() < 0.1:  # named as the legal entity, the way the business registry spells it
                kk = f"\"{REGIONS_KK[r]} облысы {i}-аудан әкімінің аппараты\" ММ"
                ru = f"ГУ \"Аппарат акима района № {i} {REGIONS_RU[r]} области\""
            out.append((aid, kk, ru, "local"))
    rng.shuffle(out)  # the registry's order is not the code order
    return out


def pick(rng, weights):
    x = rng.random()
    if x < weights[0]:
        return "none"
    if x < weights[0] + weights[1]:
        return "partial"
    return "full"


def services(rng, bodies, per_body):
    """Yields service rows body by body; also returns per-body profiles through `stats`."""
    for aid, _kk, _ru, kind in bodies:
        u = rng.random()
        if u < 0.002:
            continue  # a body created this year: no services yet (49 and 52 are n/a)
        count = max(1, int(per_body * rng.uniform(0.6, 1.4)))
        maturity = rng.random()
        if u < 0.005:
            weights = (1.0, 0.0, 0.0)  # nothing automated: 52 is n/a
        else:
            full = 0.10 + 0.65 * maturity
            partial = (1 - full) * rng.uniform(0.3, 0.7)
            weights = (1 - full - partial, partial, full)
        p_excl = rng.uniform(0.0, 0.08)
        p_mob_full = 0.2 + 0.75 * maturity
        p_mob_part = 0.05 + 0.3 * maturity
        # Registry errors: a mobile flag on a service that is not automated. A few rows at one body
        # in twenty; at one in a hundred, a registry that marks most of them (52 goes past its range).
        e = rng.random()
        p_mob_none = 0.7 if e < 0.01 else 0.02 if e < 0.05 else 0.0
        # Excluded services are normally offline-only; some central bodies keep them fully automated
        # in their own cabinet (the Ministry of Finance case), which can push 49 past its range.
        excluded_full = kind == "central" and rng.random() < 0.3
        if excluded_full:
            p_excl = rng.uniform(0.1, 0.3)
        n_main = max(1, round(count * (1 - SUBTYPE_SHARE)))
        mains = sorted(rng.sample(range(1, REGISTER + 1), min(n_main, REGISTER)))
        subs = [0] * len(mains)
        for _ in range(count - len(mains)):
            subs[rng.randrange(len(mains))] += 1
        for code, n_sub in zip(mains, subs):
            sid = f"S{code:04d}"
            excluded = rng.random() < p_excl
            auto = ("full" if excluded_full else "none") if excluded else pick(rng, weights)
            yield (aid, sid, "", auto, excluded, mobile(rng, auto, p_mob_full, p_mob_part, p_mob_none))
            for k in range(1, n_sub + 1):
                sub_auto = auto if (excluded or rng.random() < 0.75) else pick(rng, weights)
                yield (aid, f"{sid}-{k:02d}", sid, sub_auto, excluded,
                       mobile(rng, sub_auto, p_mob_full, p_mob_part, p_mob_none))


def mobile(rng, auto, p_full, p_part, p_none):
    p = p_full if auto == "full" else p_part if auto == "partial" else p_none
    return rng.random() < p


def objections(rng, bodies):
    start = datetime.date(2023, 8, 1)
    span = (datetime.date(2023, 9, 29) - start).days
    drafts = []
    for aid, *_ in bodies:
        for _ in range(rng.choice([0, 0, 0, 0, 1, 1, 2, 3])):
            submitted = start + datetime.timedelta(days=rng.randint(0, span))
            x = rng.random()
            if x < 0.75:
                latest = max(1, min((REVIEW_DEADLINE - submitted).days, 40))
                reviewed = submitted + datetime.timedelta(days=rng.randint(1, latest))
            elif x < 0.90:
                reviewed = REVIEW_DEADLINE + datetime.timedelta(days=rng.randint(1, 40))
            else:
                reviewed = None
            drafts.append((submitted, aid, rng.choice(["49", "49", "52", "52", "114"]), reviewed))
    drafts.sort(key=lambda d: (d[0], d[1]))
    return [(aid, f"OBJ-2023-{i:06d}", clause, sub.isoformat(), rev.isoformat() if rev else "")
            for i, (sub, aid, clause, rev) in enumerate(drafts, start=1)]


def write_data(out, n_bodies, per_body, seed):
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    bodies = agencies(rng, n_bodies)
    write_rows(out / "agencies.csv", ["agency_id", "name_kk", "name_ru", "kind"], bodies)
    rows = 0
    subtypes = 0

    def texts():
        nonlocal rows, subtypes
        for aid, sid, parent, auto, excl, mob in services(rng, bodies, per_body):
            rows += 1
            subtypes += parent != ""
            yield (aid, sid, parent, auto, "true" if excl else "false", "true" if mob else "false")

    write_rows(out / "services.csv",
               ["agency_id", "service_id", "parent_id", "automation", "portal_excluded", "mobile"], texts())
    objs = objections(rng, bodies)
    write_rows(out / "objections.csv", ["agency_id", "objection_id", "clause", "submitted_on", "reviewed_on"], objs)
    write_rows(out / "schedule.csv", ["stage", "starts_on", "ends_on"], SCHEDULE)
    size = sum(p.stat().st_size for p in out.glob("*.csv"))
    print(f"{out}: {len(bodies)} bodies, {rows} service rows ({subtypes} subtypes), "
          f"{len(objs)} objections, {size / 1e6:.1f} MB of CSV", file=sys.stderr)


# ---- rules ------------------------------------------------------------------------------------------

# Row conditions over services; each gives a numerator and a denominator of a share-type clause.
CONDITIONS = [
    "automation = full", "automation = partial", "automation in [partial, full]", "mobile",
    "not portal_excluded", "main", "subtype", "main and automation = full", "subtype and mobile",
    "automation != none and not portal_excluded", "mobile and automation = full",
    "main and automation in [partial, full]",
]


def clause_text(rng, number, version, replaces):
    """One clause block of a random template. `version` varies the wording between acts."""
    lines = [f"clause {number} \"Generated indicator {number}, wording {version}\""]
    lines.append(f"  title kk \"{number}-көрсеткіш ({version}-редакция)\"")
    lines.append(f"  title ru \"Показатель {number} (редакция {version})\"")
    if replaces:
        lines.append(f"  replaces {number}")
    lines.append("  evidence text reconstructed, variables reconstructed, formula reconstructed")
    kind = rng.randrange(4)
    k = rng.choice([1, 2, 5, 10, 20])
    if kind == 0:  # a share, as in 52
        num, den = rng.sample(CONDITIONS, 2)
        lines += [f"  let x = count services where {num} \"rows that meet the indicator\"",
                  f"  let y = count services where {den} \"rows the indicator is measured on\"",
                  f"  coefficient k = {k} \"scale of the indicator\"",
                  "  result R = x / y * k range 0..k round 2 \"the body's score\""]
    elif kind == 1:  # a weighted share, as in 49
        a, b, den = rng.sample(CONDITIONS, 3)
        p = rng.choice(["0.25", "0.5", "0.75"])
        lines += [f"  let c = count services where {a} \"partly meeting rows\"",
                  f"  let d = count services where {b} \"fully meeting rows\"",
                  f"  let n = count services where {den} \"all rows measured\"",
                  f"  coefficient p = {p} \"weight of a partly meeting row\"",
                  f"  coefficient k = {k} \"scale of the indicator\"",
                  "  result T = (p * c + d) / n * k range 0..k round 2 \"the body's score\""]
    elif kind == 2:  # objections as a share of services
        clause = rng.choice(["49", "52", "114"])
        lines += [f"  let o = count objections where clause = \"{clause}\" \"objections against {clause}\"",
                  "  let r = count objections where not missing(reviewed_on) \"objections reviewed\"",
                  "  let s = count services \"services\"",
                  f"  coefficient k = {k} \"scale of the indicator\"",
                  "  result Q = (o + r) / (s + 1) * k range 0..k round 3 \"objections per service\""]
    else:  # an obligation with a deadline from the schedule, as in 114
        stage = rng.choice([s[0] for s in SCHEDULE])
        lines += [f"  let deadline = single schedule of ends_on where stage = \"{stage}\" \"end of {stage}\"",
                  "  obligation late over objections",
                  "    breach when if missing(reviewed_on) then as_of > deadline else reviewed_on > deadline",
                  "    \"objections handled after the deadline\""]
    if kind in (0, 1) and rng.random() < 0.1:
        lines += ["", "  test \"no services: not applicable\"", "    services: 0 rows",
                  f"    expect {'R' if kind == 0 else 'T'} = n/a"]
    lines.append("end")
    return "\n".join(lines)


def write_rules(out, total, seed):
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.ereje"):
        old.unlink()
    n_acts = 13
    base = total * 2 // 5                       # the base act: 40% of the clause blocks
    per_act = (total - base) // (n_acts - 1)
    sizes = [base] + [per_act] * (n_acts - 1)
    sizes[-1] += total - sum(sizes)
    versions = {}                               # clause number -> how many versions so far
    next_number = 1
    day = datetime.date(2021, 4, 20)
    for a, size in enumerate(sizes):
        act_id = f"G-{a:02d}"
        numbers = []
        if a == 0:
            numbers = [str(next_number + i) for i in range(size)]
            next_number += size
        else:
            # Half the act re-words clauses already on file, favouring recently amended ones so that
            # chains grow long; the other half adds new paragraphs, some of them sub-paragraphs (12-1).
            existing = list(versions)
            recent = [n for n in existing if versions[n] > 1]
            chosen = set()
            want = size // 2
            while len(chosen) < want:
                pool = recent if recent and rng.random() < 0.5 else existing
                chosen.add(rng.choice(pool))
            numbers = sorted(chosen, key=lambda s: tuple(int(x) for x in s.split("-")))
            for _ in range(size - want):
                if rng.random() < 0.2:
                    parent = rng.randrange(1, base + 1)
                    sub = 1
                    while f"{parent}-{sub}" in versions or f"{parent}-{sub}" in numbers:
                        sub += 1
                    numbers.append(f"{parent}-{sub}")
                else:
                    numbers.append(str(next_number))
                    next_number += 1
        header = [f"// Generated by bench/generate.py (seed {seed}): act {a + 1} of {n_acts}, {size} clauses.",
                  f"act \"{act_id}\" \"Generated act {a + 1} for the checker benchmark\"",
                  f"  in_force {day.isoformat()} \"generated\""]
        if a > 0:
            header.append("  amends \"G-00\"")
        blocks = []
        for num in numbers:
            v = versions.get(num, 0)
            blocks.append(clause_text(rng, num, v + 1, v > 0))
            versions[num] = v + 1
        (out / f"{act_id}.ereje").write_text("\n".join(header) + "\n\n" + "\n\n".join(blocks) + "\n",
                                            encoding="utf-8")
        day += datetime.timedelta(days=rng.randint(60, 120))
    longest = max(versions.values())
    print(f"{out}: {n_acts} acts, {total} clauses, {len(versions)} clause numbers, "
          f"longest replaces chain {longest} versions", file=sys.stderr)


# ---- block: 50 indicators, directions, a block total, ranks and a grade -----------------------------

# A rule set shaped like a whole block of the methodology (issue 13): 50 indicator clauses over
# services and objections, five direction totals of ten indicators each, and a block total with a
# deduction for paragraph 114's breaches, two ranks and a grade. Every weight is invented: it is a
# benchmark, not the methodology. It reads the shipped acts (`run rules DIR`, `diff DIR DIR2 --with
# rules`): clause 114 of rules/acts/2023-33140.ereje. Clause numbers 1000-1049, 1100-1104, 1200.

# Populations an indicator is measured on (the denominator) and what it counts within them.
BLOCK_SCOPES = [  # (condition or None for every row, English, Kazakh, Russian)
    (None, "all services", "барлық қызметтер", "все услуги"),
    ("main", "main services", "негізгі қызметтер", "основные услуги"),
    ("subtype", "subtypes", "кіші түрлер", "подвиды"),
    ("not portal_excluded", "services on the portal", "порталдағы қызметтер", "услуги на портале"),
    ("main and not portal_excluded", "main services on the portal", "порталдағы негізгі қызметтер",
     "основные услуги на портале"),
    ("subtype and not portal_excluded", "subtypes on the portal", "порталдағы кіші түрлер",
     "подвиды на портале"),
]
BLOCK_MEASURES = {  # key: (condition, English, Kazakh, Russian)
    "full": ("automation = full", "fully automated", "толық автоматтандырылған", "полностью автоматизированные"),
    "auto": ("automation in [partial, full]", "automated", "автоматтандырылған", "автоматизированные"),
    "partial": ("automation = partial", "partly automated", "ішінара автоматтандырылған",
                "частично автоматизированные"),
    "mobile": ("mobile", "in the mobile app", "мобильдік қосымшадағы", "в мобильном приложении"),
    "mobfull": ("mobile and automation = full", "fully automated and mobile",
                "толық автоматтандырылған және мобильдік", "полностью автоматизированные и мобильные"),
}
# Service codes of the national register for the indicators that read service_id and parent_id.
BLOCK_PRIORITY = [f"S{c:04d}" for c in range(7, 3000, 100)]    # 30 main services ("priority")
BLOCK_PARENTS_A = [f"S{c:04d}" for c in range(1, 13)]          # 12 codes: none of their subtypes at more than half the bodies (n/a)
BLOCK_PARENTS_B = [f"S{c:04d}" for c in range(1500, 3000, 38)]  # 40 codes: none at about one body in five


def block_indicators():
    """The 50 indicators, in clause order: dicts with title (en, kk, ru), lets, coefs and result."""
    out = []

    def share(scope, measure, k=10, hi=None, rnd=2):
        cond_s, s_en, s_kk, s_ru = BLOCK_SCOPES[scope]
        cond_m, m_en, m_kk, m_ru = BLOCK_MEASURES[measure]
        num = f"{cond_s} and {cond_m}" if cond_s else cond_m
        den = f"count services where {cond_s}" if cond_s else "count services"
        out.append(dict(
            en=f"Share of {s_en} {m_en}", kk=f"{m_kk.capitalize()} {s_kk} үлесі",
            ru=f"{s_ru.capitalize()}: доля ({m_ru})",
            lets=[("x", f"count services where {num}", f"{s_en}, {m_en}"), ("n", den, s_en)],
            coefs=[("k", str(k), "the indicator's maximum points")],
            result=("x / n * k", "0..k" if hi is None else f"0..{hi}", rnd,
                    "the share scaled to points" + ("" if hi is None else f"; above {hi} is out of range"))))

    def weighted(scope, p):
        cond_s, s_en, s_kk, s_ru = BLOCK_SCOPES[scope]
        w = f" and {cond_s}" if cond_s else ""
        out.append(dict(
            en=f"Degree of automation of {s_en}", kk=f"Автоматтандыру дәрежесі: {s_kk}",
            ru=f"Степень автоматизации: {s_ru}",
            lets=[("c", f"count services where automation = partial{w}", f"{s_en}, partly automated"),
                  ("d", f"count services where automation = full{w}", f"{s_en}, fully automated"),
                  ("n", f"count services where {cond_s}" if cond_s else "count services", s_en)],
            coefs=[("p", p, "weight of a partly automated service"), ("k", "10", "the indicator's maximum points")],
            result=("(p * c + d) / n * k", "0..k", 2, "partial automation at weight p, full at 1")))

    def mobile_of_automated(scope):
        cond_s, s_en, s_kk, s_ru = BLOCK_SCOPES[scope]
        out.append(dict(
            en=f"Smartphonization of automated {s_en}", kk=f"Смартфондандыру: {s_kk}",
            ru=f"Смартфонизация: {s_ru}",
            lets=[("w", f"count services where {cond_s} and mobile", f"{s_en} in the mobile app"),
                  ("a", f"count services where {cond_s} and automation in [partial, full]", f"{s_en}, automated")],
            coefs=[("k", "5", "the indicator's maximum points")],
            result=("w / a * k", "0..k", 2, "mobile among automated; registry errors push it past k")))

    def codes(cond, codes_, en, kk, ru):
        items = ", ".join(f'"{c}"' for c in codes_)
        out.append(dict(
            en=en, kk=kk, ru=ru,
            lets=[("x", f"count services where {cond} in [{items}] and automation = full",
                   "those services fully automated"),
                  ("n", f"count services where {cond} in [{items}]", "those services")],
            coefs=[("k", "5", "the indicator's maximum points")],
            result=("x / n * k", "0..k", 2, "n/a for a body that provides none of them")))

    # Direction 1 (clause 1100, renormalise): full automation, and the degree of automation.
    for s in range(6):
        share(s, "full")
    for s, p in ((0, "0.5"), (1, "0.5"), (2, "0.25"), (3, "0.5")):
        weighted(s, p)
    # Direction 2 (clause 1101, renormalise): mobile coverage.
    for s in range(6):
        share(s, "mobile")
    for s in range(4):
        share(s, "mobfull", k=5)
    # Direction 3 (clause 1102, n/a as 0): partial automation, services of the register's lists.
    for s in range(6):
        share(s, "partial", k=5)
    codes("not missing(parent_id) and parent_id", BLOCK_PARENTS_A, "Subtypes of twelve register services automated",
          "Тізілімнің он екі қызметінің кіші түрлерін автоматтандыру",
          "Автоматизация подвидов двенадцати услуг реестра")
    codes("not missing(parent_id) and parent_id", BLOCK_PARENTS_B, "Subtypes of forty register services automated",
          "Тізілімнің қырық қызметінің кіші түрлерін автоматтандыру",
          "Автоматизация подвидов сорока услуг реестра")
    codes("main and service_id", BLOCK_PRIORITY, "Priority services automated",
          "Басым қызметтерді автоматтандыру", "Автоматизация приоритетных услуг")
    out.append(dict(
        en="Services off the portal kept automated", kk="Порталдан тыс қызметтерді автоматтандыру",
        ru="Автоматизация услуг вне портала",
        lets=[("x", "count services where portal_excluded and automation = full", "off the portal, fully automated"),
              ("n", "count services where portal_excluded", "services off the portal")],
        coefs=[("k", "5", "the indicator's maximum points")],
        result=("x / n * k", "0..k", 2, "n/a for a body with no service off the portal")))
    # Direction 4 (clause 1103, total n/a): automated services, and two tight ranges.
    for s in range(6):
        share(s, "auto")
    share(4, "mobfull", k=5)
    share(5, "mobfull", k=5)
    share(0, "full", k=10, hi=7)      # a body automating more than 70 % of all its services is out of range
    share(1, "mobile", k=10, hi=7.5)  # likewise 75 % of main services in the app
    # Direction 5 (clause 1104, renormalise): smartphonization, subtypes, objections.
    mobile_of_automated(1)
    mobile_of_automated(2)
    out.append(dict(
        en="Subtypes per main service", kk="Негізгі қызметке келетін кіші түрлер",
        ru="Подвидов на основную услугу",
        lets=[("s", "count services where subtype", "subtypes"), ("m", "count services where main", "main services")],
        coefs=[("k", "2", "the indicator's maximum points")],
        result=("s / m * k", "0..k", 3, "subtypes listed per main service")))

    def objections(en, kk, ru, lets, result, coefs=(("k", "5", "the indicator's maximum points"),)):
        out.append(dict(en=en, kk=kk, ru=ru, lets=lets, coefs=list(coefs), result=result))

    filed = ("o", "count objections", "objections the body filed")
    objections("Objections reviewed", "Қаралған қарсылықтар", "Рассмотренные возражения",
               [("r", "count objections where not missing(reviewed_on)", "objections reviewed"), filed],
               ("r / o * k", "0..k", 2, "n/a for a body with no objections"))
    objections("Objections reviewed within 15 days", "15 күнде қаралған қарсылықтар",
               "Возражения, рассмотренные за 15 дней",
               [("t", "count objections where not missing(reviewed_on) and reviewed_on - submitted_on <= days(15)",
                 "objections reviewed within 15 days"), filed],
               ("t / o * k", "0..k", 2, "n/a for a body with no objections"))
    objections("Days to review an objection", "Қарсылықты қарау күндері", "Дни рассмотрения возражения",
               [("a", "avg objections of (reviewed_on - submitted_on) / days(1) where not missing(reviewed_on)",
                 "mean days from submission to review")],
               ("(1 - a / limit) * k", "0..k", 2, "full points for a same-day review, none at the limit"),
               coefs=[("limit", "60", "days at which the indicator gives no points"),
                      ("k", "5", "the indicator's maximum points")])
    objections("Few objections per service", "Қызметке шаққандағы қарсылықтар аз",
               "Мало возражений на услугу",
               [filed, ("s", "count services", "services")],
               ("k - o / s * 100", "0..k", 3, "points off per objection per hundred services"),
               coefs=[("k", "1", "the indicator's maximum points")])
    objections("Objections about automation", "Автоматтандыру туралы қарсылықтар",
               "Возражения по автоматизации",
               [("x", 'count objections where clause in ["49", "52"]', "objections against 49 and 52"), filed],
               ("x / o * k", "0..k", 2, "n/a for a body with no objections"))
    objections("Objections submitted early", "Ерте берілген қарсылықтар", "Возражения, поданные заранее",
               [("deadline", 'single schedule of ends_on where stage = "objections_submission"',
                 "the last day for objections"),
                ("e", "count objections where submitted_on <= deadline - days(14)",
                 "objections submitted two weeks before the deadline or earlier"), filed],
               ("e / o * k", "0..k", 2, "n/a for a body with no objections"))
    objections("Objections reviewed by the deadline", "Мерзімінде қаралған қарсылықтар",
               "Возражения, рассмотренные в срок",
               [("deadline", 'single schedule of ends_on where stage = "objections_review"',
                 "the last day of the review stage"),
                ("v", "count objections where not missing(reviewed_on) and reviewed_on <= deadline",
                 "objections reviewed by the deadline"), filed],
               ("v / o * k", "0..k", 2, "n/a for a body with no objections"))
    assert len(out) == 50, len(out)
    return out


def block_k(ind):
    return next(v for n, v, _ in ind["coefs"] if n == "k")


BLOCK_DIRECTIONS = [  # (English, Kazakh, Russian, n/a policy)
    ("Automation", "Автоматтандыру", "Автоматизация", "renormalise"),
    ("Mobile coverage", "Мобильдік қамту", "Мобильный охват", "renormalise"),
    ("Partial automation and register lists", "Ішінара автоматтандыру және тізілім тізімдері",
     "Частичная автоматизация и списки реестра", "as 0"),
    ("Automated services", "Автоматтандырылған қызметтер", "Автоматизированные услуги", "total n/a"),
    ("Smartphonization and objections", "Смартфондандыру және қарсылықтар", "Смартфонизация и возражения",
     "renormalise"),
]
# Weights of the ten indicators of each direction (they sum to 100) and of the directions in the block
# (they sum to 100). Variant 2 moves weight between indicators and directions, keeping the sums.
BLOCK_WEIGHTS = {
    1: dict(dirs=[[14, 10, 8, 12, 8, 8, 10, 10, 10, 10], [12, 12, 8, 10, 8, 10, 10, 10, 10, 10],
                  [10, 10, 10, 10, 10, 10, 10, 10, 10, 10], [10, 10, 10, 10, 10, 10, 10, 10, 10, 10],
                  [12, 12, 6, 10, 10, 10, 10, 10, 10, 10]],
            block=[25, 20, 15, 25, 15], fine="0.5", p1007="0.25"),
    2: dict(dirs=[[10, 14, 8, 12, 8, 8, 10, 10, 10, 10], [12, 12, 8, 10, 8, 10, 10, 10, 10, 10],
                  [10, 10, 10, 10, 10, 10, 15, 5, 10, 10], [10, 10, 10, 10, 10, 10, 10, 10, 10, 10],
                  [12, 12, 6, 10, 10, 10, 10, 10, 10, 10]],
            block=[30, 20, 10, 25, 15], fine="1", p1007="0.5"),
}


def block_text(variant, indicators_only=False):
    """The rule file; `indicators_only` leaves out the directions and the block (clauses 1100-1200),
    so that a run with and without them shows what the totals, ranks and grade cost."""
    w = BLOCK_WEIGHTS[variant]
    inds = block_indicators()
    inds[7]["coefs"][0] = ("p", w["p1007"], "weight of a partly automated service")
    q = '"'
    lines = [f"// Generated by bench/generate.py block --variant {variant}"
             + (" --indicators-only: the 50 indicators (1000-1049) alone." if indicators_only else
                ": a benchmark, not law. 50 indicators\n// (1000-1049), five directions (1100-1104), "
                "a block total (1200) reading clause 114 of rules/."),
             "// Every weight is invented; variant 2 changes some weights and clause 1007's coefficient p.",
             'act "bench-block" "Benchmark: a block of 50 indicators, directions, a block total, ranks and a grade (not an act)"',
             '  in_force 2023-07-24 "the date of the 2023 amending act, whose clause 114 the block reads"', ""]
    for i, ind in enumerate(inds):
        n = 1000 + i
        lines += [f'clause {n} "{ind["en"]} (benchmark)"',
                  f'  title kk "{ind["kk"]} (бенчмарк)"',
                  f'  title ru "{ind["ru"]} (бенчмарк)"',
                  "  evidence text not_on_file, formula reconstructed"]
        for name, expr, desc in ind["lets"]:
            lines.append(f"  let {name} = {expr} {q}{desc}{q}")
        for name, value, desc in ind["coefs"]:
            lines.append(f"  coefficient {name} = {value} {q}{desc}{q}")
        expr, rng, rnd, desc = ind["result"]
        lines += [f"  result R = {expr} range {rng} round {rnd} {q}{desc}{q}", "end", ""]
    if indicators_only:
        return "\n".join(lines[:-1]) + "\n"
    for d, (en, kk, ru, policy) in enumerate(BLOCK_DIRECTIONS):
        n = 1100 + d
        lines += [f'clause {n} "Direction {d + 1}: {en} (benchmark)"',
                  f'  title kk "{d + 1}-бағыт: {kk} (бенчмарк)"',
                  f'  title ru "Направление {d + 1}: {ru} (бенчмарк)"',
                  "  evidence text not_on_file, formula reconstructed"]
        for j, weight in enumerate(w["dirs"][d]):
            lines.append(f"  coefficient w{j + 1:02d} = {weight} {q}weight of clause {1000 + 10 * d + j} (invented){q}")
        lines.append("  result D = total of")
        parts = [f"      R of clause {1000 + 10 * d + j} / {block_k(inds[10 * d + j])} weight w{j + 1:02d}"
                 for j in range(10)]
        lines.append(",\n".join(parts))
        lines += [f"    when n/a {policy}",
                  f'    range 0..100 round 2 "the direction\'s points: its indicators as shares of their maxima, weighted"',
                  "end", ""]
    lines += ['clause 1200 "Block score (benchmark)"',
              '  title kk "Блок бойынша балл (бенчмарк)"',
              '  title ru "Балл по блоку (бенчмарк)"',
              "  evidence text not_on_file, formula reconstructed"]
    for d, weight in enumerate(w["block"]):
        lines.append(f"  coefficient W{d + 1} = {weight} {q}weight of direction {d + 1} (invented){q}")
    lines.append(f"  coefficient fine = {w['fine']} {q}points deducted per breach of paragraph 114 (invented){q}")
    lines.append("  result S = total of")
    parts = [f"      D of clause {1100 + d} / 100 weight W{d + 1}" for d in range(5)]
    parts.append("      deduct breaches of clause 114 weight fine or 0")
    lines.append(",\n".join(parts))
    lines += ["    when n/a renormalise",
              '    range 0..100 round 2 "the block score on a 100-point scale"',
              '  rank place = S highest first ties shared n/a unranked out_of_range last "the body\'s place among all bodies"',
              '  rank place_in_kind = S highest first within kind ties shared n/a unranked out_of_range last "the body\'s place among bodies of its kind"',
              '  grade level = S "the body\'s level"',
              '    band high from 70 "high"', '      kk "жоғары"', '      ru "высокий"',
              '    band medium from 40 "medium"', '      kk "орташа"', '      ru "средний"',
              '    band low otherwise "low"', '      kk "төмен"', '      ru "низкий"',
              "end"]
    return "\n".join(lines) + "\n"


def write_block(out, variant, indicators_only):
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.ereje"):
        old.unlink()
    (out / "block.ereje").write_text(block_text(variant, indicators_only), encoding="utf-8")
    what = "50 indicators only" if indicators_only else "50 indicators, 5 directions, a block total"
    print(f"{out}: block variant {variant}: {what}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="what", required=True)
    d = sub.add_parser("data", help="write a data folder")
    d.add_argument("--out", required=True, type=Path)
    d.add_argument("--bodies", type=int, default=4000)
    d.add_argument("--services", type=int, default=500, help="services per body, on average")
    d.add_argument("--seed", type=int, default=SEED)
    r = sub.add_parser("rules", help="write a rule-set folder")
    r.add_argument("--out", required=True, type=Path)
    r.add_argument("--clauses", type=int, default=10000)
    r.add_argument("--seed", type=int, default=SEED)
    b = sub.add_parser("block", help="write a block of 50 indicators, directions and a block total")
    b.add_argument("--out", required=True, type=Path)
    b.add_argument("--variant", type=int, choices=[1, 2], default=1,
                   help="2: other weights and clause 1007's coefficient p, for `diff`")
    b.add_argument("--indicators-only", action="store_true",
                   help="only clauses 1000-1049: without the directions, the block total, ranks and grade")
    args = ap.parse_args()
    if args.what == "data":
        write_data(args.out, args.bodies, args.services, args.seed)
    elif args.what == "block":
        write_block(args.out, args.variant, args.indicators_only)
    else:
        write_rules(args.out, args.clauses, args.seed)


if __name__ == "__main__":
    main()
