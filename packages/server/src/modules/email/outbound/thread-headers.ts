/** How many ids of a long thread a References header keeps: the first one and the last 20. */
const KEEP_LAST = 20;

/** An id as stored: without angle brackets or surrounding space; empty when there is none. */
function bare(id: string | null | undefined): string {
  return (id ?? '').trim().replace(/^<+/, '').replace(/>+$/, '').trim();
}

/**
 * The threading headers of a mail answering `parent` (METRICS §8.8, RFC 5322 §3.6.4). Ids come
 * and go without angle brackets.
 *
 * - In-Reply-To is the parent's Message-ID.
 * - References is the parent's References, or else its In-Reply-To (when that names a single
 *   message, as RFC 5322 asks), followed by the parent's Message-ID; de-duplicated, and cut to
 *   the first id plus the last 20 so a long thread cannot grow the header without bound.
 * - A parent with none of the three headers, or no parent, gives neither header.
 */
export function replyThreadHeaders(
  parent: { messageId: string | null; inReplyTo: string[]; references: string[] } | null,
): { inReplyTo: string | null; references: string[] } {
  if (!parent) return { inReplyTo: null, references: [] };
  const messageId = bare(parent.messageId) || null;
  const references = parent.references.map(bare).filter(Boolean);
  const inReplyTo = parent.inReplyTo.map(bare).filter(Boolean);
  const chain = references.length > 0 ? references : inReplyTo.length === 1 ? inReplyTo : [];
  // The parent's own id always comes last, even if an odd parent also listed it earlier.
  const ids = [...new Set(chain.filter((id) => id !== messageId))];
  if (messageId) ids.push(messageId);
  const bounded = ids.length > KEEP_LAST + 1 ? [ids[0]!, ...ids.slice(-KEEP_LAST)] : ids;
  return { inReplyTo: messageId, references: bounded };
}
