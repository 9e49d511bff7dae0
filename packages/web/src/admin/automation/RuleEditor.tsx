import { useCallback, useEffect, useRef, useState } from 'react';
import { Checkbox, Divider, Fieldset, Group, Modal, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { TRIGGER_EVENTS, type AutomationKindName, type AutomationRule, type TriggerEventName } from '@servus/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { automationKeys } from '../../api/automation';
import { FormActions } from '../../components/FormActions';
import { FormAlert } from '../../components/FormAlert';
import { toast } from '../../lib/toast';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { ActionList } from './ActionList';
import { useChoices } from './choices';
import { ConditionList } from './ConditionList';
import { PreviewPanel } from './PreviewPanel';
import { ruleBody, ruleCore, ruleFields, validateRule, type RuleFormState } from './rule-form';

interface Props {
  kind: AutomationKindName;
  /** The rule being edited; null for a new one. */
  rule: AutomationRule | null;
  /** Where a new rule starts (empty, or a preset). */
  initial: RuleFormState;
  onClose(): void;
}

/** Create or edit a trigger or time rule: events, the condition builder, the actions and a dry run. */
export function RuleEditor({ kind, rule, initial, onClose }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const choices = useChoices();
  const [s, setS] = useState<RuleFormState>(initial);
  const patch = useCallback((p: Partial<RuleFormState>) => setS((prev) => ({ ...prev, ...p })), []);
  const setAll = useCallback((all: RuleFormState['all']) => patch({ all }), [patch]);
  const setAny = useCallback((any: RuleFormState['any']) => patch({ any }), [patch]);
  const setActions = useCallback((actions: RuleFormState['actions']) => patch({ actions }), [patch]);
  const changes = kind === 'trigger' && s.events.includes('ticket.updated');
  const current = useRef(s);
  useEffect(() => {
    current.current = s;
  });
  const getRule = useCallback(() => ruleCore(current.current), []);

  const { errors, other, busy, onSubmit } = useFormSubmit({
    fields: ruleFields(s),
    validate: () => validateRule(s, t),
    action: async () => {
      await (rule
        ? api<AutomationRule>(`/api/v1/automation-rules/${rule.id}`, { method: 'PATCH', body: ruleBody(s, false) })
        : api<AutomationRule>('/api/v1/automation-rules', { body: ruleBody(s, true) }));
      void client.invalidateQueries({ queryKey: automationKeys.rules(kind) });
      toast.success(t('common.saved'));
      onClose();
    },
  });

  const title = rule ? t(`automation.${kind}.editTitle`, { name: rule.name }) : t(`automation.${kind}.new`);
  const toggleEvent = (e: TriggerEventName, on: boolean) => patch({ events: on ? [...s.events, e] : s.events.filter((x) => x !== e) });

  return (
    <Modal opened onClose={onClose} title={title} size={1040}>
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack gap="md">
          <FormAlert message={other} />
          {Object.keys(errors).length > 0 && <Text size="sm" c="red" role="alert">{t('automation.fixErrors')}</Text>}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('automation.name')} required value={s.name} onChange={(e) => patch({ name: e.currentTarget.value })} error={errors.name} data-autofocus />
            <Switch mt={28} label={t('automation.active')} checked={s.active} onChange={(e) => patch({ active: e.currentTarget.checked })} />
          </SimpleGrid>
          <Textarea label={t('automation.description')} rows={2} value={s.description} onChange={(e) => patch({ description: e.currentTarget.value })} error={errors.description} />

          {kind === 'trigger' && (
            <Fieldset legend={t('automation.when')}>
              <Stack gap={6} role="group" aria-label={t('automation.when')}>
                <Group gap="md">
                  {TRIGGER_EVENTS.map((e) => (
                    <Checkbox key={e} label={t(`automation.events.${e}`)} checked={s.events.includes(e)} onChange={(ev) => toggleEvent(e, ev.currentTarget.checked)} />
                  ))}
                </Group>
                {errors.events && <Text size="xs" c="red" role="alert">{errors.events}</Text>}
              </Stack>
            </Fieldset>
          )}

          <Fieldset legend={t('automation.conditions')}>
            <Stack gap="md">
              <Text size="xs" c="dimmed">{t(`automation.${kind}.conditionsHint`)}</Text>
              <ConditionList group="all" kind={kind} changes={changes} rows={s.all} choices={choices} errors={errors} onChange={setAll} />
              <ConditionList group="any" kind={kind} changes={changes} rows={s.any} choices={choices} errors={errors} onChange={setAny} />
              {errors.conditions && <Text size="xs" c="red" role="alert">{errors.conditions}</Text>}
            </Stack>
          </Fieldset>

          <Fieldset legend={t('automation.actionsTitle')}>
            <ActionList actions={s.actions} choices={choices} errors={errors} onChange={setActions} />
          </Fieldset>

          <Fieldset legend={t('automation.preview.title')}>
            <PreviewPanel kind={kind} events={s.events} getRule={getRule} choices={choices} />
          </Fieldset>

          <Divider />
          <FormActions submitLabel={rule ? t('common.save') : t('common.create')} busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
