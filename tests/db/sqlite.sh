#!/usr/bin/env bash
# `--data FILE.sqlite`: the example data copied into SQLite databases (all-TEXT columns with NULL for
# empty, and typed columns with booleans as INTEGER 0/1) must give byte for byte the CSV folder's
# results in every format, the same review and the same warnings; bad rows must give errors that
# name the table, the row (rowid and key) and the column, and no results.
#
#   tests/db/sqlite.sh path/to/ereje
set -euo pipefail
ereje=$(realpath "$1")
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
data=examples/assessment-2023
passed=0
failed=0
check() {  # NAME COMMAND...
  local name=$1; shift
  if "$@"; then echo "ok: $name"; passed=$((passed + 1)); else echo "FAIL: $name"; failed=$((failed + 1)); fi
}
python3 tests/db/make_sqlite.py "$data" "$tmp/text.sqlite"
python3 tests/db/make_sqlite.py "$data" "$tmp/typed.db" --typed

for db in text.sqlite typed.db; do
  for fmt in csv json table; do
    for as_of in 2023-01-01 2024-01-01; do
      "$ereje" run rules --data "$data" --as-of $as_of --format $fmt >"$tmp/csv.out" 2>"$tmp/csv.err"
      "$ereje" run rules --data "$tmp/$db" --as-of $as_of --format $fmt >"$tmp/db.out" 2>"$tmp/db.err"
      check "$db: run --format $fmt --as-of $as_of byte-identical to CSV" cmp -s "$tmp/csv.out" "$tmp/db.out"
      check "$db: the same warnings" cmp -s "$tmp/csv.err" "$tmp/db.err"
    done
  done
  "$ereje" diff rules --from 2023-01-01 --to 2024-01-01 --data "$data" --format json >"$tmp/csv.diff" || true
  "$ereje" diff rules --from 2023-01-01 --to 2024-01-01 --data "$tmp/$db" --format json >"$tmp/db.diff" || true
  check "$db: diff --data gives the same review" cmp -s "$tmp/csv.diff" "$tmp/db.diff"
done
"$ereje" explain rules --data "$tmp/text.sqlite" --agency MF --clause 114 --as-of 2024-01-01 --rows >"$tmp/explain"
check "explain --rows names DB:TABLE:ROWID and the key" grep -q "text.sqlite:objections:3  objection_id=OBJ-2023-003" "$tmp/explain"
"$ereje" run rules --data "$tmp/text.sqlite" --as-of 2024-01-01 --receipt "$tmp/receipt.json" >/dev/null 2>&1
check "a receipt hashes the database file" grep -q "\"path\": \"$tmp/text.sqlite\"" "$tmp/receipt.json"
# The receipt names the rules relative to the project and the database by an absolute path: replay
# reads it under --root, and the database only when named with --data (docs/security.md).
"$ereje" replay "$tmp/receipt.json" --root . --data "$tmp/text.sqlite" >"$tmp/replay" 2>&1
check "and replays it, the database named with --data" grep -q "the same 60 results, byte for byte" "$tmp/replay"
"$ereje" replay "$tmp/receipt.json" --root . >"$tmp/replay" 2>&1 || true
check "but not the absolute path the receipt names" grep -q "names a data path that is an absolute path" "$tmp/replay"

# Bad rows: every error names table, row and column; nothing is written.
cp "$tmp/text.sqlite" "$tmp/bad.sqlite"
python3 - "$tmp/bad.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript("""
UPDATE services SET automation = 'partly' WHERE rowid = 3;
UPDATE services SET mobile = NULL WHERE rowid = 5;
INSERT INTO services VALUES ('NOBODY', 'S1', NULL, 'full', 'false', 'true');
UPDATE objections SET submitted_on = '03.08.2023' WHERE rowid = 1;
CREATE TABLE s2 AS SELECT agency_id, objection_id, submitted_on, reviewed_on FROM objections;
DROP TABLE schedule;
""")
db.execute("UPDATE services SET portal_excluded = 'True' WHERE rowid = 6")
db.commit()
PY
echo keep >"$tmp/out.csv"
set +e
"$ereje" run rules --data "$tmp/bad.sqlite" --as-of 2024-01-01 --output "$tmp/out.csv" 2>"$tmp/bad.err"
code=$?
set -e
check "missing table: exit 2" test $code -eq 2
check "missing table named, with the columns to create" \
  grep -q 'bad.sqlite: error: missing table `schedule` in the SQLite database .*create the table with the columns stage, starts_on, ends_on\|bad.sqlite: error: missing table `schedule` in the SQLite database' "$tmp/bad.err"
python3 -c "import sqlite3,sys; db=sqlite3.connect(sys.argv[1]); db.execute(\"CREATE TABLE schedule (stage TEXT, starts_on TEXT)\"); db.execute(\"INSERT INTO schedule VALUES ('objections_review', '2023-08-01')\"); db.commit()" "$tmp/bad.sqlite"
set +e
"$ereje" run rules --data "$tmp/bad.sqlite" --as-of 2024-01-01 --output "$tmp/out.csv" 2>"$tmp/bad.err"
code=$?
set -e
cat "$tmp/bad.err"
check "bad rows: exit 2" test $code -eq 2
check "bad rows: the output file is untouched" grep -qx keep "$tmp/out.csv"
check "unknown value: table, rowid, key, column" \
  grep -q 'bad.sqlite:services: error: row 3 (agency_id `MDDIAI`, service_id `S0135`): unknown value `partly` in column `automation`' "$tmp/bad.err"
check "NULL in a required column" \
  grep -q 'bad.sqlite:services: error: row 5 (agency_id `MDDIAI`, service_id `S0141`): missing value (NULL or empty) in required column `mobile`' "$tmp/bad.err"
check "a boolean spelled True" \
  grep -q 'bad.sqlite:services: error: row 6 (agency_id `MDDIAI`, service_id `S0143`): invalid boolean `True` in column `portal_excluded`' "$tmp/bad.err"
check "unknown body" grep -q 'bad.sqlite:services: error: row 1536 (agency_id `NOBODY`, service_id `S1`): unknown body `NOBODY`' "$tmp/bad.err"
check "bad date, with the fix" grep -q 'bad.sqlite:objections: error: row 1 (objection_id `OBJ-2023-001`): invalid date `03.08.2023` in column `submitted_on`' "$tmp/bad.err"
check "a table without a column" grep -q 'bad.sqlite:schedule: error: the table has no column `ends_on`; columns found: stage, starts_on' "$tmp/bad.err"
check "no results written" grep -q '^error: no results written: the data has errors' "$tmp/bad.err"

# Typed columns: a REAL or a BLOB where text or an integer belongs is refused, not read as text.
cp "$tmp/typed.db" "$tmp/real.db"
python3 -c "import sqlite3,sys; db=sqlite3.connect(sys.argv[1]); db.execute('UPDATE services SET mobile = 0.5 WHERE rowid = 2'); db.execute('UPDATE services SET service_id = x\'00ff\' WHERE rowid = 4'); db.commit()" "$tmp/real.db"
"$ereje" run rules --data "$tmp/real.db" --as-of 2024-01-01 >/dev/null 2>"$tmp/real.err" || true
check "a REAL where a boolean belongs" \
  grep -q 'real.db:services: error: row 2 (agency_id `MDDIAI`, service_id `S0128`): column `mobile` holds the real number 0.5' "$tmp/real.err"
check "a BLOB" grep -q 'real.db:services: error: row 4 (agency_id `MDDIAI`, service_id empty): column `service_id` holds a BLOB' "$tmp/real.err"
"$ereje" run rules --data "$tmp/real.db" --as-of 2024-01-01 --lang kk >/dev/null 2>"$tmp/real-kk.err" || true
"$ereje" run rules --data "$tmp/real.db" --as-of 2024-01-01 --lang ru >/dev/null 2>"$tmp/real-ru.err" || true
check "a REAL, in Kazakh" grep -q 'real.db:services: error: 2-жол (agency_id `MDDIAI`, service_id `S0128`): `mobile` бағанында нақты сан (REAL) тұр: 0.5 \[data-db-value\]' "$tmp/real-kk.err"
check "a BLOB and its help, in Russian" grep -A1 -q 'строка 4 (agency_id `MDDIAI`, service_id empty): в столбце `service_id` значение типа BLOB' "$tmp/real-ru.err"
check "the help in Russian" grep -q '= help: храните значение как TEXT (UTF-8)' "$tmp/real-ru.err"
check "no English left (no notice)" bash -c "! grep -q 'holds\|store\|English' '$tmp/real-kk.err' '$tmp/real-ru.err'"
check "reported once (not also as an empty value)" bash -c "! grep -q 'required column .mobile.' '$tmp/real.err'"

# Rowids past 2^32: rows numbered in rowid order, never a rowid cut short into another row's.
cp "$tmp/text.sqlite" "$tmp/bigrowid.db"
python3 -c "import sqlite3,sys; db=sqlite3.connect(sys.argv[1]); db.execute('UPDATE objections SET rowid = rowid + 8589934592'); db.execute(\"UPDATE objections SET submitted_on = '2023-02-30' WHERE objection_id = 'OBJ-2023-003'\"); db.commit()" "$tmp/bigrowid.db"
"$ereje" run rules --data "$tmp/bigrowid.db" --as-of 2024-01-01 >/dev/null 2>"$tmp/bigrowid.err" || true
check "rowids past 2^32: the row by its place and key" \
  grep -q 'bigrowid.db:objections: error: row 3 (objection_id `OBJ-2023-003`): invalid date `2023-02-30`' "$tmp/bigrowid.err"

# A view with no end: stopped by the limit on a table held in memory, not by the machine's memory.
cp "$tmp/text.sqlite" "$tmp/endless.db"
python3 -c "import sqlite3,sys; db=sqlite3.connect(sys.argv[1]); db.execute('DROP TABLE objections'); db.execute(\"CREATE VIEW objections AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT 'MF' AS agency_id, 'O' || i AS objection_id, '52' AS clause, '2023-08-03' AS submitted_on, '2023-08-10' AS reviewed_on FROM n\"); db.commit()" "$tmp/endless.db"
# Under the address sanitizer the address-space limit cannot be set (its shadow memory reserves
# terabytes of addresses); the table limit is what is tested, and it stops the view either way.
sanitized=0
if ldd "$ereje" 2>/dev/null | grep -q 'libasan\|libubsan' || nm "$ereje" 2>/dev/null | grep -q '__asan_init'; then sanitized=1; fi
code=0
( [ $sanitized = 1 ] || ulimit -v 2000000; exec timeout 120 "$ereje" run rules --data "$tmp/endless.db" --as-of 2024-01-01) >/dev/null 2>"$tmp/endless.err" || code=$?
check "a view with no end: exit 2" test $code -eq 2
check "a view with no end: the limit named" grep -q 'endless.db:objections: error: more than 256 MiB of rows in memory' "$tmp/endless.err"

echo hello >"$tmp/junk.db"
"$ereje" run rules --data "$tmp/junk.db" --as-of 2024-01-01 >/dev/null 2>"$tmp/junk.err" || true
check "not a database: said so" grep -q 'junk.db: error: cannot read the SQLite database: file is not a database' "$tmp/junk.err"
"$ereje" run rules --data "$tmp/none.sqlite" --as-of 2024-01-01 >/dev/null 2>"$tmp/none.err" || true
check "no such file: said so" grep -q 'none.sqlite: error: SQLite database `.*none.sqlite` does not exist' "$tmp/none.err"
echo "$passed passed, $failed failed"
test $failed -eq 0
