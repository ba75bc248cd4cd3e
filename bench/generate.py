#!/usr/bin/env python3
"""Benchmark inputs for ereje at scale: a data folder per shared/spec/data.md, and a large rule set.

Stage: bench/ only. `run.sh` calls this before timing; nothing in the build or the tests reads it.

    python3 bench/generate.py data  --out DIR [--bodies 4000] [--services 500] [--seed N]
    python3 bench/generate.py rules --out DIR [--clauses 10000] [--seed N]

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
    args = ap.parse_args()
    if args.what == "data":
        write_data(args.out, args.bodies, args.services, args.seed)
    else:
        write_rules(args.out, args.clauses, args.seed)


if __name__ == "__main__":
    main()
