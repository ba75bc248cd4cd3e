#!/usr/bin/env bash
# A throw-away PostgreSQL server on 127.0.0.1 for the database tests, run as the `postgres` user
# from Debian's postgresql package (scripts/install-test-deps.sh installs it).
#
#   eval "$(bash tests/db/postgres-server.sh start)"   # prints `export EREJE_TEST_PG_URL=...` and `export EREJE_PG_DIR=...`
#   bash tests/db/postgres-server.sh stop              # stops it and removes its folder ($EREJE_PG_DIR)
#
# The cluster lives in a fresh temporary folder with its socket there too, on a free port, so it
# never meets a server the machine already runs. Start to ready takes a few seconds.
set -euo pipefail
cmd=${1:-}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$cmd" = start ] && [ ! -c /dev/null ]; then
  echo "postgres-server.sh: /dev/null is not a device on this machine; PostgreSQL cannot start without it" >&2
  exit 1
fi
case "$cmd" in
  start)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
      echo "postgres-server.sh: PostgreSQL is not installed (apt-get install postgresql)" >&2
      exit 1
    fi
    dir=$(mktemp -d /tmp/ereje-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    # A free port: ask the kernel for one.
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c full_page_writes=off" \
      start >/dev/null || { cat "$dir/server.log" >&2; rm -rf "$dir"; exit 1; }
    as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres ereje
    echo "export EREJE_PG_DIR=$dir"
    echo "export EREJE_TEST_PG_URL=postgresql://postgres@127.0.0.1:$port/ereje"
    ;;
  stop)
    dir=${EREJE_PG_DIR:-}
    if [ -n "$dir" ] && [ -d "$dir/data" ]; then
      as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
      rm -rf "$dir"
    fi
    ;;
  *)
    echo "usage: postgres-server.sh start|stop" >&2
    exit 2
    ;;
esac
