import { CONTACT_LIMITS } from "@/lib/contact/rules";
import { type HelpTopicSlug, helpTopicPath, KITE_CLUB_SUPPORT_ANCHOR } from "@/lib/help/topics";
import { FAULT_EXCHANGE_DAYS, NO_REASON_RETURN_DAYS, WARRANTY_MONTHS } from "@/lib/limits";

/**
 * The words of the service pages, as data: the pages and their components only lay it out. Every number a shopper
 * may act on (return window, warranty, hold time, support hours) comes from one constant or from the store's
 * settings, so a page cannot promise something the store does not do.
 */

/** A run of text, or a link inside it. */
export type Inline = string | { text: string; href: string };
export type Rich = string | readonly Inline[];

export interface Channel {
  name: string;
  /** What to dial or write to, shown as the link text. */
  value: string;
  href: string;
  note: string;
}

export type Block =
  | { kind: "text"; text: Rich }
  | { kind: "list"; items: readonly Rich[]; ordered?: boolean }
  | {
      kind: "table";
      caption: string;
      head: readonly [string, string];
      rows: readonly (readonly [string, Rich])[];
    }
  | { kind: "channels"; channels: readonly Channel[] }
  /** Where the page puts something interactive of its own (the contact form): the content only says where. */
  | { kind: "slot"; name: SlotName };

/** The interactive pieces a service page can place among its words. */
export type SlotName = "contact-form";

export interface Section {
  /** The heading's anchor: `/help/returns#refunds`. */
  id: string;
  title: string;
  blocks: readonly Block[];
}

export interface KeyFact {
  value: string;
  label: string;
}

export interface ServicePage {
  /** The page's one h1. */
  title: string;
  /** The document title and search-result text. */
  metaTitle: string;
  description: string;
  lead: string;
  /** The day a policy took effect, for the pages that are policies. */
  effective?: string;
  facts?: readonly KeyFact[];
  sections: readonly Section[];
}

export interface FaqGroup {
  id: string;
  title: string;
  items: readonly { question: string; answer: Rich }[];
}

/** What the words depend on that the store's settings decide. */
export interface StoreFacts {
  holdMinutes: number;
  /** The store's time zone as every time label names it: "Asia/Shanghai, GMT+8". */
  zone: string;
}

const EFFECTIVE = "1 December 2026";
const SUPPORT_EMAIL = "support@kite.example";
const PRIVACY_EMAIL = "privacy@kite.example";
const PHONE = "400-000-5483";
const FICTIONAL =
  "Kite is a fictional brand and this is a demonstration store: no goods are sold or shipped, no payment is taken, and the phone number and addresses here reach no one.";

/** The help centre's own heading and description (its body is the FAQ below and the topic list). */
export const HELP_CENTRE_PAGE = {
  title: "Help centre",
  metaTitle: "Help centre · Kite",
  description: "Answers about Kite flash sales, registration, payment, delivery, returns and warranty.",
  lead: "Quick answers about flash sales, payment, delivery, returns and repairs, from the team that ships your Kite.",
} as const;

/** "1 year" for 12 months, "2 years" for 24, else "18 months". */
export const WARRANTY_LENGTH =
  WARRANTY_MONTHS % 12 === 0
    ? `${WARRANTY_MONTHS / 12} year${WARRANTY_MONTHS === 12 ? "" : "s"}`
    : `${WARRANTY_MONTHS} months`;

const link = (text: string, slug: HelpTopicSlug, anchor?: string): Inline => ({
  text,
  href: helpTopicPath(slug, anchor),
});

/** One line for the help centre's "still stuck" box. */
export function supportHours({ zone }: StoreFacts): string {
  return `Phone 9:00–21:00 every day, including public holidays; email answered within 24 hours (${zone}).`;
}

// Long because it is the text of seven pages; each entry is data, not logic.
export function servicePages(facts: StoreFacts): Record<HelpTopicSlug, ServicePage> {
  return {
    contact: {
      title: "Contact us",
      metaTitle: "Contact us · Kite",
      description:
        "Reach Kite support by phone, email or our contact form, every day. Kite Club support for fans.",
      lead: "Real people who use Kite gear every day. Tell us your order number and we can usually sort it out in one reply.",
      sections: [
        {
          id: "channels",
          title: "Talk to us",
          blocks: [
            {
              kind: "channels",
              channels: [
                {
                  name: "Phone",
                  value: PHONE,
                  href: `tel:${PHONE}`,
                  note: `9:00–21:00 every day (${facts.zone}). Free from mainland China landlines and mobiles.`,
                },
                {
                  name: "Email",
                  value: SUPPORT_EMAIL,
                  href: `mailto:${SUPPORT_EMAIL}`,
                  note: "Answered within 24 hours, usually much sooner. Add your order number and photos if something arrived damaged.",
                },
              ],
            },
          ],
        },
        {
          id: "write",
          title: "Send us a message",
          blocks: [
            {
              kind: "text",
              text: `Write to us here and the message lands straight in our team's inbox; we answer by email within 24 hours. An order number helps us find your order at once. Please keep it to ${CONTACT_LIMITS.message.max.toLocaleString("en")} characters, and send photos by email if we ask for them.`,
            },
            { kind: "slot", name: "contact-form" },
          ],
        },
        {
          id: "hours",
          title: "Support hours",
          blocks: [
            {
              kind: "table",
              caption: `Support hours, ${facts.zone}`,
              head: ["Channel", "When"],
              rows: [
                ["Phone", "9:00–21:00, Monday to Sunday, public holidays included"],
                ["Email", "Read 8:00–22:00 every day; answered within 24 hours"],
                ["Flash-sale days", "Phone from 8:00 and until one hour after the sale ends"],
              ],
            },
          ],
        },
        {
          id: KITE_CLUB_SUPPORT_ANCHOR,
          title: "Kite Club support",
          blocks: [
            {
              kind: "text",
              text: "Kite Club support is the same team, for the things fans ask about most: flash-sale registrations, held units, F-codes, the beta programme and your loyalty points.",
            },
            {
              kind: "list",
              items: [
                [
                  "Write to ",
                  { text: SUPPORT_EMAIL, href: `mailto:${SUPPORT_EMAIL}` },
                  " with “Kite Club” in the subject and the email address of your Kite account; we answer these first.",
                ],
                "On a flash-sale day, call from 8:00: we can check your registration and any unit held for you, but we cannot add units to a sale or hold one longer.",
                "Lost an F-code or got one that will not redeem? Send us the code's last four characters and where you got it. F-codes are one unit each and cannot be reissued once used.",
              ],
            },
          ],
        },
        {
          id: "before-you-write",
          title: "Before you write",
          blocks: [
            {
              kind: "list",
              items: [
                [
                  "Where is my parcel? Your order page shows its status and tracking number; see ",
                  link("Shipping", "shipping"),
                  ".",
                ],
                [
                  "Changed your mind? You can return it within ",
                  `${NO_REASON_RETURN_DAYS} days, no reason needed: `,
                  link("Returns & refunds", "returns"),
                  ".",
                ],
                [
                  "Something stopped working? ",
                  link("Warranty", "warranty"),
                  " says what is covered and how.",
                ],
              ],
            },
          ],
        },
      ],
    },

    shipping: {
      title: "Shipping",
      metaTitle: "Shipping and delivery · Kite",
      description:
        "Free delivery on every Kite order within mainland China: dispatch times, delivery times, tracking.",
      lead: "Every order ships free within mainland China, fully insured, with a tracking number from the moment it leaves us.",
      effective: EFFECTIVE,
      facts: [
        { value: "Free", label: "delivery on every order" },
        { value: "16:00", label: "paid by then, ships the same day" },
        { value: "1–4 days", label: "to most of mainland China" },
      ],
      sections: [
        {
          id: "where",
          title: "Where we deliver",
          blocks: [
            {
              kind: "text",
              text: "We deliver to every province, municipality and autonomous region of mainland China, to a home, office or parcel locker address. We do not yet ship to Hong Kong, Macao, Taiwan or outside China.",
            },
          ],
        },
        {
          id: "dispatch",
          title: "When your order leaves us",
          blocks: [
            {
              kind: "list",
              items: [
                `Orders paid by 16:00 (${facts.zone}) leave our warehouse the same day; later orders, the next morning. This includes weekends.`,
                "Flash-sale orders ship within 48 hours of the sale's end, in the order they were paid.",
                "Pre-orders ship on the date shown on the product page; we email you if that date moves.",
              ],
            },
          ],
        },
        {
          id: "times",
          title: "Delivery times",
          blocks: [
            {
              kind: "table",
              caption: "Delivery time after dispatch, in days",
              head: ["Where", "Usually arrives"],
              rows: [
                ["Shanghai, Jiangsu, Zhejiang, Anhui", "Next day"],
                ["Beijing, Guangdong and other provincial capitals", "1–2 days"],
                ["Most other cities and counties", "2–4 days"],
                ["Xinjiang, Tibet, Qinghai and remote areas", "5–7 days"],
              ],
            },
            {
              kind: "text",
              text: "Times can stretch around Spring Festival, the 11.11 shopping festival and severe weather; we say so on the homepage when they do.",
            },
          ],
        },
        {
          id: "tracking",
          title: "Tracking your parcel",
          blocks: [
            {
              kind: "text",
              text: "When your order ships we email you the courier and tracking number, and your order page in your account shows them too. The courier texts you on the day of delivery.",
            },
          ],
        },
        {
          id: "receiving",
          title: "Receiving your parcel",
          blocks: [
            {
              kind: "list",
              items: [
                "Check the outer box before you sign. If it is crushed, wet or opened, refuse it, or sign and write “damaged” on the courier's record, and tell us within 48 hours with photos: we send a new one at once.",
                "Phones, tablets and watches need a signature. Other items may be left in a parcel locker if you choose one.",
                "A parcel that cannot be delivered after three attempts comes back to us and we refund the order in full.",
              ],
            },
          ],
        },
        {
          id: "changes",
          title: "Changing the address or cancelling",
          blocks: [
            {
              kind: "text",
              text: [
                "Until your order is packed, contact us and we can change the address or cancel it. Once it has shipped, refuse the parcel or return it under our ",
                link("returns policy", "returns"),
                ".",
              ],
            },
          ],
        },
      ],
    },

    returns: {
      title: "Returns & refunds",
      metaTitle: "Returns and refunds · Kite",
      description: `${NO_REASON_RETURN_DAYS}-day no-reason returns and ${FAULT_EXCHANGE_DAYS}-day exchanges on Kite orders, and how refunds work.`,
      lead: `Changed your mind? Send it back within ${NO_REASON_RETURN_DAYS} days, no reason needed. Something wrong with it? We exchange it within ${FAULT_EXCHANGE_DAYS} days and pay the postage both ways.`,
      effective: EFFECTIVE,
      facts: [
        { value: `${NO_REASON_RETURN_DAYS} days`, label: "no-reason returns" },
        { value: `${FAULT_EXCHANGE_DAYS} days`, label: "exchange for a fault" },
        { value: "3 working days", label: "to refund once we receive it" },
      ],
      sections: [
        {
          id: "no-reason",
          title: `${NO_REASON_RETURN_DAYS}-day no-reason returns`,
          blocks: [
            {
              kind: "text",
              text: `You may return anything you bought from Kite within ${NO_REASON_RETURN_DAYS} days of signing for it, for any reason, as mainland China's consumer law provides. Flash-sale and F-code purchases included.`,
            },
            {
              kind: "list",
              items: [
                "Unboxing it and trying it is fine. Send it back complete: the device, every accessory, the box, any gift that came with the order, and the invoice.",
                "Sign out of your Kite account and turn off “Find my device” first, so we can check it. A locked device cannot be refunded until it is unlocked.",
                "Not covered: a device damaged after delivery (scratches, dents, liquid), and gift cards.",
                "You pay the postage for a no-reason return, unless the order arrived damaged or faulty.",
              ],
            },
          ],
        },
        {
          id: "faults",
          title: "A fault: return, exchange or repair",
          blocks: [
            {
              kind: "table",
              caption: "What you can choose when a device has a performance fault",
              head: ["After you sign for it", "You may choose"],
              rows: [
                [
                  `Within ${NO_REASON_RETURN_DAYS} days`,
                  "A full refund, an exchange for the same model, or a free repair",
                ],
                [`Within ${FAULT_EXCHANGE_DAYS} days`, "An exchange for the same model, or a free repair"],
                [
                  `Within ${WARRANTY_MONTHS} months`,
                  [
                    "A free repair under the ",
                    link("warranty", "warranty"),
                    "; a new unit if it cannot be fixed",
                  ],
                ],
              ],
            },
            {
              kind: "text",
              text: "A fault is something that stops the device doing what its specifications say, confirmed by our service centre. We pay the postage both ways for any fault.",
            },
          ],
        },
        {
          id: "how",
          title: "How to return or exchange",
          blocks: [
            {
              kind: "list",
              ordered: true,
              items: [
                [
                  "Open the order in your account and choose what to return, or ",
                  link("contact us", "contact"),
                  " with your order number.",
                ],
                "We reply with a return number and the address, within 24 hours. For a fault we book the courier pickup for you.",
                "Pack everything in the original box, write the return number on the slip and send it within 7 days of our reply.",
                "We check it within 2 working days of receiving it and email you the result.",
              ],
            },
          ],
        },
        {
          id: "refunds",
          title: "Refunds",
          blocks: [
            {
              kind: "list",
              items: [
                "We refund within 3 working days of your return passing its check, to the card or account you paid with; your bank may take up to 7 more working days to show it.",
                "You get back what you paid, delivery included. Loyalty points earned on the order are taken back; points you spent are returned.",
                "An order cancelled before it ships is refunded the same day.",
              ],
            },
          ],
        },
      ],
    },

    warranty: {
      title: "Warranty",
      metaTitle: "Warranty · Kite",
      description: `Every Kite device has a ${WARRANTY_MONTHS}-month warranty from the day you receive it: what it covers and how repairs work.`,
      lead: `Every Kite device comes with a ${WARRANTY_MONTHS}-month warranty from the day you sign for it. If it fails in normal use, we repair it free, or replace it.`,
      effective: EFFECTIVE,
      facts: [
        { value: WARRANTY_LENGTH, label: "warranty on every device" },
        { value: "7 working days", label: "to repair once we receive it" },
        { value: "Free", label: "courier both ways" },
      ],
      sections: [
        {
          id: "cover",
          title: "What is covered, and for how long",
          blocks: [
            {
              kind: "table",
              caption: "Warranty periods, from the day you sign for the order",
              head: ["Part", "Warranty"],
              rows: [
                [
                  "Phones, tablets, watches, bands, earbuds, routers, cameras, power banks",
                  `${WARRANTY_MONTHS} months`,
                ],
                ["Batteries built into them, and chargers in the box", `${WARRANTY_MONTHS} months`],
                ["Cables, ear tips, straps and cases", "3 months"],
                ["A repaired or replaced part", "The rest of the warranty, and at least 90 days"],
              ],
            },
            {
              kind: "text",
              text: "The warranty covers faults in materials and workmanship in normal use. It is in addition to your rights under mainland China's consumer law, never instead of them.",
            },
          ],
        },
        {
          id: "not-covered",
          title: "What it does not cover",
          blocks: [
            {
              kind: "list",
              items: [
                "Damage from drops, crushing, liquid beyond the device's rating, fire or the wrong charger.",
                "A device opened, repaired or modified by anyone other than Kite or an authorised repairer.",
                "Normal wear: scratches, faded colour, and battery capacity that falls gradually with use (we replace a battery under warranty that holds less than 80% of its rated capacity).",
                "Data on the device. Back it up before you send it: repairs often restore factory settings.",
              ],
            },
            {
              kind: "text",
              text: "We still repair anything not covered, at a price we quote before we start; nothing is done without your yes.",
            },
          ],
        },
        {
          id: "claim",
          title: "How to claim",
          blocks: [
            {
              kind: "list",
              ordered: true,
              items: [
                [
                  link("Contact us", "contact"),
                  " with your order number and what is wrong. A short video helps.",
                ],
                "We try a fix with you first: many problems end with a setting or an update.",
                "If it needs the workshop, we book a free courier pickup. Repairs take up to 7 working days from the day we receive the device, and we send it back free.",
                [
                  `If the same fault needs a second repair within the warranty, or it cannot be fixed, we replace the device. Within ${FAULT_EXCHANGE_DAYS} days of delivery you may choose an exchange instead (see `,
                  link("Returns & refunds", "returns", "faults"),
                  ").",
                ],
              ],
            },
          ],
        },
        {
          id: "proof",
          title: "Proof of purchase",
          blocks: [
            {
              kind: "text",
              text: "Your Kite order number is enough: the warranty follows the device's serial number, so it passes to a new owner if you sell or give it away.",
            },
          ],
        },
      ],
    },

    privacy: {
      title: "Privacy",
      metaTitle: "Privacy policy · Kite",
      description:
        "What personal information the Kite store collects, why, who receives it, and your rights.",
      lead: "We collect what it takes to sell you a gadget and get it to your door, and nothing to sell to anyone else.",
      effective: EFFECTIVE,
      sections: [
        {
          id: "who",
          title: "Who we are",
          blocks: [
            {
              kind: "text",
              text: "Kite (“we”) runs this store and decides how the personal information in it is handled, under mainland China's Personal Information Protection Law.",
            },
            { kind: "text", text: FICTIONAL },
          ],
        },
        {
          id: "collect",
          title: "What we collect and why",
          blocks: [
            {
              kind: "table",
              caption: "Personal information we collect, and what we use it for",
              head: ["What", "Why"],
              rows: [
                [
                  "Email, name and a password (stored only as a hash)",
                  "Your account: signing in, order mail",
                ],
                [
                  "Delivery name, mobile number and address",
                  "Delivering your order and letting the courier reach you",
                ],
                [
                  "Orders, flash-sale registrations, F-codes, reviews",
                  "Selling to you, fair sales, your order history",
                ],
                [
                  "Your IP address and browser, for a short time",
                  "Keeping the store secure and stopping abuse",
                ],
              ],
            },
            {
              kind: "text",
              text: "Card details go straight to our payment processor: we never see or store your full card number. We do not use advertising trackers or sell personal information.",
            },
          ],
        },
        {
          id: "cookies",
          title: "Cookies",
          blocks: [
            {
              kind: "text",
              text: "We use only the cookies the store needs to work: one that keeps you signed in, one that remembers a guest's cart, and security cookies for forms. No analytics or advertising cookies.",
            },
          ],
        },
        {
          id: "sharing",
          title: "Who we share it with",
          blocks: [
            {
              kind: "list",
              items: [
                "The courier delivering your order: your delivery name, mobile number and address.",
                "Our payment processor: the amount and your order number, and the card details you give it.",
                "Our email provider: your email address and the mail we send you.",
                "Authorities, when mainland China's law requires it.",
              ],
            },
            {
              kind: "text",
              text: "Your information is stored in mainland China. We do not transfer it abroad.",
            },
          ],
        },
        {
          id: "keep",
          title: "How long we keep it",
          blocks: [
            {
              kind: "text",
              text: "Orders and their details for 3 years after they are completed, as mainland China's E-Commerce Law requires; your account until you close it; security logs for 30 days.",
            },
          ],
        },
        {
          id: "rights",
          title: "Your rights",
          blocks: [
            {
              kind: "text",
              text: [
                "You may see, copy, correct or delete your personal information, withdraw consent, and close your account. Write to ",
                { text: PRIVACY_EMAIL, href: `mailto:${PRIVACY_EMAIL}` },
                ": we answer within 15 working days. Children under 14 need a parent or guardian to create an account for them.",
              ],
            },
          ],
        },
      ],
    },

    terms: {
      title: "Terms of sale",
      metaTitle: "Terms of sale · Kite",
      description: "The terms for buying from the Kite store: orders, prices, flash sales, F-codes, reviews.",
      lead: "The rules we both follow when you buy from Kite, in plain words.",
      effective: EFFECTIVE,
      sections: [
        {
          id: "about",
          title: "About these terms",
          blocks: [
            {
              kind: "text",
              text: "These terms apply to every purchase from this store by a consumer in mainland China. They do not limit any right mainland China's law gives you.",
            },
            { kind: "text", text: FICTIONAL },
          ],
        },
        {
          id: "orders",
          title: "Orders and prices",
          blocks: [
            {
              kind: "list",
              items: [
                "Prices are in yuan (CNY) and include VAT. Delivery within mainland China is free.",
                "Your order is a contract once you have paid and we have confirmed it by email. We may cancel and refund an order whose price was shown by an obvious mistake, and tell you why.",
                `Units in your order are held for ${facts.holdMinutes} minutes while you pay; an unpaid order is cancelled after that and the units go back on sale.`,
                "Quantity limits per account are shown on the product or sale page. Orders over a limit, or placed for resale in bulk, may be cancelled and refunded.",
              ],
            },
          ],
        },
        {
          id: "flash-sales",
          title: "Flash sales",
          blocks: [
            {
              kind: "list",
              items: [
                "A flash sale sells a stated number of units from a stated time. Registration, where a sale asks for it, opens before the sale; only registered accounts can buy.",
                "Units go to buyers in the order they press Buy now. When a sale is drawn instead, the draw's seed is published before registration closes, so anyone can check the winners.",
                "Scripts, bots and several accounts for one person are not allowed; orders made that way are cancelled and refunded.",
                "Sold out means sold out. Units returned after a sale are offered first to its waitlist.",
              ],
            },
          ],
        },
        {
          id: "fcodes",
          title: "F-codes and the beta programme",
          blocks: [
            {
              kind: "text",
              text: "An F-code gives its holder the right to buy one unit before or during a sale. It is free, works once, cannot be exchanged for cash and may not be sold. Beta-programme devices are sold at a token price in return for honest feedback, and follow the same returns and warranty rules.",
            },
          ],
        },
        {
          id: "after",
          title: "Delivery, returns and warranty",
          blocks: [
            {
              kind: "text",
              text: [
                "Delivery, returns and repairs follow our ",
                link("Shipping", "shipping"),
                ", ",
                link("Returns & refunds", "returns"),
                " and ",
                link("Warranty", "warranty"),
                " pages, which are part of these terms.",
              ],
            },
          ],
        },
        {
          id: "reviews",
          title: "Reviews",
          blocks: [
            {
              kind: "text",
              text: "Only buyers can review a product, once per purchase. Reviews must be your own honest experience; we remove reviews that are unlawful, abusive or about something else, never because they are critical.",
            },
          ],
        },
        {
          id: "disputes",
          title: "Questions and disputes",
          blocks: [
            {
              kind: "text",
              text: [
                "If something goes wrong, ",
                link("contact us", "contact"),
                " first: most problems are solved in a day. These terms are governed by the law of the People's Republic of China. You may also contact the 12315 consumer hotline or bring a claim before the court where you live.",
              ],
            },
          ],
        },
      ],
    },

    about: {
      title: "About Kite",
      metaTitle: "About us · Kite",
      description:
        "Kite makes phones, tablets, wearables and home gadgets with its fans and sells them online at an honest price.",
      lead: "We make phones, tablets, wearables and home gadgets with the people who use them, and sell them straight to you online: premium specs at an honest price.",
      facts: [
        { value: "Online", label: "sold straight to fans, no middlemen" },
        { value: WARRANTY_LENGTH, label: "warranty on every device" },
        { value: `${NO_REASON_RETURN_DAYS} days`, label: "no-reason returns" },
      ],
      sections: [
        {
          id: "fans",
          title: "Made with fans",
          blocks: [
            {
              kind: "text",
              text: "Kite started from a simple idea: the people who care most about gadgets know best what a good one is. So we build with them. Fans try new devices in our beta programme before launch, tell us what to fix in reviews that only buyers can write, and talk to the same team that ships their orders.",
            },
            {
              kind: "text",
              text: "Kite fans call their community the Kite Club. When something we make is not right, the club usually tells us first, and we would rather hear it than not.",
            },
          ],
        },
        {
          id: "honest-prices",
          title: "Honest prices",
          blocks: [
            {
              kind: "text",
              text: "Low price first, then the engineering behind it. We sell only online, straight to you: no shop rent and no middleman's margin in the price, so what you pay goes into the device.",
            },
            {
              kind: "list",
              items: [
                "Prices are in yuan with VAT included, and delivery within mainland China is free.",
                [
                  `Every device has a ${WARRANTY_LENGTH} warranty and ${NO_REASON_RETURN_DAYS}-day no-reason returns; see `,
                  link("Returns & refunds", "returns"),
                  " and ",
                  link("Warranty", "warranty"),
                  ".",
                ],
                "A sale's price is the same for every fan in it, whoever you are and however fast you are.",
              ],
            },
          ],
        },
        {
          id: "flash-sales",
          title: "Fair flash sales",
          blocks: [
            {
              kind: "text",
              text: "New devices launch in flash sales: a fixed batch at a launch price, at a time announced in advance. Demand is often twice the batch, so we work to make every sale one you can trust.",
            },
            {
              kind: "list",
              items: [
                "Every unit sold is counted once: a unit is held for you the moment you get it, and a batch is never oversold.",
                "Each sale has a limit per account, usually one, so the batch goes to fans rather than resellers.",
                "After a sale we publish its numbers: how many units, and how long they lasted.",
                "Units that come back go to the waitlist first.",
              ],
            },
          ],
        },
        {
          id: "kite-club",
          title: "The Kite Club",
          blocks: [
            {
              kind: "text",
              text: "Every Kite account is a member. Membership is free and brings:",
            },
            {
              kind: "list",
              items: [
                "Registration for flash sales, on any device, before the sale starts.",
                "F-codes, friend codes that let their holder buy one unit with priority; each works once.",
                "The beta programme: a few hundred selected fans buy a new device for a token price before launch, and tell us what to change.",
                [
                  "Kite Club support, the same team for the questions fans ask most: see ",
                  link("Contact us", "contact", KITE_CLUB_SUPPORT_ANCHOR),
                  ".",
                ],
              ],
            },
          ],
        },
        {
          id: "line-up",
          title: "What we make",
          blocks: [
            {
              kind: "text",
              text: [
                { text: "Phones", href: "/category/phones" },
                ", ",
                { text: "tablets", href: "/category/tablets" },
                ", ",
                { text: "wearables", href: "/category/wearables" },
                ", ",
                { text: "audio", href: "/category/audio" },
                " and ",
                { text: "accessories and smart home", href: "/category/accessories-smart-home" },
                " gadgets, each drawn and engineered by our own team.",
              ],
            },
            { kind: "text", text: FICTIONAL },
          ],
        },
      ],
    },
  };
}

// Long because it is the help centre's questions and answers; each entry is data, not logic.
export function helpFaq(facts: StoreFacts): readonly FaqGroup[] {
  return [
    {
      id: "flash-sales",
      title: "Flash sales",
      items: [
        {
          question: "How does a flash sale work?",
          answer: `A flash sale puts a fixed number of units on sale at one moment, announced on the homepage with a countdown. At the start, registered fans press Buy now; each press either holds a unit for you or tells you at once that none is left. Times are in the store's time zone (${facts.zone}).`,
        },
        {
          question: "Why did it sell out so fast?",
          answer:
            "Demand for a launch is often twice the batch or more. Every sale publishes its numbers afterwards (units and how long they lasted), and units returned later go to the waitlist first.",
        },
        {
          question: "Can I buy more than one?",
          answer:
            "Each sale shows its limit per account, usually one. It keeps the batch for fans rather than resellers.",
        },
      ],
    },
    {
      id: "registration",
      title: "Registration and F-codes",
      items: [
        {
          question: "Do I need to register?",
          answer:
            "For most launch sales, yes: sign in, open the sale page and press Register before registration closes. Only registered accounts can buy when the sale starts. Registering is free and you can do it on any device.",
        },
        {
          question: "What is an F-code?",
          answer: [
            "A friend code: it lets its holder buy one unit before or during a sale without waiting. Each code works once. See the ",
            link("terms", "terms", "fcodes"),
            " and ",
            link("Kite Club support", "contact", KITE_CLUB_SUPPORT_ANCHOR),
            " if one will not redeem.",
          ],
        },
      ],
    },
    {
      id: "holds",
      title: "Holds and payment",
      items: [
        {
          question: "I got a unit. How long do I have to pay?",
          answer: `Your unit is held for ${facts.holdMinutes} minutes. The store shows your place in the checkout line and takes you to payment; if you do not pay in time, the unit goes back on sale.`,
        },
        {
          question: "How can I pay?",
          answer:
            "By card on a secure payment page. Kite never sees your full card number. Prices are in yuan (CNY), VAT included, delivery free.",
        },
        {
          question: "My payment was declined. Did I lose my unit?",
          answer: `Not straight away: the unit stays held until its ${facts.holdMinutes} minutes are up, so you can try another card from your order page.`,
        },
      ],
    },
    {
      id: "delivery",
      title: "Delivery",
      items: [
        {
          question: "When will my order arrive?",
          answer: [
            "Orders paid by 16:00 ship the same day and reach most of mainland China in 1–4 days. Details and remote areas: ",
            link("Shipping", "shipping", "times"),
            ".",
          ],
        },
        {
          question: "How do I track my parcel?",
          answer:
            "We email the courier and tracking number when your order ships, and your order page in your account shows them.",
        },
      ],
    },
    {
      id: "returns",
      title: "Returns and warranty",
      items: [
        {
          question: "Can I return something I do not want?",
          answer: [
            `Yes, within ${NO_REASON_RETURN_DAYS} days of signing for it, for any reason, if it is complete and undamaged. See `,
            link("Returns & refunds", "returns"),
            ".",
          ],
        },
        {
          question: "It stopped working. What now?",
          answer: [
            `Within ${FAULT_EXCHANGE_DAYS} days we exchange it; after that it is repaired free under the ${WARRANTY_MONTHS}-month `,
            link("warranty", "warranty"),
            ". We pay the postage both ways.",
          ],
        },
        {
          question: "When do I get my refund?",
          answer:
            "Within 3 working days of your return passing its check, to the card you paid with. Your bank may take up to 7 more working days.",
        },
      ],
    },
    {
      id: "account",
      title: "Your account",
      items: [
        {
          question: "Where are my orders?",
          answer: [
            { text: "Account & orders", href: "/account" },
            " lists every order with its status. A cart you filled as a guest follows you when you sign in.",
          ],
        },
      ],
    },
  ];
}
