import { composeLetter, mailTime, type PersonalMail, para, type RenderedMail, storeAction } from "./layout";

export interface WelcomeMail extends PersonalMail {
  email: string;
  createdAt: Date;
}

/** Sent once per new account, in the sign-up's transaction. */
export function renderWelcomeMail(mail: WelcomeMail): RenderedMail {
  const { name, email, createdAt } = mail;
  return composeLetter(mail, (store) => {
    const created = `Your ${store.name} account (${email}) was created on ${mailTime(createdAt, store)}.`;
    return {
      subject: `Welcome to ${store.name}, ${name}`,
      preheader: created,
      blocks: [
        para(created),
        para(
          "With it you can register for flash sales before they start, keep a cart across devices and follow your orders.",
        ),
        storeAction(store, "Start shopping", "/"),
      ],
      why: `because an account was created at ${store.name} with this address. If that wasn't you, no purchase can be made without its password; you can ignore this mail.`,
    };
  });
}
