import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { App } from '../../platform/http.ts';
import type { MailHealth } from '@servus/shared';
import type { Services } from '../../platform/context.ts';
import { migrationVersion } from '../../platform/db.ts';
import { needsSetup } from '../auth/use-cases/setup-admin.ts';
import { SETUP_HTML, SETUP_JS } from './setup-page.ts';

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../web/dist');
const FAVICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#2455c3"/><text x="16" y="23" font-family="system-ui,sans-serif" font-size="20" font-weight="700" text-anchor="middle" fill="#fff">S</text></svg>';
const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** Health, the one-time setup page and the web app shell. */
export function systemRoutes(app: App, services: Services, started: Date, checks: { mail: () => Promise<MailHealth> }): void {
  const db = services.database.db;

  app.get('/healthz', { schema: { tags: ['system'], summary: 'Liveness and readiness: database, migrations, job queue' } }, async (_req, reply) => {
    const body: Record<string, unknown> = { status: 'ok', db: services.database.kind, uptimeSeconds: Math.round((Date.now() - started.getTime()) / 1000) };
    try {
      await db.execute(sql`select 1`);
      body.migration = await migrationVersion(services.database);
    } catch (err) {
      return reply.code(503).send({ ...body, status: 'error', failing: 'db', message: String((err as Error).message) });
    }
    try {
      body.queue = { depth: await services.jobs.depth() };
    } catch (err) {
      return reply.code(503).send({ ...body, status: 'error', failing: 'queue', message: String((err as Error).message) });
    }
    // A mailbox that has not been fetched for 15 minutes is reported, not fatal: the API still serves.
    const health = await checks.mail();
    const stale = health.channels.filter((c) => c.stale).map((c) => ({ channelId: c.channelId, address: c.address, lastFetchAt: c.lastFetchAt, lastError: c.lastError }));
    body.mail = { channels: health.channels.length, stale, quarantined: health.channels.reduce((s, c) => s + c.quarantined, 0) };
    if (stale.length > 0) body.status = 'degraded';
    return body;
  });

  app.get('/favicon.ico', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON),
  );

  const securePage = { 'content-security-policy': PAGE_CSP, 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin', 'x-frame-options': 'DENY' };

  app.get('/setup', { schema: { hide: true } }, async (_req, reply) => {
    if (!(await needsSetup({ db }))) return reply.code(404).type('text/plain').send('Not found');
    return reply.headers(securePage).type('text/html; charset=utf-8').send(SETUP_HTML);
  });
  app.get('/setup.js', { schema: { hide: true } }, async (_req, reply) => reply.headers(securePage).type('text/javascript').send(SETUP_JS));

  const serveShell = async (_req: unknown, reply: import('fastify').FastifyReply) => {
    if (await needsSetup({ db })) return reply.redirect('/setup');
    const index = path.join(WEB_DIST, 'index.html');
    if (!fs.existsSync(index)) return reply.type('text/plain').send('Servus is running. The web app has not been built: run `npm run build --workspace @servus/web`.');
    return reply.headers(securePage).type('text/html; charset=utf-8').send(fs.readFileSync(index));
  };
  app.get('/', { schema: { hide: true } }, serveShell);
  // Client-side routes of the web app: any other page URL gets the shell.
  for (const prefix of ['/app', '/login', '/invite', '/tickets', '/views', '/customers', '/organizations', '/search', '/admin', '/settings', '/reports', '/knowledge']) {
    app.get(prefix, { schema: { hide: true } }, serveShell);
    app.get(`${prefix}/*`, { schema: { hide: true } }, serveShell);
  }
  app.get('/assets/*', { schema: { hide: true } }, async (req, reply) => {
    const rel = (req.params as { '*': string })['*'];
    const file = path.resolve(WEB_DIST, 'assets', rel);
    if (!file.startsWith(path.join(WEB_DIST, 'assets') + path.sep) || !fs.existsSync(file)) return reply.code(404).send('Not found');
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : file.endsWith('.svg') ? 'image/svg+xml' : 'application/octet-stream';
    return reply.headers({ 'x-content-type-options': 'nosniff', 'cache-control': 'public, max-age=31536000, immutable' }).type(type).send(fs.createReadStream(file));
  });
}
