import type { ComponentChildren } from 'preact';

/** Loose check matching what a mail server accepts: something@domain.tld. */
export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Props {
  id: string;
  label: string;
  /** Shown after the label for fields the visitor may leave empty. */
  optional?: string;
  error?: string;
  children(props: { id: string; 'aria-invalid'?: 'true'; 'aria-describedby'?: string }): ComponentChildren;
}

/** A labelled form field with its error below, tied to the input for screen readers. */
export function Field({ id, label, optional, error, children }: Props) {
  const errorId = `${id}-error`;
  return (
    <div class="field">
      <label for={id}>
        {label}
        {optional && <span class="muted"> {optional}</span>}
      </label>
      {children({ id, ...(error ? { 'aria-invalid': 'true', 'aria-describedby': errorId } : {}) })}
      {error && (
        <p class="error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
