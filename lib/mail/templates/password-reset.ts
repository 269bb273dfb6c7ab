import { action, composeAccountMail, mailTime, type PersonalMail, para, type RenderedMail } from "./layout";

export interface PasswordResetMail extends PersonalMail {
  /** The single-use link, token included: it exists only in this mail (the database keeps a hash). */
  resetUrl: string;
  expiresAt: Date;
}

/** Sent when someone asks to reset an account's password (the reset flow calls it in the token's transaction). */
export function renderPasswordResetMail(mail: PasswordResetMail): RenderedMail {
  return composeAccountMail(mail, (store) => ({
    subject: `Reset your ${store.name} password`,
    blocks: [
      para(
        `Hi ${mail.name}, someone (we hope you) asked to reset the password of your ${store.name} account.`,
      ),
      action("Choose a new password", mail.resetUrl),
      para(`The link works once, until ${mailTime(mail.expiresAt, store)}.`),
      para("If you didn't ask, ignore this mail: your password stays as it is."),
    ],
    why: `because a password reset was requested for your ${store.name} account.`,
  }));
}
