import { z } from 'zod';
import { CustomValues, Email, NonEmptyText, PageQuery, TagName, Text, Uuid, IsoDate, patchBody } from './common.ts';

export const TICKET_STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TICKET_TYPES = ['question', 'incident', 'problem', 'task'] as const;
export const TICKET_CHANNELS = ['email', 'chat', 'web', 'api', 'phone', 'form'] as const;
export const TicketStatus = z.enum(TICKET_STATUSES);
export const TicketPriority = z.enum(TICKET_PRIORITIES);
export const TicketType = z.enum(TICKET_TYPES);
export const TicketChannel = z.enum(TICKET_CHANNELS);

/** A message body: plain text, HTML (sanitized on the server), or both. */
export const MessageBody = z
  .strictObject({
    text: z.string().max(500_000).optional(),
    html: z.string().max(2_000_000).optional(),
    attachmentIds: z.array(Uuid).max(50).optional(),
  })
  .refine((m) => (m.text ?? '').trim().length > 0 || (m.html ?? '').trim().length > 0 || (m.attachmentIds?.length ?? 0) > 0, {
    message: 'text, html or an attachment is required',
    path: ['text'],
  });

export const RequesterRef = z.union([
  z.strictObject({ id: Uuid }),
  z.strictObject({ email: Email, name: Text(200).optional() }),
]);

export const CreateTicketBody = z.strictObject({
  subject: NonEmptyText(500),
  requester: RequesterRef,
  message: MessageBody,
  /** Who wrote the first message: the requester (default for channels) or the calling agent. */
  messageAuthor: z.enum(['requester', 'agent']).default('requester'),
  messageKind: z.enum(['public', 'note']).default('public'),
  status: TicketStatus.exclude(['closed']).optional(),
  priority: TicketPriority.optional(),
  type: TicketType.nullable().optional(),
  channel: TicketChannel.default('api'),
  assigneeId: Uuid.nullable().optional(),
  teamId: Uuid.nullable().optional(),
  tags: z.array(TagName).max(50).optional(),
  custom: CustomValues.optional(),
});

export const TicketChanges = z.strictObject({
  subject: NonEmptyText(500).optional(),
  status: TicketStatus.optional(),
  priority: TicketPriority.optional(),
  type: TicketType.nullable().optional(),
  assigneeId: Uuid.nullable().optional(),
  teamId: Uuid.nullable().optional(),
  requesterId: Uuid.optional(),
  tags: z.array(TagName).max(50).optional(),
  addTags: z.array(TagName).max(50).optional(),
  removeTags: z.array(TagName).max(50).optional(),
  custom: CustomValues.optional(),
});

export const UpdateTicketBody = TicketChanges.extend({
  /** The version the client last saw; a mismatch answers 409 version_conflict. */
  version: z.number().int().positive().optional(),
});

export const BulkUpdateBody = z.strictObject({
  ids: z.array(Uuid).min(1).max(100),
  changes: TicketChanges.omit({ subject: true, requesterId: true, custom: true, tags: true }),
});

export const MergeBody = z.strictObject({ sourceIds: z.array(Uuid).min(1).max(50) });

export const CreateMessageBody = z.strictObject({
  kind: z.enum(['public', 'note']).default('public'),
  text: z.string().max(500_000).optional(),
  html: z.string().max(2_000_000).optional(),
  attachmentIds: z.array(Uuid).max(50).optional(),
  /** Post on behalf of the ticket's requester (channel integrations); otherwise the calling agent writes. */
  asRequester: z.boolean().default(false),
  /** Submit as: change the status together with the message. */
  status: TicketStatus.exclude(['new']).optional(),
  version: z.number().int().positive().optional(),
});

/** `sla_next_breach_at`: the most urgent SLA first; tickets without an active SLA target come last in both directions. */
export const TICKET_SORTS = ['created_at', '-created_at', 'updated_at', '-updated_at', 'number', '-number', 'sla_next_breach_at', '-sla_next_breach_at'] as const;

const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(50));

export const TicketListQuery = z.strictObject({
  ...PageQuery,
  status: csv(TicketStatus).optional(),
  priority: csv(TicketPriority).optional(),
  type: csv(TicketType).optional(),
  channel: csv(TicketChannel).optional(),
  assigneeId: z.union([Uuid, z.literal('none'), z.literal('me')]).optional(),
  teamId: z.union([Uuid, z.literal('none')]).optional(),
  requesterId: Uuid.optional(),
  organizationId: Uuid.optional(),
  tag: csv(TagName).optional(),
  createdAfter: IsoDate.optional(),
  createdBefore: IsoDate.optional(),
  updatedAfter: IsoDate.optional(),
  updatedBefore: IsoDate.optional(),
  /** Only tickets whose next SLA breach is within this many minutes (overdue ones included). */
  slaDueWithin: z.coerce.number().int().min(0).max(10_080).optional(),
  sort: z.enum(TICKET_SORTS).default('-created_at'),
});

export const SearchQuery = z.strictObject({
  q: z.string().trim().min(1).max(200),
  type: z.enum(['tickets', 'contacts', 'organizations']).default('tickets'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  status: csv(TicketStatus).optional(),
  teamId: Uuid.optional(),
  assigneeId: Uuid.optional(),
});

export const TICKET_FIELD_KINDS = ['text', 'number', 'checkbox', 'select', 'date'] as const;
export const CreateTicketFieldBody = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'lower-case letters, digits and _; starts with a letter'),
  label: NonEmptyText(200),
  kind: z.enum(TICKET_FIELD_KINDS),
  options: z.array(NonEmptyText(200)).max(500).optional(),
  required: z.boolean().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export const UpdateTicketFieldBody = patchBody(CreateTicketFieldBody.omit({ key: true, kind: true })).extend({ active: z.boolean().optional() });

/** The filters a saved view stores; the same names as the ticket list query. */
export const ViewFilters = z.strictObject({
  status: z.array(TicketStatus).max(6).optional(),
  priority: z.array(TicketPriority).max(4).optional(),
  type: z.array(TicketType).max(4).optional(),
  channel: z.array(TicketChannel).max(6).optional(),
  assigneeId: z.union([Uuid, z.literal('me'), z.literal('none')]).optional(),
  teamId: z.union([Uuid, z.literal('none')]).optional(),
  requesterId: Uuid.optional(),
  organizationId: Uuid.optional(),
  tag: z.array(TagName).max(20).optional(),
  custom: z.record(z.string().max(64), z.union([z.string().max(1000), z.number(), z.boolean()])).optional(),
  createdAfter: IsoDate.optional(),
  createdBefore: IsoDate.optional(),
  updatedAfter: IsoDate.optional(),
  updatedBefore: IsoDate.optional(),
  slaDueWithin: z.number().int().min(0).max(10_080).optional(),
});
export type ViewFilters = z.infer<typeof ViewFilters>;

export const CreateViewBody = z.strictObject({
  name: NonEmptyText(100),
  scope: z.enum(['personal', 'team', 'all']).default('personal'),
  teamId: Uuid.nullable().optional(),
  filters: ViewFilters.default({}),
  sort: z.enum(TICKET_SORTS).default('-created_at'),
  position: z.number().int().min(0).max(10_000).optional(),
});
export const UpdateViewBody = patchBody(CreateViewBody);
