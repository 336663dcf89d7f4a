// Notifications: the channels the server tells what happens on it (Discord, ntfy, Gotify, e-mail, webhooks), each
// with its state, circuit breaker and rules; a test message sent at once; and the history of deliveries.

import { useEffect, useState } from 'preact/hooks';
import { ErrorNote } from '../components/ErrorNote';
import { PageHeader } from '../components/PageHeader';
import { ApiError, del, post, put } from '../lib/api';
import * as format from '../lib/format';
import { useResource } from '../lib/hooks';
import type {
  ChannelType, NotificationChannel, NotificationDelivery, NotificationKind, NotificationLevel,
} from '../lib/types';

/** How often the page reads the channels' states and the history again, in milliseconds. */
const REFRESH_MS = 5000;

const LEVELS: { level: NotificationLevel; label: string }[] = [
  { level: 'INFO', label: 'everything (info and up)' },
  { level: 'WARNING', label: 'warnings and up' },
  { level: 'ERROR', label: 'errors and up' },
  { level: 'CRITICAL', label: 'critical only' },
];

const KINDS: { kind: NotificationKind; label: string; hint: string }[] = [
  { kind: 'LIBRARY', label: 'Library', hint: 'tracks added, changed or gone; scans; problem files' },
  { kind: 'ANALYSIS', label: 'Analysis', hint: 'failures, a quarantined analyser, the queue drained' },
  { kind: 'PLUGINS', label: 'Plugins', hint: 'installed, failed, removed' },
  { kind: 'MIXER', label: 'Mixer', hint: 'mixes started and stopped, renders finished' },
  { kind: 'RENAMER', label: 'Renamer', hint: 'rename batches done, failed, undone' },
  { kind: 'TRACKLISTS', label: 'Tracklists', hint: 'imported, or blocked by a site' },
  { kind: 'HEALTH', label: 'Health', hint: 'a music folder gone or back, disk space, a bundle down' },
  { kind: 'SECURITY', label: 'Security', hint: 'repeated failed sign-ins, API keys, plugin uploads' },
];

type Editing = { mode: 'new' } | { mode: 'edit'; channel: NotificationChannel };

export function Notifications() {
  const types = useResource<ChannelType[]>('/notifications/types');
  const channels = useResource<NotificationChannel[]>('/notifications/channels');
  const history = useResource<NotificationDelivery[]>('/notifications/history?limit=50');
  const [editing, setEditing] = useState<Editing>();
  const [results, setResults] = useState<Record<number, { text: string; error?: boolean }>>({});
  const [actionError, setActionError] = useState<ApiError>();

  useEffect(() => {
    const timer = setInterval(() => {
      channels.reload();
      history.reload();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [channels.reload, history.reload]);

  const names = new Map((channels.data ?? []).map((channel) => [channel.id, channel.name]));
  const typeName = (id: string) => types.data?.find((type) => type.id === id)?.name ?? id;
  const showResult = (id: number, text: string, error?: boolean) =>
    setResults((shown) => ({ ...shown, [id]: { text, error } }));

  const test = async (channel: NotificationChannel) => {
    showResult(channel.id, 'Sending a test…');
    try {
      const outcome = await post<{ result: string; statusCode: number; receiverId?: string }>(
        `/notifications/channels/${channel.id}/test`);
      showResult(channel.id, `Delivered${outcome.statusCode ? ` (${outcome.statusCode})` : ''}: look for it on `
        + `${channel.name}.`);
    } catch (error) {
      showResult(channel.id, error instanceof ApiError ? error.message : String(error), true);
    }
    channels.reload();
    history.reload();
  };

  const setEnabled = async (channel: NotificationChannel, enabled: boolean) => {
    try {
      await put(`/notifications/channels/${channel.id}`, { enabled });
      setActionError(undefined);
    } catch (error) {
      setActionError(error instanceof ApiError ? error : undefined);
    }
    channels.reload();
  };

  const remove = async (channel: NotificationChannel) => {
    const waiting = channel.pending > 0 ? ` Its ${channel.pending} waiting message(s) are dropped.` : '';
    if (!confirm(`Delete the channel ${channel.name}?${waiting}`)) {
      return;
    }
    try {
      await del(`/notifications/channels/${channel.id}`);
      setActionError(undefined);
    } catch (error) {
      setActionError(error instanceof ApiError ? error : undefined);
    }
    channels.reload();
  };

  return (
    <section aria-labelledby="page-title">
      <PageHeader title="Notifications">
        {!editing && <button type="button" class="primary" onClick={() => setEditing({ mode: 'new' })}>
          Add a channel</button>}
      </PageHeader>
      <p class="subtitle">Deckhand tells these channels what happens on the server. Bursts are gathered into one
        digest a minute; critical and security messages go out at once. Every message is stored before it is sent,
        so an outage of a channel loses nothing.</p>

      {editing && types.data && (
        <ChannelForm types={types.data} editing={editing}
          onDone={(saved) => {
            setEditing(undefined);
            if (saved) {
              showResult(saved.id, 'Saved. Send a test to check that it arrives.');
            }
            channels.reload();
          }} />
      )}

      <ErrorNote error={channels.error ?? types.error} />
      <ErrorNote error={actionError} />
      {channels.data && channels.data.length === 0 && !editing && (
        <p class="muted">No channel yet: add one to hear from the server on Discord, your phone or by e-mail.</p>
      )}
      {channels.data && channels.data.length > 0 && (
        <table class="list channels stacked" aria-label="Channels">
          <thead>
            <tr><th scope="col">Channel</th><th scope="col">State</th><th scope="col">Takes</th>
              <th scope="col" class="num">Waiting</th><th scope="col">Last attempt</th><th scope="col">Actions</th></tr>
          </thead>
          <tbody>
            {channels.data.map((channel) => (
              <tr key={channel.id} data-channel-id={channel.id}>
                <td><strong>{channel.name}</strong><br /><span class="muted">{typeName(channel.type)}</span></td>
                <td>
                  <span class={`state ${stateClass(channel)}`} data-testid="channel-state">{stateText(channel)}</span>
                  {channel.circuit !== 'CLOSED' && (
                    <span class="state bad" title="After repeated failures the channel rests, then tries once">
                      circuit {channel.circuit === 'OPEN' ? 'open' : 'half-open'}</span>
                  )}
                  {channel.reason && <p class="reason">{channel.reason}</p>}
                  {channel.waitingUntil && <p class="hint">waits until {format.dateTime(channel.waitingUntil)}</p>}
                </td>
                <td>{LEVELS.find((level) => level.level === channel.minimumLevel)?.label}
                  <br /><span class="muted">{kindsText(channel.kinds)}</span></td>
                <td class="num">{format.count(channel.pending)}
                  {channel.dropped > 0 && <p class="hint" data-testid="channel-dropped">
                    {format.count(channel.dropped)} dropped</p>}</td>
                <td>{channel.lastOutcome ? `${channel.lastOutcome.result}${channel.lastOutcome.statusCode
                  ? ` (${channel.lastOutcome.statusCode})` : ''}` : <span class="muted">none yet</span>}</td>
                <td>
                  <div class="row-actions">
                    <button type="button" onClick={() => test(channel)}>Send a test</button>
                    <button type="button" onClick={() => setEditing({ mode: 'edit', channel })}>Edit</button>
                    <button type="button" onClick={() => setEnabled(channel, !channel.enabled)}>
                      {channel.enabled ? 'Pause' : 'Resume'}</button>
                    <button type="button" class="danger" onClick={() => remove(channel)}>Delete</button>
                  </div>
                  {results[channel.id] && (
                    <p class={results[channel.id].error ? 'error-note' : 'note'}
                      role={results[channel.id].error ? 'alert' : 'status'}>{results[channel.id].text}</p>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>History</h2>
      <ErrorNote error={history.error} />
      {history.data && history.data.length === 0 && <p class="muted">Nothing sent yet.</p>}
      {history.data && history.data.length > 0 && (
        <table class="list stacked" aria-label="History">
          <thead>
            <tr><th scope="col">Queued</th><th scope="col">Channel</th><th scope="col">Message</th>
              <th scope="col">State</th><th scope="col" class="num">Attempts</th><th scope="col">Answer</th>
              <th scope="col" class="num">Latency</th></tr>
          </thead>
          <tbody>
            {history.data.map((delivery) => (
              <tr key={delivery.seq} data-delivery-state={delivery.state}>
                <td>{format.dateTime(delivery.queued)}</td>
                <td>{names.get(delivery.channelId) ?? `channel ${delivery.channelId}`}</td>
                <td><span class={`level ${levelClass(delivery.level)}`}>{delivery.level.toLowerCase()}</span>
                  {' '}{delivery.title}</td>
                <td><span class={`state ${deliveryClass(delivery.state)}`}
                  title={deliveryHint(delivery.state)}>{deliveryText(delivery.state)}</span></td>
                <td class="num">{delivery.attempts}</td>
                <td>{delivery.lastStatus ?? ''}{delivery.lastReason && <span class="reason"> {delivery.lastReason}</span>}
                </td>
                <td class="num">{delivery.latencyMillis != null ? `${delivery.latencyMillis} ms` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function stateText(channel: NotificationChannel): string {
  if (!channel.enabled) {
    return 'paused';
  }
  switch (channel.state) {
    case 'ACTIVE': return 'active';
    case 'WAITING': return 'waiting (rate limit)';
    case 'STOPPED': return channel.stoppedStatus ? `stopped (${channel.stoppedStatus})` : 'stopped';
    case 'UNAVAILABLE': return 'unavailable';
  }
}

function stateClass(channel: NotificationChannel): string {
  if (!channel.enabled) {
    return 'neutral';
  }
  return channel.state === 'ACTIVE' ? 'good' : channel.state === 'WAITING' ? 'neutral' : 'bad';
}

function deliveryText(state: NotificationDelivery['state']): string {
  switch (state) {
    case 'PENDING': return 'waiting';
    case 'DELIVERED': return 'delivered';
    case 'FAILED': return 'test failed';
    case 'REJECTED': return 'rejected by the receiver';
    case 'DROPPED': return 'dropped (too many waiting)';
  }
}

function deliveryHint(state: NotificationDelivery['state']): string {
  switch (state) {
    case 'REJECTED': return 'The receiver refused this message; it is not sent again, and the channel went on';
    case 'DROPPED': return 'More messages waited for this channel than it keeps; the oldest were never sent';
    default: return '';
  }
}

function deliveryClass(state: NotificationDelivery['state']): string {
  return state === 'DELIVERED' ? 'good' : state === 'PENDING' ? 'neutral' : 'bad';
}

function levelClass(level: NotificationLevel): string {
  return level === 'INFO' ? '' : level === 'WARNING' ? 'warn' : 'error';
}

function kindsText(kinds: NotificationKind[]): string {
  return kinds.length === KINDS.length ? 'every kind'
    : KINDS.filter((kind) => kinds.includes(kind.kind)).map((kind) => kind.label).join(', ');
}

/** Adds a channel, or changes one: a secret already set is kept unless a new value is typed. */
function ChannelForm({ types, editing, onDone }: {
  types: ChannelType[];
  editing: Editing;
  onDone: (saved?: NotificationChannel) => void;
}) {
  const existing = editing.mode === 'edit' ? editing.channel : undefined;
  const [typeId, setTypeId] = useState(existing?.type ?? types[0]?.id ?? '');
  const [name, setName] = useState(existing?.name ?? '');
  const [level, setLevel] = useState<NotificationLevel>(existing?.minimumLevel ?? 'INFO');
  const [kinds, setKinds] = useState<NotificationKind[]>(existing?.kinds ?? KINDS.map((kind) => kind.kind));
  const [rate, setRate] = useState(String(existing?.ratePerMinute ?? 20));
  const [values, setValues] = useState<Record<string, string>>(existing ? { ...existing.settings } : {});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const type = types.find((candidate) => candidate.id === typeId);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!type) {
      return;
    }
    const missing = type.settings.filter((setting) => setting.required && !values[setting.key]?.trim()
      && !(setting.secret && existing?.secrets[setting.key]));
    if (missing.length > 0) {
      setError(`${missing.map((setting) => setting.label).join(', ')}: needed for this channel.`);
      return;
    }
    const perMinute = Number(rate);
    if (!Number.isInteger(perMinute) || perMinute < 1 || perMinute > 600) {
      setError('Messages a minute: a whole number from 1 to 600.');
      return;
    }
    if (kinds.length === 0) {
      setError('Choose at least one kind of message.');
      return;
    }
    const settings: Record<string, string> = {};
    for (const setting of type.settings) {
      const value = values[setting.key] ?? '';
      if (setting.secret && !value && existing?.secrets[setting.key]) {
        continue;
      }
      settings[setting.key] = value.trim();
    }
    const body = { type: typeId, name: name.trim() || undefined, minimumLevel: level, kinds, ratePerMinute: perMinute,
      settings };
    setBusy(true);
    try {
      const saved = existing ? await put<NotificationChannel>(`/notifications/channels/${existing.id}`, body)
        : await post<NotificationChannel>('/notifications/channels', body);
      onDone(saved);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="panel channel-form" onSubmit={submit} aria-labelledby="channel-form-title" noValidate>
      <h2 id="channel-form-title">{existing ? `Change ${existing.name}` : 'Add a channel'}</h2>
      <label class="field">
        <span>Type</span>
        <select value={typeId} disabled={!!existing} onChange={(e) => {
          setTypeId(e.currentTarget.value);
          setValues({});
        }}>
          {types.map((candidate) => <option key={candidate.id} value={candidate.id}>{candidate.name}</option>)}
        </select>
      </label>
      <label class="field">
        <span>Name</span>
        <input type="text" value={name} placeholder={type?.name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      {type?.settings.map((setting) => (
        <label class="field" key={setting.key}>
          <span>{setting.label}{setting.required ? '' : ' (optional)'}</span>
          {setting.secret ? (
            <input type="password" autoComplete="off" value={values[setting.key] ?? ''}
              placeholder={existing?.secrets[setting.key] ? 'set; type to replace it' : ''}
              onInput={(e) => {
                const value = e.currentTarget.value;
                setValues((current) => ({ ...current, [setting.key]: value }));
              }} />
          ) : (
            <input type="text" value={values[setting.key] ?? ''}
              onInput={(e) => {
                const value = e.currentTarget.value;
                setValues((current) => ({ ...current, [setting.key]: value }));
              }} />
          )}
          <span class="hint">{setting.description}{setting.secret
            ? `${/[.!?]$/.test(setting.description) ? '' : '.'} Kept encrypted, never shown again.` : ''}</span>
        </label>
      ))}
      <label class="field">
        <span>Send</span>
        <select value={level} onChange={(e) => setLevel(e.currentTarget.value as NotificationLevel)}>
          {LEVELS.map((option) => <option key={option.level} value={option.level}>{option.label}</option>)}
        </select>
      </label>
      <fieldset class="field kinds">
        <legend>About</legend>
        {KINDS.map((option) => (
          <label key={option.kind}>
            <input type="checkbox" checked={kinds.includes(option.kind)} onChange={(e) => {
              const checked = e.currentTarget.checked;
              setKinds((current) => checked ? [...current, option.kind]
                : current.filter((kind) => kind !== option.kind));
            }} />
            {' '}{option.label} <span class="muted">({option.hint})</span>
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span>Messages a minute, at most</span>
        <input type="number" min={1} max={600} value={rate} onInput={(e) => setRate(e.currentTarget.value)} />
        <span class="hint">More wait in the outbox and go out later; Discord's own limits are kept as well.</span>
      </label>
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy}>{existing ? 'Save' : 'Add'}</button>
        <button type="button" onClick={() => onDone()}>Cancel</button>
        {error && <p class="error-note" role="alert">{error}</p>}
      </div>
    </form>
  );
}
