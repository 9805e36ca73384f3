#!/usr/bin/env bash
# Local Newsflow infrastructure without Docker: a single-node KRaft Kafka broker (jars from Maven
# Central, version pinned in deploy/local/kafka/pom.xml), PostgreSQL and Redis.
#
#   bash deploy/local/infra.sh up|down|status|env [--profile dev|test] [kafka|postgres|redis ...]
#
#   up      start what is not running (idempotent), create the profile's database, wait until ready
#   down    stop only what this script started for the profile (pidfiles); the machine's own
#           PostgreSQL/Redis are never touched
#   status  one line per component on stdout; exit 0 when all of them answer, 3 otherwise
#   env     `export` lines for the profile: eval "$(bash deploy/local/infra.sh env --profile test)"
#
# Profiles: dev  → Kafka 127.0.0.1:9092 (controller 9093), database newsflow, Redis db 0
#           test → Kafka 127.0.0.1:19092 (controller 19093), database newsflow_test, Redis db 1
# Component names limit a command to those components (default: all three).
# Everything this script creates lives under <repo>/.cache/ (git-ignored): Kafka jars in
# .cache/kafka/<version>/libs, per-profile state in .cache/<profile>/{kafka,pg,redis}.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CACHE=$ROOT/.cache
POM=$HERE/kafka/pom.xml
LOG4J2=$HERE/kafka/log4j2.properties
HOST=127.0.0.1
PG_PORT=5432
REDIS_PORT=6379
KAFKA_READY_TIMEOUT=${KAFKA_READY_TIMEOUT:-60}

PROFILE=dev
log() { printf 'infra[%s] %s\n' "$PROFILE" "$*" >&2; }
die() {
  printf 'infra[%s] error: %s\n' "$PROFILE" "$*" >&2
  exit 1
}
usage() { sed -n '2,/^set -euo/{/^#/s/^# \{0,1\}//p}' "${BASH_SOURCE[0]}"; }

CMD=
COMPONENTS=()
while (($#)); do
  case $1 in
    up | down | status | env)
      [[ -z $CMD ]] || die "one command at a time (got '$CMD' and '$1')"
      CMD=$1
      ;;
    --profile)
      (($# >= 2)) || die "--profile needs a value (dev or test)"
      PROFILE=$2
      shift
      ;;
    --profile=*) PROFILE=${1#*=} ;;
    kafka | postgres | redis) COMPONENTS+=("$1") ;;
    -h | --help | help)
      usage
      exit 0
      ;;
    *)
      usage >&2
      die "unknown argument '$1'"
      ;;
  esac
  shift
done
[[ -n $CMD ]] || {
  usage >&2
  exit 2
}
((${#COMPONENTS[@]})) || COMPONENTS=(kafka postgres redis)

case $PROFILE in
  dev) KAFKA_PORT=9092 CONTROLLER_PORT=9093 DB_NAME=newsflow REDIS_DB=0 ;;
  test) KAFKA_PORT=19092 CONTROLLER_PORT=19093 DB_NAME=newsflow_test REDIS_DB=1 ;;
  *)
    PROFILE_BAD=$PROFILE
    PROFILE='?'
    die "unknown profile '$PROFILE_BAD' (dev or test)"
    ;;
esac

PDIR=$CACHE/$PROFILE
KDIR=$PDIR/kafka # server.properties, data/ (log.dirs), server.log, kafka.out, kafka.pid
KAFKA_PIDFILE=$KDIR/kafka.pid
PGDIR=$PDIR/pg # data/, postgres.log, unix socket
REDISDIR=$PDIR/redis
REDIS_PIDFILE=$REDISDIR/redis.pid

selected() { [[ " ${COMPONENTS[*]} " == *" $1 "* ]]; }
since() { # seconds since an $EPOCHREALTIME value, one decimal
  local now=$EPOCHREALTIME
  LC_ALL=C awk -v a="${1/,/.}" -v b="${now/,/.}" 'BEGIN { printf "%.1f", b - a }'
}
port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# A pid is alive when it exists and is not a zombie (an unreaped child of ours still passes kill -0).
alive() {
  local stat
  { IFS= read -r stat <"/proc/$1/stat"; } 2>/dev/null || return 1
  stat=${stat##*) }
  [[ ${stat%% *} != Z ]]
}

# Wait up to $2 seconds (wall clock) for pid $1 to go; status 1 if it is still alive.
wait_gone() {
  local deadline=$((SECONDS + $2))
  while alive "$1"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.1
  done
}

# Send SIGTERM, wait up to $2 seconds for the process to go, then SIGKILL.
terminate() {
  local pid=$1 grace=$2 name=$3
  kill -TERM "$pid" 2>/dev/null || return 0
  wait_gone "$pid" "$grace" && return 0
  log "$name: still running after ${grace}s, sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  wait_gone "$pid" 10 || die "$name: pid $pid does not exit"
}

# Hold an exclusive lock on a file until this script exits (no-op where flock is missing).
# Long-lived children must not inherit the lock fds (8, 9): they are started with `8>&- 9>&-`.
lock() {
  command -v flock >/dev/null 2>&1 || return 0
  mkdir -p "$(dirname "$2")"
  eval "exec $1>\"\$2\""
  flock "$1"
}

# ---------------------------------------------------------------------------------------- Kafka

kafka_version() {
  sed -n 's:.*<kafka\.version>[[:space:]]*\([^<[:space:]]*\)[[:space:]]*</kafka\.version>.*:\1:p' "$POM" | head -n1
}

need_java() {
  command -v java >/dev/null 2>&1 ||
    die "java not found: Kafka needs a Java 17+ runtime (Debian: apt-get install -y openjdk-17-jre-headless)"
  local major
  major=$(java -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')
  [[ -z $major || $major -ge 17 ]] ||
    die "java $major found, Kafka $KAFKA_VERSION needs 17+ (Debian: apt-get install -y openjdk-17-jre-headless)"
}

need_kafkajs() {
  command -v node >/dev/null 2>&1 || die "node not found (Node.js 20 is needed to check the broker)"
  (cd "$ROOT" && node -e 'require.resolve("kafkajs")' 2>/dev/null) ||
    die "kafkajs is not installed: run 'npm ci' at the repository root first"
}

# Fetch the broker jars into .cache/kafka/<version>/libs; again whenever the pom changes.
ensure_kafka_libs() {
  local want stamp=$KAFKA_LIBS/.pom.sha256 tmp
  want=$(sha256sum "$POM" | cut -d' ' -f1)
  [[ -f $stamp && $(<"$stamp") == "$want" ]] && return 0
  lock 8 "$CACHE/kafka/.fetch.lock"
  [[ -f $stamp && $(<"$stamp") == "$want" ]] && return 0
  command -v mvn >/dev/null 2>&1 ||
    die "mvn not found: it fetches the Kafka jars from Maven Central (Debian: apt-get install -y maven)"
  log "kafka: fetching Kafka $KAFKA_VERSION jars with Maven into ${KAFKA_LIBS#"$ROOT"/}"
  tmp=$(mktemp -d "$CACHE/kafka/.libs.XXXXXX")
  if ! mvn -q -B -Dstyle.color=never -f "$POM" dependency:copy-dependencies \
    -DoutputDirectory="$tmp" -DincludeScope=runtime </dev/null >"$tmp.log" 2>&1; then
    cat "$tmp.log" >&2
    rm -rf "$tmp" "$tmp.log"
    die "mvn could not fetch the Kafka jars (output above)"
  fi
  printf '%s\n' "$want" >"$tmp/.pom.sha256"
  mkdir -p "$(dirname "$KAFKA_LIBS")"
  rm -rf "$KAFKA_LIBS"
  mv "$tmp" "$KAFKA_LIBS"
  rm -f "$tmp.log"
}

# Prints the pid of this profile's broker when it is alive and really ours.
kafka_pid() {
  local pid
  [[ -f $KAFKA_PIDFILE ]] || return 1
  pid=$(<"$KAFKA_PIDFILE")
  [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$KDIR/server.properties" || return 1
  echo "$pid"
}

kafka_cluster_id() { sed -n 's/^cluster\.id=//p' "$KDIR/data/meta.properties" 2>/dev/null; }

new_cluster_id() { # a Kafka Uuid: 16 random bytes, URL-safe base64 without padding, not starting with '-'
  local id
  while :; do
    id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
    [[ $id == -* ]] || break
  done
  echo "$id"
}

write_server_properties() {
  cat >"$KDIR/server.properties" <<EOF
# Written by deploy/local/infra.sh (profile $PROFILE, Kafka $KAFKA_VERSION); rewritten on every start.
# Single combined broker+controller KRaft node on $HOST.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$KAFKA_PORT,CONTROLLER://$HOST:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$KDIR/data

# The project creates its topics itself, with explicit partition counts.
auto.create.topics.enable=false
num.partitions=3
default.replication.factor=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# One node: one __consumer_offsets partition loads faster than 50 (first group join after a format).
offsets.topic.num.partitions=1
EOF
}

kafka_java() { # java with the broker's classpath and the quiet log4j2 config
  java -Dlog4j2.configurationFile="$LOG4J2" -Dkafka.logs.dir="$KDIR" -cp "$KAFKA_LIBS/*" "$@"
}

# Starts the broker unless it runs already; sets KAFKA_STARTED_PID/KAFKA_T0 for kafka_wait.
kafka_launch() {
  KAFKA_T0=$EPOCHREALTIME
  KAFKA_STARTED_PID=
  need_kafkajs
  if KAFKA_RUNNING_PID=$(kafka_pid); then
    log "kafka: already running (pid $KAFKA_RUNNING_PID), reusing it"
    return 0
  fi
  need_java
  ensure_kafka_libs
  local p
  for p in "$KAFKA_PORT" "$CONTROLLER_PORT"; do
    ! port_open "$p" ||
      die "kafka: $HOST:$p is in use by a process this script did not start (see: ss -ltnp 'sport = :$p')"
  done
  mkdir -p "$KDIR"
  if [[ -f $KDIR/version && $(<"$KDIR/version") != "$KAFKA_VERSION" ]]; then
    log "kafka: data was formatted by Kafka $(<"$KDIR/version"); wiping it for $KAFKA_VERSION"
    rm -rf "$KDIR/data"
  fi
  write_server_properties
  if [[ ! -f $KDIR/data/meta.properties ]]; then
    rm -rf "$KDIR/data"
    log "kafka: formatting storage in ${KDIR#"$ROOT"/}/data"
    kafka_java -Xmx256m kafka.tools.StorageTool format -t "$(new_cluster_id)" -c "$KDIR/server.properties" \
      </dev/null >"$KDIR/format.log" 2>&1 || {
      cat "$KDIR/format.log" >&2
      die "kafka: formatting storage failed (output above)"
    }
    echo "$KAFKA_VERSION" >"$KDIR/version"
  fi
  rm -f "$KAFKA_PIDFILE"
  KAFKA_T0=$EPOCHREALTIME
  # New session (setsid): no terminal signals reach it; the child writes its own pid, then execs java.
  # shellcheck disable=SC2016 # $$/$1/$@ belong to the inner bash
  setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' infra-kafka "$KAFKA_PIDFILE" \
    java -Xms1g -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
    -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$LOG4J2" -Dkafka.logs.dir="$KDIR" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$KDIR/server.properties" \
    </dev/null >"$KDIR/kafka.out" 2>&1 8>&- 9>&- &
  local i
  for ((i = 0; i < 100; i++)); do
    [[ -s $KAFKA_PIDFILE ]] && break
    sleep 0.05
  done
  KAFKA_STARTED_PID=$(<"$KAFKA_PIDFILE")
  log "kafka: started Kafka $KAFKA_VERSION (pid $KAFKA_STARTED_PID), log in ${KDIR#"$ROOT"/}/server.log"
}

kafka_wait() {
  local pid=${KAFKA_STARTED_PID:-$KAFKA_RUNNING_PID}
  if ! node "$HERE/wait-for-kafka.cjs" --brokers "$HOST:$KAFKA_PORT" --timeout "$KAFKA_READY_TIMEOUT" \
    --pid "$pid" --cluster-id "$(kafka_cluster_id)"; then
    local f
    for f in "$KDIR/kafka.out" "$KDIR/server.log"; do
      [[ -s $f ]] && {
        echo "--- tail of $f" >&2
        tail -n 20 "$f" >&2
      }
    done
    [[ -z $KAFKA_STARTED_PID ]] || terminate "$pid" 30 kafka
    rm -f "$KAFKA_PIDFILE"
    die "kafka: the broker on $HOST:$KAFKA_PORT did not become ready"
  fi
  if [[ -n $KAFKA_STARTED_PID ]]; then
    log "kafka: ready on $HOST:$KAFKA_PORT after $(since "$KAFKA_T0")s (cold start)"
  else
    log "kafka: ready on $HOST:$KAFKA_PORT after $(since "$KAFKA_T0")s (warm: already running)"
  fi
}

kafka_down() {
  local pid
  if ! pid=$(kafka_pid); then
    rm -f "$KAFKA_PIDFILE"
    log "kafka: not running"
    return 0
  fi
  local t0=$EPOCHREALTIME
  terminate "$pid" 30 kafka
  rm -f "$KAFKA_PIDFILE"
  log "kafka: stopped (pid $pid) in $(since "$t0")s"
}

kafka_status() {
  local pid
  if ! pid=$(kafka_pid); then
    echo "kafka     stopped"
    return 1
  fi
  if node "$HERE/wait-for-kafka.cjs" --brokers "$HOST:$KAFKA_PORT" --timeout 5 --pid "$pid" \
    --cluster-id "$(kafka_cluster_id)" 2>/dev/null; then
    echo "kafka     ready on $HOST:$KAFKA_PORT (pid $pid, Kafka $(cat "$KDIR/version" 2>/dev/null), data ${KDIR#"$ROOT"/})"
  else
    echo "kafka     running (pid $pid) but not answering on $HOST:$KAFKA_PORT"
    return 1
  fi
}

# ----------------------------------------------------------------------------------- PostgreSQL

need_pg_client() {
  { command -v pg_isready && command -v psql; } >/dev/null 2>&1 ||
    die "psql/pg_isready not found (Debian: apt-get install -y postgresql-client, or postgresql for a server too)"
}
pg_ready() { pg_isready -q -h "$HOST" -p "$PG_PORT" >/dev/null 2>&1; }
pg_bin() { find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin 2>/dev/null | sort -V | tail -n1; }
as_pg() { if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_ours() { # our own server for this profile is running
  local bin
  [[ -f $PGDIR/data/postmaster.pid ]] || return 1
  bin=$(pg_bin)
  [[ -n $bin ]] && as_pg "$bin/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1
}
psql_pg() {
  PGCONNECT_TIMEOUT=5 psql -X -q -v ON_ERROR_STOP=1 -h "$HOST" -p "$PG_PORT" -U postgres -d postgres "$@"
}
pg_has_db() { [[ $(psql_pg -tAc "select 1 from pg_database where datname = '$DB_NAME'" 2>/dev/null) == 1 ]]; }

postgres_up() {
  need_pg_client
  if pg_ready; then
    if pg_ours; then log "postgres: ours already running on $HOST:$PG_PORT"; else log "postgres: using the server on $HOST:$PG_PORT"; fi
  else
    local bin
    bin=$(pg_bin)
    [[ -n $bin && -x $bin/initdb && -x $bin/pg_ctl ]] ||
      die "postgres: nothing answers on $HOST:$PG_PORT and no server binaries under /usr/lib/postgresql (Debian: apt-get install -y postgresql)"
    mkdir -p "$PGDIR"
    if ((EUID == 0)); then # postgres refuses to run as root
      id postgres >/dev/null 2>&1 || die "postgres: the 'postgres' system user is missing (Debian's postgresql package creates it)"
      chown postgres: "$PGDIR"
      as_pg test -w "$PGDIR" ||
        die "postgres: user postgres cannot reach $PGDIR (a parent folder is closed to it); clone the repo somewhere readable"
    fi
    if [[ ! -f $PGDIR/data/PG_VERSION ]]; then
      log "postgres: initdb in ${PGDIR#"$ROOT"/}/data"
      as_pg "$bin/initdb" -D "$PGDIR/data" -U postgres --auth=trust -E UTF8 --locale=C >"$PGDIR/initdb.log" 2>&1 || {
        cat "$PGDIR/initdb.log" >&2
        die "postgres: initdb failed (output above)"
      }
    fi
    local t0=$EPOCHREALTIME
    as_pg "$bin/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/postgres.log" -w -t 60 \
      -o "-p $PG_PORT -c listen_addresses=$HOST -c unix_socket_directories=$PGDIR" start >/dev/null 8>&- 9>&- || {
      tail -n 20 "$PGDIR/postgres.log" >&2 || true
      die "postgres: pg_ctl start failed (log above)"
    }
    log "postgres: started $(basename "$(dirname "$bin")") on $HOST:$PG_PORT in $(since "$t0")s (data ${PGDIR#"$ROOT"/}/data)"
  fi
  if ! pg_has_db; then
    psql_pg -c "create database \"$DB_NAME\"" >/dev/null 2>"$PDIR/createdb.err" || pg_has_db || {
      cat "$PDIR/createdb.err" >&2
      die "postgres: could not create database $DB_NAME"
    }
    log "postgres: created database $DB_NAME"
  fi
  rm -f "$PDIR/createdb.err"
}

postgres_down() {
  if pg_ours; then
    as_pg "$(pg_bin)/pg_ctl" -D "$PGDIR/data" -m fast -w -t 30 stop >/dev/null
    log "postgres: stopped ours (data ${PGDIR#"$ROOT"/}/data)"
  else
    log "postgres: not started by infra.sh, left alone"
  fi
}

postgres_status() {
  local who="the machine's server"
  pg_ours && who="started by infra.sh, data ${PGDIR#"$ROOT"/}/data"
  if ! pg_ready; then
    echo "postgres  not answering on $HOST:$PG_PORT"
    return 1
  fi
  if pg_has_db; then
    echo "postgres  ready on $HOST:$PG_PORT ($who), database $DB_NAME"
  else
    echo "postgres  ready on $HOST:$PG_PORT ($who), database $DB_NAME missing (run up)"
    return 1
  fi
}

# ---------------------------------------------------------------------------------------- Redis

redis_ping() {
  if command -v redis-cli >/dev/null 2>&1; then
    [[ $(redis-cli -h "$HOST" -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]
  else
    (
      exec 3<>"/dev/tcp/$HOST/$REDIS_PORT" && printf 'PING\r\n' >&3 && IFS= read -r -t 2 line <&3 && [[ $line == +PONG* ]]
    ) 2>/dev/null
  fi
}

redis_pid() { # pid of the redis-server this script started for the profile
  local pid
  [[ -f $REDIS_PIDFILE ]] || return 1
  pid=$(<"$REDIS_PIDFILE")
  [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" && [[ $(cat "/proc/$pid/comm" 2>/dev/null) == redis-server* ]] || return 1
  echo "$pid"
}

redis_up() {
  if redis_ping; then
    if redis_pid >/dev/null; then log "redis: ours already running on $HOST:$REDIS_PORT"; else log "redis: using the server on $HOST:$REDIS_PORT"; fi
    return 0
  fi
  command -v redis-server >/dev/null 2>&1 ||
    die "redis: nothing answers on $HOST:$REDIS_PORT and redis-server is not installed (Debian: apt-get install -y redis-server)"
  mkdir -p "$REDISDIR"
  redis-server --daemonize yes --bind "$HOST" --port "$REDIS_PORT" --save '' --appendonly no \
    --dir "$REDISDIR" --pidfile "$REDIS_PIDFILE" --logfile "$REDISDIR/redis.log" </dev/null >/dev/null 8>&- 9>&- ||
    die "redis: redis-server failed to start (see ${REDISDIR#"$ROOT"/}/redis.log)"
  local i
  for ((i = 0; i < 100; i++)); do
    redis_ping && {
      log "redis: started redis-server on $HOST:$REDIS_PORT (pid $(redis_pid || echo ?))"
      return 0
    }
    sleep 0.1
  done
  tail -n 20 "$REDISDIR/redis.log" >&2 || true
  die "redis: redis-server did not answer PING within 10s"
}

redis_down() {
  local pid
  if pid=$(redis_pid); then
    terminate "$pid" 10 redis
    rm -f "$REDIS_PIDFILE"
    log "redis: stopped ours (pid $pid)"
  else
    log "redis: not started by infra.sh, left alone"
  fi
}

redis_status() {
  local who="the machine's server" pid
  pid=$(redis_pid) && who="started by infra.sh, pid $pid"
  if redis_ping; then
    echo "redis     ready on $HOST:$REDIS_PORT ($who), db $REDIS_DB"
  else
    echo "redis     not answering on $HOST:$REDIS_PORT"
    return 1
  fi
}

# ------------------------------------------------------------------------------------- commands

case $CMD in
  env)
    echo "export KAFKA_BROKERS=$HOST:$KAFKA_PORT"
    echo "export DATABASE_URL=postgres://postgres@$HOST:$PG_PORT/$DB_NAME"
    echo "export REDIS_URL=redis://$HOST:$REDIS_PORT/$REDIS_DB"
    ;;
  up)
    KAFKA_VERSION=$(kafka_version)
    [[ -n $KAFKA_VERSION ]] || die "no <kafka.version> in $POM"
    KAFKA_LIBS=$CACHE/kafka/$KAFKA_VERSION/libs
    lock 9 "$PDIR/.lock"
    # The broker boots (the slow part) while PostgreSQL and Redis are checked.
    if selected kafka; then kafka_launch; fi
    if selected postgres; then postgres_up; fi
    if selected redis; then redis_up; fi
    if selected kafka; then kafka_wait; fi
    ;;
  down)
    lock 9 "$PDIR/.lock"
    if selected kafka; then kafka_down; fi
    if selected redis; then redis_down; fi
    if selected postgres; then postgres_down; fi
    ;;
  status)
    rc=0
    if selected kafka; then kafka_status || rc=3; fi
    if selected postgres; then postgres_status || rc=3; fi
    if selected redis; then redis_status || rc=3; fi
    exit "$rc"
    ;;
esac
