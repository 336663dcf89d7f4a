#!/usr/bin/env bash
# The packaged server with a large library, measured as a user runs it:
#   - resident memory (VmRSS sampled every 0.5 s, and the kernel's VmHWM) while the first scan takes TRACKS files
#     into an empty catalog, with the analysis pipeline working in the background as it always does; scan time and
#     files/s; resident memory once the scan is done and once the search index holds every track;
#   - search over REST under load, once the index holds every track: 1 client, then CLIENTS concurrent clients,
#     each on its own keep-alive connection, running typical searches (SearchLoad.java) for LOAD_SECONDS after
#     WARM_UP_SECONDS; requests/s, p50, p90, p99, max latency and errors.
# The library is TRACKS hard links to the corpus's audio files under 97 artist and 13 album folders, in a temporary
# folder under /tmp, removed on exit. The server is a copy of the unpacked distribution, started with its bin/deckhand
# (its default JVM options; DECKHAND_JAVA_OPTS and DECKHAND_HEAP pass through) on a free port of 127.0.0.1.
# With -XX:NativeMemoryTracking=summary in DECKHAND_JAVA_OPTS, it also prints the JVM's native memory summary
# (jcmd VM.native_memory) once the scan is done.
# Usage: distribution/bench/library-bench.sh [TRACKS] [CORPUS]   (after: mvn -q package -DskipTests)
# Environment: CLIENTS (default 8), WARM_UP_SECONDS (5), LOAD_SECONDS (30), DECKHAND_DIST (the unpacked distribution
# to copy, default distribution/target/deckhand-*/).
set -euo pipefail

tracks=${1:-100000}
corpus=${2:-${DECKHAND_CORPUS:-}}
clients=${CLIENTS:-8}
warm_up=${WARM_UP_SECONDS:-5}
load_seconds=${LOAD_SECONDS:-30}
repo=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=bench-server.sh
. "$repo/distribution/bench/bench-server.sh"
dist=$(bench_dist "$repo" "${DECKHAND_DIST:-}")
load_source=$repo/distribution/src/test/java/org/deckhand/distribution/bench/SearchLoad.java
if [ -z "$corpus" ] || [ ! -d "$corpus/real-formats" ]; then
  echo "give the corpus folder (../shared/corpus/build.sh --quick DIR) as the second argument or DECKHAND_CORPUS" >&2
  exit 1
fi

bench_workdir deckhand-library-bench

now_ms() { date +%s%3N; }

bench_link_library "$corpus" "$work/music" "$tracks"

# Starts the server, and the sampler that appends "ms VmRSS VmHWM RssAnon RssFile" (kB) to rss.tsv every 0.5 s.
started=$(now_ms)
bench_start_server "$dist"
(
  while [ -r "/proc/$pid/status" ]; do
    awk -v t="$(now_ms)" '/^(VmRSS|VmHWM|RssAnon|RssFile):/ {v[$1] = $2}
      END {if (v["VmRSS:"]) print t, v["VmRSS:"], v["VmHWM:"], v["RssAnon:"], v["RssFile:"]}' "/proc/$pid/status"
    sleep 0.5
  done
) > "$work/rss.tsv" 2>/dev/null &
sampler=$!

bench_wait_ready 0.05
ready=$(now_ms)
token=$(curl -sf -u "admin:$password" -H 'Content-Type: application/json' -d '{"name": "library-bench"}' \
  "$base/api/v1/keys" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
api() { curl -sf -H "Authorization: Bearer $token" "$base/api/v1/$1"; }
field() { python3 -c "import json, sys; print(json.load(sys.stdin)$1)"; }
rss_mb() { awk -v from="$1" -v to="$2" -v col="$3" '$1 >= from && $1 <= to && $col > max {max = $col}
  END {printf "%.0f", max / 1024}' "$work/rss.tsv"; }
last_mb() { tail -n 1 "$work/rss.tsv" | awk -v col="$1" '{printf "%.0f", $col / 1024}'; }

progress=$ready
until grep -q 'Scanned [0-9]* files in' "$log"; do
  alive
  if [ $(( $(now_ms) - progress )) -ge 10000 ]; then
    progress=$(now_ms)
    printf '  %4d s: %s tracks in the catalog, RSS %s MB\n' $(( (progress - started) / 1000 )) \
      "$(api library/stats | field '["tracks"]')" "$(last_mb 2)" >&2
  fi
  sleep 0.2
done
scanned=$(now_ms)
sleep 0.6
rss_scanned=$(last_mb 2)
hwm_scanned=$(last_mb 3)
scan_line=$(grep -o 'Scanned [0-9]* files in [0-9.]* s: [0-9]* added.*' "$log" | head -n 1)
scan_files=$(echo "$scan_line" | awk '{print $2}')
scan_seconds=$(echo "$scan_line" | awk '{print $5}')
catalog_tracks=$(api library/stats | field '["tracks"]')
memory_scanned=$(api system | python3 -c 'import json, sys; m = json.load(sys.stdin)["memory"]
print("heap %.0f MB used of %.0f MB committed (max %.0f MB), non-heap %.0f MB used" % (m["heapUsedBytes"] / 2**20,
      m["heapCommittedBytes"] / 2**20, m["heapMaxBytes"] / 2**20, m["nonHeapUsedBytes"] / 2**20))')
if [[ "${DECKHAND_JAVA_OPTS:-}" == *NativeMemoryTracking* ]]; then
  echo "native memory once the scan is done (jcmd $pid VM.native_memory summary):"
  jcmd "$pid" VM.native_memory summary | grep -E '^(Total|-  *[A-Z])' | sed 's/^/  /'
fi

until [ "$(api 'tracks?limit=1' | field '["total"]')" = "$catalog_tracks" ]; do alive; sleep 1; done
indexed=$(now_ms)
rss_indexed=$(last_mb 2)

load_started=$(now_ms)
load_one=$(java -XX:+UseSerialGC -Xmx256m "$load_source" "$base" "$token" 1 "$warm_up" "$load_seconds") || true
echo "$load_one"
load_many=$(java -XX:+UseSerialGC -Xmx256m "$load_source" "$base" "$token" "$clients" "$warm_up" "$load_seconds") \
  || true
echo "$load_many"
loaded=$(now_ms)
analysed=$(api analysis/queue | field '["analysedSinceStart"]')

headline() { echo "$1" | head -n 1 | sed 's/^search over REST, [0-9]* client(s), [0-9]* s measured: //'; }
echo
echo "machine: $(nproc) cores, $(uname -m), load average $(cut -d ' ' -f 1-3 /proc/loadavg)"
java -version 2>&1 | head -n 1 | sed 's/^/java: /'
printf 'server: %s, %s bundles\n' "$(basename "$dist")" "$(ls "$work"/deckhand/bundles/*/*.jar | wc -l)"
printf 'library: %s files (hard links to the corpus); catalog %s tracks\n' "$tracks" "$catalog_tracks"
printf 'start to ready: %.1f s; start to scan done: %.1f s; index complete %.1f s after the scan\n' \
  "$(echo "($ready - $started) / 1000" | bc -l)" "$(echo "($scanned - $started) / 1000" | bc -l)" \
  "$(echo "($indexed - $scanned) / 1000" | bc -l)"
printf 'first scan: %s files in %s s = %.0f files/s\n' "$scan_files" "$scan_seconds" \
  "$(echo "$scan_files / $scan_seconds" | bc -l)"
peak_scan=$(rss_mb "$started" "$scanned" 2)
printf 'peak RSS while scanning: %s MB sampled, goal 300 MB %s' "$peak_scan" \
  "$([ "$peak_scan" -le 300 ] && echo met || echo missed)"
printf ' (VmHWM %s MB; anon %s MB, file %s MB at their peaks)\n' "$hwm_scanned" \
  "$(rss_mb "$started" "$scanned" 4)" "$(rss_mb "$started" "$scanned" 5)"
printf 'RSS once the scan is done: %s MB (JVM: %s); once the index is complete: %s MB\n' \
  "$rss_scanned" "$memory_scanned" "$rss_indexed"
printf 'peak RSS under search load: %s MB (VmHWM at the end %s MB)\n' "$(rss_mb "$load_started" "$loaded" 2)" \
  "$(last_mb 3)"
printf 'search over REST, 1 client, %s s after %s s warm-up: %s\n' "$load_seconds" "$warm_up" "$(headline "$load_one")"
printf 'search over REST, %s clients, %s s after %s s warm-up: %s\n' "$clients" "$load_seconds" "$warm_up" \
  "$(headline "$load_many")"
printf 'tracks analysed in the background meanwhile: %s\n' "$analysed"
[[ "$load_one" == *"errors 0"* && "$load_many" == *"errors 0"* ]]
