/**
 * Safety limits for parsing one inbound message (SECURITY 5, 6, 11). A message past a structural
 * limit is not parsed in full: it becomes a placeholder body and the caller attaches the raw .eml.
 */
export interface ParseLimits {
  /** Largest raw message accepted at all, in bytes; also the cap for one stored attachment. */
  maxBytes: number;
  /** Most MIME parts (nodes, multiparts included). */
  maxParts: number;
  /** Deepest MIME nesting; the top-level message is depth 1. */
  maxDepth: number;
  /** Largest header block of one MIME part, in bytes. */
  maxHeaderBytes: number;
  /** Longest decoded HTML body kept; longer HTML falls back to the text part. */
  maxHtmlChars: number;
  /**
   * Most encoded bytes of text/plain body parts. Bodies are decoded into strings in memory, and a
   * worker that runs out of heap in one large allocation aborts the whole process (not only the
   * worker), so this bounds a parse's memory whatever maxBytes a channel allows.
   */
  maxTextBytes: number;
  /** CPU budget for one message; the pool kills the worker past it. */
  maxTimeMs: number;
  /** Most addresses kept per address header (To, Cc, …); the rest are dropped. */
  maxAddresses: number;
}

export const DEFAULT_PARSE_LIMITS: Readonly<ParseLimits> = Object.freeze({
  maxBytes: 25 * 1024 * 1024,
  maxParts: 500,
  maxDepth: 20,
  maxHeaderBytes: 256 * 1024,
  maxHtmlChars: 2_000_000,
  maxTextBytes: 16 * 1024 * 1024,
  maxTimeMs: 30_000,
  maxAddresses: 200,
});
