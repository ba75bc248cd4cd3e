#!/usr/bin/env python3
"""Runs the commands of a Markdown walkthrough and checks that they print what the page shows.

In each ```console block, a line starting with `$ ` is a command (run by bash from the project
root, with `ereje` meaning the built binary, stderr merged into stdout); the lines after it, up to
the next command or the end of the block, are its expected output. `--update` rewrites the
outputs in place: read the diff before committing.
usage: walkthrough.py BINARY PAGE.md [PAGE.md ...] [--update]
"""
import os
import re
import subprocess
import sys


def run(binary, command):
    env = dict(os.environ, LC_ALL="C.UTF-8", TZ="UTC")
    shell = re.sub(r"(^|[|;&(]\s*)ereje\b", lambda m: m.group(1) + binary, command)
    proc = subprocess.run(["bash", "-c", shell], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    return proc.stdout.decode("utf-8", "replace").splitlines()


def process(binary, page, update):
    lines = open(page, encoding="utf-8").read().split("\n")
    out, failures, count, i = [], 0, 0, 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        if line.strip() != "```console":
            continue
        while i < len(lines) and lines[i].strip() != "```":
            if not lines[i].startswith("$ "):
                i += 1  # an output line outside a command: dropped on update
                continue
            command = lines[i][2:]
            out.append(lines[i])
            i += 1
            expected = []
            while i < len(lines) and not lines[i].startswith("$ ") and lines[i].strip() != "```":
                expected.append(lines[i])
                i += 1
            got = run(binary, command)
            count += 1
            if got != expected:
                if not update:
                    failures += 1
                    print(f"FAIL {page}: $ {command}")
                    for a, b in zip(expected + [""] * len(got), got + [""] * len(expected)):
                        if a != b:
                            print(f"  expected: {a}\n  got:      {b}")
                            break
            out.extend(got)
    if update:
        open(page, "w", encoding="utf-8").write("\n".join(out))
    return count, failures


def main():
    args = [a for a in sys.argv[1:] if a != "--update"]
    update = "--update" in sys.argv
    binary, pages = os.path.abspath(args[0]), args[1:]
    total = failed = 0
    for page in pages:
        c, f = process(binary, page, update)
        total, failed = total + c, failed + f
    print(f"walkthrough: {total - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
