import { fieldSpec, type DurationValue, type RuleCondition, type RuleConditions } from '@servus/shared';
import type { TFunction } from 'i18next';
import type { Choices } from './choices';
import { fieldLabel, operatorLabel } from './ConditionList';

/** A condition's value in words: "3 business days", "Open, Pending", a team's name. */
export function valueText(c: RuleCondition, choices: Choices, t: TFunction): string {
  const spec = fieldSpec(c.field);
  if (c.value === undefined) return '';
  if (spec?.type === 'duration') {
    const d = c.value as DurationValue;
    return t(`automation.durations.${d.businessHours ? 'business' : 'calendar'}.${d.unit}`, { count: d.amount });
  }
  const one = (v: unknown): string => {
    if (v === null) return t('automation.preview.empty');
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    const s = String(v);
    if (spec?.type === 'enum') {
      if (c.field === 'message.kind') return t(`automation.messageKinds.${s}`);
      if (c.field === 'message.author_kind') return t(`automation.authorKinds.${s}`);
      return t(`${c.field.replace('ticket.', '')}.${s}`);
    }
    if (spec?.type === 'ref') return [...choices.teams, ...choices.agents, ...choices.organizations].find((o) => o.value === s)?.label ?? t('automation.gone');
    return s;
  };
  return Array.isArray(c.value) ? c.value.map(one).join(', ') : one(c.value);
}

/** "Status is Pending · Time in status for at least 3 business days"; "Every ticket" without conditions. */
export function conditionsSummary(conditions: RuleConditions, choices: Choices, t: TFunction): string {
  const line = (c: RuleCondition) => [fieldLabel(c.field, choices, t), operatorLabel(c.field, c.operator, t), valueText(c, choices, t)].filter(Boolean).join(' ');
  const parts = conditions.all.map(line);
  if (conditions.any.length) parts.push(t('automation.anyOf', { list: conditions.any.map(line).join(' | ') }));
  return parts.length ? parts.join(' · ') : t('automation.everyTicket');
}
