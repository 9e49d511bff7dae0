import type { ReactNode } from 'react';
import { Button } from '@mantine/core';
import { FormAlert } from '../components/FormAlert';
import type { FormSubmit } from '../lib/useFormSubmit';

/** The form on a signed-out page: what went wrong, the fields, and one full-width submit button. */
export function AuthForm({ form, submitLabel, children }: { form: FormSubmit; submitLabel: string; children: ReactNode }) {
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <FormAlert message={form.other} mb="sm" />
      {children}
      <Button type="submit" fullWidth size="sm" loading={form.busy}>
        {submitLabel}
      </Button>
    </form>
  );
}
