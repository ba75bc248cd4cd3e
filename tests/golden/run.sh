#!/usr/bin/env bash
# Runs every golden case: a folder under tests/golden/ holding `cmd` (the arguments to ereje, one
# line, run from the project root), and the expected `stdout`, `stderr` and `exit`; `stdin`, if there,
# is fed to the command; `env`, if there, holds VAR=value lines set for it.
# `tests/golden/run.sh BINARY --update` rewrites the expectations; read the diff before committing.
# A folder argument runs the cases under that folder instead (tests/catalogue uses this runner).
set -u
bin=${1:?usage: run.sh path/to/ereje [--update] [FOLDER]}
shift
update=
root=$(cd "$(dirname "$0")" && pwd)
for arg in "$@"; do
  case "$arg" in
    --update) update=--update ;;
    *) root=$(cd "$arg" && pwd) || exit 2 ;;
  esac
done
passed=0; failed=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
while IFS= read -r cmdfile; do
  case_dir=$(dirname "$cmdfile")
  name=${case_dir#"$root"/}
  args=$(cat "$cmdfile")
  # Cases may use $CASE (their own folder) and $TMP (a scratch folder) in their arguments.
  scratch="$tmp/$name"; mkdir -p "$scratch"
  [ -d "$case_dir/before" ] && cp -r "$case_dir/before/." "$scratch/"
  expanded=${args//\$CASE/$case_dir}; expanded=${expanded//\$TMP/$scratch}
  eval "set -- $expanded"
  # `stdin`: what the command reads on standard input (else nothing).
  input=/dev/null; [ -f "$case_dir/stdin" ] && input=$case_dir/stdin
  # `env`: VAR=value lines set for the command (e.g. EREJE_THREADS).
  env_args=(); [ -f "$case_dir/env" ] && mapfile -t env_args <"$case_dir/env"
  env "${env_args[@]}" LC_ALL=C.UTF-8 TZ=UTC "$bin" "$@" <"$input" >"$scratch.out" 2>"$scratch.err"; code=$?
  # Paths in messages are shown relative to the project root.
  sed -i "s|$case_dir|\$CASE|g; s|$scratch|\$TMP|g" "$scratch.out" "$scratch.err"
  # `after`: list the scratch folder's files with their first lines (what a run left behind).
  if [ -f "$case_dir/after" ]; then
    (cd "$scratch" && find . -type f | sort | while IFS= read -r f; do echo "== $f"; head -n 3 "$f"; done) >>"$scratch.out"
  fi
  if [ "$update" = "--update" ]; then
    cp "$scratch.out" "$case_dir/stdout"; cp "$scratch.err" "$case_dir/stderr"; echo "$code" >"$case_dir/exit"
    continue
  fi
  ok=1
  cmp -s "$scratch.out" "$case_dir/stdout" || { ok=0; echo "--- $name: stdout differs"; diff "$case_dir/stdout" "$scratch.out" | head -20; }
  cmp -s "$scratch.err" "$case_dir/stderr" || { ok=0; echo "--- $name: stderr differs"; diff "$case_dir/stderr" "$scratch.err" | head -20; }
  [ "$code" = "$(cat "$case_dir/exit")" ] || { ok=0; echo "--- $name: exit $code, expected $(cat "$case_dir/exit")"; }
  if [ $ok = 1 ]; then passed=$((passed+1)); else failed=$((failed+1)); echo "FAIL $name"; fi
done < <(find "$root" -name cmd -type f | sort)
echo "$(basename "$root"): $passed passed, $failed failed"
[ "$failed" = 0 ]
