/**
 * Which entry of `GET /api/v1/reports/definitions` explains each figure on the dashboard, so
 * the info popovers and the server's wording stay one source.
 */
export const DEFINITION_KEYS = {
  frt: 'frt',
  firstResolution: 'firstResolution',
  fullResolution: 'fullResolution',
  volume: 'volume',
  backlog: 'backlog',
  fcr: 'fcr',
  oneTouch: 'oneTouch',
  noTouch: 'noTouch',
  reopenRate: 'reopenRate',
  escalation: 'escalation',
  chatMissed: 'chatAbandonment',
  chatNonCompleted: 'chatAbandonment',
  sla: 'sla',
  csat: 'csat',
  nps: 'nps',
  ces: 'ces',
  heatmap: 'volume',
} as const;

/**
 * Survey scores are defined by the survey module rather than the KPI engine; their definitions
 * (METRICS §3) are kept here under `reports.definitions.<key>` for the popovers.
 */
export const LOCAL_DEFINITIONS = new Set<string>(['csat', 'nps', 'ces']);
