#!/usr/bin/env bash
# Sends the packaged server what a hostile or careless client sends and prints, for each, the answers' status codes,
# how many were 5xx or none at all, and whether the server still answers GET /api/v1/health:
#   - 40 wrong passwords at once from one address (127.0.0.2), with the server's CPU seconds and the wall time;
#   - malformed numbers in queries and a Range beyond any file, on an analysed track of the corpus when
#     DECKHAND_CORPUS names one (labelled/mma_bvfunk_105_Eb.flac); TRACE;
#   - last, since it may stop the server: a 10 MiB JSON body for POST /api/v1/mixes, with its Content-Length and
#     chunked.
# Usage: distribution/bench/hardening-bench.sh [DIST]   (after: mvn -q package -DskipTests; DIST: an unpacked
# distribution, by default the one in distribution/target, so that an older build can be measured beside it)
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=bench-server.sh
. "$repo/distribution/bench/bench-server.sh"
dist=$(bench_dist "$repo" "${1:-}")
bench_workdir deckhand-hardening
mkdir -p "$work/music"
track=labelled/mma_bvfunk_105_Eb.flac
if [ -n "${DECKHAND_CORPUS:-}" ] && [ -f "$DECKHAND_CORPUS/$track" ]; then
  cp "$DECKHAND_CORPUS/$track" "$work/music/"
fi
bench_start_server "$dist"
bench_wait_ready
if [ -n "$(ls "$work/music")" ]; then
  for _ in $(seq 1 120); do
    curl -s -u "admin:$password" "$base/api/v1/tracks/1/analysis" | grep -q '"tempo"' && break
    sleep 1
  done
fi
ticks=$(getconf CLK_TCK)

cpu_seconds() { awk -v t="$ticks" '{printf "%.1f", ($14 + $15) / t}' "/proc/$pid/stat"; }

# report NAME STATUS...: one line with the statuses counted, the 5xx and failed (000) answers, and health after.
report() {
  local name=$1
  shift
  local health
  health=$(curl -s -o /dev/null -m 10 -w '%{http_code}' "$base/api/v1/health" || true)
  printf '%-44s %-34s 5xx or none: %-3s health after: %s\n' "$name" \
    "$(printf '%s\n' "$@" | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')" \
    "$(printf '%s\n' "$@" | grep -c -E '^(5..|000)$' || true)" "$health"
}

# 40 wrong passwords at once from 127.0.0.2.
cpu_before=$(cpu_seconds)
t0=$(date +%s%N)
for i in $(seq 1 40); do
  curl -s -o /dev/null -m 60 -w '%{http_code}\n' --interface 127.0.0.2 -u "admin:wrong-$i" \
    "$base/api/v1/system" > "$work/guess-$i" &
done
wait $(jobs -p | grep -v "^$pid$") 2>/dev/null || true
t1=$(date +%s%N)
mapfile -t guesses < <(cat "$work"/guess-*)
report "40 parallel wrong passwords (127.0.0.2)" "${guesses[@]}"
echo "    server CPU: $(awk -v a="$cpu_before" -v b="$(cpu_seconds)" 'BEGIN {printf "%.1f", b - a}') s, wall" \
  "$(( (t1 - t0) / 1000000 )) ms"

# Malformed numbers, a Range beyond any file, TRACE.
statuses=()
for query in 'bpmWindow=NaN' 'limit=abc' 'limit=99999999999'; do
  statuses+=("$(curl -s -o /dev/null -m 10 -w '%{http_code}' -u "admin:$password" \
    "$base/api/v1/tracks/1/compatible?$query" || true)")
done
report "compatible?bpmWindow=NaN, limit=abc, =99999999999" "${statuses[@]}"
statuses=()
for range in 'bytes=99999999999999999999-' 'bytes=0-99999999999999999999' 'bytes=-99999999999999999999'; do
  statuses+=("$(curl -s -o /dev/null -m 10 -w '%{http_code}' -u "admin:$password" -H "Range: $range" \
    "$base/api/v1/tracks/1/audio" || true)")
done
report "Range: first, last, suffix beyond any file" "${statuses[@]}"
statuses=()
for path in / /library /stream/x.mp3 /api/v1/health; do
  statuses+=("$(curl -s -o /dev/null -m 10 -w '%{http_code}' -X TRACE "$base$path" || true)")
done
report "TRACE / /library /stream/x.mp3 /api/v1/health" "${statuses[@]}"

# A 10 MiB seed, declared and chunked.
python3 -c 'import sys; sys.stdout.write("{\"seed\": {\"trackIds\": [" + ",".join(["\"1\""] * 2_600_000) + "]}}")' \
  > "$work/ten-mib.json"
declared=$(curl -s -o /dev/null -m 60 -w '%{http_code}' -u "admin:$password" -H 'Content-Type: application/json' -H 'Expect:' \
  --data-binary "@$work/ten-mib.json" "$base/api/v1/mixes" || true)
report "10 MiB JSON, Content-Length" "${declared:-000}"
chunked=$(curl -s -o /dev/null -m 60 -w '%{http_code}' -u "admin:$password" -H 'Content-Type: application/json' -H 'Expect:' \
  -H 'Transfer-Encoding: chunked' --data-binary "@$work/ten-mib.json" "$base/api/v1/mixes" || true)
report "10 MiB JSON, chunked" "${chunked:-000}"
