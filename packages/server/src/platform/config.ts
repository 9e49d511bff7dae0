import { z } from 'zod';
import path from 'node:path';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const ROLES = ['http', 'ws', 'smtp', 'worker', 'cron'] as const;
export type Role = (typeof ROLES)[number];

/** Secrets that must never be used to sign sessions in production. */
const DEFAULT_SECRETS = new Set(['', 'changeme', 'change-me', 'secret', 'servus', 'default', 'development']);

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  SERVUS_ROLES: z
    .string()
    .default(ROLES.join(','))
    .transform((s, ctx) => {
      const parts = s.split(',').map((p) => p.trim()).filter(Boolean);
      for (const p of parts) {
        if (!(ROLES as readonly string[]).includes(p)) {
          ctx.addIssue({ code: 'custom', message: `unknown role "${p}", expected ${ROLES.join('|')}` });
        }
      }
      return parts as Role[];
    }),
  SERVUS_ADMIN_EMAIL: z.string().email().optional(),
  SERVUS_ADMIN_PASSWORD: z.string().min(10).optional(),
  SERVUS_ADMIN_NAME: z.string().min(1).default('Admin'),
  SESSION_SECRET: z.string().optional(),
  PUBLIC_URL: z.string().url().optional(),
  TRUST_PROXY: bool.default(false),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  ATTACHMENT_LIMIT_BYTES: z.coerce.number().int().positive().default(25 * 1024 * 1024),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  SESSION_TTL_HOURS: z.coerce.number().int().positive().default(24 * 14),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  /** Outbound SMTP for system mail (invitations), e.g. smtp://user:pass@mail.example.com:587. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default('Servus <servus@localhost>'),
  /** Worker threads that parse inbound mail, each in isolation with its own memory limit. */
  MAIL_PARSE_WORKERS: z.coerce.number().int().min(1).max(16).default(2),
  /** Inbound mails processed at once in one process (each waits mostly on the database). */
  MAIL_PROCESS_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  /** Mails one email channel sends per hour at most; more wait in the queue (a misfiring rule cannot flood). */
  MAIL_OUTBOUND_PER_HOUR: z.coerce.number().int().min(1).default(1000),
  /** How long one DNS lookup for SPF/DKIM/DMARC may take before it counts as a temporary error. */
  MAIL_DNS_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(3000),
  /** Redis for realtime fan-out between processes, e.g. redis://127.0.0.1:6379; without it PostgreSQL LISTEN/NOTIFY carries it. */
  REDIS_URL: z.string().url().optional(),
  /** How long a chat visitor's connection may be gone before the visitor counts as having left. */
  CHAT_LEAVE_GRACE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Messages one chat visitor may send per 10 seconds. */
  CHAT_VISITOR_MESSAGES_PER_10S: z.coerce.number().int().min(1).default(20),
  /** New chat sessions (and offline messages) one IP address may start per minute. */
  CHAT_SESSIONS_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Help center article searches (and contact-form suggestions) one IP address may make per minute. */
  HELP_SEARCH_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /** Where the built chat widget is served from; by default packages/widget/dist of this checkout. */
  WIDGET_DIR: z.string().optional(),
});

export type Config = Omit<z.infer<typeof EnvSchema>, 'DATA_DIR'> & { DATA_DIR: string };

/**
 * Parses the process environment into a typed config. Throws with every invalid variable named,
 * and refuses a missing or default session secret in production.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const cfg = parsed.data;
  if (cfg.NODE_ENV === 'production') {
    const s = cfg.SESSION_SECRET ?? '';
    if (DEFAULT_SECRETS.has(s.trim().toLowerCase()) || s.length < 32) {
      throw new Error(
        'Invalid configuration:\n  SESSION_SECRET: production needs a random secret of at least 32 characters',
      );
    }
  }
  return { ...cfg, DATA_DIR: path.resolve(cfg.DATA_DIR) };
}
