#!/usr/bin/env bash
# Scan throughput, side by side with mpd in the same run: a library of FILES audio files built from the test corpus
# (hard links under varied artist/album folders), scanned first by mpd building its database, then by Deckhand's
# watcher into an empty catalog; then each rescans it unchanged. Prints files/s, the rescan times, the ratio, and
# Deckhand's peak resident memory.
# Usage: bundles/watcher/bench/scan-bench.sh [FILES] [CORPUS]   (after: mvn -q install -DskipTests; needs mpd, mpc)
set -euo pipefail

files=${1:-10000}
corpus=${2:-${DECKHAND_CORPUS:-}}
repo=$(cd "$(dirname "$0")/../../.." && pwd)
if [ -z "$corpus" ] || [ ! -d "$corpus/real-formats" ]; then
  echo "give the corpus folder (../shared/corpus/build.sh --quick DIR) as the second argument or DECKHAND_CORPUS" >&2
  exit 1
fi
command -v mpd >/dev/null && command -v mpc >/dev/null || { echo "install mpd and mpc (apt-get install mpd mpc)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/deckhand-scan-bench.XXXXXX")
mpd_pid=
trap '[ -n "$mpd_pid" ] && kill "$mpd_pid" 2>/dev/null; rm -rf "$work"' EXIT

mapfile -t sources < <(find "$corpus/real-formats" "$corpus/labelled" "$corpus/real" -type f \
  \( -name '*.mp3' -o -name '*.flac' -o -name '*.ogg' -o -name '*.opus' -o -name '*.m4a' -o -name '*.wav' \
     -o -name '*.aiff' \) | sort)
echo "building a library of $files files from ${#sources[@]} corpus files in $work/music" >&2
for ((i = 0; i < files; i++)); do
  source=${sources[$((i % ${#sources[@]}))]}
  folder="$work/music/artist $((i % 97))/album $((i % 13))"
  mkdir -p "$folder"
  ln "$source" "$folder/$i - $(basename "$source")" 2>/dev/null || cp "$source" "$folder/$i - $(basename "$source")"
done
cat "$work/music"/*/*/* > /dev/null

now() { date +%s.%N; }

cat > "$work/mpd.conf" <<CONF
music_directory "$work/music"
db_file "$work/mpd.db"
log_file "$work/mpd.log"
pid_file "$work/mpd.pid"
state_file "$work/mpd.state"
bind_to_address "$work/mpd.sock"
auto_update "no"
audio_output {
  type "null"
  name "none"
}
CONF
start=$(now)
mpd --no-daemon "$work/mpd.conf" 2>>"$work/mpd.log" &
mpd_pid=$!
until [ -S "$work/mpd.sock" ] && mpc -q -h "$work/mpd.sock" status >/dev/null 2>&1; do sleep 0.02; done
until ! mpc -h "$work/mpd.sock" status | grep -q 'Updating DB'; do sleep 0.05; done
mpd_first=$(echo "$(now) - $start" | bc)
mpd_songs=$(mpc -h "$work/mpd.sock" stats | awk '/^Songs:/ {print $2}')
start=$(now)
mpc -q -h "$work/mpd.sock" update --wait
mpd_rescan=$(echo "$(now) - $start" | bc)
kill "$mpd_pid"; wait "$mpd_pid" 2>/dev/null || true; mpd_pid=

(cd "$repo/bundles/watcher" && mvn -q -B dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/classpath.txt" > /dev/null)
classpath=$(cat "$work/classpath.txt")
deckhand=$(java -Xms32m -Xmx384m -XX:+UseSerialGC ${BENCH_JAVA_OPTS:-} \
  -cp "$repo/bundles/watcher/target/test-classes:$repo/bundles/watcher/target/classes:$classpath" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
  org.deckhand.watcher.internal.ScanBench "$work/music" "$work/catalog")

echo "machine: $(nproc) cores, $(uname -m); warm page cache; $files files"
printf 'mpd first scan: %d songs in %.2f s = %.0f files/s\n' "$mpd_songs" "$mpd_first" \
  "$(echo "$files / $mpd_first" | bc -l)"
printf 'mpd unchanged rescan: %.3f s\n' "$mpd_rescan"
echo "$deckhand"
deckhand_rate=$(echo "$deckhand" | sed -n 's/.* = \([0-9]*\) files\/s/\1/p')
printf 'ratio, first-scan files/s, deckhand / mpd: %.2f\n' "$(echo "$deckhand_rate / ($files / $mpd_first)" | bc -l)"
