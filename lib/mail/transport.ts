import "server-only";
import nodemailer from "nodemailer";

/** What the worker needs of a transport: nodemailer's SMTP transport, or a stand-in in a test. */
export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
    messageId: string;
    headers: Record<string, string>;
  }): Promise<{ messageId?: string }>;
  close(): void;
}

/**
 * An SMTP transport for `SMTP_URL` (`smtp://user:pass@host:587`, `smtps://…:465`), pooled so a burst of receipts
 * after a flash sale reuses a few connections. Timeouts are well inside the worker's claim lease, so a send that
 * hangs fails (and is retried) before another worker could claim the same mail.
 */
export function createSmtpTransport(url: string, { maxConnections = 3 } = {}): MailTransport {
  return nodemailer.createTransport({
    url,
    pool: true,
    maxConnections,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
}
