#!/usr/bin/env bash
# Fuzzes each target for MINUTES (default 10) and prints, per target: executions, executions per second, the
# coverage reached (libFuzzer's edge count "cov" and feature count "ft" over the instrumented classes), the corpus
# size and the findings. A finding is written by Jazzer to the target's
# src/test/resources/<package>/<Class>Inputs/<method>/ folder, where every later `mvn test` replays it; fix the bug,
# then commit the input as a regression test. The generated corpus is kept in each module's .cifuzz-corpus/ (not
# committed), so a later run goes on from where this one stopped.
# Usage: distribution/bench/fuzz-bench.sh [MINUTES] [MODULE...]   (after: mvn -q install -DskipTests)
#   MODULE is one of bundles/tags, bundles/decoder, bundles/search, bundles/mixer, bundles/security (all of them by
#   default).
# Environment: KEEP_GOING (default 20: how many distinct findings a target may collect before it stops),
# FUZZ_TIMEOUT (default 10: seconds one input may take before it counts as a hang).
set -euo pipefail

minutes=${1:-10}
shift || true
modules=("$@")
[ ${#modules[@]} -gt 0 ] || modules=(bundles/tags bundles/decoder bundles/search bundles/mixer bundles/security)
repo=$(cd "$(dirname "$0")/../.." && pwd)
logs=$(mktemp -d /tmp/deckhand-fuzz-bench.XXXXXX)

printf '%-16s %-48s %8s %10s %8s %7s %7s %8s %s\n' module target seconds execs exec/s cov ft corpus findings
for module in "${modules[@]}"; do
  log="$logs/$(basename "$module").log"
  started=$(date +%s)
  status=0
  (cd "$repo" && mvn -B test -pl "$module" -Dfuzz -Dfuzz.seconds=$((minutes * 60)) \
      -Dfuzz.timeout="${FUZZ_TIMEOUT:-10}" -Djazzer.keep_going="${KEEP_GOING:-20}") > "$log" 2>&1 || status=$?
  elapsed=$(( $(date +%s) - started ))
  target=$(sed -n 's/^\[INFO\] Running \(org\.deckhand\..*FuzzTest\)$/\1/p' "$log" | head -n 1)
  last=$(grep -E '^#[0-9]+\s+(DONE|NEW|REDUCE|pulse|INITED)' "$log" | tail -n 1 || true)
  execs=$(grep 'stat::number_of_executed_units' "$log" | tail -n 1 | awk '{print $2}')
  rate=$(grep 'stat::average_exec_per_sec' "$log" | tail -n 1 | awk '{print $2}')
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<< "$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<< "$last")
  corpus=$(sed -n 's/.* corp: \([0-9]*\/[0-9]*[a-zA-Z]*\).*/\1/p' <<< "$last")
  findings=$(grep -c 'Test unit written to' "$log" || true)
  printf '%-16s %-48s %8s %10s %8s %7s %7s %8s %s\n' "$(basename "$module")" "${target:-?}" "$elapsed" \
    "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corpus:-?}" "$findings"
  if [ "$findings" -gt 0 ]; then
    grep -A1 '== Java Exception\|ERROR: libFuzzer: timeout' "$log" | grep -v '^--$' | awk '!seen[$0]++' \
      | sed 's/^/    /' | head -n 40
    sed -n 's/.*Test unit written to \(.*\)/    kept: \1/p' "$log"
  elif [ "$status" -ne 0 ]; then
    echo "    mvn failed without a finding; its log: $log"
  fi
done
echo "logs: $logs"
