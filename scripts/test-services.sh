#!/usr/bin/env bash
# Real PostgreSQL, Redis, Elasticsearch 8 and an OpenID Connect provider on 127.0.0.1 for tests
# and local work.
#
#   scripts/test-services.sh install                 apt packages the tests need (services, hunspell,
#                                                    chromium, FreeDict dictionaries, shellcheck), then
#                                                    the eForms SDK from Maven (scripts/eforms-sdk.sh)
#   scripts/test-services.sh start  [SERVICE...]     start (or reuse) and health-check; writes var/test-services/env
#   scripts/test-services.sh stop   [SERVICE...]     stop
#   scripts/test-services.sh restart [SERVICE...]
#   scripts/test-services.sh status [SERVICE...]     exit 0 only if all named services answer
#   scripts/test-services.sh is-running SERVICE      exit 0 if it answers (quiet)
#   scripts/test-services.sh env                     KEY=VALUE lines for the services
#   scripts/test-services.sh logs SERVICE            last 50 lines of its log
#   scripts/test-services.sh purge                   stop the ones started from this repo, delete var/test-services
#   scripts/test-services.sh verify-es               hunspell nb_NO smoke check (_analyze)
#   scripts/test-services.sh start-es|stop-es|start-redis|stop-redis|start-pg|stop-pg|start-oidc|stop-oidc
#
# SERVICE is one of: postgres (pg), redis, elasticsearch (es), oidc. Default: all four.
# Ports are fixed: PostgreSQL 55432, Redis 56379, Elasticsearch 59200 (transport 59300),
# OIDC 58080 (NAV's mock-oauth2-server; issuer http://127.0.0.1:58080/idporten).
# An instance already answering on a port is reused, whoever started it.
# State lives in <repo>/var/test-services/. Elasticsearch is unpacked once into a cache
# directory (INNOVASJON_CACHE_DIR; /var/cache/innovasjonstorget as root, else
# ~/.cache/innovasjonstorget); Maven's ~/.m2 caches the downloaded zip. The OIDC provider's jars
# are copied there the same way.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE="$ROOT/var/test-services"

PG_PORT=55432
REDIS_PORT=56379
ES_PORT=59200
ES_TRANSPORT_PORT=59300
ES_VERSION="${ES_VERSION:-8.19.21}"
ES_HEAP="${ES_HEAP:-512m}"
ES_ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ES_VERSION}:zip"
OIDC_PORT=58080
OIDC_VERSION=$(sed -n 's:.*<mock-oauth2-server.version>\(.*\)</mock-oauth2-server.version>.*:\1:p' \
  "$ROOT/tools/mock-oauth2-server/pom.xml")
OIDC_HEAP="${OIDC_HEAP:-128m}"
SVC_USER="${INNOVASJON_SVC_USER:-innovasjon-svc}"
DB_NAME=innovasjon
DB_USER=innovasjon

if [[ $EUID -eq 0 ]]; then
  CACHE_DIR="${INNOVASJON_CACHE_DIR:-/var/cache/innovasjonstorget}"
else
  CACHE_DIR="${INNOVASJON_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/innovasjonstorget}"
fi
ES_HOME="$CACHE_DIR/elasticsearch-$ES_VERSION"
OIDC_HOME="$CACHE_DIR/mock-oauth2-server-$OIDC_VERSION"

log() { printf '[test-services] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------- helpers

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# pid listening on a TCP port on 127.0.0.1 (empty if none)
port_pid() {
  ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2 || true
}

wait_port_closed() { # port timeout_s
  local i
  for ((i = 0; i < $2 * 5; i++)); do port_open "$1" || return 0; sleep 0.2; done
  return 1
}

# run a command as the unprivileged service user (as ourselves when not root)
as_svc() {
  if [[ $EUID -eq 0 ]]; then (cd / && runuser -u "$SVC_USER" -- "$@"); else "$@"; fi
}

svc_owner() { # chown a path to the service user when we are root
  if [[ $EUID -eq 0 ]]; then chown -R "$SVC_USER:" "$@"; fi
}

ensure_svc_user() {
  [[ $EUID -eq 0 ]] || return 0
  id "$SVC_USER" >/dev/null 2>&1 && return 0
  log "creating system user $SVC_USER"
  useradd --system --user-group --no-create-home --home-dir /nonexistent \
    --shell /usr/sbin/nologin "$SVC_USER"
}

# The data directories of services running as $SVC_USER must be reachable by it.
# A repo inside a 0700 directory (mktemp -d) is not, so such state goes to /var/tmp
# and var/test-services/<svc> becomes a symlink to it.
svc_dir() { # name -> prints the directory to use for that service's data
  local name=$1 link="$STATE/$1"
  mkdir -p "$STATE"
  if [[ -L $link ]]; then readlink -f "$link"; return; fi
  if [[ $EUID -ne 0 ]] || runuser -u "$SVC_USER" -- test -x "$STATE"; then
    mkdir -p "$link"; echo "$link"; return
  fi
  local alt
  alt="/var/tmp/innovasjonstorget-test-services/$(printf '%s' "$ROOT" | sha1sum | cut -c1-12)/$name"
  mkdir -p "$alt"
  chmod 755 "$(dirname "$(dirname "$alt")")" "$(dirname "$alt")"
  rm -rf "$link"
  ln -s "$alt" "$link"
  echo "$alt"
}

# ---------------------------------------------------------------- install

pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

APT_UPDATED=0
apt_install() { # packages... (only the missing ones are passed in)
  (($# > 0)) || return 0
  local sudo=()
  if [[ $EUID -ne 0 ]]; then
    command -v sudo >/dev/null || die "need root (or sudo) to apt-get install: $*"
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  if [[ $APT_UPDATED -eq 0 ]]; then
    log "apt-get update"
    local i
    for i in 1 2 3 4 5 6; do
      "${sudo[@]}" apt-get update -q -o DPkg::Lock::Timeout=600 >/dev/null && break
      [[ $i -eq 6 ]] && die "apt-get update failed"
      sleep 10
    done
    APT_UPDATED=1
  fi
  log "apt-get install $*"
  "${sudo[@]}" apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 "$@" >/dev/null
}

pg_bindir() {
  local d
  d=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  [[ -n $d && -x $d/initdb ]] && echo "$d"
}

java17_home() {
  local d
  for d in /usr/lib/jvm/java-17-openjdk-* /usr/lib/jvm/java-21-openjdk-*; do
    [[ -x $d/bin/java ]] && { echo "$d"; return 0; }
  done
  return 1
}

missing_packages() { # which: services|all
  local want=()
  command -v curl >/dev/null || want+=(curl)
  command -v unzip >/dev/null || want+=(unzip)
  command -v ss >/dev/null || want+=(iproute2)
  command -v redis-server >/dev/null || want+=(redis-server)
  pg_bindir >/dev/null || want+=(postgresql)
  command -v psql >/dev/null || want+=(postgresql-client)
  pkg_installed hunspell-no || want+=(hunspell-no)
  pkg_installed hunspell-en-us || want+=(hunspell-en-us)
  java17_home >/dev/null || want+=(openjdk-17-jre-headless)
  command -v mvn >/dev/null || want+=(maven)
  if [[ $1 == all ]]; then
    command -v shellcheck >/dev/null || want+=(shellcheck)
    pkg_installed chromium || want+=(chromium)
    pkg_installed chromium-driver || want+=(chromium-driver)
    pkg_installed fonts-dejavu-core || want+=(fonts-dejavu-core)
    # matching/bilingual.py: FreeDict English->Norwegian and nynorsk->bokmål (dictd files)
    pkg_installed dict-freedict-eng-nor || want+=(dict-freedict-eng-nor)
    pkg_installed dict-freedict-nno-nob || want+=(dict-freedict-nno-nob)
  fi
  printf '%s\n' "${want[@]}"
}

ensure_packages() { # services|all
  local pkgs
  mapfile -t pkgs < <(missing_packages "$1" | sed '/^$/d' | sort -u)
  apt_install "${pkgs[@]}"
}

# ---------------------------------------------------------------- PostgreSQL

pg_up() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT" -t 2 >/dev/null 2>&1; }

pg_psql() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }

pg_ensure_db() {
  pg_psql -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname='$DB_USER'" | grep -q 1 ||
    pg_psql -d postgres -c "CREATE ROLE $DB_USER LOGIN SUPERUSER"
  pg_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB_NAME'" | grep -q 1 ||
    pg_psql -d postgres -c "CREATE DATABASE $DB_NAME OWNER $DB_USER"
}

pg_start() {
  if pg_up; then log "postgres: already running on $PG_PORT"; pg_ensure_db; return 0; fi
  port_open "$PG_PORT" && die "port $PG_PORT is taken by something that is not PostgreSQL"
  local bin dir data
  bin=$(pg_bindir) || die "PostgreSQL server binaries not found"
  dir=$(svc_dir pg)
  data="$dir/data"
  svc_owner "$dir"
  if [[ ! -s $data/PG_VERSION ]]; then
    log "postgres: initdb $data"
    rm -rf "$data"
    as_svc "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
      >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    cat >>"$data/postgresql.conf" <<EOF

# --- test-services.sh: throwaway test cluster, speed over durability
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
    cat >"$data/pg_hba.conf" <<'EOF'
host  all  all  127.0.0.1/32  trust
host  all  all  ::1/128       trust
EOF
  fi
  rm -f "$data/postmaster.pid" 2>/dev/null || true # stale after a killed session; port is free
  log "postgres: starting on 127.0.0.1:$PG_PORT"
  if ! as_svc "$bin/pg_ctl" -D "$data" -l "$dir/postgres.log" -w -t 60 start >/dev/null; then
    tail -n 50 "$dir/postgres.log" >&2 || true
    die "postgres did not start"
  fi
  local i
  for ((i = 0; i < 60; i++)); do pg_up && break; sleep 0.5; done
  pg_up || die "postgres does not answer on $PG_PORT"
  pg_ensure_db
}

pg_stop() {
  local dir="$STATE/pg" bin
  bin=$(pg_bindir || true)
  if [[ -n $bin && -s $dir/data/postmaster.pid ]] && pg_up; then
    as_svc "$bin/pg_ctl" -D "$(readlink -f "$dir")/data" -m fast -w -t 60 stop >/dev/null || true
  fi
  if port_open "$PG_PORT"; then # started from elsewhere: stop whatever postmaster holds the port
    local pid; pid=$(port_pid "$PG_PORT")
    if [[ -n $pid ]]; then kill -INT "$pid" 2>/dev/null || true; fi
  fi
  wait_port_closed "$PG_PORT" 60 || die "postgres still listening on $PG_PORT"
  log "postgres: stopped"
}

# ---------------------------------------------------------------- Redis

redis_up() { [[ $(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]; }

redis_start() {
  if redis_up; then log "redis: already running on $REDIS_PORT"; return 0; fi
  port_open "$REDIS_PORT" && die "port $REDIS_PORT is taken by something that is not Redis"
  local dir; dir=$(svc_dir redis)
  svc_owner "$dir"
  log "redis: starting on 127.0.0.1:$REDIS_PORT"
  as_svc redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --dir "$dir" \
    --save '' --appendonly no >/dev/null
  local i
  for ((i = 0; i < 50; i++)); do redis_up && return 0; sleep 0.2; done
  tail -n 50 "$dir/redis.log" >&2 || true
  die "redis did not start"
}

redis_stop() {
  if redis_up; then redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; fi
  if ! wait_port_closed "$REDIS_PORT" 10; then
    local pid; pid=$(port_pid "$REDIS_PORT")
    if [[ -n $pid ]]; then kill -TERM "$pid" 2>/dev/null || true; fi
    wait_port_closed "$REDIS_PORT" 20 || die "redis still listening on $REDIS_PORT"
  fi
  rm -f "$STATE/redis/redis.pid"
  log "redis: stopped"
}

# ---------------------------------------------------------------- Elasticsearch

ES_URL="http://127.0.0.1:$ES_PORT"

# 200 with the product header a real Elasticsearch sends. Not GET /: that handler is in the
# rest-root module, which the integ-test zip lacks (GET / and HEAD / answer 405 there), so
# client.info() and client.ping() do not work against it; cluster health does.
es_up() {
  local headers
  headers=$(curl -s -m 3 -o /dev/null -D - "$ES_URL/_cluster/health" 2>/dev/null) || return 1
  grep -q '^HTTP/[0-9.]* 200' <<<"$headers" &&
    grep -qi '^X-Elastic-Product: Elasticsearch' <<<"$headers"
}

es_install() {
  [[ -x $ES_HOME/bin/elasticsearch ]] && return 0
  mkdir -p "$CACHE_DIR"
  chmod 755 "$CACHE_DIR"
  local tmp; tmp=$(mktemp -d "$CACHE_DIR/.fetch.XXXXXX")
  log "elasticsearch: fetching $ES_ARTIFACT with Maven"
  mvn -B -q -Dstyle.color=never -f "$ROOT/tools/elasticsearch/pom.xml" dependency:copy \
    -Dartifact="$ES_ARTIFACT" -DoutputDirectory="$tmp" ||
    { rm -rf "$tmp"; die "could not fetch $ES_ARTIFACT"; }
  log "elasticsearch: unpacking into $ES_HOME"
  unzip -q "$tmp/elasticsearch-$ES_VERSION.zip" -d "$tmp/unpacked"
  chmod -R a+rX "$tmp/unpacked"
  rm -rf "$ES_HOME"
  mv "$tmp/unpacked/elasticsearch-$ES_VERSION" "$ES_HOME"
  rm -rf "$tmp"
}

es_copy_hunspell() { # conf_dir
  local src=/usr/share/hunspell locale
  for locale in nb_NO nn_NO en_US; do
    [[ -e $src/$locale.aff && -e $src/$locale.dic ]] || die "missing $src/$locale.{aff,dic}"
    mkdir -p "$1/hunspell/$locale"
    cp -L "$src/$locale.aff" "$src/$locale.dic" "$1/hunspell/$locale/"
  done
}

es_write_config() { # dir
  local dir=$1 conf="$1/config"
  mkdir -p "$dir/data" "$dir/logs" "$dir/tmp"
  if [[ $(cat "$conf/.es-version" 2>/dev/null) != "$ES_VERSION" ]]; then
    rm -rf "$conf"
    cp -r "$ES_HOME/config" "$conf"
    echo "$ES_VERSION" >"$conf/.es-version"
  fi
  es_copy_hunspell "$conf"
  cat >"$conf/elasticsearch.yml" <<EOF
# Written by scripts/test-services.sh; rewritten at every start.
cluster.name: innovasjon-test
node.name: test-node
discovery.type: single-node
network.host: 127.0.0.1
http.port: $ES_PORT
transport.port: $ES_TRANSPORT_PORT
path.data: $dir/data
path.logs: $dir/logs
xpack.security.enabled: false
action.destructive_requires_name: false
cluster.routing.allocation.disk.threshold_enabled: false
# Load a hunspell dictionary when an index first uses it: faster (re)starts.
indices.analysis.hunspell.dictionary.lazy: true
EOF
  svc_owner "$dir"
}

es_fail() {
  local dir; dir=$(readlink -f "$STATE/es")
  log "elasticsearch did not become healthy; last 50 lines of its log:"
  tail -n 50 "$dir/logs/innovasjon-test.log" >&2 2>/dev/null || tail -n 50 "$dir/startup.log" >&2 || true
  die "elasticsearch failed to start"
}

es_start() {
  if es_up; then log "elasticsearch: already running on $ES_PORT"; es_wait_yellow || die "elasticsearch not yellow"; return 0; fi
  port_open "$ES_PORT" && die "port $ES_PORT is taken by something that is not Elasticsearch"
  local java_home dir
  java_home=$(java17_home) || die "no JDK 17 or 21 under /usr/lib/jvm"
  es_install
  dir=$(svc_dir es)
  es_write_config "$dir"
  rm -f "$dir/es.pid"
  log "elasticsearch $ES_VERSION: starting on 127.0.0.1:$ES_PORT (heap $ES_HEAP)"
  # ES refuses root; JAVA_HOME only warns and JAVA_TOOL_OPTIONS breaks its JVM checks.
  if ! as_svc env -i PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 \
    ES_JAVA_HOME="$java_home" ES_PATH_CONF="$dir/config" ES_TMPDIR="$dir/tmp" \
    ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP" \
    "$ES_HOME/bin/elasticsearch" -d -p "$dir/es.pid" >"$dir/startup.log" 2>&1; then
    cat "$dir/startup.log" >&2
    es_fail
  fi
  local i
  for ((i = 0; i < 240; i++)); do
    es_up && break
    if [[ -s $dir/es.pid ]] && ! kill -0 "$(cat "$dir/es.pid")" 2>/dev/null; then es_fail; fi
    sleep 0.5
  done
  es_up || es_fail
  es_wait_yellow || es_fail
  # The hunspell smoke check runs once per data directory and version (it costs seconds).
  local mark="$dir/.hunspell-verified-$ES_VERSION"
  if [[ ! -f $mark ]]; then
    es_verify >/dev/null || { log "hunspell check failed"; es_verify || true; es_fail; }
    touch "$mark"
  fi
}

es_wait_yellow() {
  curl -sf -m 70 "$ES_URL/_cluster/health?wait_for_status=yellow&timeout=60s" 2>/dev/null |
    grep -Eq '"status":"(yellow|green)"'
}

# Creates a throwaway index with a nb_NO hunspell filter and analyses two words.
es_verify() {
  local idx=test-services-hunspell-check
  curl -s -m 30 -X DELETE "$ES_URL/$idx" >/dev/null 2>&1 || true
  curl -sf -m 60 -X PUT "$ES_URL/$idx" -H 'Content-Type: application/json' -d '{
    "settings": {"number_of_shards": 1, "number_of_replicas": 0,
      "analysis": {
        "filter": {"nb_hunspell": {"type": "hunspell", "locale": "nb_NO", "dedup": true}},
        "analyzer": {"nb": {"type": "custom", "tokenizer": "standard",
                             "filter": ["lowercase", "nb_hunspell"]}}}}}' >/dev/null || return 1
  local word out rc=0
  for word in anskaffelser trygghetsalarmer; do
    out=$(curl -sf -m 30 "$ES_URL/$idx/_analyze" -H 'Content-Type: application/json' \
      -d "{\"analyzer\": \"nb\", \"text\": \"$word\"}") || rc=1
    printf '%s -> %s\n' "$word" \
      "$(grep -o '"token":"[^"]*"' <<<"$out" | cut -d'"' -f4 | paste -sd' ' -)"
  done
  curl -s -m 30 -X DELETE "$ES_URL/$idx" >/dev/null || true
  return $rc
}

es_stop() {
  local dir="$STATE/es" pid=""
  [[ -s $dir/es.pid ]] && pid=$(cat "$dir/es.pid")
  [[ -z $pid ]] && port_open "$ES_PORT" && pid=$(port_pid "$ES_PORT")
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    local i
    for ((i = 0; i < 300; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then log "elasticsearch: SIGKILL $pid"; kill -KILL "$pid" || true; fi
  fi
  wait_port_closed "$ES_PORT" 30 || die "elasticsearch still listening on $ES_PORT"
  rm -f "$dir/es.pid"
  log "elasticsearch: stopped"
}

# ---------------------------------------------------------------- OpenID Connect provider

# NAV's mock-oauth2-server: a real OIDC provider (discovery, JWKS, authorization code flow with
# PKCE and nonce, RS256 ID tokens) with a login form where any subject and claims can be typed.
OIDC_URL="http://127.0.0.1:$OIDC_PORT"
OIDC_ISSUER="$OIDC_URL/idporten"

oidc_up() {
  curl -sf -m 3 "$OIDC_ISSUER/.well-known/openid-configuration" 2>/dev/null |
    grep -q "\"issuer\" *: *\"$OIDC_ISSUER\""
}

oidc_install() {
  [[ -s $OIDC_HOME/.complete ]] && return 0
  mkdir -p "$CACHE_DIR"
  chmod 755 "$CACHE_DIR"
  local tmp; tmp=$(mktemp -d "$CACHE_DIR/.fetch.XXXXXX")
  log "oidc: fetching mock-oauth2-server $OIDC_VERSION and its runtime classpath with Maven"
  mvn -B -q -Dstyle.color=never -f "$ROOT/tools/mock-oauth2-server/pom.xml" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tmp/lib" ||
    { rm -rf "$tmp"; die "could not fetch mock-oauth2-server $OIDC_VERSION"; }
  chmod -R a+rX "$tmp"
  echo "$OIDC_VERSION" >"$tmp/.complete"
  rm -rf "$OIDC_HOME"
  mv "$tmp" "$OIDC_HOME"
}

oidc_start() {
  if oidc_up; then log "oidc: already running on $OIDC_PORT"; return 0; fi
  port_open "$OIDC_PORT" && die "port $OIDC_PORT is taken by something that is not the OIDC provider"
  local java_home dir
  java_home=$(java17_home) || die "no JDK 17 or 21 under /usr/lib/jvm"
  oidc_install
  dir=$(svc_dir oidc)
  svc_owner "$dir"
  rm -f "$dir/oidc.pid"
  log "oidc: mock-oauth2-server $OIDC_VERSION starting on 127.0.0.1:$OIDC_PORT"
  # interactiveLogin: the authorize endpoint shows a form (subject + claims as JSON).
  as_svc env -i PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 \
    SERVER_HOSTNAME=127.0.0.1 SERVER_PORT="$OIDC_PORT" \
    JSON_CONFIG='{"interactiveLogin": true, "httpServer": "NettyWrapper"}' \
    setsid "$java_home/bin/java" "-Xmx$OIDC_HEAP" -cp "$OIDC_HOME/lib/*" \
    no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt \
    >"$dir/oidc.log" 2>&1 </dev/null &
  local i launcher=$!
  for ((i = 0; i < 120; i++)); do
    # The pid file names the JVM (the one listening), not the wrapper that launched it.
    if oidc_up; then port_pid "$OIDC_PORT" >"$dir/oidc.pid"; return 0; fi
    kill -0 "$launcher" 2>/dev/null || break
    sleep 0.5
  done
  tail -n 50 "$dir/oidc.log" >&2 || true
  die "the OIDC provider did not start"
}

oidc_stop() {
  local dir="$STATE/oidc" pid=""
  [[ -s $dir/oidc.pid ]] && pid=$(cat "$dir/oidc.pid")
  [[ -z $pid ]] && port_open "$OIDC_PORT" && pid=$(port_pid "$OIDC_PORT")
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    local i
    for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then log "oidc: SIGKILL $pid"; kill -KILL "$pid" || true; fi
  fi
  wait_port_closed "$OIDC_PORT" 30 || die "the OIDC provider is still listening on $OIDC_PORT"
  rm -f "$dir/oidc.pid"
  log "oidc: stopped"
}

# ---------------------------------------------------------------- commands

env_lines() {
  cat <<EOF
DATABASE_URL=postgres://$DB_USER@127.0.0.1:$PG_PORT/$DB_NAME
REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0
CELERY_BROKER_URL=redis://127.0.0.1:$REDIS_PORT/1
ELASTICSEARCH_URL=$ES_URL
OIDC_ISSUER=$OIDC_ISSUER
OIDC_CLIENT_ID=innovasjonstorget-test
OIDC_CLIENT_SECRET=test-secret
EOF
}

canon() { # service name -> pg|redis|es|oidc
  case $1 in
    pg | postgres | postgresql) echo pg ;;
    redis) echo redis ;;
    es | elasticsearch) echo es ;;
    oidc | mock-oauth2-server) echo oidc ;;
    *) die "unknown service '$1' (postgres, redis, elasticsearch, oidc)" ;;
  esac
}

services() { # args -> canonical names (default all)
  if (($# == 0)); then printf '%s\n' pg redis es oidc; return; fi
  local s; for s in "$@"; do canon "$s"; done
}

is_up() { case $1 in pg) pg_up ;; redis) redis_up ;; es) es_up ;; oidc) oidc_up ;; esac; }

cmd_start() {
  local svcs; mapfile -t svcs < <(services "$@")
  ensure_packages services
  ensure_svc_user
  mkdir -p "$STATE"
  local s
  for s in "${svcs[@]}"; do
    case $s in pg) pg_start ;; redis) redis_start ;; es) es_start ;; oidc) oidc_start ;; esac
  done
  env_lines >"$STATE/env"
  cmd_status "${svcs[@]}"
}

cmd_stop() {
  local svcs s; mapfile -t svcs < <(services "$@")
  for s in "${svcs[@]}"; do
    case $s in pg) pg_stop ;; redis) redis_stop ;; es) es_stop ;; oidc) oidc_stop ;; esac
  done
}

cmd_status() {
  local svcs s rc=0; mapfile -t svcs < <(services "$@")
  for s in "${svcs[@]}"; do
    local port name
    case $s in
      pg) port=$PG_PORT name=postgres ;;
      redis) port=$REDIS_PORT name=redis ;;
      es) port=$ES_PORT name=elasticsearch ;;
      oidc) port=$OIDC_PORT name=oidc ;;
    esac
    if is_up "$s"; then
      printf '%-14s up    127.0.0.1:%s pid %s\n' "$name" "$port" "$(port_pid "$port")"
    else
      printf '%-14s down  127.0.0.1:%s\n' "$name" "$port"; rc=1
    fi
  done
  return $rc
}

cmd_logs() {
  local s; s=$(canon "${1:-es}")
  case $s in
    pg) tail -n 50 "$STATE/pg/postgres.log" ;;
    redis) tail -n 50 "$STATE/redis/redis.log" ;;
    es) tail -n 50 "$STATE/es/logs/innovasjon-test.log" ;;
    oidc) tail -n 50 "$STATE/oidc/oidc.log" ;;
  esac
}

own_pidfile() {
  case $1 in
    pg) echo "$STATE/pg/data/postmaster.pid" ;;
    redis) echo "$STATE/redis/redis.pid" ;;
    es) echo "$STATE/es/es.pid" ;;
    oidc) echo "$STATE/oidc/oidc.pid" ;;
  esac
}

svc_port() {
  case $1 in pg) echo "$PG_PORT" ;; redis) echo "$REDIS_PORT" ;; es) echo "$ES_PORT" ;; oidc) echo "$OIDC_PORT" ;; esac
}

# Is the instance on the service's port the one whose state lives in this repo's var/?
is_ours() {
  local f pid; f=$(own_pidfile "$1")
  [[ -s $f ]] || return 1
  pid=$(head -n1 "$f")
  [[ -n $pid && $pid == "$(port_pid "$(svc_port "$1")")" ]]
}

# Stops only the instances started from this repo (another clone's stay up), then deletes state.
cmd_purge() {
  local s
  for s in pg redis es oidc; do
    if is_ours "$s"; then
      cmd_stop "$s"
    elif is_up "$s"; then
      log "leaving $s on port $(svc_port "$s") running: it was started from elsewhere"
    fi
  done
  local d
  for d in pg redis es oidc; do
    if [[ -L $STATE/$d ]]; then
      local target; target=$(readlink -f "$STATE/$d")
      rm -rf "$target"
      rmdir "$(dirname "$target")" 2>/dev/null || true
    fi
  done
  rm -rf "$STATE"
  log "purged $STATE"
}

main() {
  local cmd=${1:-}
  (($# > 0)) && shift
  case $cmd in
    install) ensure_packages all; "$ROOT/scripts/eforms-sdk.sh" install ;;
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    restart) cmd_stop "$@"; cmd_start "$@" ;;
    status) cmd_status "$@" ;;
    is-running) is_up "$(canon "${1:?service}")" ;;
    env) env_lines ;;
    logs) cmd_logs "$@" ;;
    verify-es) es_verify ;;
    purge) cmd_purge ;;
    start-* | stop-*) main "${cmd%%-*}" "${cmd#*-}" ;;
    *)
      sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
      exit 2 ;;
  esac
}

main "$@"
