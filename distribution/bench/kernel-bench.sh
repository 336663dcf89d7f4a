#!/usr/bin/env bash
# Measures the kernel's figures on this machine and prints them:
#   - time from process start to the ready line, on the first start (fresh data folder) and on restarts;
#   - resident memory (VmRSS) after 10 s idle;
#   - plugin hot-load latency: example plugin jar copied into plugins/ until /api/v1/plugins lists it ACTIVE
#     with its analyser service.
# Usage: distribution/bench/kernel-bench.sh [RUNS]   (after: mvn -q package -DskipTests)
set -euo pipefail

runs=${1:-5}
repo=$(cd "$(dirname "$0")/../.." && pwd)
dist=$(ls -d "$repo"/distribution/target/deckhand-*/ 2>/dev/null | head -n 1)
plugin=$(ls "$repo"/plugins/example-analyser/target/org.deckhand.plugin.example-*.jar 2>/dev/null | head -n 1)
if [ -z "$dist" ] || [ -z "$plugin" ]; then
  echo "build first: mvn -q package -DskipTests" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r "$dist" "$work/deckhand"
home=$work/deckhand
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
password=bench-password
pid=
elapsed=

now_ms() { date +%s%3N; }

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Starts the server and sets pid and elapsed (ms from start to the ready line).
start_server() {
  : > "$work/out.log"
  local t0
  t0=$(now_ms)
  DECKHAND_ADMIN_PASSWORD=$password "$home/bin/deckhand" --host 127.0.0.1 --port "$port" > "$work/out.log" 2>&1 &
  pid=$!
  until grep -q ' ready at ' "$work/out.log"; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/out.log" >&2; exit 1; }
    sleep 0.005
  done
  elapsed=$(( $(now_ms) - t0 ))
}

stop_server() {
  kill "$pid"
  wait "$pid" || true
}

plugins() { curl -s -u "admin:$password" "http://127.0.0.1:$port/api/v1/plugins"; }

start_server
first=$elapsed
stop_server

starts=()
rss=()
loads=()
for ((i = 1; i <= runs; i++)); do
  start_server
  starts+=("$elapsed")
  sleep 10
  rss+=("$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")")
  t0=$(now_ms)
  cp "$plugin" "$home/plugins/example.jar"
  until plugins | grep -q '"state":"ACTIVE","services":\[{[^]]*org.deckhand.api.analysis.Analyser'; do sleep 0.01; done
  loads+=($(( $(now_ms) - t0 )))
  rm "$home/plugins/example.jar"
  until ! plugins | grep -q 'org.deckhand.plugin.example'; do sleep 0.05; done
  stop_server
done

printf 'machine: %s cores, %s, %s\n' "$(nproc)" "$(uname -m)" "$("$home/bin/deckhand" --version 2>/dev/null || true)"
java -version 2>&1 | head -n 1 | sed 's/^/java: /'
printf 'first start to ready (fresh data folder, admin password hashed): %d ms\n' "$first"
printf 'restart to ready, median of %d: %s ms (runs: %s)\n' "$runs" "$(printf '%s\n' "${starts[@]}" | median)" "${starts[*]}"
printf 'resident memory after 10 s idle, median: %s MB (runs, kB: %s)\n' \
  "$(printf '%s\n' "${rss[@]}" | median | awk '{printf "%.0f", $1/1024}')" "${rss[*]}"
printf 'plugin hot-load, copy to ACTIVE with its service, median: %s ms (runs: %s)\n' \
  "$(printf '%s\n' "${loads[@]}" | median)" "${loads[*]}"
