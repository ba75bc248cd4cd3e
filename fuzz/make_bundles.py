#!/usr/bin/env python3
"""Seeds for fuzz_pipeline (fuzz/Bundle.hpp): whole cases built from the repository's own rule sets
and data folders, each file cut so that a case stays under 48 KiB.

    python3 fuzz/make_bundles.py OUTDIR

- every data folder under examples/ and tests/ with the methodology's rules (rules/) as `a`,
  the new-indicator walkthrough's rules for its own folders;
- the methodology's rules against the walkthrough's (`diff a b`), and the rules at two dates;
- the illustration of a block total (examples/block-total) and its second version of the weights;
- every rule file of tests/catalogue/rules and tests/golden with the data contract
  (rules/data/tables.ereje) beside it, over the example data;
- the deepest formulas the checker accepts, over the example data.
Each case is written to OUTDIR under the hash of its text, so the same case is written once.
"""
import hashlib
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIMIT = 48 * 1024
ROWS = 40  # rows kept of each CSV file (the header besides)


def read(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8", "surrogateescape")


def rule_files(folder, prefix):
    out = []
    for base, _, names in sorted(os.walk(folder)):
        for n in sorted(names):
            if n.endswith(".ereje"):
                p = os.path.join(base, n)
                out.append((prefix + "/" + os.path.relpath(p, folder).replace(os.sep, "/"), read(p)))
    return out


def data_files(folder):
    out = []
    for n in sorted(os.listdir(folder)):
        p = os.path.join(folder, n)
        if not os.path.isfile(p) or not (n.endswith(".csv") or n.endswith(".json")):
            continue
        text = read(p)
        if n.endswith(".csv"):
            lines = text.split("\n")
            text = "\n".join(lines[: ROWS + 1]) + ("\n" if len(lines) > ROWS + 1 else "")
        elif len(text) > 16 * 1024:
            continue
        out.append(("data/" + n, text))
    return out


def first_body(files):
    for path, text in files:
        if path == "data/agencies.csv":
            lines = text.split("\n")
            if len(lines) > 1 and lines[1]:
                return lines[1].split(",")[0]
    return "MF"


def bundle(files, args):
    out = "@@ args\n" + "\n".join(args) + "\n"
    for path, text in files:
        out += "@@ " + path + "\n" + text + ("" if text.endswith("\n") or not text else "\n")
    return out


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    written = set()

    def emit(files, args):
        text = bundle(files, args)
        data = text.encode("utf-8", "surrogateescape")
        if len(data) > LIMIT:
            return
        name = hashlib.sha1(data).hexdigest()[:16]
        if name in written:
            return
        written.add(name)
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)

    rules = rule_files(os.path.join(ROOT, "rules"), "a")
    indicator = rule_files(os.path.join(ROOT, "examples/new-indicator/rules"), "a")
    contract = [("a/data/tables.ereje", read(os.path.join(ROOT, "rules/data/tables.ereje")))]
    example = data_files(os.path.join(ROOT, "examples/assessment-2023"))

    folders = set()
    for top in ("examples", "tests"):
        for base, _, names in os.walk(os.path.join(ROOT, top)):
            if any(n.endswith(".csv") or n.endswith(".json") for n in names):
                folders.add(base)
    for folder in sorted(folders):
        data = data_files(folder)
        if not data:
            continue
        ruleset = indicator if "new-indicator" in folder else rules
        body = first_body(data)
        for args in (["2024-01-01", body, "49", "csv", "text", "en", "2023-01-01", ""],
                     ["2023-07-01", body, "52", "table", "json", "ru", "2023-01-01", "rj"]):
            emit(ruleset + data, args)

    # Two rule sets: the methodology's and the walkthrough's (b), over both data folders.
    b_rules = [("b/" + p[2:], t) for p, t in indicator]
    indicator_data = data_files(os.path.join(ROOT, "examples/new-indicator/data"))
    emit(rules + b_rules + indicator_data, ["2025-06-01", "MF", "53", "json", "markdown", "kk", "2023-01-01", "h"])
    emit(rules + b_rules + example, ["2024-01-01", "MF", "49", "csv", "html", "en", "2023-01-01", "j"])

    # A block built on the clauses (totals, ranks, grades) and another version of its weights.
    block = rule_files(os.path.join(ROOT, "examples/block-total/rules"), "a")
    block_b = [("b/" + p[2:], t) for p, t in rule_files(os.path.join(ROOT, "examples/block-total/weights-2"), "a")]
    emit(rules + [("a/block/" + p[2:], t) for p, t in block] + example,
         ["2024-01-01", "AKM-MAN", "900", "csv", "text", "kk", "2023-01-01", ""])
    emit(rules + [("a/block/" + p[2:], t) for p, t in block] + [("b/acts/" + p[2:], t) for p, t in rules if p.startswith("a/acts/")]
         + [("b/data/tables.ereje", read(os.path.join(ROOT, "rules/data/tables.ereje")))]
         + [("b/block/" + p[2:], t) for p, t in block_b] + example,
         ["2024-01-01", "MF", "900", "table", "json", "ru", "2023-01-01", "j"])

    # Single rule files, with the data contract beside them, over the example data.
    for top in ("tests/catalogue/rules", "tests/golden"):
        for base, _, names in sorted(os.walk(os.path.join(ROOT, top))):
            for n in sorted(names):
                if not n.endswith(".ereje"):
                    continue
                p = os.path.join(base, n)
                if os.path.getsize(p) > 16 * 1024:
                    continue
                files = [("a/" + n if n != "tables.ereje" else "a/data/tables.ereje", read(p))]
                if n != "tables.ereje":
                    files = contract + files
                emit(files + example, ["2024-01-01", "MF", "49", "csv", "text", "en", "2023-01-01", ""])
    # The deepest formulas the checker accepts (as tests/limits.sh makes them): they must run on the
    # harness's small stack, so that an overflow it reports is never one the limits allow.
    header = ('act "1" "Limits" in_force 2021-04-20\nclause 49 "Automation"\n  title kk "Автоматтандыру"\n'
              '  title ru "Автоматизация"\n  evidence text seed, variables seed, formula seed\n'
              '  let n = count services\n')
    deep = {
        "parens": header + "  result T = " + "(" * 60 + "n" + ")" * 60 + " range 0..10000\nend\n",
        "chain": header + "  result T = n" + " + n" * 255 + " range 0..10000000\nend\n",
        "lets": header + "  let a0 = n\n" + "".join(f"  let a{i} = a{i - 1} + 1\n" for i in range(1, 498))
        + "  result T = a497 range 0..10000\nend\n",
        "functions": "".join(f"function f{i}(x) = f{i + 1}(x) + 1\n" for i in range(499)) + "function f499(x) = x\n"
        + header + "  result T = f0(n) range 0..10000\nend\n",
    }
    for name, text in deep.items():
        emit(contract + [("a/" + name + ".ereje", text)] + example,
             ["2024-01-01", "MF", "49", "csv", "json", "en", "2023-01-01", "rj"])
    print(len(written))


if __name__ == "__main__":
    main()
