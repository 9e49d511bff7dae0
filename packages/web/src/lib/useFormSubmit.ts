import { useState, type FormEvent } from 'react';
import { mapFieldErrors } from '../api/errors';

/** What a form shows after a failed submit: messages by field, and one for the rest. */
export interface FormErrors {
  errors: Record<string, string>;
  other: string | null;
}

/** How a form is checked, sent, and how its failures are told. */
export interface FormSubmitOptions {
  /** The form's field names: the server's error details for these land on the field, the rest in `other`. */
  fields: readonly string[];
  /** Sends the form; what should happen on success (toast, close, navigate) belongs here too. */
  action(): Promise<unknown>;
  /** Checks in the browser before sending; any field message returned stops the submit. */
  validate?(): Record<string, string> | undefined;
  /**
   * Words for failures the form understands better than the server's text (a wrong password,
   * an expired link); `undefined` leaves the error to the field mapping.
   */
  explain?(err: unknown): Partial<FormErrors> | undefined;
}

/** The state a form renders from `useFormSubmit`, and the handler for its `onSubmit`. */
export interface FormSubmit extends FormErrors {
  /** True while `action` runs: the submit button shows it as loading. */
  busy: boolean;
  onSubmit(e: FormEvent): Promise<void>;
}

/**
 * Submits a form and puts what went wrong where the user will look: browser-side checks and
 * server validation details on their fields, everything else in `other` for an alert above them.
 * Earlier errors are cleared on every submit.
 *
 * @example
 * const form = useFormSubmit({ fields: ['name'], action: () => api('/api/v1/teams', { body: { name } }) });
 * <form onSubmit={form.onSubmit} noValidate>
 *   <FormAlert message={form.other} />
 *   <TextInput value={name} error={form.errors.name} />
 *   <Button type="submit" loading={form.busy}>Save</Button>
 * </form>
 */
export function useFormSubmit({ fields, action, validate, explain }: FormSubmitOptions): FormSubmit {
  const [shown, setShown] = useState<FormErrors>({ errors: {}, other: null });
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const invalid = validate?.();
    if (invalid && Object.keys(invalid).length > 0) return setShown({ errors: invalid, other: null });
    setShown({ errors: {}, other: null });
    setBusy(true);
    try {
      await action();
    } catch (err) {
      const known = explain?.(err);
      if (known) setShown({ errors: known.errors ?? {}, other: known.other ?? null });
      else {
        const mapped = mapFieldErrors(err, fields);
        setShown({ errors: mapped.fields, other: mapped.other.join(' ') || null });
      }
    } finally {
      setBusy(false);
    }
  }

  return { ...shown, busy, onSubmit };
}
