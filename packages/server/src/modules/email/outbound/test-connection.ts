import nodemailer from 'nodemailer';
import type { ConnectionCheck } from '@servus/shared';
import type { SmtpConfig } from '../../channels/schema.ts';
import { SMTP_CONNECT_TIMEOUT_MS, smtpOptions } from './transport.ts';

interface SmtpError extends Error {
  code?: string;
  originalCode?: string;
  response?: string;
}

/**
 * Connects to an SMTP server, logs in when a user is set and reports how it went in words an
 * admin can act on ("Login refused: 535 …", "Cannot connect to host:port: …"). Nothing is sent.
 */
export async function testSmtp(cfg: SmtpConfig): Promise<ConnectionCheck> {
  const where = `${cfg.host}:${cfg.port}`;
  const transport = nodemailer.createTransport(smtpOptions(cfg, { connect: SMTP_CONNECT_TIMEOUT_MS, socket: SMTP_CONNECT_TIMEOUT_MS }));
  try {
    await transport.verify();
    return { ok: true, message: cfg.user ? `Connected to ${where} and logged in as ${cfg.user}` : `Connected to ${where}` };
  } catch (e) {
    return { ok: false, message: describe(e as SmtpError, where) };
  } finally {
    transport.close();
  }
}

function describe(err: SmtpError, where: string): string {
  const detail = (err.response ?? err.message ?? String(err)).replace(/\s+/g, ' ').trim();
  const cause = err.originalCode ?? err.code;
  if (err.code === 'EAUTH' || err.code === 'ENOAUTH') return `Login refused: ${detail}`;
  if (err.code === 'ETLS' || /tls|ssl|certificate/i.test(err.message ?? '')) return `TLS failed with ${where}: ${detail}`;
  if (cause === 'ETIMEDOUT' || err.code === 'ETIMEDOUT') return `Cannot connect to ${where}: no answer within ${SMTP_CONNECT_TIMEOUT_MS / 1000} s`;
  if (cause === 'ENOTFOUND' || cause === 'EAI_AGAIN' || err.code === 'EDNS') return `Cannot connect to ${where}: host not found`;
  if (['ECONNECTION', 'ESOCKET', 'ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH'].includes(cause ?? '')) {
    return `Cannot connect to ${where}: ${detail}`;
  }
  return `SMTP check failed for ${where}: ${detail}`;
}
