/** The ticket fields skill matching reads. */
export interface SkillTicket {
  type: string | null;
  priority: string;
  channel: string;
  custom: Record<string, unknown>;
  /** The requester's locale, when the contact has one. */
  requesterLocale: string | null;
}

/** A value as a skill name: trimmed and lower-case; empty means no requirement. */
function asSkill(value: unknown): string | null {
  if (typeof value === 'string' || typeof value === 'number') {
    const s = String(value).trim().toLowerCase();
    return s.length > 0 ? s : null;
  }
  return null;
}

/**
 * The skills a ticket requires, given the ticket fields a team reads skills from. A field the
 * ticket leaves empty requires nothing. The requester's language counts by its base language
 * (`de-AT` → `de`); a checked checkbox custom field requires its key (`custom.vip` → `vip`).
 *
 * @example requiredSkills({ type: 'incident', custom: { product: 'Shop' }, … }, ['custom.product']) // ['shop']
 */
export function requiredSkills(t: SkillTicket, fields: readonly string[]): string[] {
  const out = new Set<string>();
  for (const field of fields) {
    let skill: string | null = null;
    if (field === 'type') skill = asSkill(t.type);
    else if (field === 'priority') skill = asSkill(t.priority);
    else if (field === 'channel') skill = asSkill(t.channel);
    else if (field === 'language') skill = asSkill(t.requesterLocale?.split(/[-_]/)[0]);
    else if (field.startsWith('custom.')) {
      const key = field.slice('custom.'.length);
      const value = t.custom[key];
      skill = value === true ? key : asSkill(value);
    }
    if (skill) out.add(skill);
  }
  return [...out].sort();
}

/** True when the agent has every required skill (compared lower-case). */
export function hasSkills(agentSkills: readonly string[], required: readonly string[]): boolean {
  if (required.length === 0) return true;
  const have = new Set(agentSkills.map((s) => s.toLowerCase()));
  return required.every((s) => have.has(s));
}
