#!/usr/bin/env python3
"""Checks clauses 53 and 54 of examples/new-indicator against an independent computation.

The example's rule files add a column (services.proactive) and a table with a decimal column
(satisfaction.score); this script reads the same CSV files with Python's csv module and exact
fractions, computes P = p / m * 3 and S = sum(score * respondents) / sum(respondents) / 5 * 2 per
body, rounds half up to 2 decimals, and compares with `ereje run` as of 2025-06-01. It also checks
that the rules read the original data folder (no `proactive` column, no satisfaction table) before
the illustrative act takes effect, with the same results as the project's rules.
usage: new_indicator.py BINARY (run from the project root)
"""
import csv
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction

binary = sys.argv[1]
rules, data = "examples/new-indicator/rules", "examples/new-indicator/data"


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def fixed(q):
    """q rounded half up to 2 decimals, as the results table prints it (exact: q has few digits)."""
    scaled = q * 100
    whole = scaled.numerator // scaled.denominator
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    return str((Decimal(whole) / 100).quantize(Decimal("0.01")))


def run(*args):
    p = subprocess.run([binary, "run", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.exit(f"ereje run {' '.join(args)} exited {p.returncode}:\n{p.stderr}")
    return p.stdout


expected = {}
bodies = [r["agency_id"] for r in rows(f"{data}/agencies.csv")]
services = rows(f"{data}/services.csv")
surveys = rows(f"{data}/satisfaction.csv")
for b in bodies:
    main = [s for s in services if s["agency_id"] == b and s["parent_id"] == ""]
    p = sum(1 for s in main if s["proactive"] == "true")
    expected[(b, "53", "P")] = fixed(Fraction(p, len(main)) * 3) if main else ""
    mine = [s for s in surveys if s["agency_id"] == b]
    answers = sum(int(s["respondents"]) for s in mine)
    weighted = sum(Fraction(s["score"]) * int(s["respondents"]) for s in mine)
    expected[(b, "54", "S")] = fixed(weighted / answers / 5 * 2) if answers else ""

got = {}
for line in run(rules, "--data", data, "--as-of", "2025-06-01").splitlines()[1:]:
    agency, clause, result, value, status, version = line.split(",")
    if clause in ("53", "54"):
        got[(agency, clause, result)] = value
failed = 0
for key, want in sorted(expected.items()):
    if got.get(key) != want:
        failed += 1
        print(f"FAIL {key}: ereje {got.get(key)!r}, independent {want!r}")
passed = len(expected) - failed

# Before the act: the original data (no proactive column, no satisfaction table) is valid, and the
# results are those of the project's rules.
before_new = run(rules, "--data", "examples/assessment-2023", "--as-of", "2024-01-01")
before_old = run("rules", "--data", "examples/assessment-2023", "--as-of", "2024-01-01")
if before_new == before_old:
    passed += 1
else:
    failed += 1
    print("FAIL before 2025-01-01 the example's rules differ from the project's on the original data")
print(f"new-indicator: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
