import { useState } from 'react';
import { Badge, Button, Checkbox, Modal, NumberInput, Select, Stack, Table, TagsInput, Text, TextInput } from '@mantine/core';
import { TICKET_FIELD_KINDS } from '@servus/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useTicketFields } from '../api/directory';
import { keys } from '../api/keys';
import type { FieldKind, TicketField } from '../api/types';
import { FormActions } from '../components/FormActions';
import { FormAlert } from '../components/FormAlert';
import { toast } from '../lib/toast';
import { useFormSubmit } from '../lib/useFormSubmit';
import { AdminList } from './AdminList';

function FieldDialog({ field, onClose }: { field: TicketField | null; onClose(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [key, setKey] = useState(field?.key ?? '');
  const [label, setLabel] = useState(field?.label ?? '');
  const [kind, setKind] = useState<FieldKind>(field?.kind ?? 'text');
  const [options, setOptions] = useState<string[]>(field?.options ?? []);
  const [required, setRequired] = useState(field?.required ?? false);
  const [active, setActive] = useState(field?.active ?? true);
  const [position, setPosition] = useState<number | string>(field?.position ?? 0);
  const { errors, other, busy, onSubmit: submit } = useFormSubmit({
    fields: ['key', 'label', 'kind', 'options', 'required', 'position', 'active'],
    action: async () => {
      const common = { label, required, position: Number(position) || 0, ...(kind === 'select' && { options }) };
      await (field
        ? api<TicketField>(`/api/v1/ticket-fields/${field.id}`, { method: 'PATCH', body: { ...common, active } })
        : api<TicketField>('/api/v1/ticket-fields', { body: { ...common, key, kind } }));
      void client.invalidateQueries({ queryKey: keys.ticketFields });
      toast.success(t('common.saved'));
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={field ? t('admin.editField') : t('admin.newField')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert message={other} />
          <TextInput label={t('admin.fieldLabel')} required value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={errors.label} data-autofocus />
          <TextInput label={t('admin.fieldKey')} description={t('admin.fieldKeyHint')} required value={key} onChange={(e) => setKey(e.currentTarget.value)} error={errors.key} disabled={!!field} />
          <Select label={t('admin.fieldKind')} data={TICKET_FIELD_KINDS.map((k) => ({ value: k, label: t(`fieldKinds.${k}`) }))} value={kind} onChange={(v) => v && setKind(v as FieldKind)} disabled={!!field} error={errors.kind} />
          {kind === 'select' && <TagsInput label={t('admin.fieldOptions')} value={options} onChange={setOptions} error={errors.options} splitChars={[',']} />}
          <NumberInput label={t('admin.fieldPosition')} value={position} onChange={setPosition} min={0} max={10000} error={errors.position} />
          <Checkbox label={t('admin.fieldRequired')} checked={required} onChange={(e) => setRequired(e.currentTarget.checked)} />
          {field && <Checkbox label={t('admin.fieldActive')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />}
          <FormActions submitLabel={t('common.save')} busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Custom ticket fields: the extra properties shown in every ticket's sidebar. */
export function TicketFieldsPage() {
  const { t } = useTranslation();
  const fields = useTicketFields();
  const [editing, setEditing] = useState<TicketField | null | 'new'>(null);
  return (
    <>
      <AdminList title={t('admin.fields')} addLabel={t('admin.newField')} onAdd={() => setEditing('new')} query={fields} skeletonRows={3} emptyText={t('admin.noFields')}>
        {(items) => (
          <Table aria-label={t('admin.fields')} bg="white">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.fieldLabel')}</Table.Th>
                <Table.Th>{t('admin.fieldKey')}</Table.Th>
                <Table.Th>{t('admin.fieldKind')}</Table.Th>
                <Table.Th>{t('admin.state')}</Table.Th>
                <Table.Th w={80} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{f.label}{f.required && <Text span c="red"> *</Text>}</Table.Td>
                  <Table.Td><Text size="sm" ff="monospace">{f.key}</Text></Table.Td>
                  <Table.Td>{t(`fieldKinds.${f.kind}`)}{f.kind === 'select' && <Text span c="dimmed" size="xs"> ({f.options.join(', ')})</Text>}</Table.Td>
                  <Table.Td>{f.active ? <Badge color="teal">{t('admin.active')}</Badge> : <Badge color="gray">{t('admin.inactive')}</Badge>}</Table.Td>
                  <Table.Td><Button size="compact-xs" variant="default" onClick={() => setEditing(f)} aria-label={t('admin.editNamed', { name: f.label })}>{t('common.edit')}</Button></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </AdminList>
      {editing && <FieldDialog field={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
