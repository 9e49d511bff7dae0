import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { LoginThrottle } from '../throttle.ts';
import { findAgentByEmail, type AgentRow } from '../repository.ts';
import { verifyPassword } from '../passwords.ts';
import { recordAudit } from '../../system/audit.ts';

const IP_FACTOR = 4;

/**
 * Checks email and password. Unknown accounts, wrong passwords and deactivated accounts give
 * the same answer in the same time; failures are throttled per account and per IP.
 */
export async function login(ctx: Ctx, input: { email: string; password: string; ip: string }): Promise<AgentRow> {
  const throttle = new LoginThrottle(ctx.db, () => ctx.clock.now());
  const email = input.email.trim().toLowerCase();
  const acctKey = `acct:${email}`;
  const ipKey = `ip:${input.ip}`;
  await throttle.assertOpen([acctKey, ipKey]);
  const agent = await findAgentByEmail(ctx.db, email);
  const ok = await verifyPassword(agent?.passwordHash, input.password);
  if (!agent || !ok || !agent.active) {
    const max = ctx.config.LOGIN_MAX_FAILURES;
    await throttle.recordFailure(acctKey, max);
    await throttle.recordFailure(ipKey, max * IP_FACTOR);
    await recordAudit(ctx.db, ctx, 'auth.login_failed', 'agent', agent?.id ?? null, { ip: input.ip });
    throw new AppError('unauthorized', 'email or password is wrong');
  }
  await throttle.reset(acctKey);
  await recordAudit(ctx.db, { ...ctx, actor: { kind: 'agent', id: agent.id, role: agent.role, teamIds: [], via: 'session' } }, 'auth.login', 'agent', agent.id, { ip: input.ip });
  return agent;
}
