/**
 * Debian's Chromium driven by playwright-core: a fresh profile per test, a record of console
 * errors, uncaught page errors and dialogs, and a screenshot in `e2e/artifacts/` when a test fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestContext } from 'node:test';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { onInterrupt } from './cleanup.ts';

/** The browser binary; Debian's `chromium` package unless CHROMIUM_PATH says otherwise. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium headless, quiet and off the network except for the server under test. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where failing tests leave their screenshots. */
export const ARTIFACTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts');

/**
 * A console message of type error (script errors, CSP violations, failed loads) or an exception
 * nobody caught in the page.
 */
export interface PageProblem {
  kind: 'console' | 'pageerror';
  text: string;
  /** The URL the message is attributed to (for failed loads: the resource). */
  url: string;
}

/** The path of a URL, or '' for an empty or unparsable one (console messages may have no URL). */
export function urlPath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/** Everything a page did that a test may want to forbid. */
export class PageWatch {
  readonly problems: PageProblem[] = [];
  /** Messages of `alert`, `confirm` and `prompt` dialogs; each was dismissed. */
  readonly dialogs: string[] = [];

  /** Starts recording on a page. */
  attach(page: Page): void {
    page.on('console', (msg: ConsoleMessage) => {
      if (msg.type() !== 'error') return;
      const url = msg.location().url;
      // Chromium fetches /favicon.ico by itself; a missing icon is not the page's doing.
      if (urlPath(url) === '/favicon.ico') return;
      this.problems.push({ kind: 'console', text: msg.text(), url });
    });
    page.on('pageerror', (err) => this.problems.push({ kind: 'pageerror', text: String(err.stack ?? err.message), url: page.url() }));
    page.on('dialog', (dialog) => {
      this.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => {});
    });
  }

  /** The recorded problems minus those the test expects (for example a deliberate 400 answer). */
  unexpected(expected: (p: PageProblem) => boolean = () => false): PageProblem[] {
    return this.problems.filter((p) => !expected(p));
  }
}

export interface BrowserOptions {
  /** Browser locale, which sets `navigator.language` and Accept-Language. */
  locale?: string;
  /** Base URL that relative `page.goto()` paths resolve against. */
  baseURL?: string;
}

/** One Chromium with its own throwaway profile. */
export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  watch: PageWatch;
  /** Closes Chromium and removes the profile directory. */
  close(): Promise<void>;
}

/** Launches Chromium with a fresh `--user-data-dir` and returns its first page, already watched. */
export async function openBrowser(opts: BrowserOptions = {}): Promise<BrowserSession> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: apt-get install -y --no-install-recommends chromium`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'servus-e2e-chromium-'));
  // Playwright ends Chromium itself when the process exits; the profile is ours to remove.
  const unregister = onInterrupt(() => fs.rmSync(profile, { recursive: true, force: true, maxRetries: 3 }));
  let context: BrowserContext;
  try {
    // A persistent context is how playwright accepts a profile directory of our choosing.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
      locale: opts.locale,
      baseURL: opts.baseURL,
      timeout: 30_000,
    });
  } catch (err) {
    unregister();
    fs.rmSync(profile, { recursive: true, force: true });
    throw err;
  }
  context.setDefaultTimeout(15_000);
  const watch = new PageWatch();
  for (const p of context.pages()) watch.attach(p);
  context.on('page', (p) => watch.attach(p));
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    watch,
    async close() {
      await context.close().catch(() => {});
      unregister();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A file name made from a test name. */
function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 100) || 'test';
}

/**
 * Wraps a test body: opens a browser, runs the body, and if it throws saves a full-page
 * screenshot of the current page to `e2e/artifacts/<test-name>.png` before failing the test.
 * The browser is closed either way.
 *
 * @example test('shows the form', withBrowser({ baseURL: server.url }, async ({ page }) => { ... }));
 */
export function withBrowser(
  opts: BrowserOptions | (() => BrowserOptions),
  body: (session: BrowserSession, t: TestContext) => Promise<void>,
): (t: TestContext) => Promise<void> {
  return async (t) => {
    const session = await openBrowser(typeof opts === 'function' ? opts() : opts);
    try {
      await body(session, t);
    } catch (err) {
      const file = path.join(ARTIFACTS_DIR, `${slug(t.name)}.png`);
      try {
        fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
        await session.page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
        t.diagnostic(`screenshot: ${path.relative(process.cwd(), file)}`);
      } catch (shotErr) {
        t.diagnostic(`no screenshot: ${(shotErr as Error).message}`);
      }
      throw err;
    } finally {
      await session.close();
    }
  };
}

/** Signs in through the login page (English or German) and waits for the workspace. */
export async function signInAs(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto('/login');
  await page.getByRole('textbox', { name: /^(Email|E-Mail)/ }).fill(who.email);
  await page.getByLabel(/^(Password|Passwort)/).first().fill(who.password);
  await page.getByRole('button', { name: /^(Sign in|Anmelden)$/ }).click();
  await page.getByRole('navigation').first().waitFor();
}
