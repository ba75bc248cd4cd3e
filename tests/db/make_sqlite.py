#!/usr/bin/env python3
"""Copies a data folder's CSV tables into one SQLite database, one SQL table per CSV file.

    make_sqlite.py DATA_DIR OUT.sqlite [--typed]

Without --typed every column is TEXT and an empty CSV field becomes NULL. With --typed the
columns get the types a database designer would choose (booleans INTEGER 0/1, dates TEXT), to
check that the reader takes both."""
import csv
import os
import sqlite3
import sys

BOOLS = {"portal_excluded", "mobile"}


def main():
    src, out = sys.argv[1], sys.argv[2]
    typed = "--typed" in sys.argv[3:]
    if os.path.exists(out):
        os.remove(out)
    db = sqlite3.connect(out)
    for name in sorted(os.listdir(src)):
        if not name.endswith(".csv"):
            continue
        table = name[:-4]
        with open(os.path.join(src, name), newline="", encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
        header, body = rows[0], rows[1:]
        cols = []
        for h in header:
            kind = "INTEGER" if typed and h in BOOLS else "TEXT"
            cols.append(f'"{h}" {kind}')
        db.execute(f'CREATE TABLE "{table}" ({", ".join(cols)})')

        def value(h, v):
            if v == "":
                return None
            if typed and h in BOOLS:
                return {"true": 1, "false": 0}.get(v, v)
            return v

        db.executemany(
            f'INSERT INTO "{table}" VALUES ({", ".join("?" for _ in header)})',
            [[value(h, v) for h, v in zip(header, r)] for r in body],
        )
    db.commit()
    db.close()


if __name__ == "__main__":
    main()
