import { PageHeader } from '../components/PageHeader';

export function NotFound() {
  return (
    <section>
      <PageHeader title="Page not found" />
      <p>The console has no page at <code>{location.pathname}</code>. <a href="/">Go to the dashboard</a>.</p>
    </section>
  );
}
