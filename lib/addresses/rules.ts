import { z } from "zod";
import type { ShippingAddress } from "@/db/schema/addresses";

/*
 * A delivery address in mainland China, the store's first market: recipient, mobile number, province / city /
 * district, street and a six-digit postcode. Pure and import-light, so the account form, the checkout, the
 * order's frozen copy and Stripe's `shipping` all read one definition.
 */

/** The 31 provincial-level divisions of mainland China, in the order of the national division codes. */
export const PROVINCES = [
  "Beijing",
  "Tianjin",
  "Hebei",
  "Shanxi",
  "Inner Mongolia",
  "Liaoning",
  "Jilin",
  "Heilongjiang",
  "Shanghai",
  "Jiangsu",
  "Zhejiang",
  "Anhui",
  "Fujian",
  "Jiangxi",
  "Shandong",
  "Henan",
  "Hubei",
  "Hunan",
  "Guangdong",
  "Guangxi",
  "Hainan",
  "Chongqing",
  "Sichuan",
  "Guizhou",
  "Yunnan",
  "Tibet",
  "Shaanxi",
  "Gansu",
  "Qinghai",
  "Ningxia",
  "Xinjiang",
] as const;

export const ADDRESS_LIMITS = {
  recipientName: 40,
  place: 40,
  street: 120,
} as const;

const trimmed = (label: string, max: number) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(max, `Keep the ${label} to ${max} characters.`);

/** "+86 138 0013 8000", "138-0013-8000" → "13800138000". */
export function normaliseMobile(raw: string): string {
  return raw.replace(/[\s-]/g, "").replace(/^(\+|00)86/, "");
}

export const addressInput = z.object({
  recipientName: trimmed("recipient's name", ADDRESS_LIMITS.recipientName),
  mobile: z
    .string({ error: "Enter a mobile number." })
    .max(40, "Enter an 11-digit mainland mobile number, e.g. 138 0013 8000.")
    .transform(normaliseMobile)
    .pipe(z.string().regex(/^1[3-9]\d{9}$/, "Enter an 11-digit mainland mobile number, e.g. 138 0013 8000.")),
  province: z.enum(PROVINCES, { error: "Choose a province." }),
  city: trimmed("city", ADDRESS_LIMITS.place),
  district: trimmed("district", ADDRESS_LIMITS.place),
  street: trimmed("street address", ADDRESS_LIMITS.street).refine((s) => s.length >= 4, {
    message: "Enter the street, building and flat, e.g. 88 Jianguo Road, Building 3, Room 1201.",
  }),
  postcode: z
    .string({ error: "Enter the postcode." })
    .trim()
    .regex(/^\d{6}$/, "Enter the six-digit postcode, e.g. 100022."),
  isDefault: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
});
export type AddressInput = z.infer<typeof addressInput>;

/** What an order keeps: the address as it was when the order was placed, whatever the book says later. */
export type AddressSnapshot = ShippingAddress;

export function toSnapshot(a: Omit<AddressSnapshot, "country">): AddressSnapshot {
  return {
    recipientName: a.recipientName,
    mobile: a.mobile,
    province: a.province,
    city: a.city,
    district: a.district,
    street: a.street,
    postcode: a.postcode,
    country: "CN",
  };
}

/** "138 0013 8000": how a mainland number is read aloud and written. */
export function formatMobile(mobile: string): string {
  return /^\d{11}$/.test(mobile) ? `${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}` : mobile;
}

/** The address as lines on a parcel label, largest place first after the street (as couriers print it). */
export function addressLines(a: Omit<AddressSnapshot, "country">): string[] {
  return [a.street, `${a.district}, ${a.city}`, `${a.province} ${a.postcode}`];
}

/** Stripe's `shipping` hash (Checkout's payment_intent_data.shipping), as its API documents it. */
export function toStripeShipping(a: AddressSnapshot) {
  return {
    name: a.recipientName,
    phone: `+86${a.mobile}`,
    address: {
      line1: a.street,
      line2: a.district,
      city: a.city,
      state: a.province,
      postal_code: a.postcode,
      country: a.country,
    },
  };
}
