import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Menu, Stack, Switch, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowDown, IconArrowUp, IconChevronDown, IconHistory, IconTemplate } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AutomationKindName, AutomationRule } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { automationKeys, useAutomationRules } from '../../api/automation';
import { useFormat } from '../../auth/session';
import { toast } from '../../lib/toast';
import { AdminList, RowActions } from '../AdminList';
import { useChoices } from './choices';
import { SCHEDULE_PRESETS } from './presets';
import { initialRuleState, type RuleFormState } from './rule-form';
import { RuleEditor } from './RuleEditor';
import { RunLog } from './RunLog';
import { conditionsSummary } from './summary';

type Editing = { rule: AutomationRule | null; initial: RuleFormState } | null;

/** Starting points for a new time rule, each with what it does. */
function PresetMenu({ onPick }: { onPick(state: RuleFormState): void }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal width={360}>
      <Menu.Target>
        <Button variant="default" leftSection={<IconTemplate size={14} />} rightSection={<IconChevronDown size={14} />}>{t('automation.presets.title')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        {SCHEDULE_PRESETS.map((p) => (
          <Menu.Item key={p.id} onClick={() => onPick(p.build(t))}>
            <Text size="sm" fw={500}>{t(`automation.presets.${p.id}.name`)}</Text>
            <Text size="xs" c="dimmed">{t(`automation.presets.${p.id}.description`)}</Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/**
 * Admin → Triggers or Admin → Automations: the rules in the order they run, with move up and
 * down, an on/off switch, how often and when each last ran, a warning when a chain of rules
 * stopped at one, its run log, and the editor.
 */
export function RulesPage({ kind }: { kind: AutomationKindName }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const rules = useAutomationRules(kind);
  const choices = useChoices();
  const [editing, setEditing] = useState<Editing>(null);
  const [log, setLog] = useState<AutomationRule | null>(null);
  const key = automationKeys.rules(kind);
  const refresh = () => void client.invalidateQueries({ queryKey: key });

  const toggle = useMutation({
    mutationFn: (r: AutomationRule) => api<AutomationRule>(`/api/v1/automation-rules/${r.id}`, { method: 'PATCH', body: { active: !r.active } }),
    onSuccess: (updated) => client.setQueryData<AutomationRule[]>(key, (list) => list?.map((r) => (r.id === updated.id ? updated : r))),
    onError: (err) => toast.error(err),
  });
  const remove = useMutation({
    mutationFn: (r: AutomationRule) => api(`/api/v1/automation-rules/${r.id}`, { method: 'DELETE' }),
    onSuccess: () => {
      refresh();
      toast.success(t('automation.deleted'));
    },
    onError: (err) => toast.error(err),
  });
  const reorder = useMutation({
    mutationFn: (ids: string[]) => api<{ data: AutomationRule[] }>('/api/v1/automation-rules/order', { method: 'PUT', body: { kind, ids } }),
    onSuccess: (r) => client.setQueryData(key, r.data),
    onError: (err) => {
      toast.error(err);
      refresh();
    },
  });
  const move = (items: AutomationRule[], from: number, to: number) => {
    const ids = items.map((r) => r.id);
    const [id] = ids.splice(from, 1);
    ids.splice(to, 0, id!);
    reorder.mutate(ids);
  };
  const when = (r: AutomationRule) => (kind === 'trigger' ? r.events.map((e) => t(`automation.events.${e}`)).join(', ') : '');

  return (
    <>
      <Text size="sm" c="dimmed">{t(`automation.${kind}.intro`)}</Text>
      {kind === 'schedule' && (
        <Group justify="flex-end">
          <PresetMenu onPick={(initial) => setEditing({ rule: null, initial })} />
        </Group>
      )}
      <AdminList title={t(`automation.${kind}.title`)} addLabel={t(`automation.${kind}.new`)} onAdd={() => setEditing({ rule: null, initial: initialRuleState(kind, null) })} query={rules} skeletonRows={3} emptyText={t(`automation.${kind}.none`)}>
        {(items) => (
          <Stack gap="xs">
            <Text size="sm" role="note">{t(`automation.${kind}.order`)}</Text>
            <Table aria-label={t(`automation.${kind}.title`)} bg="white">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>#</Table.Th>
                  <Table.Th>{t('automation.name')}</Table.Th>
                  <Table.Th>{kind === 'trigger' ? t('automation.when') : t('automation.conditions')}</Table.Th>
                  <Table.Th>{t('automation.runsColumn')}</Table.Th>
                  <Table.Th>{t('automation.active')}</Table.Th>
                  <Table.Th w={250} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r, i) => (
                  <Table.Tr key={r.id}>
                    <Table.Td><Text size="sm" c="dimmed">{i + 1}</Text></Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={500}>{r.name}</Text>
                        {r.warning && (
                          <Tooltip label={t('automation.warning.tooltip', { number: r.warning.ticketNumber ?? '–', time: format.dateTime(r.warning.at) })} multiline w={300}>
                            <Badge color="orange" variant="light" tt="none" leftSection={<IconAlertTriangle size={12} />}>{t('automation.warning.badge')}</Badge>
                          </Tooltip>
                        )}
                      </Group>
                      {r.description && <Text size="xs" c="dimmed">{r.description}</Text>}
                      {r.warning && <Text size="xs" c="orange">{t('automation.warning.text', { number: r.warning.ticketNumber ?? '–' })}</Text>}
                    </Table.Td>
                    <Table.Td>
                      {kind === 'trigger' && <Text size="sm">{when(r)}</Text>}
                      <Text size="xs" c={kind === 'trigger' ? 'dimmed' : undefined}>{conditionsSummary(r.conditions, choices, t)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t('automation.runCount', { count: r.runCount })}</Text>
                      <Text size="xs" c="dimmed">{r.lastRunAt ? t('automation.lastRun', { when: format.relative(r.lastRunAt) }) : t('automation.neverRan')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Switch checked={r.active} onChange={() => toggle.mutate(r)} disabled={toggle.isPending} aria-label={t('automation.activeNamed', { name: r.name })} />
                    </Table.Td>
                    <Table.Td>
                      <RowActions name={r.name} onEdit={() => setEditing({ rule: r, initial: initialRuleState(kind, r) })} deleteQuestion={t('automation.confirmDelete', { name: r.name })} onDelete={() => remove.mutate(r)}>
                        <ActionIcon variant="subtle" color="gray" disabled={i === 0 || reorder.isPending} onClick={() => move(items, i, i - 1)} aria-label={t('automation.moveUp', { name: r.name })}>
                          <IconArrowUp size={16} />
                        </ActionIcon>
                        <ActionIcon variant="subtle" color="gray" disabled={i === items.length - 1 || reorder.isPending} onClick={() => move(items, i, i + 1)} aria-label={t('automation.moveDown', { name: r.name })}>
                          <IconArrowDown size={16} />
                        </ActionIcon>
                        <ActionIcon variant="subtle" color="gray" onClick={() => setLog(r)} aria-label={t('automation.runs.open', { name: r.name })}>
                          <IconHistory size={16} />
                        </ActionIcon>
                      </RowActions>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
      </AdminList>
      {editing && <RuleEditor kind={kind} rule={editing.rule} initial={editing.initial} onClose={() => setEditing(null)} />}
      {log && <RunLog rule={log} onClose={() => setLog(null)} />}
    </>
  );
}
