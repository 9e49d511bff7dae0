import type { TicketView } from '../modules/tickets/repository.ts';
import type { TeamKey } from './staff.ts';

/**
 * One concrete request and how it goes: the subject and first message, the question an agent
 * asks back (the ticket then waits as pending), the customer's answer, and the solution. Texts
 * may hold placeholders such as {order}, {invoice}, {device}, {amount}, {plan}, {version},
 * {fixVersion}, {browser}, {count}, {serial} and {date}, filled from the ticket's facts so one ticket keeps
 * the same numbers throughout.
 */
export interface TopicCase {
  subjects: readonly string[];
  opening: string;
  ask: string;
  detail: string;
  solution: string;
}

/** What is said about one kind of request in one language. */
export interface TopicText {
  cases: readonly TopicCase[];
  /** Internal notes agents leave on such tickets. */
  notes: readonly string[];
  /** An agent's message while the ticket waits for a third party (on hold). */
  holds?: readonly string[];
}

/** One kind of request: who handles it, how urgent it tends to be, and the texts in both languages. */
export interface Topic {
  key: string;
  /** How often it comes up, relative to the others. */
  weight: number;
  team: TeamKey;
  /** Share of these tickets that 1st Level passes on to Technical after a first look. */
  escalates?: number;
  type: NonNullable<TicketView['type']>;
  priority: Partial<Record<TicketView['priority'], number>>;
  tags: readonly string[];
  /** Tags added to some of these tickets. */
  extraTags?: readonly string[];
  de: TopicText;
  en: TopicText;
}

/** The numbers and names one ticket talks about. */
export type Facts = Record<string, string>;

/** Fills {placeholders} from the facts; an unknown placeholder is a template error. */
export function fill(template: string, facts: Facts): string {
  return template.replace(/\{(\w+)\}/g, (_m, key: string) => {
    const value = facts[key];
    if (value === undefined) throw new Error(`demo template uses unknown placeholder {${key}}`);
    return value;
  });
}
