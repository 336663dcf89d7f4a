#!/usr/bin/env bash
# The web console on a large library, measured in Debian's Chromium (web-admin/frontend/bench/console-bench.mjs):
# the bytes of its first load, the time from the last keypress of a search to the rendered rows, and the frame
# intervals while the table scrolls. The library is TRACKS hard links to the corpus's audio files under 97 artist and
# 13 album folders, in a temporary folder under /tmp, removed on exit; the server is a copy of the unpacked
# distribution started with its bin/deckhand on a free port of 127.0.0.1, measured once the search index holds every
# track (the analysis queue keeps working in the background, as it does on a new library).
# Usage: web-admin/bench/console-bench.sh [TRACKS] [CORPUS]   (after: mvn -q package -DskipTests)
# Environment: ROUNDS (default 5): how many times each query is typed.
set -euo pipefail

tracks=${1:-100000}
corpus=${2:-${DECKHAND_CORPUS:-}}
repo=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=../../distribution/bench/bench-server.sh
. "$repo/distribution/bench/bench-server.sh"
dist=$(bench_dist "$repo")
frontend=$repo/web-admin/frontend
if [ ! -d "$frontend/node_modules/@playwright/test" ]; then
  echo "build first: mvn -q package -DskipTests" >&2
  exit 1
fi
if [ -z "$corpus" ] || [ ! -d "$corpus/real-formats" ]; then
  echo "give the corpus folder (../shared/corpus/build.sh --quick DIR) as the second argument or DECKHAND_CORPUS" >&2
  exit 1
fi

bench_workdir deckhand-console-bench
bench_link_library "$corpus" "$work/music" "$tracks"

bench_start_server "$dist"
bench_wait_ready 0.2
until grep -q 'Scanned [0-9]* files in' "$log"; do alive; sleep 1; done
total() { curl -sf -u "admin:$password" "$base/api/v1/tracks?limit=1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'; }
until [ "$(total)" -ge "$tracks" ]; do alive; sleep 1; done
echo "$(grep -o 'Scanned [0-9]* files in [0-9.]* s' "$log" | head -n 1); the index holds $(total) tracks" >&2

cd "$frontend"
node bench/console-bench.mjs "$base" "$password"
