import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import type { ChatChannelRow } from './repository.ts';

function originOf(value: string): string | null {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * Whether a request's Origin may use a channel: one of the channel's allowed websites, or this
 * server itself (the widget's iframe runs here; which sites may embed it is enforced by the
 * frame's CSP). A request without an Origin is refused: browsers always send one here.
 */
export function originAllowed(req: FastifyRequest, channel: Pick<ChatChannelRow, 'allowedOrigins'>, publicUrl: string | undefined): boolean {
  const origin = typeof req.headers.origin === 'string' ? originOf(req.headers.origin) : null;
  if (!origin) return false;
  if (channel.allowedOrigins.some((a) => originOf(a) === origin)) return true;
  if (publicUrl && originOf(publicUrl) === origin) return true;
  return new URL(origin).host === req.host;
}

export function assertOrigin(req: FastifyRequest, channel: Pick<ChatChannelRow, 'allowedOrigins'>, publicUrl: string | undefined): void {
  if (!originAllowed(req, channel, publicUrl)) throw new AppError('forbidden', 'this website may not use this chat');
}

/** The `frame-ancestors` source list for a channel: its allowed websites, or none. */
export function frameAncestors(channel: Pick<ChatChannelRow, 'allowedOrigins'>): string {
  const list = channel.allowedOrigins.map(originOf).filter((o): o is string => Boolean(o));
  return list.length ? list.join(' ') : "'none'";
}
