#!/usr/bin/env bash
# Starts Redmine (Debian 5.0.4, instance "default") under Puma, production, 2 workers x 5 threads,
# on 127.0.0.1:3000 (config: puma.rb, copied by install.sh), and waits until it answers.
# Stop it with stop.sh; do not leave it running on a shared machine.
set -euo pipefail
VARLIB=/var/lib/redmine/default
PIDFILE="$VARLIB/tmp/pids/bench-puma.pid"
LOG=/var/log/redmine/default/bench-puma.log
URL="${REDMINE_URL:-http://127.0.0.1:3000}"

if [ -s "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
  echo "Redmine already running (pid $(cat "$PIDFILE")) on $URL"
  exit 0
fi
if [ ! -f "$VARLIB/bench-puma.rb" ]; then
  echo "start.sh: run bench/redmine/install.sh first" >&2
  exit 1
fi
rm -f "$PIDFILE"
LAUNCH="$VARLIB/tmp/pids/bench-puma-launch.pid"
# REDMINE_YJIT=1 turns on Ruby 3.1's YJIT (Debian's ruby3.1 has it; off by default in Ruby 3.1).
YJIT=""
if [ "${REDMINE_YJIT:-0}" = 1 ]; then YJIT="RUBY_YJIT_ENABLE=1"; fi
su www-data -s /bin/bash -c "cd /usr/share/redmine && REDMINE_INSTANCE=default RAILS_ENV=production $YJIT \
  setsid nohup bundle exec puma -C $VARLIB/bench-puma.rb </dev/null >/dev/null 2>&1 & echo \$! >$LAUNCH"

key="$(cat "$VARLIB/bench-api-key.txt")"
for _ in $(seq 1 120); do
  if ! kill -0 "$(cat "$LAUNCH")" 2>/dev/null; then
    echo "start.sh: Puma exited while starting; see $LOG" >&2
    tail -20 "$LOG" >&2 || true
    exit 1
  fi
  if curl -fsS -o /dev/null -H "X-Redmine-API-Key: $key" "$URL/issues.json?limit=1" 2>/dev/null; then
    echo "Redmine up on $URL (pid $(cat "$PIDFILE"), log $LOG${YJIT:+, YJIT on})"
    exit 0
  fi
  sleep 1
done
echo "start.sh: Redmine did not answer within 120 s; see $LOG" >&2
tail -20 "$LOG" >&2 || true
exit 1
