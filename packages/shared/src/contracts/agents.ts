import { z } from 'zod';
import { Email, Locale, NonEmptyText, Text, TimeZone, Uuid, patchBody } from './common.ts';

export const AGENT_ROLES = ['admin', 'agent', 'readonly'] as const;
export const AgentRole = z.enum(AGENT_ROLES);
export const Password = z.string().min(10, 'at least 10 characters').max(1024);

export const SetupBody = z.strictObject({ name: NonEmptyText(200), email: Email, password: Password });
export const LoginBody = z.strictObject({ email: z.string().max(254), password: z.string().max(1024) });
export const ChangePasswordBody = z.strictObject({ currentPassword: z.string().max(1024), newPassword: Password });
export const UpdateMeBody = z.strictObject({
  name: NonEmptyText(200).optional(),
  locale: Locale.nullable().optional(),
  timeZone: TimeZone.optional(),
  /** Plain text appended to the agent's email replies. */
  signature: Text(2000).optional(),
});

export const CreateAgentBody = z.strictObject({
  email: Email,
  name: NonEmptyText(200),
  role: AgentRole.default('agent'),
  password: Password.optional(),
  locale: Locale.optional(),
  timeZone: TimeZone.optional(),
});
export const UpdateAgentBody = z.strictObject({
  email: Email.optional(),
  name: NonEmptyText(200).optional(),
  role: AgentRole.optional(),
  active: z.boolean().optional(),
  locale: Locale.nullable().optional(),
  timeZone: TimeZone.optional(),
  /** May write the knowledge base (admins always may; read-only users never). */
  kbEditor: z.boolean().optional(),
});

export const CreateTokenBody = z.strictObject({ name: NonEmptyText(100), expiresInDays: z.number().int().min(1).max(3650).optional() });

export const CreateTeamBody = z.strictObject({
  name: NonEmptyText(100),
  description: z.string().max(2000).optional(),
  memberIds: z.array(Uuid).max(1000).optional(),
  /** The team's business-hours calendar (see calendars.ts); null: none. */
  calendarId: Uuid.nullable().optional(),
});
export const UpdateTeamBody = patchBody(CreateTeamBody);
