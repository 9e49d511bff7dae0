import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Button, Group, Paper, Radio, ScrollArea, Select, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TICKET_SORTS } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { mapFieldErrors } from '../api/errors';
import { useTeams, useTicketFields } from '../api/directory';
import { keys } from '../api/keys';
import type { FieldKind, TicketSort, View } from '../api/types';
import { useViews } from '../api/views';
import { useSession } from '../auth/session';
import { ConfirmButton } from '../components/ConfirmButton';
import { FormAlert } from '../components/FormAlert';
import { PageLoader } from '../components/PageLoader';
import { NotFound } from '../components/NotFound';
import { toast } from '../lib/toast';
import { FilterFields } from './FilterFields';
import { filtersToParams, paramsToFilters, type Filters } from './filters';
import { ListHeader } from './ListHeader';
import { ViewPreview } from './ViewPreview';

type Scope = 'personal' | 'team' | 'all';

/** Creating or editing a saved view: name, sharing, filters and sort, with a live preview. */
export function ViewEditorPage() {
  const { viewId } = useParams();
  const views = useViews();
  if (!viewId) return <ViewEditor view={null} />;
  if (views.isPending) return <PageLoader />;
  const view = views.data?.find((v) => v.id === viewId && !v.builtin);
  if (!view) return <NotFound />;
  return <ViewEditor view={view} />;
}

function ViewEditor({ view }: { view: View | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { isAdmin } = useSession();
  const teams = useTeams();
  const fields = useTicketFields();
  const [params, setParams] = useSearchParams();
  const kinds = useMemo(() => Object.fromEntries((fields.data ?? []).map((f) => [f.key, f.kind])) as Record<string, FieldKind>, [fields.data]);
  const fromUrl = useMemo(() => paramsToFilters(params, kinds), [params, kinds]);
  const [name, setName] = useState(view?.name ?? '');
  const [scope, setScope] = useState<Scope>((view?.scope as Scope) ?? 'personal');
  const [teamId, setTeamId] = useState<string | null>(view?.teamId ?? null);
  const [filters, setFilters] = useState<Filters>(() => (view ? (({ solvedAfter: _s, ...rest }) => rest)(view.filters) : fromUrl.filters));
  const [sort, setSort] = useState<TicketSort>(view?.sort ?? fromUrl.sort ?? '-updated_at');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (!view) setParams(filtersToParams(filters, sort), { replace: true });
  }, [filters, sort, view, setParams]);

  const save = useMutation({
    mutationFn: () => {
      const body = { name, scope, teamId: scope === 'team' ? teamId : null, filters, sort };
      return view ? api<View>(`/api/v1/views/${view.id}`, { method: 'PATCH', body }) : api<View>('/api/v1/views', { body });
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: keys.views });
      void client.invalidateQueries({ queryKey: keys.ticketLists });
      toast.success(t('viewEditor.saved'));
      navigate(`/views/${encodeURIComponent(saved.id)}`);
    },
    onError: (err) => {
      const mapped = mapFieldErrors(err, ['name', 'scope', 'teamId', 'filters', 'sort']);
      setErrors(mapped.fields);
      setFormError(mapped.other.join(' ') || (mapped.fields.filters ? t('viewEditor.invalidFilters') : null));
    },
  });
  const remove = useMutation({
    mutationFn: () => api(`/api/v1/views/${view!.id}`, { method: 'DELETE' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.views });
      toast.success(t('viewEditor.deleted'));
      navigate('/views/my_open');
    },
    onError: (err) => toast.error(err),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    setFormError(null);
    if (!name.trim()) return setErrors({ name: t('validation.required') });
    if (scope === 'team' && !teamId) return setErrors({ teamId: t('validation.required') });
    save.mutate();
  }

  return (
    <>
      <ListHeader title={view ? t('viewEditor.editTitle', { name: view.name }) : t('viewEditor.newTitle')} />
      <ScrollArea style={{ flex: 1 }}>
        <Stack p="md" gap="md" maw={1100}>
          <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-label={t('viewEditor.form')}>
            <Stack gap="sm">
              <FormAlert message={formError} />
              <Group align="flex-start" grow>
                <TextInput label={t('viewEditor.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} maxLength={100} />
                <Select
                  label={t('viewEditor.sort')}
                  data={TICKET_SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
                  value={sort}
                  onChange={(v) => v && setSort(v as TicketSort)}
                  error={errors.sort}
                />
              </Group>
              <Radio.Group label={t('viewEditor.sharing')} value={scope} onChange={(v) => setScope(v as Scope)} error={errors.scope}>
                <Group gap="md" mt={4}>
                  <Radio value="personal" label={t('viewEditor.scope.personal')} size="xs" />
                  <Radio value="team" label={t('viewEditor.scope.team')} size="xs" disabled={!isAdmin} />
                  <Radio value="all" label={t('viewEditor.scope.all')} size="xs" disabled={!isAdmin} />
                </Group>
              </Radio.Group>
              {scope === 'team' && (
                <Select label={t('ticket.team')} data={(teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }))} value={teamId} onChange={setTeamId} error={errors.teamId} maw={320} />
              )}
              <Title order={3} size="h4" mt="xs">{t('viewEditor.filters')}</Title>
              <FilterFields value={filters} onChange={setFilters} />
              <Group justify="space-between" mt="sm">
                <Group gap="xs">
                  <Button type="submit" loading={save.isPending}>{t('common.save')}</Button>
                  <Button variant="default" onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
                </Group>
                {view && (
                  <ConfirmButton color="red" variant="light" loading={remove.isPending} question={t('viewEditor.confirmDelete')} confirmLabel={t('common.delete')} onConfirm={() => remove.mutate()}>
                    {t('common.delete')}
                  </ConfirmButton>
                )}
              </Group>
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Title order={3} size="h4" mb="xs">{t('viewEditor.preview')}</Title>
            <ViewPreview filters={filters} sort={sort} />
          </Paper>
        </Stack>
      </ScrollArea>
    </>
  );
}
