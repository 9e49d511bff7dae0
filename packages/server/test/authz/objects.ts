/**
 * The objects a route's `{id}` can name, and which one of each kind a caller is pointed at:
 * team Y's (or another agent's) object, the object the caller may see, or a new one made for
 * a positive control so that a successful call disturbs nothing else.
 */
import { call, makeTeam, type TestAgent } from '../harness.ts';
import { chatChannel, chatOn, chatUpload } from './chat-world.ts';
import { surveyCampaign, surveyToken } from './survey-cases.ts';
import { kbFreshObject, kbTheirObject, type KbObjectKind } from './kb-cases.ts';
import { automationRuleBody, calendarBody, slaPolicyBody, webhookWithDelivery, failedOutbound, inviteToken, macroBody, notificationFor, nobody, ok, quarantinedMail, ticketWithAttachment, unique, type World } from './world.ts';

export type ObjectKind =
  | 'ticket'
  | 'attachment'
  | 'token'
  | 'view'
  | 'contact'
  | 'organization'
  | 'agent'
  | 'team'
  | 'ticketField'
  | 'invite'
  | 'channel'
  | 'inboundMail'
  | 'outboundMail'
  | 'calendar'
  | 'slaPolicy'
  | 'webhook'
  | 'webhookDelivery'
  | 'macro'
  | 'notification'
  | 'automationRule'
  | 'chat'
  | 'chatChannel'
  | 'chatAttachment'
  | 'surveyCampaign'
  | 'surveyToken'
  | KbObjectKind;

/**
 * Kinds whose visibility depends on the caller: other teams' tickets and attachments, other
 * agents' tokens and personal views. Invitations are reached by their secret alone.
 */
export const PRIVATE_KINDS: ReadonlySet<ObjectKind> = new Set(['ticket', 'attachment', 'token', 'view', 'macro', 'notification', 'chat']);

/** Team Y's object of a kind (Ay's, for tokens and personal views); shared kinds have one object everyone sees. */
export function theirObject(w: World, kind: ObjectKind): string {
  switch (kind) {
    case 'ticket': return w.ty.id;
    case 'attachment': return w.tyAttachment.id;
    case 'token': return w.ayTokenId;
    case 'view': return w.ayView.id;
    case 'invite': return w.inviteToken;
    case 'contact': return w.contact.id;
    case 'organization': return w.organization.id;
    case 'agent': return w.ay.id;
    case 'team': return w.teamY.id;
    case 'ticketField': return w.ticketField.id;
    case 'channel': return w.channel.id;
    case 'inboundMail': return w.inboundMail.id;
    case 'outboundMail': return w.outboundMail.id;
    case 'calendar': return w.calendar.id;
    case 'slaPolicy': return w.slaPolicy.id;
    case 'webhook': return w.webhook.id;
    case 'webhookDelivery': return w.webhookDelivery.id;
    case 'macro': return w.ayMacro.id;
    case 'notification': return w.ayNotification.id;
    case 'automationRule': return w.automationRule.id;
    case 'chat': return w.chat.tyChat;
    case 'chatChannel': return w.chat.channelY.id;
    case 'chatAttachment': return w.chat.upload;
    case 'surveyCampaign': return w.surveyCampaign.id;
    // Survey tokens are signed and made fresh for each probe; nobody holds someone else's.
    case 'surveyToken': return nobody();
    case 'kbCategory':
    case 'kbSection':
    case 'kbArticle':
    case 'kbAttachment': return kbTheirObject(w, kind);
  }
}

/** The object of a kind that team X's members may see; for tokens, a new token of the caller. */
export async function visibleObject(w: World, kind: ObjectKind, as: TestAgent): Promise<string> {
  switch (kind) {
    case 'ticket': return w.tx.id;
    case 'attachment': return w.txAttachment.id;
    case 'token': return newToken(w, as);
    case 'view': return w.teamXView.id;
    case 'agent': return w.ax.id;
    case 'team': return w.teamX.id;
    case 'macro': return w.sharedMacro.id;
    case 'chat': return w.chat.txChat;
    default: return theirObject(w, kind);
  }
}

/** A new object for a positive control, owned by `as` where ownership matters (tickets in Y are opened by Ay). */
export async function freshObject(w: World, kind: ObjectKind, as: TestAgent | null): Promise<string> {
  const { s, admin } = w;
  switch (kind) {
    case 'ticket':
    case 'attachment': {
      const t = await ticketWithAttachment(s, w.ay, { teamId: w.teamY.id, requesterId: w.contact.id });
      return kind === 'ticket' ? t.id : t.attachmentId;
    }
    case 'token': return newToken(w, as ?? admin);
    case 'view': return ok(await call(s, 'POST', '/api/v1/views', { as: as ?? admin, body: { name: unique('view') } }), 'view').id;
    case 'invite': return inviteToken(s, admin);
    case 'contact': return ok(await call(s, 'POST', '/api/v1/contacts', { as: admin, body: { name: 'Fresh contact' } }), 'contact').id;
    case 'organization': return ok(await call(s, 'POST', '/api/v1/organizations', { as: admin, body: { name: unique('org') } }), 'organization').id;
    // Without a password, so the agent can still be invited.
    case 'agent': return ok(await call(s, 'POST', '/api/v1/agents', { as: admin, body: { email: `${unique('fresh')}@example.com`, name: 'Fresh agent' } }), 'agent').id;
    case 'team': return (await makeTeam(s, unique('team'))).id;
    case 'ticketField': return ok(await call(s, 'POST', '/api/v1/ticket-fields', { as: admin, body: { key: unique('f').replace('-', '_'), label: 'Fresh', kind: 'text' } }), 'field').id;
    case 'channel': return ok(await call(s, 'POST', '/api/v1/channels', { as: admin, body: { name: unique('channel'), address: `${unique('fresh')}@firma.example` } }), 'channel').id;
    case 'inboundMail': return quarantinedMail(s, admin, w.channel.id);
    case 'outboundMail': return failedOutbound(s, w.channel.id);
    case 'calendar': return ok(await call(s, 'POST', '/api/v1/calendars', { as: admin, body: calendarBody() }), 'calendar').id;
    case 'slaPolicy': return ok(await call(s, 'POST', '/api/v1/sla-policies', { as: admin, body: slaPolicyBody() }), 'SLA policy').id;
    case 'webhook': return (await webhookWithDelivery(s, admin)).webhook.id;
    case 'webhookDelivery': return (await webhookWithDelivery(s, admin)).webhookDelivery.id;
    case 'macro': return ok(await call(s, 'POST', '/api/v1/macros', { as: as ?? admin, body: macroBody('personal') }), 'macro').id;
    case 'notification': return notificationFor(s, as ?? admin);
    case 'automationRule': return ok(await call(s, 'POST', '/api/v1/automation-rules', { as: admin, body: automationRuleBody() }), 'automation rule').id;
    case 'chat': return chatOn(s, w.chat.channelY.id);
    case 'chatChannel': return (await chatChannel(s, admin)).id;
    case 'chatAttachment': return chatUpload(s, w.chat.visitor.token);
    case 'surveyCampaign': return (await surveyCampaign(s, admin)).id;
    case 'surveyToken': return surveyToken(s, admin);
    case 'kbCategory':
    case 'kbSection':
    case 'kbArticle':
    case 'kbAttachment': return kbFreshObject(w, kind);
  }
}

async function newToken(w: World, as: TestAgent): Promise<string> {
  return ok(await call(w.s, 'POST', '/api/v1/me/tokens', { as, body: { name: 'walker' } }), 'token').token.id;
}
