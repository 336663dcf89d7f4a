#!/usr/bin/env bash
# The packaged server's Subsonic API with a large library (SubsonicLoad.java): the empty-query search3 sync of the
# whole library in pages of 500 (total time, p50 and p99 per page, every song exactly once), the first byte of
# stream as the file is and transcoded to MP3, getCoverArt cold and cached; the server's peak resident memory
# (VmRSS sampled every 0.5 s) during the sync and the rest, beside its RSS once the scan is done.
# The library is TRACKS hard links to the corpus's audio files (bench_link_library), in a temporary folder under
# /tmp, removed on exit; the server is a copy of the unpacked distribution on a free port of 127.0.0.1.
# Usage: distribution/bench/subsonic-bench.sh [TRACKS] [CORPUS]   (after: mvn -q package -DskipTests)
set -euo pipefail

tracks=${1:-100000}
corpus=${2:-${DECKHAND_CORPUS:-}}
repo=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=bench-server.sh
. "$repo/distribution/bench/bench-server.sh"
dist=$(bench_dist "$repo" "${DECKHAND_DIST:-}")
load_source=$repo/distribution/src/test/java/org/deckhand/distribution/bench/SubsonicLoad.java
if [ -z "$corpus" ] || [ ! -d "$corpus/real-formats" ]; then
  echo "give the corpus folder (../shared/corpus/build.sh --quick DIR) as the second argument or DECKHAND_CORPUS" >&2
  exit 1
fi

bench_workdir deckhand-subsonic-bench
now_ms() { date +%s%3N; }
bench_link_library "$corpus" "$work/music" "$tracks"
bench_start_server "$dist"
(
  while [ -r "/proc/$pid/status" ]; do
    awk -v t="$(now_ms)" '/^VmRSS:/ {print t, $2}' "/proc/$pid/status"
    sleep 0.5
  done
) > "$work/rss.tsv" 2>/dev/null &
sampler=$!
bench_wait_ready 0.1
token=$(curl -sf -u "admin:$password" -H 'Content-Type: application/json' -d '{"name": "subsonic-bench"}' \
  "$base/api/v1/keys" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
until grep -q 'Scanned [0-9]* files in' "$log"; do alive; sleep 0.5; done
catalog_tracks=$(curl -sf -H "Authorization: Bearer $token" "$base/api/v1/library/stats" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["tracks"])')
rss_mb() { awk -v from="$1" '$1 >= from && $2 > max {max = $2} END {printf "%.0f", max / 1024}' "$work/rss.tsv"; }
rss_scanned=$(tail -n 1 "$work/rss.tsv" | awk '{printf "%.0f", $2 / 1024}')
load_started=$(now_ms)
status=0
java -XX:+UseSerialGC -Xmx256m "$load_source" "$base" "$token" "$catalog_tracks" || status=$?
echo "machine: $(nproc) cores, load average $(cut -d ' ' -f 1-3 /proc/loadavg); catalog $catalog_tracks tracks"
echo "RSS once the scan is done: $rss_scanned MB; peak RSS during the Subsonic requests: $(rss_mb "$load_started") MB"
exit "$status"
