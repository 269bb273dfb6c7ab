/**
 * Limits that more than one layer shows or enforces (rules in lib/, labels and inputs in components/), in one
 * place. Import-free, so client components can import it. A rule that uses a limit imports it from here;
 * nothing retypes the number.
 */

/** The longest search the store reads (characters); longer input is cut, never an error. */
export const MAX_SEARCH_LENGTH = 100;

/** Units of one SKU in one cart line (and one regular order line). */
export const MAX_LINE_QUANTITY = 99;

/** Units one account may buy in one flash sale: the marketer picks 1…MAX, default DEFAULT. */
export const PER_ACCOUNT_LIMIT_MIN = 1;
export const PER_ACCOUNT_LIMIT_MAX = 10;
export const PER_ACCOUNT_LIMIT_DEFAULT = 1;

/** Minutes a unit that came back is held for the next fan on a sale's waitlist: the marketer picks MIN…MAX. */
export const WAITLIST_OFFER_MINUTES_MIN = 1;
export const WAITLIST_OFFER_MINUTES_MAX = 120;
export const WAITLIST_OFFER_MINUTES_DEFAULT = 10;

/** Minutes before a sale's start that registered fans get a reminder mail (0: none). */
export const REMINDER_MINUTES_MAX = 1440;
export const REMINDER_MINUTES_DEFAULT = 5;

/** The largest batch one SKU may have in a sale; a guard against a typo, not a business rule. */
export const MAX_SALE_SKU_QUANTITY = 10_000_000;

/** Versions (SKUs) one sale may list. */
export const MAX_SALE_SKUS = 50;

/** Server-action form bounds: how many fields and how long one value may be before we refuse to read it. */
export const MAX_FORM_FIELDS = 400;
export const MAX_FORM_VALUE_LENGTH = 10_000;

/** Pending (unpaid) orders one account may have at once; a cart checkout past it is refused. */
export const MAX_PENDING_ORDERS_PER_ACCOUNT = 3;

/**
 * Stripe's minimum charge per currency in minor units, from https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts
 * (USD $0.50, EUR €0.50, GBP £0.30, HKD $4.00, JPY ¥50); CNY ¥4.00 from our payments brief. A Checkout Session
 * below it is refused by Stripe, so the store refuses the checkout first and says why. stripe-local keeps its own
 * copy: it imports nothing of the store.
 */
export const STRIPE_MINIMUM_CHARGE_MINOR: Readonly<Record<string, number>> = {
  USD: 50,
  EUR: 50,
  GBP: 30,
  HKD: 400,
  JPY: 50,
  CNY: 400,
};

/**
 * Bytes one server-action request may carry (Next's `serverActions.bodySizeLimit`, and the same for the proxy's
 * copy of a no-JS form post). Our largest form, a sale with MAX_SALE_SKUS versions, is under 20 KB; the ceiling
 * leaves room for multipart overhead and long texts and refuses anything bigger before it is parsed.
 */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 128 * 1024;

/** Delivery addresses one account may keep in its address book. */
export const MAX_ADDRESSES_PER_ACCOUNT = 20;
/**
 * After-sales promises (mainland China's "three guarantees" and the 7-day no-reason rule for online purchases),
 * counted from the day the parcel is signed for. The service pages state them; the return rules enforce them.
 */
export const NO_REASON_RETURN_DAYS = 7;
export const FAULT_EXCHANGE_DAYS = 15;
export const WARRANTY_MONTHS = 12;

/**
 * A tracking-number CSV upload (`order_id,carrier,tracking_number`): at most this many bytes and data rows. A row is
 * about 70 bytes, so 64 KiB holds the 500 rows with room to spare; a bigger manifest is uploaded in parts.
 */
export const SHIPMENT_CSV_LIMITS = { maxBytes: 64 * 1024, maxRows: 500 } as const;
/** How long a mailed password-reset link works; a newer link ends the older ones at once. */
export const PASSWORD_RESET_LINK_MINUTES = 30;

/** How long the link confirming a new email address works. */
export const EMAIL_CHANGE_LINK_HOURS = 24;

/** A display name's longest form (sign-up and the profile). */
export const MAX_DISPLAY_NAME_LENGTH = 80;

/**
 * Returns: a parcel never marked delivered counts as delivered this many days after it shipped (the way Taobao
 * confirms receipt by itself), so the NO_REASON_RETURN_DAYS window still closes for an order the carrier never
 * reported signed for.
 */
export const ASSUMED_DELIVERY_DAYS = 10;
/** The longest note a fan may add to a return request, and a marketer's reason for refusing one. */
export const MAX_RETURN_NOTE_LENGTH = 500;

/**
 * Reviews (lib/reviews): a buyer's review has a title and a text within these lengths, and its author may change
 * it for REVIEW_EDIT_DAYS after writing it. A marketer who hides one says why in at most MAX_REVIEW_HIDE_REASON_LENGTH.
 * The database checks the same lengths (db/schema/reviews.ts).
 */
export const MAX_REVIEW_TITLE_LENGTH = 100;
export const MIN_REVIEW_BODY_LENGTH = 10;
export const MAX_REVIEW_BODY_LENGTH = 2000;
export const REVIEW_EDIT_DAYS = 30;
export const MAX_REVIEW_HIDE_REASON_LENGTH = 500;
