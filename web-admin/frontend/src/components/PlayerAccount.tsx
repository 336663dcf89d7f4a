// The Subsonic player account: the user name and password that Subsonic clients without API key support sign in
// with. The password is set here and never shown again.

import { useState } from 'preact/hooks';
import { ErrorNote } from './ErrorNote';
import { ApiError, del, put } from '../lib/api';
import { useResource } from '../lib/hooks';

interface Account {
  username?: string;
  passwordSet: boolean;
}

export function PlayerAccount() {
  const account = useResource<Account>('/subsonic/player');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [status, setStatus] = useState<{ text: string; error?: boolean }>();

  const save = async (event: Event) => {
    event.preventDefault();
    try {
      await put('/subsonic/player', { username: username || account.data?.username, password });
      setPassword('');
      setStatus({ text: 'Saved: Subsonic clients sign in with this user name and password.' });
      account.reload();
    } catch (error) {
      setStatus({ text: error instanceof ApiError ? error.message : String(error), error: true });
    }
  };

  const remove = async () => {
    try {
      await del('/subsonic/player');
      setStatus({ text: 'Removed: only API keys sign in to the Subsonic API now.' });
      account.reload();
    } catch (error) {
      setStatus({ text: error instanceof ApiError ? error.message : String(error), error: true });
    }
  };

  return (
    <form class="panel" id="subsonic-player" onSubmit={save} aria-labelledby="player-title">
      <h2 id="player-title">Subsonic players</h2>
      <p class="hint">Subsonic and OpenSubsonic clients (Symfonium, Tempo, DSub, Feishin…) connect to this server's
        address. Clients that support API keys should use one (<code>POST /api/v1/keys</code>); others sign in with
        this account, whose password is kept encrypted so that token sign-in works: use a password of its own.</p>
      <ErrorNote error={account.error} />
      {account.data && <p role="status" class="muted">{account.data.passwordSet
        ? `Set for the user ${account.data.username}.` : 'No player account is set.'}</p>}
      <label class="field">
        <span>User name</span>
        <input type="text" autocomplete="off" value={username || account.data?.username || ''}
          onInput={(e) => setUsername(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>Player password (at least 8 characters)</span>
        <input type="password" autocomplete="new-password" value={password}
          onInput={(e) => setPassword(e.currentTarget.value)} />
      </label>
      <div class="form-actions">
        <button type="submit" class="primary">Save player account</button>
        {account.data?.passwordSet && <button type="button" class="danger" onClick={remove}>Remove</button>}
        {status && <p class={status.error ? 'error-note' : 'note'} role={status.error ? 'alert' : 'status'}>
          {status.text}</p>}
      </div>
    </form>
  );
}
