import { Alert, type MantineSpacing } from '@mantine/core';

/** The red notice above a form's fields for a failure that belongs to no single field; nothing when there is none. */
export function FormAlert({ message, mb }: { message: string | null; mb?: MantineSpacing }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" mb={mb} role="alert">
      {message}
    </Alert>
  );
}
