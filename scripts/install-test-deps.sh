#!/usr/bin/env bash
# Installs what the tests need beyond the build (scripts/install-deps.sh), from Debian's packages:
# headless Chromium to render the HTML pages (tests/report/pages.py), fonts with Kazakh and Russian
# letters for its screenshots, and PostgreSQL for the database test (tests/db/postgres.sh, whose
# server .ci/run starts). Run as root on Debian 12; safe to run again.
set -euo pipefail
packages=(
  chromium           # tests/report/pages.py: DOM and screenshots of the report and the review
  fonts-dejavu-core  # the pages' font, with Cyrillic and Kazakh letters
  postgresql         # tests/db/postgres.sh: a throw-away server on 127.0.0.1
  postgresql-client  # psql \copy to load the example data
  sqlite3            # to look into the test databases by hand
  strace             # tests/killed_run.sh: a kill at the one moment between naming a file and the rename
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "install-test-deps.sh: missing ${missing[*]}; run as root to install them (the tests that need them will fail or skip)" >&2
    exit 0
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
