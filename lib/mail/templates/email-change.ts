import { action, composeAccountMail, mailTime, type PersonalMail, para, type RenderedMail } from "./layout";

export interface EmailChangeConfirmMail extends PersonalMail {
  newEmail: string;
  /** The single-use link, token included: it exists only in this mail (the database keeps a hash). */
  confirmUrl: string;
  expiresAt: Date;
}

/** Sent to the NEW address when a signed-in person asks to move their account to it. */
export function renderEmailChangeConfirmMail(mail: EmailChangeConfirmMail): RenderedMail {
  return composeAccountMail(mail, (store) => ({
    subject: `Confirm your new ${store.name} email`,
    blocks: [
      para(`Hi ${mail.name}, you asked to use ${mail.newEmail} for your ${store.name} account.`),
      action("Confirm this email", mail.confirmUrl),
      para(
        `The link works once, until ${mailTime(mail.expiresAt, store)}. Until then your account keeps its old email.`,
      ),
      para("If you didn't ask, ignore this mail: nothing changes."),
    ],
    why: `because this address was entered as the new email of a ${store.name} account.`,
  }));
}

export interface EmailChangedNoticeMail extends PersonalMail {
  oldEmail: string;
  newEmail: string;
  changedAt: Date;
}

/** Sent to the OLD address once the change is confirmed, so a change nobody asked for does not pass unseen. */
export function renderEmailChangedNoticeMail(mail: EmailChangedNoticeMail): RenderedMail {
  return composeAccountMail(mail, (store) => ({
    subject: `Your ${store.name} email was changed`,
    blocks: [
      para(
        `Hi ${mail.name}, the email of your ${store.name} account changed from ${mail.oldEmail} to ${mail.newEmail} on ${mailTime(mail.changedAt, store)}.`,
      ),
      para(
        `From now on, sign in with ${mail.newEmail}. If you didn't make this change, reply to this mail at once so we can secure your account.`,
      ),
    ],
    why: `because this address was the email of a ${store.name} account until now.`,
  }));
}
