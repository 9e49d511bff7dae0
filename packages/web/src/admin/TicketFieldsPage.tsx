import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Table, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { TICKET_FIELD_KINDS } from '@servus/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { mapFieldErrors } from '../api/errors';
import { useTicketFields } from '../api/directory';
import { keys } from '../api/keys';
import type { FieldKind, TicketField } from '../api/types';
import { ErrorState } from '../components/ErrorState';
import { ListSkeleton } from '../views/ListSkeleton';
import { toast } from '../lib/toast';

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
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [other, setOther] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => {
      const common = { label, required, position: Number(position) || 0, ...(kind === 'select' && { options }) };
      return field
        ? api<TicketField>(`/api/v1/ticket-fields/${field.id}`, { method: 'PATCH', body: { ...common, active } })
        : api<TicketField>('/api/v1/ticket-fields', { body: { ...common, key, kind } });
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.ticketFields });
      toast.success(t('common.saved'));
      onClose();
    },
    onError: (err) => {
      const mapped = mapFieldErrors(err, ['key', 'label', 'kind', 'options', 'required', 'position', 'active']);
      setErrors(mapped.fields);
      setOther(mapped.other.join(' ') || null);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    setOther(null);
    save.mutate();
  }
  return (
    <Modal opened onClose={onClose} title={field ? t('admin.editField') : t('admin.newField')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {other && <Alert color="red" variant="light" role="alert">{other}</Alert>}
          <TextInput label={t('admin.fieldLabel')} required value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={errors.label} data-autofocus />
          <TextInput label={t('admin.fieldKey')} description={t('admin.fieldKeyHint')} required value={key} onChange={(e) => setKey(e.currentTarget.value)} error={errors.key} disabled={!!field} />
          <Select label={t('admin.fieldKind')} data={TICKET_FIELD_KINDS.map((k) => ({ value: k, label: t(`fieldKinds.${k}`) }))} value={kind} onChange={(v) => v && setKind(v as FieldKind)} disabled={!!field} error={errors.kind} />
          {kind === 'select' && <TagsInput label={t('admin.fieldOptions')} value={options} onChange={setOptions} error={errors.options} splitChars={[',']} />}
          <NumberInput label={t('admin.fieldPosition')} value={position} onChange={setPosition} min={0} max={10000} error={errors.position} />
          <Checkbox label={t('admin.fieldRequired')} checked={required} onChange={(e) => setRequired(e.currentTarget.checked)} />
          {field && <Checkbox label={t('admin.fieldActive')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />}
          <Group gap="xs">
            <Button type="submit" loading={save.isPending}>{t('common.save')}</Button>
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          </Group>
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
      <Group justify="space-between">
        <Title order={3} size="h4">{t('admin.fields')}</Title>
        <Button leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>{t('admin.newField')}</Button>
      </Group>
      {fields.isPending && <ListSkeleton rows={3} />}
      {fields.error && <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />}
      {fields.data && fields.data.length === 0 && <Text size="sm" c="dimmed">{t('admin.noFields')}</Text>}
      {!!fields.data?.length && (
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
            {fields.data.map((f) => (
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
      {editing && <FieldDialog field={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
