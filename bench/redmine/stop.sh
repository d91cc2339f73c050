#!/usr/bin/env bash
# Stops the Puma started by start.sh (by its pid file only) and waits for it to exit.
set -euo pipefail
PIDFILE=/var/lib/redmine/default/tmp/pids/bench-puma.pid
if [ ! -s "$PIDFILE" ] || ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
  echo "Redmine (bench Puma) is not running"
  rm -f "$PIDFILE"
  exit 0
fi
pid="$(cat "$PIDFILE")"
kill -TERM "$pid"
for _ in $(seq 1 60); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "Redmine stopped (pid $pid)"
    rm -f "$PIDFILE"
    exit 0
  fi
  sleep 0.5
done
echo "stop.sh: pid $pid still running after 30 s; sending KILL" >&2
kill -KILL "$pid" 2>/dev/null || true
rm -f "$PIDFILE"
