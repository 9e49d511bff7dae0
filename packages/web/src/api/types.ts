import type {
  AGENT_ROLES,
  TICKET_CHANNELS,
  TICKET_FIELD_KINDS,
  TICKET_PRIORITIES,
  TICKET_SORTS,
  TICKET_STATUSES,
  TICKET_TYPES,
  MessageEmailInfo,
  TicketSla,
  ViewFilters,
} from '@servus/shared';
export type { Calendar, CalendarHoliday, HolidayRegionOption } from '@servus/shared';
export type { SlaPolicy, TicketSla, TicketSlaTarget } from '@servus/shared';
export type { ChannelMailHealth, ChannelTestResult, ConnectionCheck, EmailChannel, InboundMail, MailHealth, MessageEmailInfo, OutboundMail } from '@servus/shared';

/** Response shapes of the Servus API, mirroring the server's presenters. */
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export type TicketType = (typeof TICKET_TYPES)[number];
export type TicketChannel = (typeof TICKET_CHANNELS)[number];
export type TicketSort = (typeof TICKET_SORTS)[number];
export type AgentRole = (typeof AGENT_ROLES)[number];
export type FieldKind = (typeof TICKET_FIELD_KINDS)[number];
export type CustomValue = string | number | boolean | null;

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface Agent {
  id: string;
  email: string;
  name: string;
  role: AgentRole;
  locale: 'en' | 'de' | null;
  timeZone: string;
  active: boolean;
  invitePending?: boolean;
  /** May write the knowledge base (admins always may). */
  kbEditor?: boolean;
  /** Plain-text signature below the agent's email replies (on the own profile). */
  signature?: string;
  createdAt: string;
  updatedAt: string;
}

export interface Me {
  agent: Agent;
  teamIds: string[];
  csrfToken: string | null;
}

export interface Team {
  id: string;
  name: string;
  description: string | null;
  memberIds: string[];
  /** The business hours the team works by; none when null or missing. */
  calendarId?: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

export interface PersonRef {
  id: string;
  name: string;
  email: string | null;
}

export interface Ticket {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  type: TicketType | null;
  channel: TicketChannel;
  requesterId: string;
  organizationId: string | null;
  assigneeId: string | null;
  teamId: string | null;
  tags: string[];
  custom: Record<string, CustomValue>;
  version: number;
  mergedIntoId: string | null;
  firstReplyAt: string | null;
  solvedAt: string | null;
  closedAt: string | null;
  reopenCount: number;
  agentReplyCount: number;
  messageCount: number;
  lastMessageAt: string | null;
  slaNextBreachAt?: string | null;
  createdAt: string;
  updatedAt: string;
  /** Present on list endpoints. */
  requester?: PersonRef | null;
}

export interface TicketWithRequester extends Ticket {
  requester: (PersonRef & { organizationId: string | null }) | null;
  /** The ticket's SLA clocks (GET /tickets/:id); null when no policy applies. */
  sla?: TicketSla | null;
}

export interface Attachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  url: string;
  /** The MIME Content-ID of an inline part, when the server knows it. */
  contentId?: string | null;
  /** An inline part of an email (an embedded image): shown inside the mail where the HTML refers to it. */
  inline?: boolean;
  createdAt: string;
}

export type AuthorKind = 'agent' | 'contact' | 'system' | 'automation';

export interface Message {
  id: string;
  ticketId: string;
  kind: 'public' | 'note' | 'system';
  author: { kind: AuthorKind; id: string | null };
  text: string;
  html: string;
  source: string;
  attachments: Attachment[];
  /** Mail details when the message came in or went out by email; null (or absent from older servers) otherwise. */
  email?: MessageEmailInfo | null;
  createdAt: string;
}

export interface TicketEvent {
  id: number;
  ticketId: string;
  type: string;
  actor: { kind: AuthorKind; id: string | null; role: string | null };
  before: unknown;
  after: unknown;
  messageId: string | null;
  createdAt: string;
}

export interface Contact {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  organizationId: string | null;
  locale: string | null;
  timeZone: string | null;
  notes: string | null;
  custom: Record<string, CustomValue>;
  identities?: { id: string; kind: string; value: string; verified: boolean }[];
  createdAt: string;
  updatedAt: string;
}

export interface Organization {
  id: string;
  name: string;
  domains: string[];
  notes: string | null;
  tier: string | null;
  /** Members see all of the organization's requests in the customer portal. */
  portalShared: boolean;
  custom: Record<string, CustomValue>;
  createdAt: string;
  updatedAt: string;
}

export interface TicketField {
  id: string;
  key: string;
  label: string;
  kind: FieldKind;
  options: string[];
  required: boolean;
  active: boolean;
  position: number;
}

export interface Tag {
  name: string;
  createdAt: string;
}

export type ViewScope = 'builtin' | 'personal' | 'team' | 'all';

export interface View {
  id: string;
  name: string;
  nameKey: string | null;
  builtin: boolean;
  scope: ViewScope;
  teamId: string | null;
  ownerId: string | null;
  filters: ViewFilters & { solvedAfter?: string };
  sort: TicketSort;
}

export interface ViewCounts {
  counts: Record<string, number>;
  cap?: number;
}

export type BulkResult = { id: string; ok: true; version: number } | { id: string; ok: false; error: { code: string; message: string } };

export interface ContactHit {
  id: string;
  name: string;
  email: string | null;
  organizationId: string | null;
  score: number;
}

export interface OrganizationHit {
  id: string;
  name: string;
  score: number;
}

export type TicketHit = Ticket & { score: number };

export interface Invite {
  agent: Agent;
  inviteUrl: string;
  emailed: boolean;
}
