import type { ApiError } from '../lib/api';

/** A failed request, as the server explained it, announced to screen readers. */
export function ErrorNote({ error, what }: { error: ApiError | undefined; what?: string }) {
  if (!error) {
    return null;
  }
  const problem = error.problem;
  return (
    <p class="error-note" role="alert">
      {what ? `${what}: ` : ''}
      {problem.detail || problem.title || `HTTP ${problem.status}`}
    </p>
  );
}
