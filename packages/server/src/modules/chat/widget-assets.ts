import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Uuid } from '@servus/shared';
import type { App } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import { findChatChannel } from './repository.ts';
import { frameAncestors } from './origin.ts';

/** Where the widget's build lands (`npm run build --workspace @servus/widget`). */
export const DEFAULT_WIDGET_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../widget/dist');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
};

/** The WebSocket origin of this server, for the frame's connect-src. */
function socketOrigin(req: FastifyRequest, publicUrl: string | undefined): string {
  const base = new URL(publicUrl ?? `${req.protocol}://${req.host}`);
  return `${base.protocol === 'https:' ? 'wss' : 'ws'}://${base.host}`;
}

const notBuilt = 'The chat widget has not been built: run `npm run build --workspace @servus/widget`.';

/**
 * The widget's files: the loader `/widget.js` (a stable name, cached briefly), the iframe page
 * `/widget/frame?channel=…` (only the channel's websites may frame it: CSP frame-ancestors),
 * and its content-hashed assets under `/widget/assets/` (cached for a year).
 */
export function widgetAssetRoutes(app: App, services: Services): void {
  const db = services.database.db;
  const WIDGET_DIST = services.config.WIDGET_DIR ? path.resolve(services.config.WIDGET_DIR) : DEFAULT_WIDGET_DIST;

  app.get('/widget.js', { schema: { hide: true } }, async (_req, reply) => {
    const file = path.join(WIDGET_DIST, 'widget.js');
    if (!fs.existsSync(file)) return reply.code(404).type('text/plain').send(notBuilt);
    return reply
      .headers({ 'cache-control': 'public, max-age=300', 'x-content-type-options': 'nosniff', 'cross-origin-resource-policy': 'cross-origin' })
      .type('text/javascript; charset=utf-8')
      .send(fs.createReadStream(file));
  });

  app.get(
    '/widget/frame',
    { schema: { hide: true, querystring: z.object({ channel: Uuid, lang: z.enum(['en', 'de']).optional() }) } },
    async (req, reply) => {
      const channel = await findChatChannel(db, req.query.channel);
      if (!channel?.active) return reply.code(404).type('text/plain').send('This chat is not available.');
      const file = path.join(WIDGET_DIST, 'frame.html');
      if (!fs.existsSync(file)) return reply.code(404).type('text/plain').send(notBuilt);
      const csp = [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "media-src 'self'",
        `connect-src 'self' ${socketOrigin(req, services.config.PUBLIC_URL)}`,
        "base-uri 'none'",
        "form-action 'none'",
        `frame-ancestors ${frameAncestors(channel)}`,
      ].join('; ');
      return reply
        .headers({ 'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-cache' })
        .type('text/html; charset=utf-8')
        .send(fs.createReadStream(file));
    },
  );

  app.get('/widget/assets/:name', { schema: { hide: true } }, async (req, reply) => {
    const name = (req.params as { name: string }).name;
    const type = TYPES[path.extname(name)];
    const file = path.join(WIDGET_DIST, 'assets', name);
    if (!/^[\w.-]+$/.test(name) || name.startsWith('.') || !type || !fs.existsSync(file)) return reply.code(404).type('text/plain').send('Not found');
    return reply
      .headers({ 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' })
      .type(type)
      .send(fs.createReadStream(file));
  });
}
