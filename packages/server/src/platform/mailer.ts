import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from './config.ts';

export interface SystemMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends system mail (invitations and the like) through SMTP_URL; channels bring their own transports. */
export interface Mailer {
  readonly configured: boolean;
  send(mail: SystemMail): Promise<void>;
}

export function createMailer(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>): Mailer {
  if (!config.SMTP_URL) {
    return {
      configured: false,
      async send() {
        throw new Error('no SMTP_URL configured for system mail');
      },
    };
  }
  const transport: Transporter = nodemailer.createTransport(config.SMTP_URL);
  return {
    configured: true,
    async send(mail) {
      await transport.sendMail({
        from: config.MAIL_FROM,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    },
  };
}
