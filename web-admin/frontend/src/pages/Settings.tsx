// Settings: one form per configuration that a bundle describes with Metatype, generated from its fields, so that
// a plugin's settings appear here without any code of the console's. Saved through ConfigAdmin by PUT.

import { useEffect, useState } from 'preact/hooks';
import { ErrorNote } from '../components/ErrorNote';
import { PageHeader } from '../components/PageHeader';
import { PlayerAccount } from '../components/PlayerAccount';
import { ApiError, put } from '../lib/api';
import { useResource } from '../lib/hooks';
import type { Setting, SettingField, SettingValue } from '../lib/types';

/** Settings of the OSGi framework's own services, shown folded away below Deckhand's and the plugins'. */
const FRAMEWORK = /^org\.apache\.felix\./;

export function Settings() {
  const settings = useResource<Setting[]>('/settings');
  const own = settings.data?.filter((setting) => !FRAMEWORK.test(setting.bundle)) ?? [];
  const framework = settings.data?.filter((setting) => FRAMEWORK.test(setting.bundle)) ?? [];
  return (
    <section aria-labelledby="page-title" class="settings">
      <PageHeader title="Settings" />
      <ErrorNote error={settings.error} what="The settings could not be read" />
      {own.length > 1 && (
        <nav aria-label="Settings sections" class="toc">
          <ul>
            {own.map((setting) => (
              <li key={setting.pid}><a href={`#${anchor(setting.pid)}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(anchor(setting.pid))?.scrollIntoView();
                }}>{setting.name}</a></li>
            ))}
          </ul>
        </nav>
      )}
      {own.map((setting) => <SettingForm key={setting.pid} setting={setting} />)}
      <PlayerAccount />
      {framework.length > 0 && (
        <details class="framework">
          <summary>Framework settings ({framework.length}): Apache Felix services; change them only if you know
            why</summary>
          {framework.map((setting) => <SettingForm key={setting.pid} setting={setting} />)}
        </details>
      )}
    </section>
  );
}

type Draft = Record<string, string | boolean | string[]>;

function SettingForm({ setting: initial }: { setting: Setting }) {
  const [setting, setSetting] = useState(initial);
  const [draft, setDraft] = useState<Draft>(() => toDraft(initial));
  const [status, setStatus] = useState<{ text: string; field?: string; error?: boolean }>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setSetting(initial);
    setDraft(toDraft(initial));
  }, [initial]);

  const saved = toDraft(setting);
  const changed = setting.fields.filter((field) => JSON.stringify(draft[field.id]) !== JSON.stringify(saved[field.id]));

  const submit = async (event: Event) => {
    event.preventDefault();
    const body: Record<string, unknown> = {};
    for (const field of changed) {
      body[field.id] = fromDraft(field, draft[field.id]);
      const problem = outOfBounds(field, body[field.id]);
      if (problem) {
        setStatus({ text: problem, field: field.id, error: true });
        return;
      }
    }
    setBusy(true);
    try {
      const updated = await put<Setting>(`/settings/${encodeURIComponent(setting.pid)}`, body);
      setSetting(updated);
      setDraft(toDraft(updated));
      setStatus({ text: 'Saved.' });
    } catch (error) {
      const detail = error instanceof ApiError ? error.message : String(error);
      const field = setting.fields.find((f) => detail.startsWith(`${f.name} `))
        ?? setting.fields.find((f) => detail.includes(f.id) || detail.includes(f.name));
      setStatus({ text: detail, field: field?.id, error: true });
    } finally {
      setBusy(false);
    }
  };

  const id = anchor(setting.pid);
  return (
    <form id={id} class="panel setting" onSubmit={submit} noValidate aria-labelledby={`${id}-title`} data-pid={setting.pid}>
      <h2 id={`${id}-title`}>{setting.name}</h2>
      <p class="muted">{setting.description} <code>{setting.pid}</code></p>
      {setting.fields.map((field) => (
        <FieldInput key={field.id} pid={setting.pid} field={field} value={draft[field.id]}
          invalid={status?.error && status.field === field.id ? status.text : undefined}
          onChange={(value) => {
            setDraft((d) => ({ ...d, [field.id]: value }));
            setStatus(undefined);
          }} />
      ))}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy || changed.length === 0}>Save {setting.name}</button>
        <button type="button" disabled={busy || changed.length === 0}
          onClick={() => setDraft(toDraft(setting))}>Undo changes</button>
        {status && !status.field && (
          <span class={status.error ? 'error-note' : 'note'} role={status.error ? 'alert' : 'status'}>{status.text}</span>
        )}
      </div>
    </form>
  );
}

interface FieldProps {
  pid: string;
  field: SettingField;
  value: string | boolean | string[];
  invalid?: string;
  onChange: (value: string | boolean | string[]) => void;
}

function FieldInput({ pid, field, value, invalid, onChange }: FieldProps) {
  const id = `${anchor(pid)}-${field.id}`;
  const help = field.description ? `${id}-help` : undefined;
  const error = invalid ? `${id}-error` : undefined;
  const describedBy = [help, error].filter(Boolean).join(' ') || undefined;
  const description = (
    <>
      {field.description && <small id={help} class="hint">{field.description}</small>}
      {invalid && <small id={error} class="error-note" role="alert">{invalid}</small>}
    </>
  );

  if (field.type === 'BOOLEAN' && !field.multiple) {
    return (
      <div class="field checkbox">
        <label>
          <input id={id} name={field.id} type="checkbox" checked={value === true}
            aria-describedby={describedBy} onChange={(e) => onChange(e.currentTarget.checked)} />
          {field.name}
        </label>
        {description}
      </div>
    );
  }
  if (field.options.length > 0 && field.multiple) {
    const chosen = value as string[];
    return (
      <fieldset class="field">
        <legend>{field.name}</legend>
        {field.options.map((option) => (
          <label key={option.value} class="inline">
            <input type="checkbox" name={field.id} value={option.value} checked={chosen.includes(option.value)}
              onChange={(e) => onChange(e.currentTarget.checked ? [...chosen, option.value]
                : chosen.filter((v) => v !== option.value))} />
            {option.label}
          </label>
        ))}
        {description}
      </fieldset>
    );
  }
  if (field.options.length > 0) {
    return (
      <div class="field">
        <label for={id}>{field.name}</label>
        <select id={id} name={field.id} value={value as string} aria-describedby={describedBy}
          aria-invalid={invalid ? true : undefined} onChange={(e) => onChange(e.currentTarget.value)}>
          {field.options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
        </select>
        {description}
      </div>
    );
  }
  if (field.multiple) {
    return (
      <div class="field">
        <label for={id}>{field.name} <span class="muted">(one per line)</span></label>
        <textarea id={id} name={field.id} rows={Math.max(2, (value as string[]).length + 1)}
          value={(value as string[]).join('\n')} aria-describedby={describedBy}
          aria-invalid={invalid ? true : undefined}
          onInput={(e) => onChange(e.currentTarget.value.split('\n'))} />
        {description}
      </div>
    );
  }
  const numeric = field.type === 'INTEGER' || field.type === 'LONG' || field.type === 'DOUBLE';
  const common = {
    id, name: field.id, value: value as string, 'aria-describedby': describedBy,
    'aria-invalid': invalid ? true : undefined,
    placeholder: field.default != null && !Array.isArray(field.default) ? `default: ${field.default}` : undefined,
    onInput: (e: Event) => onChange((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={id}>{field.name}</label>
      {field.type === 'PASSWORD' ? <input type="password" autocomplete="new-password" {...common} />
        : numeric ? <input type="number" step={field.type === 'DOUBLE' ? 'any' : '1'} min={field.min ?? undefined}
            max={field.max ?? undefined}
            inputMode={field.type === 'DOUBLE' ? 'decimal' : 'numeric'} {...common} />
        : <input type="text" autocomplete="off" {...common} />}
      {description}
    </div>
  );
}

/** The error for a number outside the field's bounds, in the words the server uses; undefined when it fits. */
function outOfBounds(field: SettingField, value: unknown): string | undefined {
  const values = Array.isArray(value) ? value : [value];
  for (const number of values) {
    if (typeof number !== 'number') {
      continue;
    }
    const { min, max } = field;
    if ((min != null && number < min) || (max != null && number > max)) {
      const range = min != null && max != null ? `from ${min} to ${max}` : min != null ? `at least ${min}`
        : `at most ${max}`;
      return `${field.name} must be ${range}, not ${number}.`;
    }
  }
  return undefined;
}

function toDraft(setting: Setting): Draft {
  const draft: Draft = {};
  for (const field of setting.fields) {
    const value = field.value ?? field.default;
    if (field.multiple) {
      draft[field.id] = (Array.isArray(value) ? value : value == null ? [] : [value]).map((v) => String(v));
    } else if (field.type === 'BOOLEAN') {
      draft[field.id] = value === true || value === 'true';
    } else {
      draft[field.id] = value == null ? '' : String(value);
    }
  }
  return draft;
}

function fromDraft(field: SettingField, value: string | boolean | string[]): SettingValue | SettingValue[] {
  if (Array.isArray(value)) {
    return value.map((v) => v.trim()).filter((v) => v !== '').map((v) => typed(field, v));
  }
  return typeof value === 'boolean' ? value : typed(field, value);
}

function typed(field: SettingField, text: string): SettingValue {
  switch (field.type) {
    case 'INTEGER':
    case 'LONG':
    case 'DOUBLE': {
      const number = Number(text.trim());
      return text.trim() === '' ? null : Number.isFinite(number) ? number : text;
    }
    case 'BOOLEAN':
      return text === 'true';
    default:
      return text;
  }
}

function anchor(pid: string): string {
  return `setting-${pid.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
