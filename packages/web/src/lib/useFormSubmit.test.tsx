import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, TextInput } from '@mantine/core';
import { ApiError } from '../api/errors';
import { FormAlert } from '../components/FormAlert';
import { renderWithProviders } from '../test/render';
import { useFormSubmit, type FormSubmitOptions } from './useFormSubmit';

type Options = Omit<FormSubmitOptions, 'fields' | 'action'> & { action(name: string): Promise<unknown> };

/** A one-field form as the app's forms are built: alert above, error on the field, loading button. */
function NameForm({ action, validate, explain }: Options) {
  const [name, setName] = useState('');
  const form = useFormSubmit({ fields: ['name'], action: () => action(name), validate, explain });
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <FormAlert message={form.other} />
      <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={form.errors.name} />
      <Button type="submit" loading={form.busy}>Save</Button>
    </form>
  );
}

const invalid = new ApiError(400, 'validation_failed', 'invalid body', [
  { path: 'body.name', message: 'too long' },
  { path: 'body.colour', message: 'unknown field' },
]);

describe('useFormSubmit', () => {
  it('sends what was typed, puts server details on their field and the rest in the alert', async () => {
    const user = userEvent.setup();
    const action = vi.fn().mockRejectedValue(invalid);
    renderWithProviders(<NameForm action={action} />);
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Printer team');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(action).toHaveBeenCalledWith('Printer team');
    expect(await screen.findByText('too long')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('colour: unknown field');
  });

  it('clears the earlier errors when the next submit succeeds', async () => {
    const user = userEvent.setup();
    const action = vi.fn().mockRejectedValueOnce(invalid).mockResolvedValueOnce(undefined);
    renderWithProviders(<NameForm action={action} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('too long');

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(screen.queryByText('too long')).not.toBeInTheDocument();
    expect(action).toHaveBeenCalledTimes(2);
  });

  it('shows the button as loading while sending', async () => {
    const user = userEvent.setup();
    let finish = () => {};
    const action = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    renderWithProviders(<NameForm action={action} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled());
    finish();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled());
  });

  it('does not send when the browser-side check finds a problem', async () => {
    const user = userEvent.setup();
    const action = vi.fn().mockResolvedValue(undefined);
    renderWithProviders(<NameForm action={action} validate={() => ({ name: 'Required' })} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Required')).toBeInTheDocument();
    expect(action).not.toHaveBeenCalled();
  });

  it('lets the form word failures it understands, and maps the others as usual', async () => {
    const user = userEvent.setup();
    const action = vi.fn().mockRejectedValueOnce(new ApiError(401, 'unauthorized', 'no')).mockRejectedValueOnce(new Error('offline'));
    const explain = (err: unknown) => (err instanceof ApiError && err.status === 401 ? { errors: { name: 'Not you' } } : undefined);
    renderWithProviders(<NameForm action={action} explain={explain} />);

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Not you')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('offline');
    expect(screen.queryByText('Not you')).not.toBeInTheDocument();
  });
});
