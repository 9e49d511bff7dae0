import type { AgentRow, TeamRow } from './repository.ts';
import type { apiTokens } from './schema.ts';

export function presentAgent(a: AgentRow) {
  return {
    id: a.id,
    email: a.email,
    name: a.name,
    role: a.role,
    locale: a.locale,
    timeZone: a.timeZone,
    active: a.active,
    kbEditor: a.kbEditor,
    invitePending: !a.passwordHash,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function presentTeam(t: TeamRow & { memberIds?: string[] }) {
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    memberIds: t.memberIds ?? [],
    calendarId: t.calendarId ?? null,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export function presentToken(t: typeof apiTokens.$inferSelect) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
  };
}
