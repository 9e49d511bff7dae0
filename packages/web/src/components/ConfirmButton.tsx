import { useState, type ReactNode } from 'react';
import { Button, Group, Modal, Text, type ButtonProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props extends ButtonProps {
  /** What will happen, asked before doing it. */
  question: string;
  confirmLabel: string;
  onConfirm(): void;
  children: ReactNode;
  'aria-label'?: string;
}

/** A button that asks before doing something that cannot be undone. */
export function ConfirmButton({ question, confirmLabel, onConfirm, children, ...button }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button {...button} onClick={() => setOpen(true)}>{children}</Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={confirmLabel} size="sm" centered>
        <Text size="sm" mb="md">{question}</Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
          <Button color="red" data-autofocus onClick={() => { setOpen(false); onConfirm(); }}>{confirmLabel}</Button>
        </Group>
      </Modal>
    </>
  );
}
