import { camelotCode, camelotColour } from '../lib/camelot';

/** A key in Camelot notation on its wheel colour; a key that is not a Camelot code is shown as written. */
export function KeyBadge({ value }: { value: unknown }) {
  const code = camelotCode(value);
  if (!code) {
    return <span class="key-plain">{typeof value === 'string' && value ? value : '–'}</span>;
  }
  return (
    <span class="key-badge" style={{ background: camelotColour(code) }} title={`Camelot ${code}`}>
      {code}
    </span>
  );
}
