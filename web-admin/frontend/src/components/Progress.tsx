/** A labelled progress bar; without a total it shows activity without a fraction. */
export function Progress({ label, done, total }: { label: string; done: number; total?: number | null }) {
  const known = total != null && total > 0;
  const fraction = known ? Math.min(1, done / (total as number)) : undefined;
  return (
    <div class="progress">
      <div class="progress-label">
        <span>{label}</span>
        <span>{known ? `${done.toLocaleString('en')} / ${(total as number).toLocaleString('en')}` : ''}</span>
      </div>
      <progress max={known ? (total as number) : undefined} value={known ? done : undefined} aria-label={label}>
        {fraction !== undefined ? `${Math.round(fraction * 100)} %` : ''}
      </progress>
    </div>
  );
}
