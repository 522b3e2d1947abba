#!/usr/bin/env bash
# Load benchmark of auth-backbone; see docs/performance.md. One command:
#
#   bench/run.sh               (~9 minutes)      BENCH_QUICK=1 bench/run.sh   (~2 minutes, smoke check)
#
# Measures the server as the README runs it: started by bin/auth-backbone (the launcher, its default
# JVM settings, its class-data archive), and beside it the same jar under plain `java -jar`, and the
# launcher on PostgreSQL. Builds the jar if needed, starts a counting SMTP sink and the server (its
# own process, limits raised so nothing is refused) on loopback, drives load with wrk, and writes
# bench/results/<timestamp>.json and .md. Everything it starts, it stops. Tunables (environment):
#   BENCH_DURATION=20        seconds per measured step (BENCH_NOOP_DURATION=10 for the no-work route,
#                            BENCH_CONFIRM_DURATION=10 for confirm-email, whose tokens must be mailed first)
#   BENCH_CONCURRENCY="32 128"   concurrencies of every measured endpoint
#   BENCH_SEED_ACCOUNTS=1000000  accounts (with identities) for the large-database phase; 0 skips it
#   BENCH_LOAD_ACCOUNTS=1000 accounts whose tokens the load uses
#   BENCH_PLAIN=1            also measure plain `java -jar` (0 skips)
#   BENCH_PG_URL=jdbc:postgresql://127.0.0.1:5432/test?user=postgres   PostgreSQL for the PostgreSQL
#                            phase (a fresh schema is created and dropped); "" skips the phase
#   BENCH_PROFILE=1          also record a JFR profile of request-email-confirmation at c=32 under the
#                            launcher (JAVA_OPTS=-XX:StartFlightRecording=...) and summarise it into
#                            bench/results/<timestamp>-profile.txt (the measured steps stay unprofiled)
#   BENCH_SERVER_JAVA_OPTS   JAVA_OPTS for the launcher (default: none, as the README runs it)
#   BENCH_NMT=1              native memory tracking in the launcher phase (costs a little speed): where the
#                            resident memory goes, into bench/results/<timestamp>-nmt.txt
#   BENCH_KEEP=1             keep the work directory (database, logs, profiles)
#   BENCH_CDS_ARCHIVE=off    no class-data archive (needed when BENCH_SERVER_JAVA_OPTS loads a native
#                            agent such as a profiler: the JVM refuses to write an archive then)
#   BENCH_QUICK=1            short steps, c=32 only, no large database: checks the tooling, not the speed
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
JAR=$ROOT/bootstrap/target/auth-backbone.jar
TS=$(date -u +%Y%m%dT%H%M%SZ)
WORK=${BENCH_WORK_DIR:-/tmp}/auth-backbone-bench-$TS
RESULTS=$BENCH/results
QUICK=${BENCH_QUICK:-0}
if [[ $QUICK == 1 ]]; then
  : "${BENCH_DURATION:=5}" "${BENCH_NOOP_DURATION:=3}" "${BENCH_CONFIRM_DURATION:=3}" "${BENCH_CONCURRENCY:=32}"
  : "${BENCH_SEED_ACCOUNTS:=0}" "${BENCH_WARMUP:=3}" "${BENCH_SELF_CHECK_MAILS:=100}" "${BENCH_STARTS:=1}"
fi
DURATION=${BENCH_DURATION:-20}
NOOP_DURATION=${BENCH_NOOP_DURATION:-10}        # the no-work route is steady
CONFIRM_DURATION=${BENCH_CONFIRM_DURATION:-10}  # each confirmation needs a mailed token: 10 s keeps the run under 10 minutes
CONCURRENCY=${BENCH_CONCURRENCY:-"32 128"}
SEED_ACCOUNTS=${BENCH_SEED_ACCOUNTS:-1000000}
LOAD_ACCOUNTS=${BENCH_LOAD_ACCOUNTS:-1000}
WARMUP=${BENCH_WARMUP:-10}
SELF_CHECK_MAILS=${BENCH_SELF_CHECK_MAILS:-500}
STARTS=${BENCH_STARTS:-3}                       # timed starts on the existing database, per configuration
PLAIN=${BENCH_PLAIN:-1}
PG_URL=${BENCH_PG_URL-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
PROFILE=${BENCH_PROFILE:-0}
LAUNCHER=$ROOT/bin/auth-backbone
SERVER_JAVA_OPTS=${BENCH_SERVER_JAVA_OPTS:-}
NMT=${BENCH_NMT:-0}
[[ $NMT == 1 ]] && SERVER_JAVA_OPTS="$SERVER_JAVA_OPTS -XX:NativeMemoryTracking=summary"
export BENCH_LUA_DIR=$BENCH/lua

mkdir -p "$WORK" "$RESULTS"
STEPS=$WORK/steps.jsonl
META=$WORK/meta.env
: > "$STEPS"
: > "$META"
SERVER_PID=
SINK_PID=
PG_SCHEMA_CREATED=
T0=$(date +%s)
printf 'loadavg_at_start=%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" >> "$META"

log() { printf '[bench %4ss] %s\n' "$(( $(date +%s) - T0 ))" "$*" >&2; }
meta() { printf '%s=%s\n' "$1" "$2" >> "$META"; }

cleanup() {
  local rc=$?
  set +e
  if [[ -n $SERVER_PID ]]; then kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; fi
  if [[ -n $SINK_PID ]]; then kill "$SINK_PID" 2>/dev/null; wait "$SINK_PID" 2>/dev/null; fi
  if [[ -n $PG_SCHEMA_CREATED ]]; then psql "${PG_URL#jdbc:}" -X -q -c "DROP SCHEMA $PG_SCHEMA CASCADE" > /dev/null 2>&1; fi
  if [[ ${BENCH_KEEP:-0} != 1 && $rc == 0 ]]; then rm -rf "$WORK"; else log "work directory kept: $WORK"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- prerequisites
if ! command -v wrk >/dev/null; then
  log "installing wrk from the Debian packages"
  SUDO=; [[ $(id -u) == 0 ]] || SUDO=sudo
  $SUDO apt-get install -y wrk >/dev/null 2>&1 || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y wrk >/dev/null; }
fi
newest_source=$(find "$ROOT" -path "$ROOT/bench" -prune -o \( -name '*.java' -o -name '*.sql' -o -name 'pom.xml' -o -name '*.html' -o -name '*.txt' \) -path '*src/main*' -newer "$JAR" -print -quit 2>/dev/null || true)
if [[ ! -f $JAR || -n $newest_source ]]; then
  log "building $JAR"
  (cd "$ROOT" && { mvn -B -q -o -pl bootstrap -am package -DskipTests || mvn -B -q -pl bootstrap -am package -DskipTests; })
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

H2_URL="jdbc:h2:file:$WORK/data/auth-backbone;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE"

# ---------------------------------------------------------------- the SMTP sink
log "starting the SMTP sink"
java -Xmx48m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "$BENCH/SmtpSink.java" "$WORK/sink.ports" "$WORK/mail-tokens.txt" \
  > "$WORK/sink.log" 2>&1 &
SINK_PID=$!
for _ in $(seq 1 200); do [[ -f $WORK/sink.ports ]] && break; sleep 0.05; done
read -r SMTP_PORT CTL_PORT < "$WORK/sink.ports"

sink() { # sink COUNT|FLUSH|STATS
  local answer
  exec 9<>"/dev/tcp/127.0.0.1/$CTL_PORT"
  printf '%s\n' "$1" >&9
  read -r answer <&9
  exec 9<&-
  printf '%s\n' "$answer"
}

# Waits until the sink's count has stopped moving for a second (in-flight requests finished and their
# mails delivered, even on a machine busy with other work); prints the count.
sink_drained() {
  local last=-1 now same=0
  for _ in $(seq 1 600); do
    now=$(sink COUNT)
    if [[ $now == "$last" ]]; then same=$((same + 1)); [[ $same -ge 10 ]] && break; else same=0; fi
    last=$now
    sleep 0.1
  done
  printf '%s\n' "$now"
}

# ---------------------------------------------------------------- the server
HTTP_PORT=$(free_port)
BASE=http://127.0.0.1:$HTTP_PORT
server_env=(
  AUTH_HTTP_HOST=127.0.0.1 AUTH_HTTP_PORT="$HTTP_PORT" AUTH_DATA_DIR="$WORK/data"
  AUTH_SMTP_HOST=127.0.0.1 AUTH_SMTP_PORT="$SMTP_PORT" AUTH_ACCESS_TOKEN_TTL=1d
  AUTH_RATE_LIMIT_EMAIL=999999999/1s AUTH_RATE_LIMIT_ACCOUNT=999999999/1s AUTH_RATE_LIMIT_IP=999999999/1s AUTH_RATE_LIMIT_TOKEN_IP=999999999/1s
  # The launcher's class-data archive goes to the work directory, so that the run sees a first start
  # (which writes it) and leaves the archive next to the user's jar alone. Same flags, other path.
  AUTHBACKBONE_CDS_ARCHIVE="${BENCH_CDS_ARCHIVE:-$WORK/auth-backbone.jsa}"
)
NOWORK_PATH="/auth/confirm-email?token=bench"

http_status() { # http_status PATH -> status code of a GET, or nothing when nobody listens
  local status
  exec 8<>"/dev/tcp/127.0.0.1/$HTTP_PORT" 2>/dev/null || return 1
  printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$1" >&8
  read -r _ status _ <&8 || true
  exec 8<&-
  printf '%s\n' "$status"
}

# start_server LABEL HOW [ENV...]: HOW is "launcher" (bin/auth-backbone, as the README runs it, with
# $SERVER_JAVA_OPTS as JAVA_OPTS) or "plain" (java -jar, no flags, no environment of the launcher's).
# Sets SERVER_PID (the launcher's process: the JVM itself once it has exec'd) and STARTUP_MS (from
# exec to the first 200 answer).
start_server() {
  local label=$1 how=$2 started now
  shift 2
  started=$(date +%s%N)
  if [[ $how == launcher ]]; then
    env "${server_env[@]}" JAVA_OPTS="$SERVER_JAVA_OPTS" "$@" "$LAUNCHER" >> "$WORK/server-$label.log" 2>&1 &
  else
    env "${server_env[@]}" "$@" java -jar "$JAR" >> "$WORK/server-$label.log" 2>&1 &
  fi
  SERVER_PID=$!
  while true; do
    if [[ $(http_status "$NOWORK_PATH" 2>/dev/null || true) == 200 ]]; then break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { log "server died; see $WORK/server-$label.log"; tail -5 "$WORK/server-$label.log" >&2; exit 1; }
    sleep 0.01
  done
  now=$(date +%s%N)
  STARTUP_MS=$(( (now - started) / 1000000 ))
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}

# The JVM's process: the launcher exec's java, except on the start that writes the class-data archive,
# where java is its child.
jvm_pid() {
  local child
  if [[ $(cat "/proc/$SERVER_PID/comm") == java ]]; then echo "$SERVER_PID"; return; fi
  child=$(pgrep -P "$SERVER_PID" java | head -1)
  echo "${child:-$SERVER_PID}"
}
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$(jvm_pid)/status"; }
hwm_kib() { awk '/^VmHWM/ {print $2}' "/proc/$(jvm_pid)/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$(jvm_pid)/stat"; }
sink_ticks() { awk '{print $14 + $15}' "/proc/$SINK_PID/stat"; }
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }  # busy time, all processes
CLK_TCK=$(getconf CLK_TCK)

# The embedded database's password: generated by the server's first start beside the database file.
h2_password() { cat "$WORK/data/auth-backbone.db-password"; }
h2() { # h2 SQLFILE: runs a script on the (stopped or running) embedded database
  java -Xmx1g -cp "$JAR" org.h2.tools.RunScript -url "$H2_URL" -user sa -password "$(h2_password)" -script "$1"
}
h2_count() { # h2_count TABLE
  java -cp "$JAR" org.h2.tools.Shell -url "$H2_URL" -user sa -password "$(h2_password)" -sql "SELECT COUNT(*) AS n FROM $1" | awk 'NR==2 {print $1}'
}
# mint_tokens JDBC-URL USER PASSWORD OUT: a live session per load account in that database, and an
# access token for each signed with the database's current key (RS256), as the server signs them.
mint_tokens() {
  java -cp "$JAR" "$BENCH/BenchTool.java" tokens "$1" "$2" "$3" 1 "$LOAD_ACCOUNTS" "$4"
}
TOKENS=$WORK/access-tokens.txt

seed_accounts() { # seed_accounts FIRST LAST: accounts and primary identities, in one SQL statement per chunk
  local first=$1 last=$2 chunk=250000 from to
  for ((from = first; from <= last; from += chunk)); do
    to=$(( from + chunk - 1 < last ? from + chunk - 1 : last ))
    cat > "$WORK/seed.sql" <<SQL
INSERT INTO account (id, created_at, disabled)
  SELECT CAST('00000000-0000-4000-8000-' || LPAD(CAST("X" AS VARCHAR), 12, '0') AS UUID), CURRENT_TIMESTAMP, FALSE
  FROM SYSTEM_RANGE($from, $to);
INSERT INTO email_identity (email_canonical, email, account_id, is_primary, primary_of, verified_at)
  SELECT 'seed' || "X" || '@seed.example.net', 'Seed' || "X" || '@seed.example.net',
         CAST('00000000-0000-4000-8000-' || LPAD(CAST("X" AS VARCHAR), 12, '0') AS UUID), TRUE,
         CAST('00000000-0000-4000-8000-' || LPAD(CAST("X" AS VARCHAR), 12, '0') AS UUID), CURRENT_TIMESTAMP
  FROM SYSTEM_RANGE($from, $to);
SQL
    h2 "$WORK/seed.sql"
  done
}


# PostgreSQL: psql takes the JDBC URL without its "jdbc:" prefix (a libpq URI); every statement runs in
# the run's own schema, which the server gets through currentSchema= in its URL.
PG_SCHEMA=bench_$(echo "$TS" | tr 'A-Z' 'a-z')
pg() { psql "${PG_URL#jdbc:}" -X -q -t -A -v ON_ERROR_STOP=1 -c "SET search_path TO $PG_SCHEMA; $1"; }
pg_seed_accounts() { # pg_seed_accounts FIRST LAST
  pg "INSERT INTO account (id, created_at, disabled)
        SELECT CAST('00000000-0000-4000-8000-' || LPAD(x::text, 12, '0') AS UUID), now(), FALSE FROM generate_series($1, $2) x;
      INSERT INTO email_identity (email_canonical, email, account_id, is_primary, primary_of, verified_at)
        SELECT 'seed' || x || '@seed.example.net', 'Seed' || x || '@seed.example.net',
               CAST('00000000-0000-4000-8000-' || LPAD(x::text, 12, '0') AS UUID), TRUE,
               CAST('00000000-0000-4000-8000-' || LPAD(x::text, 12, '0') AS UUID), now() FROM generate_series($1, $2) x;"
}

# step PHASE ENDPOINT CONCURRENCY LUA PATH [lua args...]: one measured wrk run, one JSON line in $STEPS.
step() {
  local phase=$1 endpoint=$2 conc=$3 lua=$4 path=$5; shift 5
  local threads=$(( conc < 2 ? conc : 2 )) seconds=$DURATION mails0 mails1 cpu0 cpu1 sink0 sink1 all0 all1 out result wrk_cpu
  mails0=$(sink COUNT); cpu0=$(cpu_ticks); sink0=$(sink_ticks); all0=$(machine_ticks)
  [[ $endpoint == noop ]] && seconds=$NOOP_DURATION
  [[ $endpoint == confirm-email ]] && seconds=$CONFIRM_DURATION
  out=$( { TIMEFORMAT='WRK-CPU %U %S'; time wrk -t"$threads" -c"$conc" -d"${seconds}s" --timeout 10s \
          -s "$BENCH/lua/$lua" "$BASE$path" -- "$@"; } 2>&1 )
  all1=$(machine_ticks); mails1=$(sink_drained); cpu1=$(cpu_ticks); sink1=$(sink_ticks)
  result=$(grep '^BENCH-RESULT ' <<<"$out" | cut -d' ' -f2-)
  wrk_cpu=$(awk '/^WRK-CPU/ {print $2 + $3}' <<<"$out")
  [[ -n $result ]] || { log "wrk gave no result:"; echo "$out" >&2; exit 1; }
  printf '{"phase":"%s","endpoint":"%s","concurrency":%d,"threads":%d,"wrk":%s,"mails":%d,"server_cpu_s":%.2f,"sink_cpu_s":%.2f,"wrk_cpu_s":%s,"machine_cpu_s":%.2f,"rss_kib":%d,"hwm_kib":%d}\n' \
    "$phase" "$endpoint" "$conc" "$threads" "$result" $((mails1 - mails0)) \
    "$(awk "BEGIN {print ($cpu1 - $cpu0) / $CLK_TCK}")" "$(awk "BEGIN {print ($sink1 - $sink0) / $CLK_TCK}")" "${wrk_cpu:-0}" "$(awk "BEGIN {print ($all1 - $all0) / $CLK_TCK}")" \
    "$(rss_kib)" "$(hwm_kib)" >> "$STEPS"
  log "$(python3 "$BENCH/report.py" --line "$(tail -1 "$STEPS")")"
}

# warm PATH LUA SECONDS [args...]: unmeasured load (JIT warm-up, or more tokens to confirm)
warm() {
  local path=$1 lua=$2 secs=$3; shift 3
  wrk -t2 -c32 -d"${secs}s" --timeout 10s -s "$BENCH/lua/$lua" "$BASE$path" -- "$@" > /dev/null
  sink_drained > /dev/null
}

REQUEST=/api/auth/request-email-confirmation
CONFIRM=/api/auth/confirm-email
tokens_available() { sink FLUSH; }

# starts HOW LABEL META [ENV...]: $STARTS timed starts on the existing database; the last one keeps running.
starts() {
  local how=$1 label=$2 key=$3 i; shift 3
  local times=()
  for ((i = 1; i <= STARTS; i++)); do
    start_server "$label" "$how" "$@"
    times+=("$STARTUP_MS")
    log "  start $i ($label) on the existing database: first answer after $STARTUP_MS ms"
    [[ $i == "$STARTS" ]] || stop_server
  done
  meta "$key" "${times[*]}"
}

# request_steps PHASE TAG: request-email-confirmation at every concurrency
request_steps() {
  local c
  for c in $CONCURRENCY; do step "$1" request-email-confirmation "$c" request.lua "$REQUEST" "$TOKENS" "$2$c.$TS"; done
}

# ---------------------------------------------------------------- phase 1: the launcher, embedded database
log "launcher, fresh database: first start (runs the migrations; the launcher writes its class-data archive when the server stops)"
start_server fresh launcher
meta startup_fresh_ms "$STARTUP_MS"
log "  first answer after $STARTUP_MS ms"
stop_server
if [[ -s $WORK/auth-backbone.jsa ]]; then meta cds_archive yes; else meta cds_archive no; fi
meta launcher_command "$(env "${server_env[@]}" JAVA_OPTS="$SERVER_JAVA_OPTS" AUTHBACKBONE_DRY_RUN=1 "$LAUNCHER" | sed "s|$WORK|<work>|g; s|$ROOT/||g")"

log "seeding $LOAD_ACCOUNTS load accounts (SQL, server stopped) and minting their access tokens"
seed_accounts 1 "$LOAD_ACCOUNTS"
mint_tokens "$H2_URL" sa "$(h2_password)" "$TOKENS"

start_server existing-nocds launcher AUTHBACKBONE_CDS_ARCHIVE=off
meta startup_existing_nocds_ms "$STARTUP_MS"
log "  launcher without its class-data archive, existing database: first answer after $STARTUP_MS ms"
stop_server
starts launcher existing startup_existing_ms

log "self-check: exactly $SELF_CHECK_MAILS requests (Python client), expecting as many 202s and mails"
before=$(sink COUNT)
accepted=$(python3 "$BENCH/selfcheck.py" "$HTTP_PORT" "$TOKENS" "$SELF_CHECK_MAILS" "$TS")
after=$(sink_drained)
meta selfcheck_sent "$SELF_CHECK_MAILS"
meta selfcheck_accepted "$accepted"
meta selfcheck_mails "$((after - before))"
log "  $accepted of $SELF_CHECK_MAILS answered 202; the sink counted $((after - before)) mails"
# The load's tokens name live sessions; a token of an ended session must be refused, which shows the
# session check runs inside every measured request.
ended_status=$(python3 -c 'import http.client,sys
c=http.client.HTTPConnection("127.0.0.1",int(sys.argv[1]),timeout=30)
c.request("POST","/api/auth/request-email-confirmation","{\"email\":\"ended@bench.example.org\"}",{"Content-Type":"application/json","Authorization":"Bearer "+open(sys.argv[2]).read().strip()})
print(c.getresponse().status)' "$HTTP_PORT" "$TOKENS.ended")
meta selfcheck_ended_session_status "$ended_status"
log "  a token of an ended session was answered $ended_status (401 expected: the session check is live)"

log "warm-up: ${WARMUP}s of load, not measured"
warm "$NOWORK_PATH" ceiling.lua 3
warm "$REQUEST" request.lua "$WARMUP" "$TOKENS" "w$TS"
for c in $CONCURRENCY; do step empty noop "$c" ceiling.lua "$NOWORK_PATH"; done
request_steps empty e
if [[ $NMT == 1 ]]; then
  { grep VmRSS "/proc/$(jvm_pid)/status"; grep -E '^(Rss|Pss)' "/proc/$(jvm_pid)/smaps_rollup" 2>/dev/null
    jcmd "$(jvm_pid)" VM.native_memory summary; } > "$RESULTS/$TS-nmt.txt" 2>&1 || true
  log "wrote $RESULTS/$TS-nmt.txt"
fi

declare -A request_rate
while read -r c r; do request_rate[$c]=$r; done < <(python3 "$BENCH/report.py" --rates "$STEPS" empty request-email-confirmation)
first_c=${CONCURRENCY%% *}
used=0
ratio=5   # confirming is cheaper than requesting: first guess of how many times faster, then measured
for c in $CONCURRENCY; do
  available=$(tokens_available)
  need=$(python3 -c "import math; print(math.ceil(${request_rate[$c]} * $ratio * $CONFIRM_DURATION) + 1000)")
  if (( available - used < need )); then
    more=$(( need - (available - used) ))
    secs=$(python3 -c "import math; print(max(3, math.ceil($more / max(${request_rate[$first_c]}, 1)) + 2))")
    log "  $more more confirmation tokens needed: ${secs}s of request load, not measured"
    warm "$REQUEST" request.lua "$secs" "$TOKENS" "t$c.$TS"
    available=$(tokens_available)
  fi
  step empty confirm-email "$c" confirm.lua "$CONFIRM" "$WORK/mail-tokens.txt" "$((used + 1))" "$((available - used))" "$(( c < 2 ? c : 2 ))"
  # Thread t used lines first+t-1, first+t-1+threads, ...: the busiest thread says how far the step got.
  done_here=$(tail -1 "$STEPS" | python3 -c "import json,sys; print(json.load(sys.stdin)['wrk']['sent_max_per_thread'] * $(( c < 2 ? c : 2 )))")
  used=$(( used + done_here ))
  conf=$(tail -1 "$STEPS" | python3 -c 'import json,sys; d=json.load(sys.stdin)["wrk"]; print(d["requests"]/d["duration_us"]*1e6)')
  ratio=$(python3 -c "print(max(1.5, $conf / max(${request_rate[$c]}, 1) * 1.3))")
done
stop_server

# ---------------------------------------------------------------- phase 2: plain java -jar, same database
if [[ $PLAIN == 1 ]]; then
  log "plain java -jar (no JVM flags), the same database"
  starts plain plain startup_plain_existing_ms
  warm "$REQUEST" request.lua "$WARMUP" "$TOKENS" "p$TS"
  step plain noop 32 ceiling.lua "$NOWORK_PATH"
  request_steps plain p
  stop_server
fi

# ---------------------------------------------------------------- phase 3: JFR profile under the launcher
if [[ $PROFILE == 1 ]]; then
  log "profile: the launcher with JAVA_OPTS=-XX:StartFlightRecording=..., request-email-confirmation at c=32"
  saved_opts=$SERVER_JAVA_OPTS
  SERVER_JAVA_OPTS="$SERVER_JAVA_OPTS -XX:StartFlightRecording=name=startup,settings=profile,settings=$BENCH/no-jdbi-events.jfc,filename=$WORK/startup.jfr"
  start_server profile launcher
  SERVER_JAVA_OPTS=$saved_opts
  warm "$REQUEST" request.lua "$WARMUP" "$TOKENS" "f$TS"
  # The recording started with the JVM covers start-up and warm-up; the profile is of the steady state only.
  jcmd "$(jvm_pid)" JFR.stop name=startup > /dev/null
  jcmd "$(jvm_pid)" JFR.start name=steady settings=profile settings="$BENCH/no-jdbi-events.jfc" filename="$WORK/request-c32.jfr" > /dev/null
  step profiled request-email-confirmation 32 request.lua "$REQUEST" "$TOKENS" "f32.$TS"
  jcmd "$(jvm_pid)" JFR.stop name=steady > /dev/null
  stop_server
  python3 "$BENCH/profile.py" "$WORK/request-c32.jfr" "$(tail -1 "$STEPS")" > "$RESULTS/$TS-profile.txt"
  log "wrote $RESULTS/$TS-profile.txt"
fi

# ---------------------------------------------------------------- phase 4: 1,000,000 accounts
if (( SEED_ACCOUNTS > LOAD_ACCOUNTS )); then
  log "seeding accounts $((LOAD_ACCOUNTS + 1))..$SEED_ACCOUNTS with identities (SQL, server stopped)"
  s0=$(date +%s)
  seed_accounts $((LOAD_ACCOUNTS + 1)) "$SEED_ACCOUNTS"
  meta seed_seconds "$(( $(date +%s) - s0 ))"
  meta seeded_accounts "$(h2_count account)"
  meta seeded_identities "$(h2_count email_identity)"
  start_server large launcher; ms=$STARTUP_MS
  meta startup_large_ms "$ms"
  log "  start on the large database: first answer after $ms ms"
  warm "$REQUEST" request.lua 5 "$TOKENS" "v$TS"
  for c in 32; do step large request-email-confirmation "$c" request.lua "$REQUEST" "$TOKENS" "l$c.$TS"; done
  stop_server
fi
accepted_h2=$(h2_count email_request)
# Every mail the server handed to SMTP (links and notices alike) is recorded as MAIL_SENT in the trail.
sent_h2=$(h2_count "audit_event WHERE event_type = 'MAIL_SENT'")

# ---------------------------------------------------------------- phase 5: the launcher on PostgreSQL
accepted_pg=0
sent_pg=0
if [[ -n $PG_URL ]] && command -v psql > /dev/null && psql "${PG_URL#jdbc:}" -X -q -c 'SELECT 1' > /dev/null 2>&1; then
  log "launcher on PostgreSQL: fresh schema $PG_SCHEMA"
  psql "${PG_URL#jdbc:}" -X -q -v ON_ERROR_STOP=1 -c "CREATE SCHEMA $PG_SCHEMA"
  PG_SCHEMA_CREATED=1
  pg_env=(AUTH_DB_URL="$PG_URL$([[ $PG_URL == *\?* ]] && echo '&' || echo '?')currentSchema=$PG_SCHEMA")
  start_server pg-fresh launcher "${pg_env[@]}"
  meta startup_pg_fresh_ms "$STARTUP_MS"
  stop_server
  pg_seed_accounts 1 "$LOAD_ACCOUNTS"
  TOKENS=$WORK/pg-access-tokens.txt
  mint_tokens "${pg_env[0]#AUTH_DB_URL=}" "" "" "$TOKENS"
  starts launcher pg startup_pg_existing_ms "${pg_env[@]}"
  warm "$REQUEST" request.lua "$WARMUP" "$TOKENS" "g$TS"
  request_steps postgresql g
  stop_server
  accepted_pg=$(pg "SELECT COUNT(*) FROM email_request")
  sent_pg=$(pg "SELECT COUNT(*) FROM audit_event WHERE event_type = 'MAIL_SENT'")
  meta postgresql "$(psql "${PG_URL#jdbc:}" -X -q -t -A -c 'SHOW server_version' 2>/dev/null)"
else
  log "PostgreSQL phase skipped (BENCH_PG_URL empty, no psql, or no answer from ${PG_URL:-nothing})"
fi
meta accepted_total "$(( accepted_h2 + accepted_pg ))"
meta mails_sent_total "$(( sent_h2 + sent_pg ))"
meta mails_total "$(sink COUNT)"
meta sink_stats "$(sink STATS)"

# ---------------------------------------------------------------- report
meta timestamp "$TS"
meta duration_s "$DURATION"
meta access_tokens "RS256 with the database key, one live session per load account (session check in every request)"
meta java_opts "${SERVER_JAVA_OPTS:-(none)}"
meta loadavg_at_end "$(cut -d' ' -f1-3 /proc/loadavg)"
meta machine "$(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), Linux $(uname -r)"
meta java "$(java -version 2>&1 | head -1)"
meta wrk "$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
meta git "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD -- 2>/dev/null || echo '+dirty')"
meta total_seconds "$(( $(date +%s) - T0 ))"
python3 "$BENCH/report.py" --write "$META" "$STEPS" "$RESULTS/$TS"
log "wrote $RESULTS/$TS.json and $RESULTS/$TS.md"
