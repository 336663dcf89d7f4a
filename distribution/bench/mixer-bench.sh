#!/usr/bin/env bash
# The streaming mixer's figures on the packaged server, measured as LAN players and a user see them
# (distribution/src/test/java/org/deckhand/distribution/bench/MixerLoad.java does the measuring):
#   - time to the first audio byte of a new mix: POST /api/v1/mixes to the first byte of its MP3 stream, MIXES
#     mixes seeded with tracks spread over the library (p50 and max);
#   - listeners held from one shared render at 192 kbit/s: listeners join one mix 10 at a time every 5 s until a
#     stream breaks, the server's process uses 90 % of the cores, or MAX_LISTENERS listen; the count before the
#     first underrun (a listener more than 1 s behind real time), the server's CPU % from /proc at each step, and
#     its CPU per listener, with all of them against none over 10 s each (which, unlike underruns, depends little
#     on how busy the machine is);
#   - render speed including MP3 encoding: the whole mix rendered to MP3 through the render endpoint twice (the
#     second, on code the JIT has compiled, gives the figure), audio seconds over the server process's CPU seconds
#     (less its CPU at rest), times real time per core; beside it in the same run, the peer: ffmpeg's libmp3lame
#     (LAME, in C) encoding the same audio from WAV to 192 kbit/s CBR MP3 on one thread, and the ratio of the two
#     (the render also decodes, resamples, stretches and mixes).
# The library is the corpus's labelled tracks (hard links, in a temporary folder removed on exit); the server is a
# copy of the unpacked distribution on a free port of 127.0.0.1, analysed fully before the measures start.
# Usage: distribution/bench/mixer-bench.sh [CORPUS]   (after: mvn -q package -DskipTests)
# Environment: MIXES (default 8), MAX_LISTENERS (100), DIST (the unpacked distribution to copy; by default the one
# in distribution/target).
set -euo pipefail

corpus=${1:-${DECKHAND_CORPUS:-}}
mixes=${MIXES:-8}
max_listeners=${MAX_LISTENERS:-100}
repo=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=bench-server.sh
. "$repo/distribution/bench/bench-server.sh"
dist=$(bench_dist "$repo" "${DIST:-}")
load_source=$repo/distribution/src/test/java/org/deckhand/distribution/bench/MixerLoad.java
if [ -z "$corpus" ] || [ ! -d "$corpus/labelled" ]; then
  echo "give the corpus folder (../shared/corpus/build.sh --quick DIR) as the argument or DECKHAND_CORPUS" >&2
  exit 1
fi

bench_workdir deckhand-mixer-bench

mkdir "$work/music"
for file in "$corpus"/labelled/*.flac; do
  ln "$file" "$work/music/" 2>/dev/null || cp "$file" "$work/music/"
done
files=$(ls "$work/music" | wc -l)
load_before=$(cut -d ' ' -f 1-3 /proc/loadavg)

bench_start_server "$dist"
bench_wait_ready
api() { curl -sf -u "admin:$password" "$base/api/v1/$1"; }
analysed() {
  api "tracks?limit=500" | python3 -c "import json, sys
tracks = json.load(sys.stdin)['tracks']
print(sum(1 for t in tracks if all(a in t.get('analyses', {}) for a in ('tempo', 'beatgrid', 'loudness'))))"
}
echo "analysing $files labelled tracks" >&2
deadline=$(( $(date +%s) + 600 ))
until [ "$(api analysis/queue | python3 -c 'import json, sys; print(json.load(sys.stdin)["queued"])')" = 0 ] \
  && [ "$(analysed)" = "$files" ]; do
  alive
  [ "$(date +%s)" -lt "$deadline" ] || { echo "the library was not analysed within 10 minutes" >&2; exit 1; }
  sleep 2
done

jackson=$(ls "$work"/deckhand/bundles/3/jackson-{core,databind,annotations}-*.jar | paste -sd :)
status=0
out=$(java -XX:+UseSerialGC -Xmx512m -cp "$jackson" "$load_source" "$base" "$password" "$pid" "$mixes" \
  "$max_listeners") || status=$?
echo "$out"
if [ "$status" -ne 0 ]; then
  echo "MixerLoad failed ($status); the server's last lines:" >&2
  tail -n 30 "$log" >&2
  exit 1
fi
render=$(echo "$out" | sed -n 's/^render file: //p' | tail -n 1)
ours=$(echo "$out" | sed -n 's/^render to MP3.*, again: .* = \([0-9.]*\)x real time per core$/\1/p')

ffmpeg -nostdin -v error -i "$render" -f wav -y "$work/render.wav"
seconds=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$work/render.wav")
TIMEFORMAT='%U %S'
peer_cpu=$( { time ffmpeg -nostdin -v error -threads 1 -i "$work/render.wav" -c:a libmp3lame -b:a 192k -f mp3 \
  -y /dev/null; } 2>&1 | awk '{print $1 + $2}')
peer=$(echo "$seconds / $peer_cpu" | bc -l)

echo
echo "machine: $(nproc) cores, $(uname -m); load average before $load_before, after $(cut -d ' ' -f 1-3 /proc/loadavg)"
java -version 2>&1 | head -n 1 | sed 's/^/java: /'
printf 'server: %s; library: %s labelled tracks of %s\n' "$(basename "$dist")" "$files" "$corpus"
printf 'peer, ffmpeg libmp3lame 192 kbit/s CBR from WAV, one thread: %.1f s of audio in %.2f CPU s' "$seconds" \
  "$peer_cpu"
printf ' = %.0fx real time per core\n' "$peer"
printf 'render speed including MP3 encoding, second render: %sx real time per core' "$ours"
printf ' = %.2f of the peer'"'"'s encoding alone\n' "$(echo "$ours / $peer" | bc -l)"
