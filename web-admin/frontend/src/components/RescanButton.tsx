// A button that asks the server for a full scan of the music folders (POST /library/scan) and says how the scan
// goes, from the server's events, until it is done; it waits for the event stream to be open, or a quick scan could
// end before the page hears of it.

import { useState } from 'preact/hooks';
import { ApiError, post } from '../lib/api';
import { count } from '../lib/format';
import { useServerEvents } from '../lib/hooks';

export function RescanButton({ onScanned }: { onScanned?: () => void }) {
  const [state, setState] = useState<{ text: string; busy: boolean; error?: boolean }>();
  const connected = useServerEvents((event) => {
    if (event.topic === 'org/deckhand/library/scan/PROGRESS') {
      setState({ text: `Scanning: ${count(Number(event.properties.done ?? 0))} files`, busy: true });
    } else if (event.topic === 'org/deckhand/library/scan/COMPLETED') {
      setState({ text: `Scanned ${count(Number(event.properties.done ?? 0))} files.`, busy: false });
      onScanned?.();
    }
  });
  const rescan = async () => {
    setState({ text: 'Scan requested…', busy: true });
    try {
      await post('/library/scan');
    } catch (error) {
      setState({ text: error instanceof ApiError ? error.message : String(error), busy: false, error: true });
    }
  };
  return (
    <span class="rescan">
      <button type="button" onClick={rescan} disabled={!connected || state?.busy}>Rescan the music folders</button>
      {state && <span class={state.error ? 'error-note' : 'muted'} role={state.error ? 'alert' : 'status'}>
        {state.text}</span>}
    </span>
  );
}
