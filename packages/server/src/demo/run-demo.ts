/**
 * `npm run demo`: loads the demo data into the database the environment points at (PGlite
 * under DATA_DIR, or DATABASE_URL) and prints how to sign in. Run it while the server is
 * stopped when using PGlite. Options: --force, --tickets N, --contacts N, --organizations N,
 * --days N, --seed N. DEMO_PASSWORD sets the agents' password.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Password } from '@servus/shared';
import { loadConfig, type Config } from '../platform/config.ts';
import { createServus, type Servus } from '../app.ts';
import { DEFAULT_DEMO_PASSWORD, DEMO_DEFAULTS, generateDemo, type DemoResult } from './generate-demo.ts';
import { DemoAlreadyLoadedError } from './marker.ts';
import { DemoAbortedError } from './apply-plan.ts';
import { DataDirLockedError } from '../platform/data-dir-lock.ts';

const PROGRESS_EVERY = 250;

const USAGE = `Usage: npm run demo [-- --force] [--tickets N] [--contacts N] [--organizations N] [--days N] [--seed N]

Loads demo data (defaults: ${DEMO_DEFAULTS.tickets} tickets, ${DEMO_DEFAULTS.contacts} contacts, ${DEMO_DEFAULTS.organizations} organizations, ${DEMO_DEFAULTS.days} days).
  --force   load again although demo data was loaded before
Environment: DATA_DIR or DATABASE_URL as for the server; DEMO_PASSWORD (default ${DEFAULT_DEMO_PASSWORD}).`;

async function main(): Promise<number> {
  const args = parseCli();
  if (args === 'help') return 0;
  if (!args) return 2;
  let config: Config;
  try {
    // This process only writes data: no job worker, no schedules, no listener.
    config = loadConfig({ ...process.env, SERVUS_ROLES: 'http' });
  } catch (err) {
    console.error((err as Error).message);
    return 1;
  }
  const password = Password.safeParse(process.env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD);
  if (!password.success) {
    console.error('DEMO_PASSWORD must be at least 10 characters.');
    return 1;
  }
  const servus = await open(config);
  if (!servus) return 1;

  const controller = new AbortController();
  const stop = () => {
    console.log('\nStopping after the current step…');
    controller.abort();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const started = Date.now();
  console.log(`Database: ${where(config)}`);
  try {
    const result = await generateDemo(servus.services, {
      ...args,
      password: password.data,
      signal: controller.signal,
      onTicket: (n, total) => {
        if (n % PROGRESS_EVERY === 0 || n === total) console.log(`  ${count(n)}/${count(total)} tickets  (${seconds(Date.now() - started)})`);
      },
    });
    printResult(result, config);
    return 0;
  } catch (err) {
    if (err instanceof DemoAlreadyLoadedError) {
      const m = err.marker;
      const why = m.state === 'done' ? `demo data was already loaded on ${m.finishedAt} (${count(m.tickets)} tickets)` : `an earlier demo load started on ${m.startedAt} and did not finish`;
      console.error(`Nothing loaded: ${why}.\nRun \`npm run demo -- --force\` to load another set next to it.`);
      return 1;
    }
    if (err instanceof DemoAbortedError) {
      const n = err.ticketsCreated;
      console.error(`Stopped after ${count(n)} ticket${n === 1 ? '' : 's'}; the data loaded so far stays. A new run needs --force.`);
      return 130;
    }
    throw err;
  } finally {
    await servus.close();
  }
}

/** The options given, 'help' when usage was asked for, null (after printing why) when they are wrong. */
function parseCli(): (Partial<Record<'tickets' | 'contacts' | 'organizations' | 'days' | 'seed', number>> & { force: boolean }) | 'help' | null {
  const sizes = ['tickets', 'contacts', 'organizations', 'days', 'seed'] as const;
  try {
    const { values } = parseArgs({
      options: {
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
        tickets: { type: 'string' },
        contacts: { type: 'string' },
        organizations: { type: 'string' },
        days: { type: 'string' },
        seed: { type: 'string' },
      },
    });
    if (values.help) {
      console.log(USAGE);
      return 'help';
    }
    const out: Partial<Record<(typeof sizes)[number], number>> = {};
    for (const key of sizes) {
      const raw = values[key];
      if (typeof raw !== 'string') continue;
      if (!/^\d+$/.test(raw)) throw new Error(`--${key} needs a whole number`);
      out[key] = Number(raw);
    }
    return { ...out, force: Boolean(values.force) };
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return null;
  }
}

/** Opens the app without its HTTP listener; on PGlite the data directory must not be in use. */
async function open(config: Config): Promise<Servus | null> {
  const dir = path.join(config.DATA_DIR, 'pglite');
  try {
    return await createServus({ config, logger: { level: 'warn' } });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(`${err.message}\nStop the server, run \`npm run demo\` again, then start the server.`);
      return null;
    }
    if (config.DATABASE_URL) throw err;
    console.error(
      `Could not open the PGlite database in ${dir}: ${(err as Error).message}\n` +
        'If a Servus server is using this data directory, stop it first; PGlite serves one process at a time.',
    );
    return null;
  }
}

function printResult(r: DemoResult, config: Config): void {
  const c = r.created;
  const statuses = Object.entries(r.statuses).map(([s, n]) => `${s} ${count(n)}`).join(' · ');
  console.log(`
Demo data loaded in ${seconds(r.ms)}.
  created: ${c.teams} teams, ${c.agents} agents, ${count(c.organizations)} organizations, ${count(c.contacts)} contacts
           ${count(c.tickets)} tickets (${c.merges} merged as duplicates), ${count(c.messages)} messages
  status:  ${statuses}
  surveys: ${count(r.surveys.csatOffered)} CSAT sent (${count(r.surveys.csatAnswered)} answered), ${count(r.surveys.npsOffered)} NPS sent (${count(r.surveys.npsAnswered)} answered)
  help:    ${r.knowledge.total} knowledge-base articles (${r.knowledge.articles} new this run), public at /help

Sign in at ${config.PUBLIC_URL ?? `http://localhost:${config.PORT}`} (start the server first: npm start)
  admin:    ${r.admin.email}
  password: ${r.admin.isNew ? r.password : 'unchanged (the demo agents existed before this run)'}
  The other demo agents sign in the same way:
${r.agents.map((a) => `    ${a.email.padEnd(38)} ${a.role}`).join('\n')}`);
}

function where(config: Config): string {
  if (!config.DATABASE_URL) return `PGlite (${path.join(config.DATA_DIR, 'pglite')})`;
  const url = new URL(config.DATABASE_URL);
  return `PostgreSQL (${url.host}${url.pathname})`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return s < 90 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
