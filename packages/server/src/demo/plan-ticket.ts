import type { CreateTicketInput } from '../modules/tickets/use-cases/create-ticket.ts';
import type { AddMessageInput } from '../modules/tickets/use-cases/add-message.ts';
import type { TicketChangeSet } from '../modules/tickets/changes.ts';
import type { TicketView } from '../modules/tickets/repository.ts';
import type { DemoContact } from './customers.ts';
import type { Lang } from './names.ts';
import type { Random } from './random.ts';
import type { Staff, StaffMember, TeamKey } from './staff.ts';
import { fill, type Facts, type Topic, type TopicCase, type TopicText } from './topic.ts';
import { ticketFacts } from './facts.ts';
import { agentText, agentVoice, callLog, customerText, customerVoice, phrases, type Person, type Voice } from './phrases.ts';
import { agentTime, customerTime, DAY, daysLater, isBusinessTime, shortly } from './timeline.ts';

export type Status = TicketView['status'];
type Channel = TicketView['channel'];
type Priority = TicketView['priority'];
/** The statuses an agent's reply can set. */
type ReplyStatus = 'pending' | 'on_hold' | 'solved';

/**
 * One thing that happens to a ticket, carried out later through a use case. `by` is the agent
 * whose context runs it; for the requester's own messages that is the admin, because the ticket
 * use cases act for an agent who can see the ticket and record the requester as the author.
 */
export type Step =
  | { kind: 'create'; at: Date; by: StaffMember; input: CreateTicketInput }
  | { kind: 'message'; at: Date; by: StaffMember; input: AddMessageInput }
  | { kind: 'update'; at: Date; by: StaffMember; changes: TicketChangeSet }
  | { kind: 'merge'; at: Date; by: StaffMember; into: number };

/** A ticket's whole planned life, oldest step first. */
export interface TicketPlan {
  index: number;
  lang: Lang;
  topic: Topic;
  contact: DemoContact;
  channel: Channel;
  subject: string;
  opening: string;
  steps: Step[];
}

/** Everything a ticket's planning needs to know about the installation. */
export interface PlanWorld {
  staff: Staff;
  now: Date;
}

const CHANNELS: Record<Exclude<Channel, 'form'>, number> = { email: 45, chat: 18, web: 15, phone: 13, api: 9 };
/** How many messages (including notes) a thread has, if it is not cut short by the present. */
const THREAD_LENGTH = { 1: 8, 2: 30, 3: 22, 4: 19, 5: 12, 6: 9 };
/** Share of tickets whose story stops part-way: the backlog nobody got to. */
const STALL = 0.03;

/**
 * Plans one ticket from arrival to close: who writes what and when, as the steps a help desk
 * would see. Steps that would lie after `world.now` are left out, so recent tickets end up new,
 * open or pending and older ones solved or closed.
 */
export function planTicket(rng: Random, world: PlanWorld, index: number, created: Date, topic: Topic, contact: DemoContact): TicketPlan {
  const story = new TicketStory(rng, world, index, created, topic, contact);
  story.tell();
  return story.plan();
}

class TicketStory {
  private readonly lang: Lang;
  private readonly text: TopicText;
  private readonly case: TopicCase;
  private readonly facts: Record<Lang, Facts>;
  private readonly channel: Channel;
  private readonly chat: boolean;
  private readonly priority: Priority;
  private readonly person: Person;
  private readonly voice: Voice;
  private readonly agentVoices = new Map<string, Voice>();
  private readonly subject: string;
  private readonly openingBody: string;
  private readonly steps: Step[] = [];
  private t: Date;
  private team: TeamKey | null = null;
  private assignee: StaffMember | null = null;
  private escalated = false;
  private left: number;
  private lastReply: ReplyStatus | 'none' = 'none';
  /** Whether the case's own question and solution were used; a second time sounds different. */
  private asked = false;
  private answered = false;
  private awaitingDetail = false;
  /** The customer just gave what the agent asked for, so the solution usually follows. */
  private detailGiven = false;
  private readonly said = new Set<string>();
  private lastWasCustomer = false;

  constructor(
    private readonly rng: Random,
    private readonly world: PlanWorld,
    private readonly index: number,
    created: Date,
    private readonly topic: Topic,
    private readonly contact: DemoContact,
  ) {
    this.t = created;
    this.lang = contact.lang;
    this.text = topic[this.lang];
    this.facts = ticketFacts(rng, created);
    const channel = rng.weighted(CHANNELS);
    // Nobody answers the phone outside office hours; those customers write an email instead.
    this.channel = channel === 'phone' && !isBusinessTime(created) ? 'email' : channel;
    this.chat = this.channel === 'chat';
    this.priority = this.pickPriority();
    this.person = personOf(contact);
    this.voice = customerVoice(rng, this.lang);
    this.case = rng.pick(this.text.cases);
    this.subject = this.say(rng.pick(this.case.subjects));
    this.openingBody = this.say(this.case.opening);
    const recent = world.now.getTime() - created.getTime() < 3 * DAY;
    this.left = Number(rng.weighted(THREAD_LENGTH));
    if (this.left === 1 && !recent) this.left = 2;
  }

  plan(): TicketPlan {
    const steps = this.steps.filter((s) => s.at.getTime() < this.world.now.getTime());
    return {
      index: this.index,
      lang: this.lang,
      topic: this.topic,
      contact: this.contact,
      channel: this.channel,
      subject: this.subject,
      opening: this.openingBody,
      steps,
    };
  }

  tell(): void {
    this.open();
    while (this.left > 0) {
      if (this.lastWasCustomer) this.agentTurn();
      else this.customerTurn();
    }
    if (this.steps.length > 2 && this.rng.chance(STALL)) {
      this.steps.length = this.rng.int(2, this.steps.length - 1);
      return;
    }
    this.wrapUp();
  }

  private open(): void {
    const staff = this.world.staff;
    const phone = this.channel === 'phone';
    const routed = phone ? 'assigned' : this.rng.weighted({ none: 20, team: 65, assigned: 15 });
    if (routed !== 'none') this.team = this.topic.team;
    if (routed === 'assigned') this.assignee = pickAgent(this.rng, staff, this.topic.team, this.lang);
    const by = phone ? this.assignee! : staff.admin;
    const tags = this.pickTags();
    this.steps.push({
      kind: 'create',
      at: this.t,
      by,
      input: {
        subject: this.subject,
        requester: { id: this.contact.id },
        message: { text: phone ? callLog(this.lang, this.person, this.openingBody) : customerText(this.lang, this.chat, this.openingBody, this.person, this.voice) },
        messageAuthor: phone ? 'agent' : 'requester',
        messageKind: phone ? 'note' : 'public',
        channel: this.channel,
        priority: this.priority,
        type: this.topic.type,
        tags,
        ...(this.team && { teamId: staff.teams[this.team].id }),
        ...(this.assignee && { assigneeId: this.assignee.id }),
      },
    });
    this.left--;
    this.lastWasCustomer = true;
  }

  /** An agent picks the ticket up (if nobody has), may leave a note or hand it on, and replies. */
  private agentTurn(): void {
    // On hold means waiting for someone else: the answer comes days later, not at once.
    this.t =
      this.lastReply === 'on_hold'
        ? daysLater(this.rng, this.t, this.rng.int(1, 3))
        : agentTime(this.rng, this.t, { chat: this.chat, priority: this.priority });
    if (!this.assignee) this.take();
    if (this.left >= 3 && this.shouldEscalate()) {
      this.escalate();
      this.t = agentTime(this.rng, this.t, { chat: false, priority: this.priority });
    } else if (this.left >= 3 && this.rng.chance(0.2)) {
      this.note(this.pickNote());
      this.t = shortly(this.rng, this.t);
    }
    const status = this.replyStatus();
    const agent = this.assignee!;
    const text = agentText(this.lang, this.chat, this.say(this.replyBody(status)), this.person, { name: agent.name, team: this.teamName() }, this.voiceOf(agent));
    this.steps.push({ kind: 'message', at: this.t, by: this.assignee!, input: { kind: 'public', text, asRequester: false, ...(status !== 'none' && { status }) } });
    this.lastReply = status;
    this.detailGiven = false;
    this.left--;
    this.lastWasCustomer = false;
  }

  /** The requester writes back; the texts follow what the agent last said. */
  private customerTurn(): void {
    this.t = customerTime(this.rng, this.t, { chat: this.chat });
    const text = customerText(this.lang, this.chat, this.say(this.customerBody()), this.person, this.voice);
    this.steps.push({ kind: 'message', at: this.t, by: this.world.staff.admin, input: { kind: 'public', text, asRequester: true } });
    this.left--;
    this.lastWasCustomer = true;
  }

  /** What the agent writes for the status the reply sets. */
  private replyBody(status: ReplyStatus | 'none'): string {
    const p = phrases(this.lang);
    switch (status) {
      case 'pending':
        // The case's own question only makes sense before its solution was given.
        if (this.asked || this.answered) return this.fresh(p.checkBack);
        this.asked = true;
        this.awaitingDetail = true;
        return this.case.ask;
      case 'solved':
        if (this.answered) return this.fresh(p.solvedAgain);
        this.answered = true;
        return this.case.solution;
      case 'on_hold':
        return this.fresh(this.text.holds!);
      case 'none':
        return this.fresh(p.working);
    }
  }

  /** What the requester writes back, following what the agent last said. */
  private customerBody(): string {
    const p = phrases(this.lang);
    if (this.lastReply === 'solved') return this.fresh(this.left === 1 ? p.thanks : p.stillBroken);
    if (this.lastReply === 'pending' && this.awaitingDetail) {
      this.awaitingDetail = false;
      this.detailGiven = true;
      return this.case.detail;
    }
    if (this.lastReply === 'pending') return this.fresh(p.stillBroken);
    return this.fresh(p.nudges);
  }

  /** A phrase not yet used in this thread, as long as there is one. */
  private fresh(options: readonly string[]): string {
    const unused = options.filter((o) => !this.said.has(o));
    const choice = this.rng.pick(unused.length ? unused : options);
    this.said.add(choice);
    return choice;
  }

  /** Solves what is left open, waits out pending tickets, and closes solved ones a few days later. */
  private wrapUp(): void {
    if (this.steps.length === 1) return;
    let solvedAt: Date | null = null;
    if (this.lastWasCustomer) {
      this.t = agentTime(this.rng, this.t, { chat: this.chat, priority: this.priority });
      if (!this.assignee) this.take();
      this.update({ status: 'solved' });
      solvedAt = this.t;
    } else if (this.lastReply === 'pending' || this.lastReply === 'on_hold') {
      // The customer never confirmed: solved after four quiet days, as the usual rule has it.
      this.t = daysLater(this.rng, this.t, 4);
      this.update({ status: 'solved' });
      solvedAt = this.t;
    } else if (this.lastReply === 'solved') {
      solvedAt = this.t;
    }
    if (solvedAt && this.rng.chance(0.97)) {
      this.t = daysLater(this.rng, solvedAt, 4);
      this.update({ status: 'closed' });
    }
  }

  private take(): void {
    const team = this.team ?? this.topic.team;
    this.assignee = pickAgent(this.rng, this.world.staff, team, this.lang);
    this.update({ assigneeId: this.assignee.id, ...(this.team === null && { teamId: this.world.staff.teams[team].id }) });
    this.team = team;
    this.t = shortly(this.rng, this.t, 15);
  }

  private escalate(): void {
    const text = this.rng.pick(phrases(this.assignee!.locale).escalations);
    this.note(text);
    this.t = shortly(this.rng, this.t, 5);
    const next = pickAgent(this.rng, this.world.staff, 'tech', this.lang);
    this.update({ teamId: this.world.staff.teams.tech.id, assigneeId: next.id });
    this.assignee = next;
    this.team = 'tech';
    this.escalated = true;
  }

  private note(text: string): void {
    this.steps.push({ kind: 'message', at: this.t, by: this.assignee!, input: { kind: 'note', text, asRequester: false } });
    this.left--;
  }

  private update(changes: TicketChangeSet): void {
    this.steps.push({ kind: 'update', at: this.t, by: this.assignee!, changes });
  }

  private shouldEscalate(): boolean {
    return !this.escalated && this.team === 'first' && this.rng.chance(this.topic.escalates ?? 0);
  }

  /** The status an agent's reply sets: a solution when the thread is nearly over, otherwise a mix. */
  private replyStatus(): ReplyStatus | 'none' {
    // Most answers wait for the customer to confirm rather than solving outright.
    if (this.left === 1) return this.rng.chance(0.35) ? 'solved' : 'pending';
    if (this.left === 2) return 'solved';
    if (this.detailGiven && !this.answered && this.rng.chance(0.75)) return 'solved';
    return this.rng.weighted({ pending: 50, solved: 15, none: 20, on_hold: this.text.holds ? 15 : 0 });
  }

  private pickNote(): string {
    const lang = this.assignee!.locale;
    const own = this.topic[lang].notes;
    return this.say(this.rng.chance(0.7) ? this.rng.pick(own) : this.rng.pick(phrases(lang).notes), lang);
  }

  private pickPriority(): Priority {
    const p = this.rng.weighted(this.topic.priority as Record<Priority, number>);
    return this.contact.organization?.keyAccount && p === 'normal' && this.rng.chance(0.35) ? 'high' : p;
  }

  private pickTags(): string[] {
    const tags = [...this.topic.tags];
    if (this.topic.extraTags && this.rng.chance(0.35)) tags.push(this.rng.pick(this.topic.extraTags));
    if (this.contact.organization?.keyAccount) tags.push('key-account');
    return tags;
  }

  private voiceOf(agent: StaffMember): Voice {
    let voice = this.agentVoices.get(agent.key);
    if (!voice) {
      voice = agentVoice(this.rng, this.lang);
      this.agentVoices.set(agent.key, voice);
    }
    return voice;
  }

  private teamName(): string {
    return this.world.staff.teams[this.team ?? this.topic.team].name;
  }

  private say(template: string, lang: Lang = this.lang): string {
    return fill(template, this.facts[lang]);
  }
}

/** A contact as greetings and signatures address them. */
export function personOf(contact: DemoContact): Person {
  return { first: contact.firstName, last: contact.lastName, full: contact.name, org: contact.organization?.name ?? '' };
}

/** An agent of the team who can take tickets, preferring those who speak the customer's language. */
export function pickAgent(rng: Random, staff: Staff, team: TeamKey, lang: Lang): StaffMember {
  const candidates = staff.members.filter((m) => m.role !== 'readonly' && m.teams.includes(team));
  return rng.weightedOf(candidates.map((m) => ({ item: m, weight: (m.locale === lang ? 3 : 1) * (m.role === 'admin' ? 0.4 : 1) })));
}
