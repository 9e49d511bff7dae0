import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A form's submit button, with a cancel button beside it where the form can be left without saving. */
export function FormActions({ submitLabel, busy, onCancel }: { submitLabel: string; busy: boolean; onCancel?(): void }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Button type="submit" loading={busy}>{submitLabel}</Button>
      {onCancel && <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>}
    </Group>
  );
}
