import { useEffect, useMemo, useState } from 'react';
import { Alert, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTeams } from '../api/directory';
import { useEscalateTicket, useTeamRoutings, type Escalation } from '../api/routing';
import type { Ticket } from '../api/types';
import { FormActions } from '../components/FormActions';
import { FormAlert } from '../components/FormAlert';
import { toast } from '../lib/toast';
import { useFormSubmit } from '../lib/useFormSubmit';

interface TierTeam {
  teamId: string;
  name: string;
  tier: number;
}

/**
 * The teams a ticket can be escalated to: escalation tiers at or above the ticket's own (a
 * team without a tier counts as tier 0), lowest first, and the default: the only team of the
 * next higher tier, when there is exactly one.
 */
export function escalationTargets(teamId: string | null, routings: { teamId: string; escalationTier: number | null }[], names: Map<string, string>) {
  const tiers: TierTeam[] = routings
    .filter((r) => r.escalationTier !== null)
    .map((r) => ({ teamId: r.teamId, name: names.get(r.teamId) ?? '…', tier: r.escalationTier! }))
    .sort((a, b) => a.tier - b.tier || a.name.localeCompare(b.name));
  const from = tiers.find((x) => x.teamId === teamId)?.tier ?? 0;
  const options = tiers.filter((x) => x.teamId !== teamId && x.tier >= from);
  const higher = options.filter((x) => x.tier > from);
  const next = higher.filter((x) => x.tier === higher[0]?.tier);
  return { from, options, defaultTarget: next.length === 1 ? next[0]! : null };
}

/** Escalating a ticket: a required reason and the target team, preset to the next tier. `onEscalated` runs before the dialog closes. */
export function EscalateDialog({ ticket, onClose, onEscalated }: { ticket: Pick<Ticket, 'id' | 'number' | 'teamId'>; onClose(): void; onEscalated?(escalation: Escalation): void }) {
  const { t } = useTranslation();
  const teams = useTeams();
  const routings = useTeamRoutings();
  const escalate = useEscalateTicket(ticket.id);
  const names = useMemo(() => new Map((teams.data ?? []).map((x) => [x.id, x.name])), [teams.data]);
  const { options, defaultTarget } = useMemo(() => escalationTargets(ticket.teamId, routings.data ?? [], names), [ticket.teamId, routings.data, names]);
  const [reason, setReason] = useState('');
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (target === null && defaultTarget) setTarget(defaultTarget.teamId);
  }, [defaultTarget, target]);
  const loaded = !routings.isPending && !teams.isPending;
  const form = useFormSubmit({
    fields: ['reason', 'targetTeamId'],
    validate: () => {
      const errors: Record<string, string> = {};
      if (!reason.trim()) errors.reason = t('routing.escalate.reasonRequired');
      if (!target) errors.targetTeamId = t('routing.escalate.targetRequired');
      return errors;
    },
    action: async () => {
      const res = await escalate.mutateAsync({ reason: reason.trim(), targetTeamId: target! });
      toast.success(t('routing.escalate.done', { team: names.get(res.escalation.toTeamId) ?? '' }));
      onEscalated?.(res.escalation);
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('routing.escalate.title', { number: ticket.number })}>
      <form onSubmit={form.onSubmit} noValidate>
        <Stack gap="sm">
          <FormAlert message={form.other} />
          {loaded && options.length === 0 && <Alert color="gray" variant="light">{t('routing.escalate.noTiers')}</Alert>}
          <Textarea
            label={t('routing.escalate.reason')}
            placeholder={t('routing.escalate.reasonPlaceholder')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={form.errors.reason}
            data-autofocus
          />
          <Select
            label={t('routing.escalate.target')}
            description={t('routing.escalate.targetHint')}
            required
            data={options.map((o) => ({ value: o.teamId, label: o.teamId === defaultTarget?.teamId ? t('routing.escalate.targetDefault', { name: o.name }) : t('routing.escalate.tierOption', { name: o.name, tier: o.tier }) }))}
            value={target}
            onChange={setTarget}
            disabled={options.length === 0}
            error={form.errors.targetTeamId}
          />
          <FormActions submitLabel={t('routing.escalate.submit')} busy={form.busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
