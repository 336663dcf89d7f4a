// A mix's stream and playlist addresses: each copied with one click, the chosen one as a QR code for a phone, how
// to open them in VLC, mpv, mpd or a phone, and a new token that shuts out everyone who had the old addresses.

import { useState } from 'preact/hooks';
import { ApiError, post } from '../lib/api';
import { type Mix, type StreamKind, streamUrl } from '../lib/mixes';
import { ErrorNote } from './ErrorNote';
import { QrCode } from './QrCode';

const LINKS: { kind: StreamKind; label: string; use: string }[] = [
  { kind: 'mp3', label: 'MP3 stream', use: 'plays in any player and browser, with the track titles (ICY)' },
  { kind: 'm3u', label: 'M3U playlist', use: 'for players that open playlists; it points at the MP3 stream' },
  { kind: 'pls', label: 'PLS playlist', use: 'the same for older internet-radio players' },
  { kind: 'flac', label: 'FLAC stream', use: 'lossless, for a hi-fi player on the home network' },
];

/** Copies `text` to the clipboard, also where the page is not a secure context (plain http on the LAN). */
async function copy(text: string, input: HTMLInputElement | null): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  if (!input) {
    throw new Error('no field to copy from');
  }
  input.select();
  if (!document.execCommand('copy')) {
    throw new Error('the browser refused to copy; select the address and copy it by hand');
  }
}

export function ShareMix({ mix, onToken }: { mix: Mix; onToken: () => void }) {
  const [shown, setShown] = useState<StreamKind>('mp3');
  const [copied, setCopied] = useState<string>('');
  const [error, setError] = useState<ApiError>();
  const mp3 = streamUrl(mix, 'mp3');

  const copyLink = async (kind: StreamKind, label: string) => {
    try {
      await copy(streamUrl(mix, kind), document.getElementById(`share-${kind}`) as HTMLInputElement | null);
      setCopied(`${label} address copied.`);
    } catch (failure) {
      setCopied(`Not copied: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
  };

  const renew = async () => {
    if (!confirm('Players that use the current addresses stop at once, and the old QR code no longer works. '
        + 'Make new addresses?')) {
      return;
    }
    try {
      await post('/mixes/' + mix.id + '/token');
      setError(undefined);
      setCopied('');
      onToken();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError({ status: 0, detail: String(failure) }));
    }
  };

  const shownLink = LINKS.find((link) => link.kind === shown) ?? LINKS[0];
  return (
    <section class="panel mix-share" aria-labelledby="share-title">
      <h2 id="share-title">Share and listen elsewhere</h2>
      <p class="hint">These addresses carry the mix's token, so a player needs no password: anyone you give them
        to can listen. <button type="button" class="link-button" onClick={renew}>Make new addresses</button> shuts
        the old ones out.</p>
      <ErrorNote error={error} what="New addresses" />
      <div class="share-grid">
        <ul class="share-links">
          {LINKS.map((link) => (
            <li key={link.kind}>
              <label for={`share-${link.kind}`}>{link.label}</label>
              <span class="hint">{link.use}</span>
              <div class="share-row">
                <input id={`share-${link.kind}`} type="text" readOnly value={streamUrl(mix, link.kind)}
                  onFocus={(event) => (event.currentTarget as HTMLInputElement).select()} />
                <button type="button" onClick={() => copyLink(link.kind, link.label)}
                  aria-label={`Copy the ${link.label} address`}>Copy</button>
                <button type="button" class="quiet" aria-pressed={shown === link.kind}
                  onClick={() => setShown(link.kind)} aria-label={`Show the ${link.label} as a QR code`}>QR</button>
              </div>
            </li>
          ))}
        </ul>
        <figure class="share-qr">
          <QrCode text={streamUrl(mix, shownLink.kind)} label={`QR code of the ${shownLink.label} address`} />
          <figcaption>{shownLink.label}: scan it with a phone's camera</figcaption>
        </figure>
      </div>
      <p class="share-status" role="status" aria-live="polite">{copied}</p>
      <details class="share-howto">
        <summary>How to open the mix in a player</summary>
        <dl>
          <dt>A phone</dt>
          <dd>Scan the QR code: the phone's browser plays the MP3 stream. In VLC for Android or iOS, choose
            "Open network stream" and paste the MP3 address.</dd>
          <dt>VLC</dt>
          <dd>Media, Open Network Stream, paste the MP3 address (or open the M3U playlist). From a terminal:
            <code class="command">vlc '{mp3}'</code></dd>
          <dt>mpv</dt>
          <dd><code class="command">mpv '{mp3}'</code> shows each track's title as the mix moves on.</dd>
          <dt>mpd</dt>
          <dd><code class="command">mpc add '{mp3}' &amp;&amp; mpc play</code></dd>
          <dt>A Subsonic app</dt>
          <dd>Subsonic apps (Symfonium, DSub, Feishin…) signed in at this server's <code>/rest/</code> play the
            library, but live mixes are not offered to them as radio stations yet: open the MP3 address in the
            phone's browser or VLC instead.</dd>
        </dl>
      </details>
    </section>
  );
}
