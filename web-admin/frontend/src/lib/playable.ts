// Whether this browser can play a track's file as the server sends it: Chromium and Firefox play no AIFF, for one.

/** The MIME types a browser may know each of the library's formats by. */
const TYPES: Record<string, string[]> = {
  mp3: ['audio/mpeg'],
  flac: ['audio/flac'],
  ogg: ['audio/ogg; codecs="vorbis"'],
  opus: ['audio/ogg; codecs="opus"'],
  m4a: ['audio/mp4; codecs="mp4a.40.2"', 'audio/mp4'],
  aac: ['audio/aac'],
  wav: ['audio/wav; codecs="1"', 'audio/wav'],
  aiff: ['audio/aiff', 'audio/x-aiff'],
  aif: ['audio/aiff', 'audio/x-aiff'],
  ape: ['audio/ape', 'audio/x-ape'],
  wv: ['audio/wavpack', 'audio/x-wavpack'],
  wma: ['audio/x-ms-wma'],
};

/** True when the browser says it can play the format, or when the format is not one it is known by. */
export function browserPlays(format: string): boolean {
  const types = TYPES[format.toLowerCase()];
  if (!types) {
    return true;
  }
  const probe = document.createElement('audio');
  return types.some((type) => probe.canPlayType(type) !== '');
}
