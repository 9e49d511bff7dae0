import { useState, type FormEvent } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TagName } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { mapFieldErrors } from '../api/errors';
import { useTags } from '../api/directory';
import { ErrorState } from '../components/ErrorState';
import { ListSkeleton } from '../views/ListSkeleton';
import { toast } from '../lib/toast';

/** The tag list agents pick from; new tags can be added here or simply typed on a ticket. */
export function TagsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [filter, setFilter] = useState('');
  const [q] = useDebouncedValue(filter.trim().toLowerCase(), 200);
  const tags = useTags(q);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const add = useMutation({
    mutationFn: () => api('/api/v1/tags', { body: { name } }),
    onSuccess: () => {
      toast.success(t('admin.tagAdded', { name: name.trim().toLowerCase() }));
      setName('');
      void client.invalidateQueries({ queryKey: ['tags'] });
    },
    onError: (err) => setError(mapFieldErrors(err, ['name']).fields.name ?? mapFieldErrors(err, ['name']).other.join(' ')),
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    if (!TagName.safeParse(name).success) return setError(t('admin.tagInvalid'));
    add.mutate();
  }
  return (
    <>
      <Title order={3} size="h4">{t('admin.tags')}</Title>
      <Paper withBorder p="sm">
        <form onSubmit={submit} noValidate aria-label={t('admin.addTag')}>
          <Group align="flex-end" gap="xs">
            <TextInput label={t('admin.newTag')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={error} w={260} />
            <Button type="submit" loading={add.isPending}>{t('admin.addTag')}</Button>
          </Group>
        </form>
      </Paper>
      <Stack gap="xs">
        <TextInput aria-label={t('admin.filterTags')} placeholder={t('admin.filterTags')} leftSection={<IconSearch size={14} />} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} w={260} />
        {tags.isPending && <ListSkeleton rows={2} />}
        {tags.error && <ErrorState error={tags.error} onRetry={() => void tags.refetch()} />}
        {tags.data && tags.data.length === 0 && <Text size="sm" c="dimmed">{t('admin.noTags')}</Text>}
        <Group gap={6}>
          {(tags.data ?? []).map((name) => <Badge key={name} variant="outline" color="gray" tt="none">{name}</Badge>)}
        </Group>
      </Stack>
    </>
  );
}
