#!/usr/bin/env bash
# Browsing the library over REST, as the console's Browse page asks for it, on the packaged server with a large
# library: once the first scan has taken TRACKS files into an empty catalog (the analysis pipeline working in the
# background as it always does), REQUESTS requests of each of GET /api/v1/library/albums (the first page of 100
# albums, then pages further in), /library/albums?artist=..., /library/artists, /library/genres and /library/years,
# one after another on one keep-alive connection after WARM_UP requests; prints p50, p90, p99 and max latency in
# milliseconds (send to last byte) for each, and whether album browsing met its goal, p50 under 200 ms.
# The library is TRACKS hard links to the corpus's audio files (see bench-server.sh), in a temporary folder under
# /tmp, removed on exit.
# Usage: distribution/bench/browse-bench.sh [TRACKS] [CORPUS]   (after: mvn -q package -DskipTests)
# Environment: REQUESTS (default 200), WARM_UP (20), DECKHAND_DIST (the unpacked distribution to copy).
set -euo pipefail

tracks=${1:-100000}
corpus=${2:-${DECKHAND_CORPUS:-}}
requests=${REQUESTS:-200}
warm_up=${WARM_UP:-20}
repo=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=bench-server.sh
. "$repo/distribution/bench/bench-server.sh"
dist=$(bench_dist "$repo" "${DECKHAND_DIST:-}")
if [ -z "$corpus" ] || [ ! -d "$corpus/real-formats" ]; then
  echo "give the corpus folder (../shared/corpus/build.sh --quick DIR) as the second argument or DECKHAND_CORPUS" >&2
  exit 1
fi

bench_workdir deckhand-browse-bench
bench_link_library "$corpus" "$work/music" "$tracks"
bench_start_server "$dist"
bench_wait_ready 0.05
token=$(curl -sf -u "admin:$password" -H 'Content-Type: application/json' -d '{"name": "browse-bench"}' \
  "$base/api/v1/keys" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
until grep -q 'Scanned [0-9]* files in' "$log"; do alive; sleep 0.5; done
catalog_tracks=$(curl -sf -H "Authorization: Bearer $token" "$base/api/v1/library/stats" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["tracks"])')

python3 - "$port" "$token" "$requests" "$warm_up" <<'PY'
import http.client, json, sys, time, urllib.parse
port, token, requests, warm_up = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
connection = http.client.HTTPConnection('127.0.0.1', port, timeout=30)
headers = {'Authorization': 'Bearer ' + token, 'Accept': 'application/json'}

def get(path):
    started = time.perf_counter()
    connection.request('GET', '/api/v1' + path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - started) * 1000
    if response.status != 200:
        raise SystemExit('%s answered %d: %s' % (path, response.status, body[:200]))
    return elapsed, json.loads(body)

_, first = get('/library/albums?limit=100')
_, artists = get('/library/artists?limit=1')
artist = artists['items'][0]['name'] if artists['items'] else ''
album_pages = max(1, first['total'] // 100)
cases = [
    ('albums, first page of 100', lambda i: '/library/albums?limit=100'),
    ('albums, pages further in', lambda i: '/library/albums?limit=100&offset=%d' % ((i % album_pages) * 100)),
    ("one artist's albums", lambda i: '/library/albums?limit=100&artist=' + urllib.parse.quote(artist)),
    ('artists, first page of 100', lambda i: '/library/artists?limit=100'),
    ('genres', lambda i: '/library/genres?limit=100'),
    ('years', lambda i: '/library/years?limit=100'),
]
print('library: %d albums, %d artists' % (first['total'], artists['total']))
album_p50 = None
for name, path in cases:
    for i in range(warm_up):
        get(path(i))
    times = sorted(get(path(i))[0] for i in range(requests))
    rank = lambda q: times[min(len(times) - 1, max(0, int(round(q * len(times))) - 1))]
    print('%-28s p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%d requests)'
          % (name, rank(0.5), rank(0.9), rank(0.99), times[-1], len(times)))
    if album_p50 is None:
        album_p50 = rank(0.5)
print('album browsing p50 %.1f ms, goal under 200 ms: %s' % (album_p50, 'met' if album_p50 < 200 else 'missed'))
PY
echo "machine: $(nproc) cores, load average $(cut -d ' ' -f 1-3 /proc/loadavg); catalog $catalog_tracks tracks;" \
  "analysed in the background meanwhile: $(curl -sf -H "Authorization: Bearer $token" \
  "$base/api/v1/analysis/queue" | python3 -c 'import json, sys; print(json.load(sys.stdin)["analysedSinceStart"])')"
