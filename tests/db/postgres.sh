#!/usr/bin/env bash
# `--data postgresql://...` against a real server: the example data loaded with psql \copy into typed
# tables (boolean, date), then `run` must print byte for byte what it prints from the CSV folder,
# in every format; a schema with bad rows must give errors naming table, row and column.
#
#   tests/db/postgres.sh path/to/ereje
#
# The server's URL comes from EREJE_TEST_PG_URL (.ci/run starts one with tests/db/postgres-server.sh).
# Without it the test is skipped (exit 77), except under CI, where a missing server is a failure.
set -euo pipefail
ereje=$(realpath "$1")
cd "$(dirname "$0")/../.."
if [ -z "${EREJE_TEST_PG_URL:-}" ]; then
  if [ "${CI:-}" = true ]; then
    echo "FAIL: CI=true but EREJE_TEST_PG_URL is not set: .ci/run should have started PostgreSQL" >&2
    exit 1
  fi
  echo "SKIP: EREJE_TEST_PG_URL is not set; start a server with: eval \"\$(bash tests/db/postgres-server.sh start)\"" >&2
  exit 77
fi
url=$EREJE_TEST_PG_URL
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
data=examples/assessment-2023
psql_() { PGOPTIONS="-c client_min_messages=warning" psql "$url" -X -q -v ON_ERROR_STOP=1 "$@"; }

load_schema() {  # SCHEMA DIR
  psql_ <<SQL
DROP SCHEMA IF EXISTS $1 CASCADE;
CREATE SCHEMA $1;
SET search_path = $1;
CREATE TABLE agencies (agency_id text, name_kk text, name_ru text, kind text);
CREATE TABLE services (agency_id text, service_id text, parent_id text, automation text,
                       portal_excluded boolean, mobile boolean);
CREATE TABLE objections (agency_id text, objection_id text, clause text, submitted_on date, reviewed_on date);
CREATE TABLE schedule (stage text, starts_on date, ends_on date);
\copy agencies FROM '$2/agencies.csv' WITH (FORMAT csv, HEADER true)
\copy services FROM '$2/services.csv' WITH (FORMAT csv, HEADER true)
\copy objections FROM '$2/objections.csv' WITH (FORMAT csv, HEADER true)
\copy schedule FROM '$2/schedule.csv' WITH (FORMAT csv, HEADER true)
SQL
}
in_schema() { # the URL with search_path set to SCHEMA
  case "$url" in *\?*) echo "$url&options=-csearch_path%3D$1" ;; *) echo "$url?options=-csearch_path%3D$1" ;; esac
}

fail=0
check() {  # NAME COMMAND...: counts a failure without stopping
  local name=$1; shift
  if "$@"; then echo "ok: $name"; else echo "FAIL: $name"; fail=1; fi
}

load_schema ereje_example "$PWD/$data"
pg=$(in_schema ereje_example)
for fmt in csv json table; do
  for as_of in 2023-01-01 2024-01-01; do
    "$ereje" run rules --data "$data" --as-of $as_of --format $fmt >"$tmp/csv.out" 2>"$tmp/csv.err"
    "$ereje" run rules --data "$pg" --as-of $as_of --format $fmt >"$tmp/pg.out" 2>"$tmp/pg.err"
    check "run --format $fmt --as-of $as_of: PostgreSQL results byte-identical to CSV" cmp "$tmp/csv.out" "$tmp/pg.out"
    check "run --format $fmt --as-of $as_of: the same warnings" cmp "$tmp/csv.err" "$tmp/pg.err"
  done
done
"$ereje" diff rules --from 2023-01-01 --to 2024-01-01 --data "$data" --format json >"$tmp/csv.diff" || true
"$ereje" diff rules --from 2023-01-01 --to 2024-01-01 --data "$pg" --format json >"$tmp/pg.diff" || true
check "diff --data: the same review from PostgreSQL" cmp "$tmp/csv.diff" "$tmp/pg.diff"
"$ereje" explain rules --data "$pg" --agency MF --clause 114 --as-of 2024-01-01 --rows >"$tmp/explain" 2>&1
check "explain --rows names the table and the row" grep -q "ereje_example:objections:3  objection_id=OBJ-2023-003\|:objections:3  objection_id=OBJ-2023-003" "$tmp/explain"

# Bad rows: each error names the table (URL:TABLE), the row and its key, and the column.
mkdir -p "$tmp/bad"
cp "$data"/*.csv "$tmp/bad/"
python3 - "$tmp/bad" <<'PY'
import sys, csv, os
d = sys.argv[1]
def edit(name, fn):
    p = os.path.join(d, name)
    rows = list(csv.reader(open(p, newline="", encoding="utf-8")))
    fn(rows)
    csv.writer(open(p, "w", newline="", encoding="utf-8"), lineterminator="\n").writerows(rows)
def services(rows):
    rows[3][3] = "partly"      # row 3: unknown automation value
    rows.append(["NOBODY", "S1", "", "full", "false", "true"])
edit("services.csv", services)
PY
load_schema ereje_bad "$tmp/bad"
psql_ -c "ALTER TABLE ereje_bad.objections ALTER COLUMN clause TYPE numeric USING clause::numeric"
bad=$(in_schema ereje_bad)
set +e
"$ereje" run rules --data "$bad" --as-of 2024-01-01 >"$tmp/bad.out" 2>"$tmp/bad.err"
code=$?
set -e
cat "$tmp/bad.err"
check "bad rows: exit status 2" test $code -eq 2
check "bad rows: nothing written" test ! -s "$tmp/bad.out"
check "bad rows: unknown value names table, row, key and column" \
  grep -q ':services: error: row 3 (agency_id `MDDIAI`, service_id `S0135`): unknown value `partly` in column `automation`' "$tmp/bad.err"
check "bad rows: unknown body" grep -q ':services: error: row 1536 (agency_id `NOBODY`, service_id `S1`): unknown body `NOBODY`' "$tmp/bad.err"
check "bad rows: a numeric column is refused" grep -q ':objections: error: row 1 (objection_id `OBJ-2023-001`): column `clause` holds the number 52' "$tmp/bad.err"
"$ereje" run rules --data "$bad" --as-of 2024-01-01 --lang ru >/dev/null 2>"$tmp/bad-ru.err" || true
check "bad rows: a numeric column, in Russian" \
  grep -q ':objections: error: строка 1 (objection_id `OBJ-2023-001`): в столбце `clause` число: 52' "$tmp/bad-ru.err"
check "bad rows: its help, in Russian" \
  grep -q '= help: коды, тексты и даты хранятся в столбцах text или date, логические значения — в boolean' "$tmp/bad-ru.err"
check "bad rows: the password never shows" bash -c "! grep -q 'secret' '$tmp/bad.err'"

# A missing table, and a server that is not there.
psql_ -c "DROP TABLE ereje_bad.schedule"
"$ereje" run rules --data "$bad" --as-of 2024-01-01 >/dev/null 2>"$tmp/missing.err" || true
check "missing table named" grep -q 'error: missing table `schedule` in the PostgreSQL database' "$tmp/missing.err"
"$ereje" run rules --data "postgresql://nobody:secret@127.0.0.1:1/none" --as-of 2024-01-01 >/dev/null 2>"$tmp/down.err" || true
check "no server: a clear error" grep -q 'postgresql://nobody@127.0.0.1:1/none: error: cannot connect to the PostgreSQL database' "$tmp/down.err"
check "no server: the password is not shown" bash -c "! grep -q secret '$tmp/down.err'"
# A view with no end: rows come one at a time and stop at the limit on a table held in memory, not
# at the machine's memory (no address-space limit under the sanitizers: theirs cannot be set).
psql_ <<'SQL'
DROP TABLE IF EXISTS ereje_bad.objections;
CREATE VIEW ereje_bad.objections AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
  SELECT 'MF'::text AS agency_id, 'O' || i AS objection_id, '52'::text AS clause,
         date '2023-08-03' AS submitted_on, date '2023-08-10' AS reviewed_on FROM n;
SQL
psql_ -c "CREATE TABLE ereje_bad.schedule AS SELECT * FROM ereje_example.schedule"
sanitized=0
if ldd "$ereje" 2>/dev/null | grep -q 'libasan\|libubsan' || nm "$ereje" 2>/dev/null | grep -q '__asan_init'; then sanitized=1; fi
code=0
( [ $sanitized = 1 ] || ulimit -v 2000000; exec timeout 300 "$ereje" run rules --data "$bad" --as-of 2024-01-01 ) \
  >/dev/null 2>"$tmp/endless.err" || code=$?
check "a view with no end: exit 2" test $code -eq 2
check "a view with no end: the limit named" grep -q ':objections: error: more than 256 MiB of rows in memory' "$tmp/endless.err"
if [ $code -ne 2 ]; then  # what it said, for whoever reads a failure in CI's log
  echo "the run on the view with no end: exit status $code (sanitized: $sanitized); its standard error:"
  head -c 4000 "$tmp/endless.err" | sed 's/^/  | /'
fi
psql_ -c "DROP SCHEMA ereje_example CASCADE; DROP SCHEMA ereje_bad CASCADE"
exit $fail
