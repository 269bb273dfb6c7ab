import {
  button,
  escapeHtml,
  htmlDocument,
  type MailStore,
  mailTime,
  paragraph,
  type RenderedMail,
  storeLink,
  textDocument,
} from "./layout";

export interface WelcomeMail {
  store: MailStore;
  name: string;
  email: string;
  createdAt: Date;
}

/** Sent once per new account, in the sign-up's transaction. */
export function renderWelcomeMail({ store, name, email, createdAt }: WelcomeMail): RenderedMail {
  const subject = `Welcome to ${store.name}, ${name}`;
  const when = mailTime(createdAt, store);
  const shop = storeLink(store, "/");
  const intro = `Your ${store.name} account (${email}) was created on ${when}.`;
  const what =
    "With it you can register for flash sales before they start, keep a cart across devices and follow your orders.";
  const footer = `You're receiving this because an account was created at ${store.name} with this address. If that wasn't you, no purchase can be made without its password; you can ignore this mail.`;
  const text = textDocument(
    [`Hi ${name},`, intro, what, shop ? `Start shopping: ${shop}` : null, `The ${store.name} team`],
    footer,
  );
  const html = htmlDocument({
    store,
    title: subject,
    preheader: intro,
    body: [
      paragraph(`Hi ${escapeHtml(name)},`),
      paragraph(escapeHtml(intro)),
      paragraph(escapeHtml(what)),
      shop ? button("Start shopping", shop) : "",
      paragraph(`The ${escapeHtml(store.name)} team`),
    ].join("\n"),
    footer: escapeHtml(footer),
  });
  return { subject, text, html };
}
