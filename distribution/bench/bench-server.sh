# What the benches that run the packaged server share (library-bench.sh, mixer-bench.sh and
# web-admin/bench/console-bench.sh): sourced, it defines the functions below and sets nothing else.
# The server's process id is kept in $pid and a sampler's, if a bench starts one, in $sampler: bench_workdir stops
# both and removes the temporary folder when the bench exits.

# bench_dist REPO [DIST]: the unpacked distribution to copy, DIST or the one in REPO/distribution/target; exits with
# how to build it when there is none.
bench_dist() {
  local dist=${2:-$(ls -d "$1"/distribution/target/deckhand-*/ 2>/dev/null | head -n 1)}
  if [ -z "$dist" ] || [ ! -x "$dist/bin/deckhand" ]; then
    echo "build first: mvn -q package -DskipTests" >&2
    exit 1
  fi
  echo "$dist"
}

# bench_workdir NAME: makes the temporary folder $work, removed on exit with the server and the sampler stopped.
bench_workdir() {
  work=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
  pid=
  sampler=
  trap bench_cleanup EXIT
}

bench_cleanup() {
  if [ -n "$sampler" ]; then
    kill "$sampler" 2>/dev/null || true
  fi
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}

# bench_link_library CORPUS MUSIC COUNT: COUNT hard links (copies where links fail) to the audio files of the corpus's
# real-formats/, labelled/ and real/ folders, under 97 artist and 13 album folders of MUSIC; then reads the corpus
# once to warm the page cache.
bench_link_library() {
  echo "building a library of $3 hard links in $2" >&2
  python3 - "$1" "$2" "$3" <<'PY'
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
for source in sources:
    with open(source, 'rb') as audio:
        while audio.read(1 << 20):
            pass
print('%d files from %d corpus files' % (count, len(sources)), file=sys.stderr)
PY
}

# bench_start_server DIST: copies the distribution into $work/deckhand and starts its bin/deckhand in the background
# on a free port of 127.0.0.1, on the music folder $work/music, with the admin password $password; sets $pid, $port,
# $base (the server's URL) and $log (what it prints).
bench_start_server() {
  cp -r "$1" "$work/deckhand"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  base=http://127.0.0.1:$port
  password=bench-password
  log=$work/deckhand.log
  DECKHAND_ADMIN_PASSWORD=$password "$work/deckhand/bin/deckhand" --host 127.0.0.1 --port "$port" \
    --music "$work/music" --data "$work/data" > "$log" 2>&1 &
  pid=$!
}

# alive: exits with the server's output when it has stopped.
alive() {
  kill -0 "$pid" 2>/dev/null || { echo "the server stopped; it printed:" >&2; cat "$log" >&2; exit 1; }
}

# bench_wait_ready [SECONDS]: waits, checking every SECONDS (default 0.1), until the server says it is ready.
bench_wait_ready() {
  until grep -qs ' ready at ' "$log"; do alive; sleep "${1:-0.1}"; done
}
