import { and, inArray, isNotNull, eq } from 'drizzle-orm';
import { isGoodCsat, type CsatScaleValue } from '@servus/shared';
import type { Executor } from '../platform/db.ts';
import { contacts } from '../modules/contacts/schema.ts';
import { tickets } from '../modules/tickets/schema.ts';
import { getSurveySettings } from '../modules/surveys/settings.ts';
import { insertSurvey } from '../modules/surveys/offer.ts';
import { npsCampaigns, surveyResponses, surveys } from '../modules/surveys/schema.ts';
import type { Random } from './random.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Comments customers leave, by language and mood; they feed the topic view (speed, friendliness, billing…). */
const COMMENTS = {
  de: {
    good: ['Sehr schnelle Antwort, danke!', 'Freundlich und kompetent.', 'Problem sofort gelöst, super Service.', 'Danke für die schnelle Hilfe bei der Rechnung.'],
    bad: ['Ich musste viel zu lange warten.', 'Die Antwort war unfreundlich.', 'Rechnung ist immer noch falsch.', 'Mein Problem ist nicht gelöst, langsam und kompliziert.'],
  },
  en: {
    good: ['Quick answer, thanks!', 'Friendly and helpful.', 'Solved right away, great service.', 'Thanks for sorting out the invoice so fast.'],
    bad: ['I had to wait far too long.', 'The reply felt rude.', 'The invoice is still wrong.', 'Still not fixed, slow and complicated.'],
  },
} as const;

export interface DemoSurveyCounts {
  csatOffered: number;
  csatAnswered: number;
  npsOffered: number;
  npsAnswered: number;
}

/**
 * Satisfaction history for the demo: CSAT (with some CES answers) a day after most solved
 * tickets, about half of them answered, and one quarterly NPS campaign sent a month ago to the
 * customers of the demo companies. Offered surveys and answers carry their past dates, so the
 * survey reports show trends and response rates like an installation in use.
 */
export async function seedDemoSurveys(db: Executor, rng: Random, ticketIds: string[], now: Date): Promise<DemoSurveyCounts> {
  const settings = await getSurveySettings(db);
  const scale = settings.scale as CsatScaleValue;
  const counts: DemoSurveyCounts = { csatOffered: 0, csatAnswered: 0, npsOffered: 0, npsAnswered: 0 };
  const solved = ticketIds.length
    ? await db
        .select({ id: tickets.id, contactId: tickets.requesterId, agentId: tickets.assigneeId, teamId: tickets.teamId, channel: tickets.channel, organizationId: tickets.organizationId, solvedAt: tickets.solvedAt, locale: contacts.locale })
        .from(tickets)
        .innerJoin(contacts, eq(contacts.id, tickets.requesterId))
        .where(and(inArray(tickets.id, ticketIds), inArray(tickets.status, ['solved', 'closed']), isNotNull(tickets.solvedAt)))
    : [];
  for (const t of solved) {
    const sentAt = new Date(t.solvedAt!.getTime() + settings.delayMinutes * 60_000);
    if (sentAt >= now || !rng.chance(0.8)) continue;
    const lang = t.locale === 'de' ? 'de' : 'en';
    const survey = await insertSurvey(db, sentAt, { kind: 'csat', ticketId: t.id, contactId: t.contactId, agentId: t.agentId, teamId: t.teamId, channel: t.channel, organizationId: t.organizationId, campaignId: null, delivery: 'email', scale, locale: lang, expiryDays: settings.expiryDays });
    counts.csatOffered++;
    if (!rng.chance(0.45)) continue;
    const happy = rng.chance(0.82);
    const score = happy ? (scale === 5 ? rng.int(4, 5) : scale) : scale === 5 ? rng.int(1, 3) : rng.int(1, scale - 1);
    await answer(db, survey.id, sentAt, now, rng, {
      score,
      scale,
      good: isGoodCsat(scale, score),
      comment: rng.chance(0.4) ? rng.pick(COMMENTS[lang][happy ? 'good' : 'bad']) : null,
      ces: rng.chance(0.5) ? (happy ? rng.int(5, 7) : rng.int(1, 4)) : null,
    });
    counts.csatAnswered++;
  }

  const sentAt = new Date(now.getTime() - 30 * DAY);
  const [campaign] = await db
    .insert(npsCampaigns)
    .values({ name: 'Quarterly NPS', segment: { organizationIds: [], tags: [], activeWithinDays: 120 }, everyDays: 90, productName: 'Servus', lastRunAt: sentAt, nextRunAt: new Date(sentAt.getTime() + 90 * DAY), createdAt: sentAt, updatedAt: sentAt })
    .returning({ id: npsCampaigns.id });
  const people = await db.select({ id: contacts.id, organizationId: contacts.organizationId, locale: contacts.locale }).from(contacts).where(isNotNull(contacts.organizationId));
  for (const c of people) {
    if (!rng.chance(0.7)) continue;
    const lang = c.locale === 'de' ? 'de' : 'en';
    const survey = await insertSurvey(db, sentAt, { kind: 'nps', ticketId: null, contactId: c.id, agentId: null, teamId: null, channel: null, organizationId: c.organizationId, campaignId: campaign!.id, delivery: 'email', scale: 10, locale: lang, expiryDays: 28 });
    counts.npsOffered++;
    if (!rng.chance(0.4)) continue;
    const score = rng.weightedOf([
      { item: rng.int(9, 10), weight: 48 },
      { item: rng.int(7, 8), weight: 32 },
      { item: rng.int(0, 6), weight: 20 },
    ]);
    await answer(db, survey.id, sentAt, now, rng, { score, scale: 10, good: null, comment: rng.chance(0.35) ? rng.pick(COMMENTS[lang][score >= 7 ? 'good' : 'bad']) : null, ces: null });
    counts.npsAnswered++;
  }
  return counts;
}

async function answer(db: Executor, surveyId: string, sentAt: Date, now: Date, rng: Random, r: { score: number; scale: number; good: boolean | null; comment: string | null; ces: number | null }): Promise<void> {
  const answeredAt = new Date(Math.min(now.getTime(), sentAt.getTime() + rng.between(0.2, 48) * HOUR));
  await db.insert(surveyResponses).values({ surveyId, ...r, reason: null, answeredAt, updatedAt: answeredAt });
  await db.update(surveys).set({ status: 'answered' }).where(eq(surveys.id, surveyId));
}
