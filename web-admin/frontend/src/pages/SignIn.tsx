// Sign-in with the admin password or an API key: POST /api/v1/session sets the session cookie.

import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, get, request } from '../lib/api';
import type { Session } from '../lib/types';

export function SignIn({ reason, onSignedIn }: { reason?: string; onSignedIn: (session: Session) => void }) {
  const [method, setMethod] = useState<'password' | 'api-key'>('password');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = 'Sign in · Deckhand';
    input.current?.focus();
  }, [method]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const authorization = method === 'password'
      ? `Basic ${utf8Base64(`admin:${secret}`)}`
      : `Bearer ${secret.trim()}`;
    try {
      await request<void>('/session', { method: 'POST', headers: { Authorization: authorization }, session: false });
      onSignedIn(await get<Session>('/session'));
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 401) {
        setError(method === 'password' ? 'The password is wrong.' : 'The API key is unknown or revoked.');
      } else {
        setError(failure instanceof ApiError ? failure.message : String(failure));
      }
      setSecret('');
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="sign-in" id="main">
      <form onSubmit={submit} aria-labelledby="sign-in-title" aria-describedby={error ? 'sign-in-error' : undefined}>
        <h1 id="sign-in-title">Deckhand</h1>
        {reason && !error && <p class="note" role="status">{reason}</p>}
        <fieldset class="choice">
          <legend>Sign in with</legend>
          <label>
            <input type="radio" name="method" checked={method === 'password'} onChange={() => setMethod('password')} />
            Admin password
          </label>
          <label>
            <input type="radio" name="method" checked={method === 'api-key'} onChange={() => setMethod('api-key')} />
            API key
          </label>
        </fieldset>
        <label class="field">
          <span>{method === 'password' ? 'Password (user admin)' : 'API key'}</span>
          <input ref={input} name={method === 'password' ? 'password' : 'api-key'}
            type="password" autocomplete={method === 'password' ? 'current-password' : 'off'} required
            value={secret} onInput={(e) => setSecret(e.currentTarget.value)}
            aria-invalid={error ? true : undefined} />
        </label>
        {error && <p id="sign-in-error" class="error-note" role="alert">{error}</p>}
        <button type="submit" class="primary" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
        <p class="hint">The password is the one the server printed on its first start, or set with
          DECKHAND_ADMIN_PASSWORD.</p>
      </form>
    </main>
  );
}

function utf8Base64(text: string): string {
  let binary = '';
  new TextEncoder().encode(text).forEach((byte) => {
    binary += String.fromCharCode(byte);
  });
  return btoa(binary);
}
