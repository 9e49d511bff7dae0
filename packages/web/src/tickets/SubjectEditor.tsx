import { useState } from 'react';
import { ActionIcon, Group, TextInput, Title, Tooltip } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The ticket subject as the page heading; agents who may write can edit it in place. */
export function SubjectEditor({ number, subject, editable, onSave }: { number: number; subject: string; editable: boolean; onSave(s: string): void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(subject);
  if (editing) {
    return (
      <TextInput
        aria-label={t('ticket.subject')}
        value={draft}
        autoFocus
        size="sm"
        style={{ flex: 1 }}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={() => {
          setEditing(false);
          if (draft.trim() && draft.trim() !== subject) onSave(draft.trim());
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') {
            setDraft(subject);
            setEditing(false);
          }
        }}
      />
    );
  }
  return (
    <Group gap={4} wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
      <Title order={2} size="h3" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={subject}>
        <span style={{ color: 'var(--mantine-color-dimmed)', fontWeight: 400 }}>#{number}</span> {subject}
      </Title>
      {editable && (
        <Tooltip label={t('ticket.editSubject')}>
          <ActionIcon size="sm" aria-label={t('ticket.editSubject')} onClick={() => { setDraft(subject); setEditing(true); }}>
            <IconPencil size={14} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
