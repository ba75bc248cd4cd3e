#!/usr/bin/env python3
"""Unpacks a fuzz_pipeline case (fuzz/Bundle.hpp) into a folder and prints the commands the harness
runs on it, for reproducing a finding with the ereje binary.

    python3 fuzz/unbundle.py CASE DIR
"""
import os
import sys


def main():
    case, out = sys.argv[1], sys.argv[2]
    text = open(case, "rb").read().decode("utf-8", "surrogateescape")
    if not text.startswith("@@ "):
        cut = text.find("\n@@ ")
        text = "" if cut < 0 else text[cut + 1:]
    sections = []
    for part in ("\n" + text).split("\n@@ ")[1:]:
        header, _, body = part.partition("\n")
        sections.append((header, body + "\n" if body and not body.endswith("\n") else body))
    args = ["2024-01-01", "MF", "49", "csv", "text", "en", "2023-01-01", ""]
    has_b = False
    for path, body in sections:
        if path == "args":
            for i, line in enumerate(body.split("\n")[:8]):
                if line:
                    args[i] = line
            continue
        parts = path.split("/")
        if parts[0] not in ("a", "b", "data") or any(p in ("", ".", "..") for p in parts[1:]) or len(parts) > 4:
            continue
        has_b |= parts[0] == "b"
        dest = os.path.join(out, *parts)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with open(dest, "wb") as f:
            f.write(body.encode("utf-8", "surrogateescape"))
    os.makedirs(os.path.join(out, "data"), exist_ok=True)
    as_of, agency, clause, run_fmt, diff_fmt, lang, from_date, flags = args
    print(f"cd {out}")
    print("ereje check a && ereje test a")
    print(f"EREJE_THREADS=1 ereje run a --data data --as-of {as_of} --format {run_fmt}")
    print(f"EREJE_THREADS=3 ereje run a --data data --as-of {as_of} --format {run_fmt}")
    rows = " --rows" if "r" in flags else ""
    fmt = " --format json" if "j" in flags else ""
    print(f"ereje explain a --data data --agency '{agency}' --clause '{clause}' --as-of {as_of}{rows}{fmt} --lang {lang}")
    dates = f"b --as-of {as_of}" if has_b else f"--from {from_date} --to {as_of}"
    print(f"ereje diff a {dates} --data data --format {diff_fmt} --lang {lang}")


if __name__ == "__main__":
    main()
