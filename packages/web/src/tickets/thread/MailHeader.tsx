import { useState } from 'react';
import { Link } from 'react-router';
import { Trans, useTranslation } from 'react-i18next';
import { Alert, Anchor, Badge, Button, Group, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconClock, IconMailX, IconRobot, IconSend, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import type { MessageEmailInfo } from '../../api/types';

/** How many recipients a To/Cc line shows before "+N more". */
const FEW = 3;

function Recipients({ label, list }: { label: string; list: readonly string[] }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  if (list.length === 0) return null;
  const shown = all ? list : list.slice(0, FEW);
  const hidden = list.length - shown.length;
  return (
    <Text size="xs" c="dimmed" component="div" style={{ overflowWrap: 'anywhere' }}>
      <Text span size="xs" fw={600}>{label}:</Text> {shown.join(', ')}
      {(hidden > 0 || all) && list.length > FEW && (
        <Button variant="subtle" size="compact-xs" ml={4} aria-expanded={all} onClick={() => setAll((v) => !v)}>
          {all ? t('mail.fewer') : t('mail.more', { count: hidden })}
        </Button>
      )}
    </Text>
  );
}

/** SPF, DKIM and DMARC as the server evaluated them, in one line. */
function authSummary(auth: NonNullable<MessageEmailInfo['auth']>): string {
  return `SPF: ${auth.spf} · DKIM: ${auth.dkim} · DMARC: ${auth.dmarc}`;
}

function AuthBadge({ auth }: { auth: MessageEmailInfo['auth'] }) {
  const { t } = useTranslation();
  if (!auth) return null;
  const summary = authSummary(auth);
  if (!auth.aligned) {
    return (
      <Tooltip label={summary} withArrow>
        <Badge color="red" variant="filled" leftSection={<IconShieldX size={12} aria-hidden />} tabIndex={0} data-testid="auth-warning">
          {t('mail.notVerified')}
          <VisuallyHidden> ({summary})</VisuallyHidden>
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Tooltip label={`${t('mail.verified')} (${summary})`} withArrow>
      <Text span c="teal" tabIndex={0} style={{ display: 'inline-flex' }} aria-label={`${t('mail.verified')} (${summary})`}>
        <IconShieldCheck size={14} aria-hidden />
      </Text>
    </Tooltip>
  );
}

function DeliveryBadge({ delivery }: { delivery: MessageEmailInfo['delivery'] }) {
  const { t } = useTranslation();
  if (!delivery) return null;
  switch (delivery.status) {
    case 'queued':
      return <Badge color="gray" variant="light" leftSection={<IconClock size={12} aria-hidden />}>{t('mail.delivery.queued')}</Badge>;
    case 'sent':
      return <Badge color="teal" variant="light" leftSection={<IconSend size={12} aria-hidden />}>{t('mail.delivery.sent')}</Badge>;
    case 'suppressed':
      return <Badge color="orange" variant="light">{t('mail.delivery.suppressed')}</Badge>;
    default:
      return <Badge color="red" variant="filled" leftSection={<IconMailX size={12} aria-hidden />}>{t('mail.delivery.failed')}</Badge>;
  }
}

/**
 * The mail facts of a message that came or went by email: sender and recipients, whether the
 * sender is verified, auto-replies, bounces, a mail that referred to another ticket, and the
 * delivery state of outbound mail. Every value is header text and is rendered as text only.
 */
export function MailHeader({ email }: { email: MessageEmailInfo }) {
  const { t } = useTranslation();
  const { from, auth, automated, bounce, relatedTicket, delivery } = email;
  return (
    <Stack gap={4} mb={6} data-testid="mail-header">
      <Group gap={6} wrap="wrap">
        {from && (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            <Text span size="xs" fw={600}>{t('mail.from')}:</Text> {from.name ? `${from.name} <${from.address}>` : from.address}
          </Text>
        )}
        <AuthBadge auth={auth} />
        {automated && (
          <Tooltip label={t('mail.automatedHint')} withArrow>
            <Badge color="gray" variant="light" leftSection={<IconRobot size={12} aria-hidden />} tabIndex={0}>{t('mail.automated')}</Badge>
          </Tooltip>
        )}
        <DeliveryBadge delivery={delivery} />
      </Group>
      <Recipients label={t('mail.to')} list={email.to} />
      <Recipients label={t('mail.cc')} list={email.cc} />
      {delivery?.status === 'failed' && delivery.lastError && (
        <Text size="xs" c="red" style={{ overflowWrap: 'anywhere' }}>{t('mail.deliveryError', { error: delivery.lastError })}</Text>
      )}
      {bounce && (
        <Alert color="red" variant="light" p="xs" icon={<IconMailX size={16} />} role="alert">
          <Text size="sm">{t('mail.bounce', { recipient: bounce.recipient, status: bounce.status })}</Text>
        </Alert>
      )}
      {relatedTicket && (
        <Alert color="yellow" variant="light" p="xs" icon={<IconAlertTriangle size={16} />}>
          <Text size="sm">
            <Trans
              i18nKey="mail.relatedTicket"
              values={{ number: relatedTicket.number }}
              components={{ ticket: <Anchor component={Link} to={`/tickets/${relatedTicket.id}`} size="sm" /> }}
            />
          </Text>
        </Alert>
      )}
    </Stack>
  );
}
