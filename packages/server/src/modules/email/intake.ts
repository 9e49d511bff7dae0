import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { eq, and, sql } from 'drizzle-orm';
import libmime from 'libmime';
import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { blobs } from '../tickets/schema.ts';
import type { ChannelRow } from '../channels/repository.ts';
import { inboundMails, mailboxStates } from './schema.ts';

export type InboundRow = typeof inboundMails.$inferSelect;

/** How much of a message's start is kept aside to read its headers without parsing it. */
const HEAD_BYTES = 64 * 1024;

export interface StoreInboundInput {
  channel: ChannelRow;
  source: InboundRow['source'];
  /**
   * The raw message, streamed to storage; or, for mail that is not downloaded (too large, or the
   * server cannot hand it over), its size and headers, quarantined with `why` (default: oversize).
   */
  raw: Readable | { oversize: number; headers: Buffer; why?: { reason: string; detail: string } };
  imap?: { uidValidity: number; uid: number };
  envelope?: { from: string | null; to: string[]; remoteIp: string | null };
}

export interface StoredInbound {
  id: string;
  /** The same message (Message-ID and content, or IMAP UID) was already stored: nothing new was written. */
  duplicate: boolean;
  status: InboundRow['status'];
}

/**
 * Durable first: writes the raw message to storage and records it, before anything parses it.
 * For IMAP the UID watermark moves in the same transaction, so a crash either keeps both or
 * neither, and a re-fetch finds the row and writes nothing twice. Mail over the channel's size
 * limit is quarantined with only its headers kept.
 */
export async function storeInbound(ctx: Ctx, input: StoreInboundInput): Promise<StoredInbound> {
  const { channel, raw } = input;
  if (!(raw instanceof Readable)) {
    const head = raw.headers.subarray(0, HEAD_BYTES);
    return record(ctx, input, { head, blob: await storeHead(ctx, head), size: raw.oversize, oversize: true, why: raw.why });
  }
  const capture = captureHead();
  // A source that breaks off (a client gone mid-DATA) fails the store instead of hanging it.
  raw.once('error', (err) => capture.stream.destroy(err));
  try {
    const stored = await ctx.storage.put(raw.pipe(capture.stream), channel.maxMessageBytes);
    return record(ctx, input, { head: capture.head(), blob: stored, size: stored.size, oversize: false });
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'payload_too_large') throw err;
    // Read the rest so the sender's connection completes; keep only what was captured.
    const total = await drain(raw, capture.bytes());
    const head = capture.head();
    return record(ctx, input, { head, blob: await storeHead(ctx, head), size: total, oversize: true });
  }
}

async function storeHead(ctx: Ctx, head: Buffer): Promise<{ sha256: string; size: number }> {
  const stored = await ctx.storage.put(Readable.from([head]), HEAD_BYTES + 1);
  return { sha256: stored.sha256, size: stored.size };
}

async function record(
  ctx: Ctx,
  input: StoreInboundInput,
  m: { head: Buffer; blob: { sha256: string; size: number }; size: number; oversize: boolean; why?: { reason: string; detail: string } },
): Promise<StoredInbound> {
  const quarantine = m.why ?? { reason: 'oversize', detail: `${m.size} bytes, over this channel's limit of ${input.channel.maxMessageBytes}; only the headers were kept` };
  const h = readHead(m.head);
  // Two different messages with the same Message-ID are both kept: the key includes the content.
  const dedupeKey = m.oversize
    ? `oversize:${input.imap ? `${input.imap.uidValidity}:${input.imap.uid}` : m.blob.sha256}:${m.size}`
    : createHash('sha256').update(`${h.messageId ?? ''}\n${m.blob.sha256}`).digest('hex');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await tx.insert(blobs).values({ sha256: m.blob.sha256, size: m.blob.size, createdAt: now }).onConflictDoNothing();
    const [row] = await tx
      .insert(inboundMails)
      .values({
        channelId: input.channel.id,
        source: input.source,
        status: m.oversize ? 'quarantined' : 'pending',
        reason: m.oversize ? quarantine.reason : null,
        detail: m.oversize ? quarantine.detail : null,
        blobSha256: m.blob.sha256,
        size: m.size,
        headerMessageId: h.messageId,
        dedupeKey,
        imapUidValidity: input.imap?.uidValidity ?? null,
        imapUid: input.imap?.uid ?? null,
        envelopeFrom: input.envelope?.from ?? null,
        envelopeTo: input.envelope?.to ?? [],
        remoteIp: input.envelope?.remoteIp ?? null,
        subject: h.subject,
        fromAddress: h.from,
        receivedAt: now,
        processedAt: m.oversize ? now : null,
      })
      .onConflictDoNothing()
      .returning({ id: inboundMails.id, status: inboundMails.status });
    if (input.imap) await advanceWatermark(tx, input.channel.id, input.imap);
    if (row) return { id: row.id, duplicate: false, status: row.status };
    const [existing] = await tx
      .select({ id: inboundMails.id, status: inboundMails.status })
      .from(inboundMails)
      .where(
        and(
          eq(inboundMails.channelId, input.channel.id),
          input.imap
            ? sql`(${inboundMails.dedupeKey} = ${dedupeKey} or (${inboundMails.imapUidValidity} = ${input.imap.uidValidity} and ${inboundMails.imapUid} = ${input.imap.uid}))`
            : eq(inboundMails.dedupeKey, dedupeKey),
        ),
      )
      .limit(1);
    return { id: existing!.id, duplicate: true, status: existing!.status };
  });
}

/** Moves an IMAP channel's UID watermark forward (never back) under the given UIDVALIDITY. */
export async function advanceWatermark(tx: Tx, channelId: string, imap: { uidValidity: number; uid: number }): Promise<void> {
  await tx
    .insert(mailboxStates)
    .values({ channelId, uidValidity: imap.uidValidity, lastUid: imap.uid })
    .onConflictDoUpdate({
      target: mailboxStates.channelId,
      set: {
        lastUid: sql`case when ${mailboxStates.uidValidity} = ${imap.uidValidity} then greatest(${mailboxStates.lastUid}, ${imap.uid}) else ${imap.uid} end`,
        uidValidity: imap.uidValidity,
      },
    });
}

/** A pass-through stream that keeps the first HEAD_BYTES of the message aside. */
function captureHead() {
  const parts: Buffer[] = [];
  let kept = 0;
  let seen = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      seen += chunk.length;
      if (kept < HEAD_BYTES) {
        const part = chunk.subarray(0, HEAD_BYTES - kept);
        parts.push(Buffer.from(part));
        kept += part.length;
      }
      cb(null, chunk);
    },
  });
  return { stream, head: () => Buffer.concat(parts), bytes: () => seen };
}

async function drain(stream: Readable, already: number): Promise<number> {
  let total = already;
  if (stream.readableEnded || stream.destroyed) return total;
  stream.resume();
  for await (const chunk of stream) total += (chunk as Buffer).length;
  return total;
}

/** Message-ID, Subject and From address read from the start of a raw message, for lists and dedupe. */
export function readHead(head: Buffer): { messageId: string | null; subject: string | null; from: string | null } {
  const text = head.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const block = (end >= 0 ? text.slice(0, end) : text).replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => {
    const m = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(block);
    return m ? m[1]!.trim() : null;
  };
  const rawId = header('message-id');
  const messageId = rawId ? (/<([^<>\s]{1,900})>/.exec(rawId)?.[1] ?? (rawId.slice(0, 900) || null)) : null;
  const rawSubject = header('subject');
  let subject: string | null = null;
  if (rawSubject !== null) {
    try {
      subject = libmime.decodeWords(Buffer.from(rawSubject, 'latin1').toString('utf8'));
    } catch {
      subject = rawSubject;
    }
    subject = subject.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 998);
  }
  const rawFrom = header('from');
  const from = rawFrom ? (/<([^<>\s@]{1,200}@[^<>\s@]{1,253})>/.exec(rawFrom)?.[1] ?? /([^\s<>"(),;:]{1,200}@[^\s<>"(),;:]{1,253})/.exec(rawFrom)?.[1] ?? null) : null;
  return { messageId, subject, from: from?.toLowerCase() ?? null };
}
