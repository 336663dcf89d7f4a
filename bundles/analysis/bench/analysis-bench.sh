#!/usr/bin/env bash
# The analysis bench: accuracy beside the peers, speed, loudness beside ffmpeg, in one run.
#
# Usage: bundles/analysis/bench/analysis-bench.sh [CORPUS]      (CORPUS defaults to $DECKHAND_CORPUS)
#   after: mvn -q install -DskipTests (the bench uses the installed decoder and analysers)
#
# 1. Runs ../shared/corpus/peers.sh on CORPUS/labelled: aubio, bpm-tools, the Vamp example fixedtempo plugin and
#    essentia.js (AGPL: npm installs it into the output folder and it runs as a separate test process only).
# 2. Starts one JVM (-Xmx384m -XX:+UseSerialGC, tiered C1+C2, as bin/deckhand runs) running
#    org.deckhand.analysis.internal.AnalysisBench: the pipeline's own decode and fan-out, with every built-in
#    analyser, over every audio file of CORPUS (real/, real-formats/, labelled/; not broken/) on one worker thread,
#    after a warm-up on a few files; decode alone over the same files; the same work again without the pipeline's
#    guard thread, to show what running on it costs; ffmpeg's ebur128 filter on every file.
# 3. Scores Deckhand's tempo and key with ../shared/corpus/score.py, reads the peers' scores, and prints one table
#    side by side with Deckhand/best-peer ratios, Deckhand's misses, the speed lines and the loudness lines.
#
# Environment:
#   PEERS       the peers to run, default "aubio bpmtools vampfixed essentiajs"; essentia.js takes about 90 s on
#               the quick corpus and 15 min on the full one, so PEERS="aubio bpmtools vampfixed" when in a hurry;
#               PEERS="" runs none
#   JOBS        parallel peer workers (peers.sh), default: the number of cores
#   BENCH_OUT   where estimates, scores and per-file figures go, default /tmp/deckhand-analysis-bench/<corpus name>
#   BENCH_JAVA_OPTS  more JVM options, such as -XX:TieredStopAtLevel=1 to measure with C1 alone, or
#               -XX:StartFlightRecording=filename=/tmp/bench.jfr to profile (then: jfr print --events ExecutionSample)
#   SPEED_ONLY  N: speed alone (no peers, no scores, no ffmpeg), on N files of every extension spread evenly through
#               the manifest (0: every file), same JVM, warm-up and passes; on the full corpus and a busy 2-core
#               machine SPEED_ONLY=3 (22 files) takes about 4 minutes, SPEED_ONLY=20 (101 files, 4.7 h of audio)
#               about 17, SPEED_ONLY=0 over an hour
#   CORPUS_TOOLS     the folder of peers.sh and score.py, default ../shared/corpus beside the repository
set -euo pipefail
export LC_ALL=C.UTF-8

corpus=${1:-${DECKHAND_CORPUS:-}}
repo=$(cd "$(dirname "$0")/../../.." && pwd)
tools=${CORPUS_TOOLS:-$repo/../shared/corpus}
peers=${PEERS-aubio bpmtools vampfixed essentiajs}
if [ -z "$corpus" ] || [ ! -f "$corpus/manifest.tsv" ] || [ ! -f "$corpus/labelled/truth.tsv" ]; then
  echo "give a corpus built by $tools/build.sh (with manifest.tsv and labelled/truth.tsv) as the argument or" \
    "DECKHAND_CORPUS" >&2
  exit 1
fi
corpus=$(realpath "$corpus")
[ -f "$tools/peers.sh" ] && [ -f "$tools/score.py" ] || { echo "no peers.sh and score.py in $tools" >&2; exit 1; }
speed_only=${SPEED_ONLY:-}
[ -n "$speed_only" ] && peers=""
[ -n "$speed_only" ] || command -v ffmpeg >/dev/null || { echo "ffmpeg is needed (apt-get install ffmpeg)" >&2; exit 1; }
out=${BENCH_OUT:-${TMPDIR:-/tmp}/deckhand-analysis-bench/$(basename "$corpus")}
mkdir -p "$out"
rm -f "$out"/est.*.tsv "$out"/est.*.score.txt

echo "[analysis-bench] reading the corpus once to warm the page cache" >&2
(cd "$corpus" && tail -n +2 manifest.tsv | cut -f1 | grep -v '^broken/' | tr '\n' '\0' | xargs -0 cat > /dev/null)

peer_summary=""
if [ -n "$peers" ]; then
  # shellcheck disable=SC2086
  peer_summary=$("$tools/peers.sh" "$corpus/labelled/truth.tsv" "$corpus/labelled" "$out/est.tsv" $peers)
fi

(cd "$repo/bundles/analysis" && mvn -q -B -o test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$out/classpath.txt" >&2)
# The JVM runs from copies of Deckhand's classes and jars: an install of these modules during the run cannot pull
# classes from under it.
lib="$out/lib"
rm -rf "$lib" && mkdir -p "$lib"
cp -r "$repo/bundles/analysis/target/test-classes" "$repo/bundles/analysis/target/classes" "$lib/"
classpath="$lib/test-classes:$lib/classes"
IFS=: read -ra jars <<< "$(cat "$out/classpath.txt")"
for jar in "${jars[@]}"; do
  case $jar in */org/deckhand/*) cp "$jar" "$lib/" && jar="$lib/$(basename "$jar")" ;; esac
  classpath="$classpath:$jar"
done
if [ -n "$speed_only" ]; then
  bench_args=(--speed-only "$corpus" "$speed_only")
else
  # shellcheck disable=SC2206
  bench_args=("$corpus" "$out" "$tools/score.py" $peers)
fi
# shellcheck disable=SC2086
MALLOC_ARENA_MAX=2 java -Xms32m -Xmx384m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k \
  ${BENCH_JAVA_OPTS:-} -cp "$classpath" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  org.deckhand.analysis.internal.AnalysisBench "${bench_args[@]}"

if [ -n "$peer_summary" ]; then
  echo
  echo "Peers as peers.sh ran them ($(nproc) cores, ${JOBS:-$(nproc)} jobs; aubio, bpm and vamp share one time):"
  echo "$peer_summary" | sed 's/^/  /'
fi
