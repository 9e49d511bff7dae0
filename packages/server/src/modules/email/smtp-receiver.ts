import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';
import type { Ctx } from '../../platform/context.ts';
import { findChannelByAddress, type ChannelRow } from '../channels/repository.ts';
import { storeInbound } from './intake.ts';
import { inboundMails } from './schema.ts';
import { baseAddress } from './signing.ts';

interface Session extends SMTPServerSession {
  channels?: Map<string, ChannelRow>;
}

/**
 * The built-in SMTP receiver for MX or forwarding: accepts mail for the addresses of active
 * email channels (with or without a `+token`), stores it durably and only then answers 250.
 * When storing fails the sender gets a temporary 451 and tries again, so nothing is lost.
 */
export class SmtpReceiver {
  private readonly server: SMTPServer;

  constructor(
    private readonly ctx: Ctx,
    private readonly onStored: (inboundId: string) => void,
    opts: { maxBytes: number },
  ) {
    this.server = new SMTPServer({
      name: 'servus',
      banner: 'Servus mail receiver',
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      size: opts.maxBytes,
      logger: false,
      maxClients: 100,
      socketTimeout: 60_000,
      onRcptTo: (address, session, callback) => {
        this.acceptRecipient(address, session as Session).then(
          () => callback(),
          (err: Error) => callback(err),
        );
      },
      onData: (stream, session, callback) => {
        this.receive(stream, session as Session).then(
          () => callback(),
          (err: Error) => {
            stream.resume();
            callback(err);
          },
        );
      },
    });
    this.server.on('error', (err) => ctx.log.warn({ err }, 'smtp receiver connection error'));
  }

  async listen(port: number, host: string): Promise<number> {
    this.server.listen(port, host);
    await once(this.server.server, 'listening');
    return (this.server.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async acceptRecipient(address: SMTPServerAddress, session: Session): Promise<void> {
    const channel = await findChannelByAddress(this.ctx.db, baseAddress(address.address));
    if (!channel || !channel.active) {
      throw Object.assign(new Error(`5.1.1 <${address.address}>: no such mailbox here`), { responseCode: 550 });
    }
    session.channels ??= new Map();
    session.channels.set(channel.id, channel);
  }

  private async receive(stream: NodeJS.ReadableStream, session: Session): Promise<void> {
    const channels = [...(session.channels ?? new Map<string, ChannelRow>()).values()];
    const envelope = {
      from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
      to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
      remoteIp: session.remoteAddress ?? null,
    };
    try {
      // One copy per channel the mail was addressed to; the first read streams it to storage.
      const first = await storeInbound(this.ctx, { channel: channels[0]!, source: 'smtp', raw: stream as Readable, envelope });
      const stored = [first];
      for (const channel of channels.slice(1)) {
        const again = await this.copyFor(first.id, channel, envelope);
        if (again) stored.push(again);
      }
      for (const s of stored) if (!s.duplicate && s.status === 'pending') this.onStored(s.id);
    } catch (err) {
      this.ctx.log.error({ err }, 'could not store inbound mail; answering 451 so the sender retries');
      throw Object.assign(new Error('4.3.0 temporary failure storing the message, try again later'), { responseCode: 451 });
    }
  }

  private async copyFor(firstId: string, channel: ChannelRow, envelope: { from: string; to: string[]; remoteIp: string | null }) {
    const [row] = await this.ctx.db.select({ sha: inboundMails.blobSha256 }).from(inboundMails).where(eq(inboundMails.id, firstId));
    if (!row?.sha) return null;
    return storeInbound(this.ctx, { channel, source: 'smtp', raw: this.ctx.storage.open(row.sha), envelope });
  }
}
