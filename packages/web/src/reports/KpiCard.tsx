import { useId, type ReactNode } from 'react';
import { Badge, Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconListSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { KpiInfo } from './KpiInfo';

export interface KpiCardProps {
  label: string;
  /** The headline figure, already formatted ("–" when there is no data). */
  value: string;
  /** Smaller lines under the figure: spread, counts, response rate. */
  details?: ReactNode[];
  /** Key of the figure's definition in `GET /reports/definitions`. */
  definitionKey: string;
  /** Opens the tickets behind the figure; left out where there are none to list. */
  onDrill?: () => void;
  /** Further ways into the tickets, for figures made of several parts. */
  moreDrills?: { label: string; onClick(): void }[];
  /** Greys the figure and says why (survey scores with fewer responses than the minimum). */
  smallSample?: string;
  /** A link or note below the figure. */
  footer?: ReactNode;
}

/**
 * One KPI as a labelled region: the figure, how it spreads, its definition popover and a way to
 * the tickets it was computed from.
 */
export function KpiCard({ label, value, details = [], definitionKey, onDrill, moreDrills = [], smallSample, footer }: KpiCardProps) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Paper component="section" withBorder p="sm" radius="md" aria-labelledby={titleId}>
      <Stack gap={4} h="100%">
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Text id={titleId} size="sm" fw={600} c="dimmed">{label}</Text>
          <KpiInfo definitionKey={definitionKey} label={label} />
        </Group>
        <Text fz={26} fw={700} lh={1.2} c={smallSample ? 'dimmed' : undefined} style={smallSample ? { opacity: 0.6 } : undefined} data-testid="kpi-value">
          {value}
        </Text>
        {smallSample && (
          <Badge color="gray" variant="light" tt="none" title={smallSample}>{t('reports.smallSample')}</Badge>
        )}
        {smallSample && <Text size="xs" c="dimmed">{smallSample}</Text>}
        {details.map((d, i) => (
          <Text key={i} size="xs" c="dimmed">{d}</Text>
        ))}
        {(onDrill || moreDrills.length > 0 || footer) && (
          <Group mt="auto" pt={4} gap={4}>
            {onDrill && (
              <Button size="compact-xs" variant="subtle" leftSection={<IconListSearch size={14} />} onClick={onDrill} aria-label={t('reports.drill.open', { name: label })}>
                {t('reports.drill.tickets')}
              </Button>
            )}
            {moreDrills.map((d) => (
              <Button key={d.label} size="compact-xs" variant="subtle" leftSection={<IconListSearch size={14} />} onClick={d.onClick} aria-label={t('reports.drill.open', { name: d.label })}>
                {d.label}
              </Button>
            ))}
            {footer}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** The placeholder of a KPI card while its figure loads. */
export function KpiCardSkeleton() {
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap={8}>
        <Skeleton h={12} w="60%" />
        <Skeleton h={26} w="40%" />
        <Skeleton h={10} w="80%" />
      </Stack>
    </Paper>
  );
}
