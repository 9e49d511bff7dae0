import type { TFunction } from 'i18next';
import { newAction, rowKey, type ActionDraft, type RuleFormState } from './rule-form';

/** A ready-made time-based automation to start from. */
export interface SchedulePreset {
  id: 'remind_pending' | 'close_solved' | 'escalate_unassigned';
  build(t: TFunction): RuleFormState;
}

/** Translations write placeholders as `[[ticket.number]]` (i18next owns `{{…}}`); rules use `{{ticket.number}}`. */
const template = (text: string) => text.replace(/\[\[([a-z_.]+)\]\]/g, '{{$1}}');
const action = (type: ActionDraft['type'], data: Record<string, unknown>): ActionDraft => ({ ...newAction(type), data: { ...newAction(type).data, ...data } });
const condition = (field: string, operator: string, value?: unknown) => ({ key: rowKey(), field, operator: operator as never, value });
const base = (t: TFunction, id: SchedulePreset['id']): Pick<RuleFormState, 'kind' | 'name' | 'description' | 'active' | 'events' | 'any'> => ({
  kind: 'schedule',
  name: t(`automation.presets.${id}.name`),
  description: t(`automation.presets.${id}.description`),
  active: true,
  events: [],
  any: [],
});

/**
 * The documented starting points for time rules: a reminder after 3 business days pending, closing
 * 4 days after solved, and an escalation of tickets nobody took within 2 hours.
 */
export const SCHEDULE_PRESETS: SchedulePreset[] = [
  {
    id: 'remind_pending',
    build: (t) => ({
      ...base(t, 'remind_pending'),
      all: [condition('ticket.status', 'is', 'pending'), condition('time.in_status', 'gt', { amount: 3, unit: 'days', businessHours: true })],
      actions: [
        action('email_requester', { body: template(t('automation.presets.remind_pending.reply')) }),
        action('notify', { recipients: { agentIds: [], teamIds: [], assignee: true }, title: template(t('automation.presets.remind_pending.notice')) }),
      ],
    }),
  },
  {
    id: 'close_solved',
    build: (t) => ({
      ...base(t, 'close_solved'),
      all: [condition('ticket.status', 'is', 'solved'), condition('time.in_status', 'gt', { amount: 4, unit: 'days', businessHours: false })],
      actions: [action('set_status', { value: 'closed' })],
    }),
  },
  {
    id: 'escalate_unassigned',
    build: (t) => ({
      ...base(t, 'escalate_unassigned'),
      all: [condition('ticket.status', 'in', ['new', 'open']), condition('time.unassigned_for', 'gt', { amount: 2, unit: 'hours', businessHours: false })],
      actions: [
        action('set_priority', { value: 'high' }),
        action('set_team', { teamId: '' }),
        action('notify', { title: template(t('automation.presets.escalate_unassigned.notice')) }),
      ],
    }),
  },
];
