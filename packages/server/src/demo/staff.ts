import type { Services } from '../platform/context.ts';
import type { ManualClock } from '../platform/clock.ts';
import { SYSTEM_ACTOR, type AgentActor, type AgentRole } from '../platform/actor.ts';
import { findAgentByEmail, listTeams, teamIdsOf, type AgentRow } from '../modules/auth/repository.ts';
import { createAgent } from '../modules/auth/use-cases/create-agent.ts';
import { updateAgent } from '../modules/auth/use-cases/update-agent.ts';
import { needsSetup, setupAdmin } from '../modules/auth/use-cases/setup-admin.ts';
import { createTeam, updateTeam } from '../modules/auth/use-cases/teams.ts';
import { ctxAt } from './demo-context.ts';
import { asciiSlug, type Lang } from './names.ts';

/** The three demo teams. */
export type TeamKey = 'first' | 'tech' | 'billing';

const TEAMS: Record<TeamKey, { name: string; description: string }> = {
  first: { name: '1st Level Support', description: 'Erste Anlaufstelle für alle Anfragen · first contact for every request' },
  tech: { name: 'Technik / Technical', description: 'Fehler, Schnittstellen und Geräte · bugs, integrations and devices' },
  billing: { name: 'Billing & Accounts', description: 'Rechnungen, Zahlungen, Verträge · invoices, payments, contracts' },
};

/** The mail domain of the demo's own staff (reserved top-level domain). */
export const STAFF_DOMAIN = 'demo.servus.example';

interface AgentSeed {
  key: string;
  name: string;
  role: AgentRole;
  locale: Lang;
  timeZone: string;
  teams: TeamKey[];
}

const AGENTS: readonly AgentSeed[] = [
  { key: 'sabine', name: 'Sabine Krüger', role: 'admin', locale: 'de', timeZone: 'Europe/Berlin', teams: ['first', 'billing'] },
  { key: 'juergen', name: 'Jürgen Müller', role: 'agent', locale: 'de', timeZone: 'Europe/Berlin', teams: ['first'] },
  { key: 'zoe', name: 'Zoë Weiß', role: 'agent', locale: 'de', timeZone: 'Europe/Berlin', teams: ['first', 'tech'] },
  { key: 'emily', name: 'Emily Clarke', role: 'agent', locale: 'en', timeZone: 'Europe/London', teams: ['first', 'billing'] },
  { key: 'soeren', name: 'Sören Bäcker', role: 'agent', locale: 'de', timeZone: 'Europe/Berlin', teams: ['tech'] },
  { key: 'liam', name: "Liam O'Connor", role: 'agent', locale: 'en', timeZone: 'Europe/Dublin', teams: ['tech'] },
  { key: 'hannah', name: 'Hannah Schäfer', role: 'agent', locale: 'de', timeZone: 'Europe/Berlin', teams: ['billing'] },
  { key: 'oliver', name: 'Oliver Grant', role: 'readonly', locale: 'en', timeZone: 'Europe/London', teams: ['first', 'tech', 'billing'] },
];

/** A demo agent as the generator uses it: who they are and the actor they act as. */
export interface StaffMember {
  key: string;
  id: string;
  name: string;
  firstName: string;
  email: string;
  role: AgentRole;
  locale: Lang;
  teams: TeamKey[];
  actor: AgentActor;
}

export interface Staff {
  admin: StaffMember;
  members: StaffMember[];
  teams: Record<TeamKey, { id: string; name: string }>;
  /** Agents and teams this run created (existing ones are reused). */
  created: { agents: number; teams: number };
  /** Whether this run created the admin (and so set the password). */
  adminIsNew: boolean;
}

/** The login address of a demo agent: "Jürgen Müller" -> "juergen.mueller@demo.servus.example". */
export function staffEmail(name: string): string {
  return `${asciiSlug(name, '.')}@${STAFF_DOMAIN}`;
}

/**
 * Creates the eight demo agents (one admin, one read-only) and the three teams, or reuses those
 * that already exist by email and name. The admin comes first: through the setup use case on
 * an installation without an admin, as a further admin otherwise.
 */
export async function ensureStaff(services: Services, clock: ManualClock, password: string): Promise<Staff> {
  const created = { agents: 0, teams: 0 };
  const rows = new Map<string, AgentRow>();
  let adminActor: AgentActor | null = null;
  let adminIsNew = false;
  for (const seed of AGENTS) {
    const { row, isNew } = await ensureAgent(services, clock, seed, password, adminActor);
    if (isNew) created.agents++;
    if (isNew && !adminActor) adminIsNew = true;
    rows.set(seed.key, row);
    if (!adminActor) adminActor = { kind: 'agent', id: row.id, role: row.role, teamIds: [], via: 'token' };
    clock.advance(7 * 60_000);
  }
  const teams = {} as Staff['teams'];
  for (const key of Object.keys(TEAMS) as TeamKey[]) {
    const memberIds = AGENTS.filter((a) => a.teams.includes(key)).map((a) => rows.get(a.key)!.id);
    const { team, isNew } = await ensureTeam(services, clock, adminActor!, TEAMS[key], memberIds);
    if (isNew) created.teams++;
    teams[key] = { id: team.id, name: team.name };
    clock.advance(3 * 60_000);
  }
  const members: StaffMember[] = [];
  for (const seed of AGENTS) {
    const row = rows.get(seed.key)!;
    const teamIds = await teamIdsOf(services.database.db, row.id);
    members.push({
      key: seed.key,
      id: row.id,
      name: row.name,
      firstName: row.name.split(' ')[0]!,
      email: row.email,
      role: row.role,
      locale: seed.locale,
      teams: seed.teams,
      actor: { kind: 'agent', id: row.id, role: row.role, teamIds, via: 'token' },
    });
  }
  return { admin: members[0]!, members, teams, created, adminIsNew };
}

async function ensureAgent(
  services: Services,
  clock: ManualClock,
  seed: AgentSeed,
  password: string,
  adminActor: AgentActor | null,
): Promise<{ row: AgentRow; isNew: boolean }> {
  const email = staffEmail(seed.name);
  const existing = await findAgentByEmail(services.database.db, email);
  if (existing) return { row: existing, isNew: false };
  const systemCtx = ctxAt(services, SYSTEM_ACTOR, clock);
  if (seed.role === 'admin' && (await needsSetup(systemCtx))) {
    const admin = await setupAdmin(systemCtx, { email, name: seed.name, password });
    const self: AgentActor = { kind: 'agent', id: admin.id, role: admin.role, teamIds: [], via: 'token' };
    const row = await updateAgent(ctxAt(services, self, clock), admin.id, { locale: seed.locale, timeZone: seed.timeZone });
    return { row, isNew: true };
  }
  const ctx = ctxAt(services, adminActor ?? SYSTEM_ACTOR, clock);
  const row = await createAgent(ctx, { email, name: seed.name, role: seed.role, password, locale: seed.locale, timeZone: seed.timeZone });
  return { row, isNew: true };
}

async function ensureTeam(
  services: Services,
  clock: ManualClock,
  admin: AgentActor,
  def: { name: string; description: string },
  memberIds: string[],
): Promise<{ team: { id: string; name: string }; isNew: boolean }> {
  const ctx = ctxAt(services, admin, clock);
  const existing = (await listTeams(services.database.db)).find((t) => t.name.toLowerCase() === def.name.toLowerCase());
  if (!existing) return { team: await createTeam(ctx, { ...def, memberIds }), isNew: true };
  const missing = memberIds.filter((id) => !existing.memberIds.includes(id));
  if (missing.length) await updateTeam(ctx, existing.id, { memberIds: [...existing.memberIds, ...missing] });
  return { team: existing, isNew: false };
}
