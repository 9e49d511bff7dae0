import { sql } from 'drizzle-orm';
import type { Services } from '../platform/context.ts';
import type { ManualClock } from '../platform/clock.ts';
import type { AgentActor } from '../platform/actor.ts';
import { organizations } from '../modules/contacts/schema.ts';
import { findContactByIdentity } from '../modules/contacts/repository.ts';
import { createContact } from '../modules/contacts/use-cases/create-contact.ts';
import { createOrganization } from '../modules/contacts/use-cases/organizations.ts';
import { ctxAt } from './demo-context.ts';
import { asciiSlug, organizationSeeds, personName, PRIVATE_MAIL_DOMAINS, type Lang, type OrganizationSeed } from './names.ts';
import type { Random } from './random.ts';

/** A demo customer company. */
export interface DemoOrganization {
  id: string;
  name: string;
  lang: Lang;
  keyAccount: boolean;
}

/** A demo contact, with what the ticket texts need to address them. */
export interface DemoContact {
  id: string;
  name: string;
  firstName: string;
  lastName: string;
  email: string;
  lang: Lang;
  organization: DemoOrganization | null;
}

export interface Customers {
  organizations: DemoOrganization[];
  contacts: DemoContact[];
  created: { organizations: number; contacts: number };
}

/** Share of contacts who write from a private address, without an organization. */
const WITHOUT_ORG = 0.15;

/**
 * Creates the customer companies and their contacts (addresses on the company's domain, about
 * one in seven on a private address without a company), as an import on installation day.
 * Organizations and contacts that already exist by name or address are reused.
 */
export async function ensureCustomers(
  services: Services,
  clock: ManualClock,
  rng: Random,
  admin: AgentActor,
  sizes: { organizations: number; contacts: number },
): Promise<Customers> {
  const created = { organizations: 0, contacts: 0 };
  const orgs: DemoOrganization[] = [];
  const seeds = organizationSeeds(sizes.organizations);
  for (const seed of seeds) {
    const { org, isNew } = await ensureOrganization(services, clock, rng, admin, seed);
    orgs.push(org);
    if (isNew) created.organizations++;
    clock.advance(rng.int(2, 20) * 1000);
  }
  const usedEmails = new Set<string>();
  const usedPhones = new Set<string>();
  const contacts: DemoContact[] = [];
  for (let i = 0; i < sizes.contacts; i++) {
    const at = organizationIndex(rng, i, seeds.length);
    const org = at === null ? null : { demo: orgs[at]!, seed: seeds[at]! };
    const lang: Lang = org ? org.demo.lang : i % 2 === 0 ? 'de' : 'en';
    const person = personName(rng, lang);
    const email = uniqueEmail(rng, person, org?.seed.domain ?? rng.pick(PRIVATE_MAIL_DOMAINS[lang]), usedEmails);
    const phone = rng.chance(0.4) ? uniquePhone(rng, lang, usedPhones) : undefined;
    const { id, isNew } = await ensureContact(services, clock, admin, {
      name: person.full,
      email,
      phone,
      organizationId: org?.demo.id ?? null,
      locale: lang,
      timeZone: timeZoneOf(lang, org?.seed.city),
    });
    if (isNew) created.contacts++;
    contacts.push({ id, name: person.full, firstName: person.first, lastName: person.last, email, lang, organization: org?.demo ?? null });
    clock.advance(rng.int(1, 6) * 1000);
  }
  return { organizations: orgs, contacts, created };
}

/** Which organization the i-th contact works for: round the list first so every company has someone, then at random, some for none. */
function organizationIndex(rng: Random, i: number, organizations: number): number | null {
  if (i < organizations) return i;
  if (organizations === 0 || rng.chance(WITHOUT_ORG)) return null;
  return rng.int(0, organizations - 1);
}

async function ensureOrganization(
  services: Services,
  clock: ManualClock,
  rng: Random,
  admin: AgentActor,
  seed: OrganizationSeed,
): Promise<{ org: DemoOrganization; isNew: boolean }> {
  const keyAccount = rng.chance(0.2);
  const notes = organizationNotes(rng, seed, keyAccount);
  const [existing] = await services.database.db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(sql`lower(${organizations.name}) = ${seed.name.toLowerCase()}`);
  if (existing) return { org: { id: existing.id, name: existing.name, lang: seed.lang, keyAccount }, isNew: false };
  const row = await createOrganization(ctxAt(services, admin, clock), { name: seed.name, domains: [seed.domain], notes });
  return { org: { id: row.id, name: row.name, lang: seed.lang, keyAccount }, isNew: true };
}

function organizationNotes(rng: Random, seed: OrganizationSeed, keyAccount: boolean): string {
  const since = rng.int(2016, 2025);
  const tills = rng.int(1, 12);
  if (seed.lang === 'de') {
    const base = `Kunde seit ${since}, Standort ${seed.city}. ${tills} ${tills === 1 ? 'Kasse' : 'Kassen'} im Einsatz.`;
    return keyAccount ? `${base}\nKey Account: Rückfragen bitte zuerst an Sabine Krüger.` : base;
  }
  const base = `Customer since ${since}, based in ${seed.city}. ${tills} ${tills === 1 ? 'till' : 'tills'} in use.`;
  return keyAccount ? `${base}\nKey account: please loop in Sabine Krüger first.` : base;
}

async function ensureContact(
  services: Services,
  clock: ManualClock,
  admin: AgentActor,
  input: { name: string; email: string; phone?: string; organizationId: string | null; locale: Lang; timeZone: string },
): Promise<{ id: string; isNew: boolean }> {
  const existing = await findContactByIdentity(services.database.db, 'email', input.email);
  if (existing) return { id: existing.id, isNew: false };
  const row = await createContact(ctxAt(services, admin, clock), input);
  return { id: row.id, isNew: true };
}

function uniqueEmail(rng: Random, person: { first: string; last: string }, domain: string, used: Set<string>): string {
  const first = asciiSlug(person.first, '');
  const last = asciiSlug(person.last, '');
  const local = rng.weighted({ full: 5, initial: 2, firstOnly: 1 });
  const base = local === 'full' ? `${first}.${last}` : local === 'initial' ? `${first[0]}.${last}` : first;
  for (let n = 1; ; n++) {
    const email = `${n === 1 ? base : `${base}${n}`}@${domain}`;
    if (!used.has(email)) {
      used.add(email);
      return email;
    }
  }
}

const AREA_CODES: Record<Lang, readonly string[]> = {
  de: ['+49 30', '+49 40', '+49 89', '+49 221', '+49 511', '+49 341', '+49 911'],
  en: ['+44 20 7946', '+44 161 496', '+44 117 496', '+44 131 496'],
};

/** A phone number not given to anyone else in this run; none once the number ranges are crowded. */
function uniquePhone(rng: Random, lang: Lang, used: Set<string>): string | undefined {
  for (let attempt = 0; attempt < 50; attempt++) {
    const area = rng.pick(AREA_CODES[lang]);
    const phone = lang === 'de' ? `${area} ${rng.int(200000, 9999999)}` : `${area} 0${rng.int(100, 999)}`;
    if (!used.has(phone)) {
      used.add(phone);
      return phone;
    }
  }
  return undefined;
}

function timeZoneOf(lang: Lang, city: string | undefined): string {
  if (lang === 'de') return 'Europe/Berlin';
  return city === 'Dublin' ? 'Europe/Dublin' : 'Europe/London';
}
