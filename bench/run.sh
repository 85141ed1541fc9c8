#!/usr/bin/env bash
# The throughput benchmark of issue #9. See bench/README.md.
#
#   bash bench/run.sh                              # build and start this checkout, measure it
#   bash bench/run.sh --source /path/to/checkout   # the same for another checkout ("before")
#   bash bench/run.sh --url http://host:port --pid <server JVM pid> [--pg-pid <postmaster pid>]
#
# It starts the service with the README's run command (mvn -Prun package, embedded PostgreSQL),
# pins the server JVM and its PostgreSQL processes to CPU 0 and wrk to CPU 1 (taskset, where the
# OS allows), signs up the benchmark users, warms up, drives each endpoint with wrk and writes
# bench/results/<time>-<label>.md and .json. It stops only what it started.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH_DIR")

SOURCE=$REPO
URL=""
PID=""
PG_PID=""
PORT=${PORT:-18080}
USERS=200
CONNECTIONS=32
THREADS=2
DURATION=20
WARMUP=10
SIGNIN_DURATION=20
SIGNIN_WARMUP=""
REPEAT=1
ENDPOINTS="ok get-session list-accounts update-user sign-in"
LABEL=""
JFR=""
PROFILE=""
AP_VERSION=4.2
SERVER_CPU=0
LOAD_CPU=1
HASH_RUNS=20
MVN_ARGS=${MVN_ARGS:-}

usage() {
  sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  cat <<EOF
Options:
  --source DIR        checkout to build and run (default: this one, $REPO)
  --url URL           measure a running service instead (base URL without /api/auth)
  --pid PID           with --url: the server JVM (for CPU and memory); without it no CPU numbers
  --pg-pid PID        with --url: the PostgreSQL postmaster (its backends are counted too)
  --port N            port for the started service (default 18080; env PORT)
  --users N           benchmark users (default 200)
  --connections N     wrk connections (default 32)
  --duration S        seconds measured per endpoint (default 20)
  --warmup S          seconds of warm-up per endpoint before measuring (default 10)
  --signin-duration S seconds measured for sign-in (default 20)
  --signin-warmup S   seconds of sign-in warm-up (default: --warmup, at most 5)
  --repeat N          measure each endpoint N times after its warm-up (default 1); the report
                      gives the median of each number and the range of req/s and CPU per request
  --endpoints "..."   subset of: $ENDPOINTS
  --label NAME        names the result files (default: the checkout's short commit)
  --jfr               record a JDK Flight Recorder profile of the measured runs (per endpoint)
  --profile           record an async-profiler CPU profile (all JVM threads, native frames, 1 ms
                      itimer) of each measured run as collapsed stacks (results/*.collapsed);
                      async-profiler $AP_VERSION comes from Maven Central (tools.profiler)
  --no-pin            do not pin processes to CPUs
  --offline           pass -o to Maven (or set MVN_ARGS)
EOF
}

PIN=1
while [ $# -gt 0 ]; do
  case "$1" in
    --source) SOURCE=$(cd "$2" && pwd); shift 2 ;;
    --url) URL=${2%/}; shift 2 ;;
    --pid) PID=$2; shift 2 ;;
    --pg-pid) PG_PID=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --users) USERS=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --signin-duration) SIGNIN_DURATION=$2; shift 2 ;;
    --signin-warmup) SIGNIN_WARMUP=$2; shift 2 ;;
    --repeat) REPEAT=$2; shift 2 ;;
    --endpoints) ENDPOINTS=$2; shift 2 ;;
    --label) LABEL=$2; shift 2 ;;
    --jfr) JFR=1; shift ;;
    --profile) PROFILE=1; shift ;;
    --no-pin) PIN=""; shift ;;
    --offline) MVN_ARGS="$MVN_ARGS -o"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

log() { echo "[bench] $*" >&2; }
die() { log "$*"; exit 1; }

# --- tools -------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  log "wrk is missing; installing the Debian package"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get install -y wrk >/dev/null 2>&1 || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y wrk >/dev/null; } \
    || die "could not install wrk (apt-get install wrk)"
fi
for tool in curl python3; do command -v $tool >/dev/null || die "$tool is needed"; done
TASKSET=""
if [ -n "$PIN" ] && command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
  TASKSET=taskset
else
  [ -n "$PIN" ] && log "not pinning: needs taskset and at least 2 CPUs"
fi

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
# The commit measured, taken before the build (a commit made during the run does not count).
COMMIT=$(git -C "$SOURCE" rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=$(git -C "$SOURCE" status --porcelain --untracked-files=no 2>/dev/null | head -1)
[ -n "$DIRTY" ] && COMMIT="$COMMIT+changes"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench.XXXXXX")
RESULTS=$BENCH_DIR/results
mkdir -p "$RESULTS"
CLK_TCK=$(getconf CLK_TCK)
STARTED_PGID=""
DEVSERVER_PID=""

cleanup() {
  local rc=$?
  if [ -n "$STARTED_PGID" ]; then
    log "stopping the service we started"
    # The run command's launcher stops Payara, then PostgreSQL, on SIGTERM.
    if [ -n "$DEVSERVER_PID" ] && kill -0 "$DEVSERVER_PID" 2>/dev/null; then
      kill -TERM "$DEVSERVER_PID" 2>/dev/null || true
      for _ in $(seq 60); do kill -0 "$DEVSERVER_PID" 2>/dev/null || break; sleep 1; done
    fi
    kill -TERM -- "-$STARTED_PGID" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 -- "-$STARTED_PGID" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$STARTED_PGID" 2>/dev/null || true
    # PostgreSQL runs in a session of its own (pg_ctl); if the launcher could not stop it, stop
    # the postmaster we found for it (fast shutdown), and only that one.
    if [ -n "$PG_PID" ] && grep -q postgres "/proc/$PG_PID/comm" 2>/dev/null; then
      kill -INT "$PG_PID" 2>/dev/null || true
    fi
  fi
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

children() { ps -e -o pid=,ppid= | awk -v p="$1" '$2==p {print $1}'; }
descendants() {
  local p
  for p in $(children "$1"); do echo "$p"; descendants "$p"; done
}

# --- start the service ---------------------------------------------------------------------------
READY_MS=""
if [ -z "$URL" ]; then
  URL="http://localhost:$PORT"
  if curl -s -o /dev/null "$URL/api/auth/ok"; then die "something already answers on port $PORT"; fi
  [ -f "$SOURCE/pom.xml" ] || die "$SOURCE is no checkout of the service"
  LOGFILE=$WORK/run.log
  log "starting $SOURCE with: PORT=$PORT mvn $MVN_ARGS -Prun package (log: $LOGFILE)"
  # Rate limiting and the sign-in lockout are switched off: the benchmark signs in the same 200
  # users from one address hundreds of times, which they would (rightly) throttle.
  (
    cd "$SOURCE"
    export PORT BETTER_AUTH_RATE_LIMIT_ENABLED=false BETTER_AUTH_LOCKOUT_ENABLED=false
    exec setsid mvn -B -ntp $MVN_ARGS -Prun package >"$LOGFILE" 2>&1
  ) &
  MVN_PID=$!
  STARTED_PGID=$MVN_PID
  T0=$(date +%s)
  while ! grep -q "is ready at" "$LOGFILE" 2>/dev/null; do
    kill -0 $MVN_PID 2>/dev/null || { tail -40 "$LOGFILE" >&2; die "the run command stopped"; }
    [ $(( $(date +%s) - T0 )) -lt 600 ] || die "not ready after 10 minutes"
    sleep 1
  done
  READY_MS=$(sed -n 's/.*is ready at .* (in \([0-9]*\) ms).*/\1/p' "$LOGFILE" | head -1)
  for p in $(descendants $MVN_PID); do
    cmd=$(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null || true)
    case "$cmd" in
      *payara-micro*.jar*) PID=$p ;;
      *devserver.DevServer*) DEVSERVER_PID=$p ;;
    esac
  done
  [ -n "$PID" ] || die "found no Payara JVM under the run command"
  # zonky starts PostgreSQL through pg_ctl, so the postmaster is no child of ours: find it by the
  # data directory the run command uses.
  PGDATA_DIR=$SOURCE/data/postgres
  PG_PID=$(head -1 "$PGDATA_DIR/postmaster.pid" 2>/dev/null || true)
  if [ -n "$PG_PID" ] && ! grep -q postgres "/proc/$PG_PID/comm" 2>/dev/null; then PG_PID=""; fi
  [ -n "$PG_PID" ] || log "found no embedded PostgreSQL (DATABASE_URL given?): its CPU is not counted"
fi
BASE=$URL/api/auth
curl -sf -o /dev/null "$BASE/ok" || die "$BASE/ok does not answer"

# --- pin -----------------------------------------------------------------------------------------
pg_pids() {
  [ -n "$PG_PID" ] || return 0
  echo "$PG_PID"
  children "$PG_PID"
}
if [ -n "$TASKSET" ] && [ -n "$PID" ]; then
  pinned=1
  taskset -a -p -c $SERVER_CPU "$PID" >/dev/null 2>&1 || pinned=""
  # New backends inherit the postmaster's affinity; pin the running ones too.
  for p in $(pg_pids); do taskset -a -p -c $SERVER_CPU "$p" >/dev/null 2>&1 || pinned=""; done
  if [ -n "$pinned" ]; then log "pinned the server JVM and PostgreSQL to CPU $SERVER_CPU, wrk to CPU $LOAD_CPU"
  else log "taskset refused: running unpinned"; TASKSET=""; fi
fi
LOADGEN=""
[ -n "$TASKSET" ] && LOADGEN="taskset -c $LOAD_CPU"

# --- CPU and memory from /proc -------------------------------------------------------------------
# utime+stime of the JVM and of every PostgreSQL process, plus the postmaster's cutime+cstime (the
# backends that ended meanwhile), in clock ticks.
ticks() {
  local total=0 p f
  for p in $PID $(pg_pids); do
    f=$(cat "/proc/$p/stat" 2>/dev/null) || continue
    f=${f##*) }
    set -- $f
    total=$(( total + ${12} + ${13} ))
    if [ "$p" = "$PG_PID" ]; then total=$(( total + ${14} + ${15} )); fi
  done
  echo $total
}
jvm_ticks() {
  local f
  f=$(cat "/proc/$PID/stat" 2>/dev/null) || { echo 0; return; }
  f=${f##*) }
  set -- $f
  echo $(( ${12} + ${13} ))
}
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
# Proportional set size: PostgreSQL's shared buffers counted once over all its processes.
pss_kb() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }

# --- users ---------------------------------------------------------------------------------------
USERFILE=$WORK/users.tsv
PASSWORD="bench-password-$STAMP"
log "signing up $USERS users"
signup() {
  local i=$1 email="bench-$STAMP-$1@example.com" body token
  body=$(curl -s -X POST "$BASE/sign-up/email" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench User $i\",\"email\":\"$email\",\"password\":\"$PASSWORD\"}")
  token=$(printf '%s' "$body" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
  [ -n "$token" ] || { echo "sign-up $i failed: $body" >&2; return 1; }
  printf '%s\t%s\t%s\n' "$email" "$PASSWORD" "$token"
}
export -f signup
export BASE STAMP PASSWORD
seq 1 "$USERS" | xargs -P 4 -I{} bash -c 'signup {}' >"$USERFILE" || die "sign-up failed (rate limits on? see above)"
[ "$(wc -l <"$USERFILE")" -eq "$USERS" ] || die "only $(wc -l <"$USERFILE") of $USERS users signed up"

# --- runs ----------------------------------------------------------------------------------------
run_wrk() { # mode seconds outfile
  BENCH_MODE=$1 BENCH_USERS=$USERFILE BENCH_OUT=$3 $LOADGEN wrk -t$THREADS -c$CONNECTIONS -d"$2"s \
    --timeout 30s -s "$BENCH_DIR/wrk/bench.lua" "$URL" >"$3.txt" 2>&1 || { cat "$3.txt" >&2; die "wrk failed"; }
}

AP_LIB=""
if [ -n "$PROFILE" ] && [ -n "$PID" ]; then
  case "$(uname -m)" in x86_64) ap_arch=linux-x64 ;; aarch64) ap_arch=linux-arm64 ;; *) die "--profile: no async-profiler for $(uname -m)" ;; esac
  ap_dir=$BENCH_DIR/.tools/async-profiler-$AP_VERSION
  if [ ! -f "$ap_dir/$ap_arch/libasyncProfiler.so" ]; then
    mkdir -p "$ap_dir"
    mvn -B -q $MVN_ARGS dependency:copy -Dartifact=tools.profiler:async-profiler:$AP_VERSION \
      -DoutputDirectory="$ap_dir" >"$ap_dir/fetch.log" 2>&1 || { cat "$ap_dir/fetch.log" >&2; die "could not fetch async-profiler"; }
    (cd "$ap_dir" && unzip -q -o "async-profiler-$AP_VERSION.jar" "$ap_arch/*") || die "could not unpack async-profiler"
  fi
  AP_LIB=$ap_dir/$ap_arch/libasyncProfiler.so
  AP_JAVA=$(readlink "/proc/$PID/exe")
fi
profiler() { # options: loads async-profiler into the server JVM with these options
  ${TASKSET:+taskset -c $LOAD_CPU} "$AP_JAVA" "$BENCH_DIR/tools/Attach.java" "$PID" "$AP_LIB" "$1"
}
if [ -n "$JFR" ] && [ -n "$PID" ]; then
  # Payara's request stacks are deeper than JFR's default of 64 frames.
  jcmd "$PID" JFR.configure stackdepth=256 >/dev/null 2>&1 || log "could not raise JFR's stack depth"
fi
# wrk leaves requests in flight when it stops (32 queued sign-ins take seconds): let the server
# finish them before the next measured run, so each run pays only for its own requests.
drain() {
  [ -n "$PID" ] || return 0
  for _ in $(seq 60); do
    a=$(ticks); sleep 1; b=$(ticks)
    [ $(( (b - a) * 100 )) -lt $(( CLK_TCK * 15 )) ] && break
  done
}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "load average before: $LOAD_BEFORE"
for mode in $ENDPOINTS; do
  secs=$DURATION
  [ "$mode" = sign-in ] && secs=$SIGNIN_DURATION
  warm=$WARMUP
  [ "$mode" = sign-in ] && warm=${SIGNIN_WARMUP:-$(( WARMUP < 5 ? WARMUP : 5 ))}
  if [ "$warm" -gt 0 ]; then
    log "$mode: warm-up ${warm}s"
    run_wrk "$mode" "$warm" "$WORK/warm-$mode.json"
    drain
  fi
  if [ -n "$JFR" ] && [ -n "$PID" ]; then
    jcmd "$PID" JFR.start name=bench-$mode settings=profile >/dev/null
  fi
  [ -n "$AP_LIB" ] && profiler "start,event=itimer,interval=1ms,threads"
  for run in $(seq 1 "$REPEAT"); do
    [ "$run" -gt 1 ] && drain
    if [ "$REPEAT" -gt 1 ]; then log "$mode: measuring ${secs}s (run $run of $REPEAT)"; else log "$mode: measuring ${secs}s"; fi
    load=$(cut -d' ' -f1 /proc/loadavg)
    t0=$(ticks); j0=$(jvm_ticks)
    run_wrk "$mode" "$secs" "$WORK/$mode.json"
    t1=$(ticks); j1=$(jvm_ticks)
    echo "{\"mode\":\"$mode\",\"cpu_ticks\":$(( t1 - t0 )),\"jvm_ticks\":$(( j1 - j0 )),\"load1\":$load,\"result\":$(cat "$WORK/$mode.json")}" >"$WORK/$mode.$run.row"
  done
  if [ -n "$AP_LIB" ]; then
    collapsed=$RESULTS/$STAMP-${LABEL:-run}-$mode.collapsed
    profiler "stop,file=$collapsed,collapsed"
    log "$mode: profile in $collapsed (python3 bench/tools/collapsed-top.py $collapsed)"
  fi
  if [ -n "$JFR" ] && [ -n "$PID" ]; then
    jfr=$RESULTS/$STAMP-${LABEL:-run}-$mode.jfr
    jcmd "$PID" JFR.stop name=bench-$mode filename="$jfr" >/dev/null
    log "$mode: profile in $jfr"
  fi
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
RSS=""
THREADS_AFTER=""
[ -n "$PID" ] && RSS=$(rss_kb "$PID") && THREADS_AFTER=$(awk '/^Threads:/ {print $2}' "/proc/$PID/status") \
  && HTTP_THREADS_AFTER=$(cat /proc/"$PID"/task/*/comm 2>/dev/null | grep -c '^http-thread' || true)
PG_RSS=0
for p in $(pg_pids); do PG_RSS=$(( PG_RSS + $(pss_kb "$p") )); done

# --- one argon2id verification alone ---------------------------------------------------------------
HASH_CPU=""
HASH_WALL=""
if [ -n "$PID" ] && [ -d "$SOURCE/target/better-auth-jakarta/WEB-INF/lib" ]; then
  JAVA=$(readlink "/proc/$PID/exe")
  # The server's own JVM options (everything before -jar), so the heap and GC match.
  mapfile -t JVM_OPTS < <(tr '\0' '\n' <"/proc/$PID/cmdline" | sed -n '2,$p' | sed '/^-jar$/,$d')
  WEBINF=$SOURCE/target/better-auth-jakarta/WEB-INF
  log "measuring one argon2id verification alone (same JVM options: ${JVM_OPTS[*]:-none})"
  hash_out=$(${TASKSET:+taskset -c $SERVER_CPU} "$JAVA" "${JVM_OPTS[@]}" -cp "$WEBINF/classes:$WEBINF/lib/*" \
    "$BENCH_DIR/../src/test/java/dev/betterauthjakarta/identity/Argon2idCost.java" "$HASH_RUNS" 2>&1) \
    || log "hash measurement failed: $hash_out"
  HASH_CPU=$(printf '%s\n' "$hash_out" | sed -n 's/^argon2id_verify_cpu_ms=//p')
  HASH_WALL=$(printf '%s\n' "$hash_out" | sed -n 's/^argon2id_verify_wall_ms=//p')
fi

# --- report --------------------------------------------------------------------------------------
LABEL=${LABEL:-$COMMIT}
OUTBASE=$RESULTS/$STAMP-$LABEL
export HTTP_THREADS_AFTER THREADS_AFTER STAMP LABEL COMMIT URL READY_MS RSS PG_RSS LOAD_BEFORE LOAD_AFTER CLK_TCK HASH_CPU HASH_WALL \
  CONNECTIONS USERS DURATION WARMUP SIGNIN_DURATION REPEAT TASKSET SERVER_CPU LOAD_CPU PID
MACHINE="$(nproc) CPUs, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
JAVA_VERSION=""
[ -n "$PID" ] && JAVA_VERSION=$("$(readlink "/proc/$PID/exe")" -version 2>&1 | head -1)
export MACHINE JAVA_VERSION
JVM_CMD=""
[ -n "$PID" ] && JVM_CMD=$(tr '\0' ' ' <"/proc/$PID/cmdline" | sed 's/ -jar .*//')
export JVM_CMD
python3 "$BENCH_DIR/report.py" "$WORK" $ENDPOINTS >"$OUTBASE.json"
python3 "$BENCH_DIR/report.py" --markdown "$OUTBASE.json" >"$OUTBASE.md"
cat "$OUTBASE.md"
log "results in $OUTBASE.md and $OUTBASE.json"
