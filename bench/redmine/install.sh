#!/usr/bin/env bash
# Installs Debian's redmine 5.0.4 for the side-by-side benchmark of issue #9, idempotently:
# - apt-get, noninteractive, with debconf preseeded so that dbconfig-common creates and touches no
#   database (we write database.yml ourselves);
# - its own database `redmine_bench` on the local PostgreSQL 15 (127.0.0.1:5432, user postgres, trust);
#   no other database is touched;
# - `gem 'puma'` in /usr/share/redmine/Gemfile.local (Debian's `puma` package) and a Puma config of
#   2 workers x 5 threads on 127.0.0.1:3000 (start.sh / stop.sh);
# - the REST API enabled, e-mail notifications off (no SMTP here), the admin not forced to change its password, and the admin API key read
#   with `rails runner` into /var/lib/redmine/default/bench-api-key.txt.
# Run as root. Re-running it is safe and leaves the data loaded by load.ts in place.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PGHOST="${REDMINE_PGHOST:-127.0.0.1}"
PGPORT="${REDMINE_PGPORT:-5432}"
PGUSER="${REDMINE_PGUSER:-postgres}"
DBNAME="${REDMINE_DB:-redmine_bench}"
INSTANCE=default
ETC="/etc/redmine/$INSTANCE"
VARLIB="/var/lib/redmine/$INSTANCE"
APP=/usr/share/redmine

if [ "$(id -u)" != 0 ]; then
  echo "install.sh: run as root (apt-get, /etc/redmine)" >&2
  exit 1
fi

say() { printf '\n== %s\n' "$*"; }

# --- 1. the Debian packages ------------------------------------------------------------------
if ! dpkg-query -W -f='${Status}' redmine 2>/dev/null | grep -q 'install ok installed' ||
  ! dpkg-query -W -f='${Status}' puma 2>/dev/null | grep -q 'install ok installed'; then
  say "apt-get install redmine redmine-pgsql puma (noninteractive, no dbconfig database)"
  debconf-set-selections <<'EOF'
redmine redmine/current-instances string default
redmine redmine/instances/default/dbconfig-install boolean false
redmine redmine/instances/default/database-type select pgsql
redmine redmine/instances/default/default-language select en
redmine redmine/instances/default/dbconfig-upgrade boolean false
redmine redmine/instances/default/dbconfig-remove boolean false
EOF
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -q --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    redmine redmine-pgsql puma postgresql-client
else
  say "redmine and puma already installed: $(dpkg-query -W -f='${Version}' redmine)"
fi

# --- 2. database.yml: our own database on the local server ---------------------------------------
say "database.yml -> $DBNAME on $PGHOST:$PGPORT"
mkdir -p "$ETC"
cat >"$ETC/database.yml" <<EOF
# Written by dondoc bench/redmine/install.sh
production:
  adapter: postgresql
  database: $DBNAME
  host: $PGHOST
  port: $PGPORT
  username: $PGUSER
  encoding: utf8
  # one connection per Puma thread (5), plus one spare
  pool: 6
EOF
chown root:www-data "$ETC/database.yml"
chmod 640 "$ETC/database.yml"

if ! psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -tAc \
  "select 1 from pg_database where datname = '$DBNAME'" | grep -q 1; then
  say "createdb $DBNAME"
  psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -v ON_ERROR_STOP=1 \
    -c "create database \"$DBNAME\" encoding 'UTF8' template template0"
fi

# --- 3. Puma in the bundle -----------------------------------------------------------------------
if ! grep -qs "gem 'puma'" "$APP/Gemfile.local"; then
  say "gem 'puma' in $APP/Gemfile.local"
  echo "gem 'puma'" >>"$APP/Gemfile.local"
fi
say "bundle install --local (Debian's gems only)"
rm -f /var/lib/redmine/Gemfile.lock
(cd "$APP" && bundle install --local --quiet)
chown www-data:www-data /var/lib/redmine/Gemfile.lock

mkdir -p "$VARLIB/tmp/pids" /var/log/redmine/$INSTANCE
chown -R www-data:www-data "$VARLIB/tmp/" /var/log/redmine/$INSTANCE/  # tmp is a symlink
cp "$HERE/puma.rb" "$VARLIB/bench-puma.rb"
chmod 644 "$VARLIB/bench-puma.rb"

as_redmine() {
  # Runs a command in /usr/share/redmine as www-data, production, the default instance.
  su www-data -s /bin/bash -c "cd $APP && REDMINE_INSTANCE=$INSTANCE RAILS_ENV=production $*"
}

# --- 4. schema and default data (trackers, statuses, roles, priorities) -----------------------
say "rake db:migrate"
as_redmine "SCHEMA=/dev/null bundle exec rake db:migrate redmine:plugins:migrate"
if [ "$(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DBNAME" -tAc 'select count(*) from trackers')" = 0 ]; then
  say "rake redmine:load_default_data (en)"
  as_redmine "REDMINE_LANG=en bundle exec rake redmine:load_default_data"
fi

# --- 5. REST API on, admin usable, API key ----------------------------------------------------
say "rails runner: REST API, admin, API key"
key="$(as_redmine "bundle exec rails runner -e production '
  Setting.rest_api_enabled = \"1\"
  Setting.login_required = \"1\"
  Setting.notified_events = []
  admin = User.find_by_login(\"admin\")
  admin.update_columns(must_change_passwd: false, status: User::STATUS_ACTIVE)
  puts \"API_KEY=#{admin.api_key}\"
'" | sed -n 's/^API_KEY=//p')"
if ! [[ "$key" =~ ^[0-9a-f]{40}$ ]]; then
  echo "install.sh: could not read the admin API key (got '$key')" >&2
  exit 1
fi
echo "$key" >"$VARLIB/bench-api-key.txt"
chmod 600 "$VARLIB/bench-api-key.txt"
echo "admin API key in $VARLIB/bench-api-key.txt"
say "done: bench/redmine/start.sh starts Puma on 127.0.0.1:3000"
