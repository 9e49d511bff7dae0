/**
 * For the chat widget's browser tests: builds `@servus/widget` when its dist is missing, and
 * serves customer pages that embed the widget from another origin (a tiny HTTP server on
 * 127.0.0.1 with its own port).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FrameLocator, Page } from 'playwright-core';
import { apiSignIn, type ApiSession } from './http.ts';
import { REPO_ROOT, startServer, type ServusServer } from './server.ts';

const WIDGET_DIST = path.join(REPO_ROOT, 'packages/widget/dist');

let build: Promise<void> | undefined;

/** Builds the widget once per process unless `dist/widget.js` and `dist/frame.html` are already there. */
export function ensureWidgetBuilt(): Promise<void> {
  if (fs.existsSync(path.join(WIDGET_DIST, 'widget.js')) && fs.existsSync(path.join(WIDGET_DIST, 'frame.html'))) return Promise.resolve();
  build ??= new Promise<void>((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '--workspace', '@servus/widget'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`building @servus/widget failed (exit ${code}):\n${output}`))));
  });
  return build;
}

/** A customer's website: pages by path, served on 127.0.0.1 (or `localhost`) at a free port. */
export interface CustomerSite {
  /** e.g. `http://127.0.0.1:41235` */
  origin: string;
  /** The same server under another origin (`http://localhost:<port>`), for a site that is not allowed. */
  otherOrigin: string;
  stop(): Promise<void>;
}

/** A page that embeds the widget the way the admin's snippet says. */
export function pageWithSnippet(snippet: string, opts: { title?: string; lang?: string } = {}): string {
  return `<!doctype html>
<html lang="${opts.lang ?? 'en'}">
<head><meta charset="utf-8"><title>${opts.title ?? 'Example shop'}</title>
<style>/* A hostile page style: the widget must look the same anyway. */ * { font-size: 40px !important; color: red !important; } button { display: none; }</style>
</head>
<body><h1>${opts.title ?? 'Example shop'}</h1><p>Products and prices.</p>
${snippet}
</body></html>`;
}

/** Starts the site; `pages` maps a path such as `/` to its HTML. */
export async function startCustomerSite(pages: Record<string, string>): Promise<CustomerSite> {
  const server = http.createServer((req, res) => {
    const html = pages[new URL(req.url ?? '/', 'http://x').pathname];
    if (html === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    otherOrigin: `http://localhost:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The chat frame inside the launcher's shadow root (playwright's CSS engine pierces open shadow roots). */
export const chatFrame = (page: Page): FrameLocator => page.frameLocator('[data-servus-chat] iframe');

/** What every widget test starts from: a server whose admin is signed in (in English), and a customer's site. */
export async function startWidgetWorld(admin: { email: string; password: string; name: string }, pages: Record<string, string>): Promise<{ server: ServusServer; api: ApiSession; site: CustomerSite }> {
  await ensureWidgetBuilt();
  const server = await startServer({ env: { SERVUS_ADMIN_EMAIL: admin.email, SERVUS_ADMIN_PASSWORD: admin.password, SERVUS_ADMIN_NAME: admin.name } });
  const api = await apiSignIn(server.url, admin);
  await api.call('PATCH', '/api/v1/auth/me', { locale: 'en' });
  const site = await startCustomerSite(pages);
  return { server, api, site };
}

/** Waits until the ticket thread shows `text`; mail-like messages render in their own sandboxed frames. */
export async function threadShows(page: Page, text: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const f of page.frames()) {
      const body = await f.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (f !== page.mainFrame() && body.includes(text)) return;
    }
    if (await page.getByRole('region', { name: 'Conversation and reply' }).getByText(text).count()) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`the ticket thread does not show "${text}"`);
}
