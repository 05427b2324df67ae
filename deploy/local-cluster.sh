#!/usr/bin/env bash
# A real Flink session cluster on loopback, without Flink's binary distribution: a JobManager
# (StandaloneSessionClusterEntrypoint) and two TaskManagers (TaskManagerRunner), each its own JVM,
# from the Maven artifacts the build already downloaded, with deploy/conf/config.yaml.
#
#   deploy/local-cluster.sh up       # start, wait until both TaskManagers registered
#   deploy/local-cluster.sh status   # what the REST API says
#   deploy/local-cluster.sh down     # stop all three processes
#
# Then: ./mathsieve submit --jobmanager localhost:8081 build ...   (Web UI: http://localhost:8081)
# Logs and pids: target/local-cluster/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONF="$ROOT/deploy/conf"
RUN="$ROOT/target/local-cluster"
JAR="$ROOT/pipeline-jobs/target/mathsieve-jobs.jar"
CLASSPATH_FILE="$ROOT/pipeline-jobs/target/launcher.classpath"
REST="http://localhost:8081"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

rest() {
  # curl when present; else Java's own HTTP client in a single-file program.
  if command -v curl >/dev/null 2>&1; then
    curl -fsS --max-time 5 "$REST$1"
  else
    "$JAVA" "$ROOT/deploy/RestGet.java" "$REST$1"
  fi
}

start_process() {
  local name="$1" main="$2" jvm="$3"
  shift 3
  mkdir -p "$RUN"
  # shellcheck disable=SC2086
  (cd "$ROOT" && exec "$JAVA" $jvm \
    -Dlog.file="$RUN/$name.log" -Dlog4j.configurationFile="file:$CONF/log4j.properties" \
    -Dorg.bytedeco.javacpp.cachedir="$RUN/native-cache/javacpp" -Dai.djl.offline=true -Daws.java.v1.disableDeprecationAnnouncement=true \
    -cp "$JAR:$(cat "$CLASSPATH_FILE")" "$main" --configDir "$CONF" "$@" \
    >"$RUN/$name.out" 2>&1) &
  echo $! >"$RUN/$name.pid"
}

up() {
  if [ ! -f "$JAR" ] || [ ! -f "$CLASSPATH_FILE" ]; then
    echo "local-cluster: build first: ./mvnw -B -DskipTests package (or run ./mathsieve once)" >&2
    exit 1
  fi
  if rest /overview >/dev/null 2>&1; then
    echo "local-cluster: something already answers on $REST; run '$0 down' first" >&2
    exit 1
  fi
  export DJL_CACHE_DIR="$RUN/native-cache/djl"
  # Flink's S3 file system as a plugin (copied there by the build), as on a real cluster.
  export FLINK_PLUGINS_DIR="${FLINK_PLUGINS_DIR:-$ROOT/pipeline-jobs/target/plugins}"
  # The TaskManagers' JVM options and memory components, computed as Flink's own scripts do.
  local results jvm dynamic
  results="$("$JAVA" -cp "$JAR:$(cat "$CLASSPATH_FILE")" org.apache.flink.runtime.util.bash.BashJavaUtils GET_TM_RESOURCE_PARAMS \
    --configDir "$CONF" 2>/dev/null | grep '^BASH_JAVA_UTILS_EXEC_RESULT:' | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://')"
  jvm="$(echo "$results" | head -n 1)"
  dynamic="$(echo "$results" | tail -n 1)"
  start_process jobmanager org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint "-Xmx768m" --executionMode cluster
  for i in 1 2; do
    # shellcheck disable=SC2086
    start_process "taskmanager-$i" org.apache.flink.runtime.taskexecutor.TaskManagerRunner "$jvm" $dynamic -D "taskmanager.resource-id=tm-$i"
  done
  for _ in $(seq 1 120); do
    if rest /overview 2>/dev/null | grep -q '"taskmanagers":2'; then
      echo "local-cluster: up: JobManager and 2 TaskManagers; Web UI and REST on $REST"
      return 0
    fi
    sleep 0.5
  done
  echo "local-cluster: the cluster did not come up within 60 s; logs in $RUN" >&2
  tail -n 20 "$RUN"/*.out "$RUN"/*.log >&2 || true
  down
  exit 1
}

down() {
  local stopped=0
  for f in "$RUN"/*.pid; do
    [ -f "$f" ] || continue
    local pid
    pid="$(cat "$f")"
    if kill "$pid" 2>/dev/null; then
      stopped=$((stopped + 1))
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$f"
  done
  echo "local-cluster: down ($stopped processes stopped)"
}

status() {
  rest /overview && echo
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
