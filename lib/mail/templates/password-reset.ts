import {
  button,
  escapeHtml,
  htmlDocument,
  type MailStore,
  mailTime,
  paragraph,
  type RenderedMail,
  textDocument,
} from "./layout";

export interface PasswordResetMail {
  store: MailStore;
  name: string;
  /** The single-use link, token included: it exists only in this mail (the database keeps a hash). */
  resetUrl: string;
  expiresAt: Date;
}

/** Sent when someone asks to reset an account's password (the reset flow calls it in the token's transaction). */
export function renderPasswordResetMail(mail: PasswordResetMail): RenderedMail {
  const { store } = mail;
  const subject = `Reset your ${store.name} password`;
  const intro = `Hi ${mail.name}, someone (we hope you) asked to reset the password of your ${store.name} account.`;
  const expiry = `The link works once, until ${mailTime(mail.expiresAt, store)}.`;
  const ignore = "If you didn't ask, ignore this mail: your password stays as it is.";
  const footer = `You're receiving this because a password reset was requested for your ${store.name} account.`;
  const text = textDocument([intro, `Choose a new password: ${mail.resetUrl}`, expiry, ignore], footer);
  const html = htmlDocument({
    store,
    title: subject,
    preheader: intro,
    body: [
      paragraph(escapeHtml(intro)),
      button("Choose a new password", mail.resetUrl),
      paragraph(escapeHtml(expiry)),
      paragraph(escapeHtml(ignore)),
    ].join("\n"),
    footer: escapeHtml(footer),
  });
  return { subject, text, html };
}
