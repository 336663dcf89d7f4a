// Plugins: each with its state, services, components and errors; upload a jar; remove one.

import { useRef, useState } from 'preact/hooks';
import { ErrorNote } from '../components/ErrorNote';
import { PageHeader } from '../components/PageHeader';
import { ApiError, del, post } from '../lib/api';
import { useResource, useServerEvents, useThrottled } from '../lib/hooks';
import type { Plugin } from '../lib/types';

export function Plugins() {
  const plugins = useResource<Plugin[]>('/plugins');
  const [status, setStatus] = useState<{ text: string; error?: boolean }>();
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const refresh = useThrottled(plugins.reload, 500);
  useServerEvents((event) => {
    if (event.topic === 'org/deckhand/plugins/CHANGED') {
      refresh();
    }
  });

  const upload = async (event: Event) => {
    event.preventDefault();
    const chosen = file.current?.files?.[0];
    if (!chosen) {
      setStatus({ text: 'Choose a plugin jar first.', error: true });
      return;
    }
    setBusy(true);
    setStatus({ text: `Uploading ${chosen.name}…` });
    try {
      const plugin = await post<Plugin>('/plugins', chosen, { 'Content-Type': 'application/java-archive' });
      setStatus({ text: `Uploaded ${chosen.name} as ${plugin?.id ?? 'a plugin'}; it loads within a few seconds.` });
      if (file.current) {
        file.current.value = '';
      }
      plugins.reload();
    } catch (error) {
      setStatus({ text: `${chosen.name} was refused: ${error instanceof ApiError ? error.message : String(error)}`,
        error: true });
    } finally {
      setBusy(false);
    }
  };

  const enable = async (plugin: Plugin) => {
    try {
      await post(`/plugins/${encodeURIComponent(plugin.id)}/enable`);
      setStatus({ text: `Starting ${plugin.id} again.` });
      plugins.reload();
    } catch (error) {
      setStatus({ text: error instanceof ApiError ? error.message : String(error), error: true });
    }
  };

  const remove = async (plugin: Plugin) => {
    if (!confirm(`Remove the plugin ${plugin.name ?? plugin.id}? Its jar is kept in data/removed-plugins/.`)) {
      return;
    }
    try {
      await del(`/plugins/${encodeURIComponent(plugin.id)}`);
      setStatus({ text: `Removed ${plugin.id}.` });
      plugins.reload();
    } catch (error) {
      setStatus({ text: error instanceof ApiError ? error.message : String(error), error: true });
    }
  };

  return (
    <section aria-labelledby="page-title">
      <PageHeader title="Plugins" />
      <form class="panel upload" onSubmit={upload}>
        <h2>Add a plugin</h2>
        <label class="field">
          <span>Plugin jar (an OSGi bundle)</span>
          <input ref={file} type="file" name="plugin" accept=".jar,application/java-archive" />
        </label>
        <button type="submit" class="primary" disabled={busy}>Upload</button>
        {status && <p class={status.error ? 'error-note' : 'note'} role={status.error ? 'alert' : 'status'}>{status.text}</p>}
      </form>
      <ErrorNote error={plugins.error} />
      {plugins.data && plugins.data.length === 0 && <p class="muted">No plugin is installed. Upload one above, or drop
        a jar into the server's plugins folder.</p>}
      <ul class="plugins">
        {plugins.data?.map((plugin) => (
          <li key={plugin.id} class="panel plugin" data-plugin-id={plugin.id}>
            <header>
              <h2>{plugin.name ?? plugin.id}</h2>
              <span class={`state ${plugin.state === 'ACTIVE' ? 'good' : plugin.error ? 'bad' : 'neutral'}`}>
                {plugin.state.toLowerCase()}
              </span>
              {plugin.state === 'QUARANTINED' && <button type="button" onClick={() => enable(plugin)}
                aria-label={`Enable ${plugin.name ?? plugin.id} again`}>Enable again</button>}
              {plugin.state !== 'REMOVED' && <button type="button" class="danger" onClick={() => remove(plugin)}
                aria-label={`Remove ${plugin.name ?? plugin.id}`}>Remove</button>}
            </header>
            <p class="muted">{plugin.symbolicName ?? plugin.id} {plugin.version}{plugin.file ? ` · ${plugin.file}` : ''}</p>
            {plugin.error && <p class="error-note">{plugin.error}</p>}
            {plugin.runawayThreads && plugin.runawayThreads.length > 0 && (
              <p class="error-note">Removed, but its threads still run until the server restarts:{' '}
                {plugin.runawayThreads.join(', ')}</p>
            )}
            {plugin.services.length > 0 && (
              <details>
                <summary>{plugin.services.length} {plugin.services.length === 1 ? 'service' : 'services'}</summary>
                <ul>
                  {plugin.services.map((service) => (
                    <li key={service.id}><code>{service.objectClass.join(', ')}</code>
                      {Object.keys(service.properties).length > 0
                        && <span class="muted"> {JSON.stringify(service.properties)}</span>}</li>
                  ))}
                </ul>
              </details>
            )}
            {plugin.components.length > 0 && (
              <ul class="components" aria-label="Components">
                {plugin.components.map((component) => (
                  <li key={component.name}>
                    <code>{component.name}</code>{' '}
                    <span class={`state ${component.state === 'ACTIVE' || component.state === 'SATISFIED' ? 'good'
                      : 'bad'}`}>{component.state.toLowerCase().replace(/_/g, ' ')}</span>
                    {component.failure && <span class="reason"> {component.failure}</span>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
