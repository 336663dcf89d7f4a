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
dist=$(ls -d "$repo"/distribution/target/deckhand-*/ 2>/dev/null | head -n 1)
frontend=$repo/web-admin/frontend
if [ -z "$dist" ] || [ ! -d "$frontend/node_modules/@playwright/test" ]; then
  echo "build first: mvn -q package -DskipTests" >&2
  exit 1
fi
if [ -z "$corpus" ] || [ ! -d "$corpus/real-formats" ]; then
  echo "give the corpus folder (../shared/corpus/build.sh --quick DIR) as the second argument or DECKHAND_CORPUS" >&2
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/deckhand-console-bench.XXXXXX")
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "building a library of $tracks hard links in $work/music" >&2
python3 - "$corpus" "$work/music" "$tracks" <<'PY'
import os, shutil, sys
corpus, music, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
extensions = ('.mp3', '.flac', '.ogg', '.opus', '.m4a', '.wav', '.aiff')
sources = sorted(os.path.join(folder, name) for top in ('real-formats', 'labelled', 'real')
                 for folder, _, names in os.walk(os.path.join(corpus, top)) for name in names
                 if name.endswith(extensions))
made = set()
for i in range(count):
    source = sources[i % len(sources)]
    folder = os.path.join(music, 'artist %d' % (i % 97), 'album %d' % (i % 13))
    if folder not in made:
        os.makedirs(folder)
        made.add(folder)
    target = os.path.join(folder, '%d - %s' % (i, os.path.basename(source)))
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
PY

cp -r "$dist" "$work/deckhand"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
password=bench-password
log=$work/deckhand.log
DECKHAND_ADMIN_PASSWORD=$password "$work/deckhand/bin/deckhand" --host 127.0.0.1 --port "$port" \
  --music "$work/music" --data "$work/data" > "$log" 2>&1 &
pid=$!
alive() { kill -0 "$pid" 2>/dev/null || { echo "the server stopped; it printed:" >&2; cat "$log" >&2; exit 1; }; }
until grep -q ' ready at ' "$log"; do alive; sleep 0.2; done
until grep -q 'Scanned [0-9]* files in' "$log"; do alive; sleep 1; done
total() { curl -sf -u "admin:$password" "$base/api/v1/tracks?limit=1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'; }
until [ "$(total)" -ge "$tracks" ]; do alive; sleep 1; done
echo "$(grep -o 'Scanned [0-9]* files in [0-9.]* s' "$log" | head -n 1); the index holds $(total) tracks" >&2

cd "$frontend"
node bench/console-bench.mjs "$base" "$password"
