import type { ShippingAddress } from "./schema/addresses";
/**
 * The demo line-up as plain data: no database here, so the seed, the image generator and tests share one source.
 * Everything is deterministic: reviews come from a seeded PRNG and a fixed date, never from Math.random or the
 * clock.
 */

export const DEMO_CURRENCY = "CNY";

export const DEMO_PASSWORDS = { shopper: "kite-shopper-2026", marketer: "kite-marketer-2026" } as const;

export const DEMO_USERS = [
  { email: "shopper@example.com", name: "Lin Wei", role: "shopper", password: DEMO_PASSWORDS.shopper },
  { email: "marketer@example.com", name: "Mara Chen", role: "marketer", password: DEMO_PASSWORDS.marketer },
] as const;

/**
 * The demo shopper's Kite Club standing: enough lifetime points to be Gold (5,000+), so the club, the tier price and
 * a sale's early-access lane show on a fresh start. One `adjustment` entry with this cause, written once.
 */
export const DEMO_SHOPPER_POINTS = {
  email: "shopper@example.com",
  amount: 6_200,
  cause: "demo:welcome-gold",
  note: "Demo data: Gold from the start",
  /** Used only when the shopper has no points account yet (letters and digits of REFERRAL_CODE_ALPHABET). */
  referralCode: "DEMQGWXN",
} as const;

/** The open demo beta (lib/beta/demo.ts): realistic text, so the club's beta pages are not empty. */
export const DEMO_BETA = {
  title: "Kite Buds 2 Pro beta: 300 seats",
  prompt:
    "Tell us where you wear your earbuds (commute, gym, office calls) and what you would want the Pro's new noise cancelling to fix. 2 to 3 sentences.",
  skuCode: "kite-buds-2-black",
  seats: 300,
  tokenPriceMinor: 100,
  pointsCost: 300,
  /** Open for this long from the seed, so a long-lived database keeps an open beta. */
  openDays: 14,
} as const;

/** Each demo account's default delivery address, so it can check out at once. */
export const DEMO_ADDRESSES: Readonly<Record<(typeof DEMO_USERS)[number]["email"], SeedAddress>> = {
  "shopper@example.com": {
    recipientName: "Lin Wei",
    mobile: "13817265530",
    province: "Shanghai",
    city: "Shanghai",
    district: "Xuhui",
    street: "1188 Huashan Road, Lane 2, Building 5, Room 602",
    postcode: "200031",
  },
  "marketer@example.com": {
    recipientName: "Mara Chen",
    mobile: "13922481067",
    province: "Guangdong",
    city: "Shenzhen",
    district: "Nanshan",
    street: "9 Keji South Road, Kite Tower, 18F",
    postcode: "518057",
  },
};

export type SeedAddress = Omit<ShippingAddress, "country">;

/** Reviews are spread over the REVIEW_WINDOW_DAYS before this instant. */
export const REVIEWS_AS_OF = new Date("2026-11-01T00:00:00Z");
export const REVIEW_WINDOW_DAYS = 200;

export type ProductKind = "phone" | "tablet" | "band" | "watch" | "buds" | "power-bank" | "router" | "camera";

/**
 * Units of one product a single order may hold, as a gadget store sets them: two phones or tablets (resellers
 * buy flagships by the box), a few wearables, routers and cameras, more of the small accessories.
 */
export const ORDER_LIMIT_BY_KIND: Readonly<Record<ProductKind, number>> = {
  phone: 2,
  tablet: 2,
  band: 3,
  watch: 3,
  buds: 5,
  "power-bank": 5,
  router: 3,
  camera: 5,
};

export interface SeedCategory {
  slug: string;
  name: string;
  description: string;
}

export interface SeedColour {
  name: string;
  /** `#rrggbb`, lower case. */
  hex: string;
}

export interface SeedStorage {
  /** e.g. "12 GB + 512 GB". */
  label: string;
  priceMinor: number;
  listPriceMinor: number;
}

export interface SeedSpecGroup {
  group: string;
  rows: readonly (readonly [label: string, value: string])[];
}

export interface SeedProduct {
  slug: string;
  name: string;
  categorySlug: string;
  /** Drives the product render and the review templates. */
  kind: ProductKind;
  /** Camera-module style for phones. */
  look?: "standard" | "pro" | "lite";
  tagline: string;
  description: string;
  highlights: readonly string[];
  featured: boolean;
  colours: readonly SeedColour[];
  /** null for one-size products: their price sits on the product. */
  storages: readonly SeedStorage[] | null;
  priceMinor?: number;
  listPriceMinor?: number;
  specs: readonly SeedSpecGroup[];
  reviewCount: number;
}

export interface SeedSku {
  code: string;
  colour: string;
  colourHex: string;
  storage: string | null;
  priceMinor: number;
  listPriceMinor: number;
  stock: number;
  position: number;
}

export interface SeedImage {
  colour: string;
  url: string;
  alt: string;
  /** Which view the render shows, e.g. "front"; used by the image generator. */
  view: string;
  /** 1-based index within the colour. */
  n: number;
  position: number;
}

export interface SeedReview {
  authorName: string;
  rating: number;
  title: string;
  body: string;
  variantLabel: string;
  helpfulCount: number;
  createdAt: Date;
}

// ─── Categories ──────────────────────────────────────────────────────────────

export const DEMO_CATEGORIES: readonly SeedCategory[] = [
  {
    slug: "phones",
    name: "Phones",
    description: "Flagship cameras and all-day batteries at prices that make sense.",
  },
  { slug: "tablets", name: "Tablets", description: "Big, fast screens for reading, drawing and the sofa." },
  {
    slug: "wearables",
    name: "Wearables",
    description: "Bands and watches that track the day and last the week.",
  },
  { slug: "audio", name: "Audio", description: "Wireless earbuds tuned by fans, for fans." },
  {
    slug: "accessories-smart-home",
    name: "Accessories & smart home",
    description: "Power, Wi-Fi and eyes on the front door. The small things, done properly.",
  },
];

// ─── Products ────────────────────────────────────────────────────────────────

const PHONE_STORAGES = {
  kite9: [
    { label: "8 GB + 256 GB", priceMinor: 299900, listPriceMinor: 299900 },
    { label: "12 GB + 256 GB", priceMinor: 329900, listPriceMinor: 339900 },
    { label: "12 GB + 512 GB", priceMinor: 359900, listPriceMinor: 379900 },
  ],
  kite9Pro: [
    { label: "12 GB + 256 GB", priceMinor: 449900, listPriceMinor: 469900 },
    { label: "12 GB + 512 GB", priceMinor: 499900, listPriceMinor: 519900 },
    { label: "16 GB + 1 TB", priceMinor: 579900, listPriceMinor: 599900 },
  ],
  kite9Lite: [
    { label: "8 GB + 128 GB", priceMinor: 169900, listPriceMinor: 179900 },
    { label: "8 GB + 256 GB", priceMinor: 189900, listPriceMinor: 199900 },
  ],
} satisfies Record<string, SeedStorage[]>;

export const DEMO_PRODUCTS: readonly SeedProduct[] = [
  {
    slug: "kite-9-pro",
    name: "Kite 9 Pro",
    categorySlug: "phones",
    kind: "phone",
    look: "pro",
    tagline: "Three 50 MP cameras. One honest price.",
    description:
      "The Pro costs less than most flagships and shoots like it costs more. Three 50 MP cameras, a 1–120 Hz LTPO screen and 120 W charging that fills the battery before your coffee cools. Built for fans who read spec sheets.",
    highlights: [
      "Triple 50 MP cameras with 5× periscope zoom",
      "6.73″ LTPO AMOLED, 1–120 Hz, 3,000 nits peak",
      "Kite Falcon 3 chip on a 3 nm process",
      "5,400 mAh battery, 120 W wired and 50 W wireless charging",
      "IP68, Wi-Fi 7 and a titanium-alloy frame",
    ],
    featured: true,
    colours: [
      { name: "Graphite", hex: "#2b2f36" },
      { name: "Titanium Silver", hex: "#c3c6cb" },
      { name: "Ocean Blue", hex: "#1f4e79" },
    ],
    storages: PHONE_STORAGES.kite9Pro,
    specs: [
      {
        group: "Display",
        rows: [
          ["Size", "6.73″"],
          ["Type", "LTPO AMOLED, 10-bit"],
          ["Resolution", "3200 × 1440 (522 ppi)"],
          ["Refresh rate", "1–120 Hz adaptive"],
          ["Peak brightness", "3,000 nits"],
        ],
      },
      {
        group: "Performance",
        rows: [
          ["Chip", "Kite Falcon 3, 3 nm, 8 cores up to 3.4 GHz"],
          ["Memory", "12 GB or 16 GB LPDDR5X"],
          ["Storage", "256 GB, 512 GB or 1 TB UFS 4.0"],
        ],
      },
      {
        group: "Camera",
        rows: [
          ["Main", "50 MP, 1″-type sensor, f/1.6, OIS"],
          ["Ultra-wide", "50 MP, 115°, f/2.0"],
          ["Telephoto", "50 MP periscope, 5× optical, OIS"],
          ["Front", "32 MP, f/2.0"],
          ["Video", "8K 24 fps, 4K 120 fps, HDR10+"],
        ],
      },
      {
        group: "Battery & charging",
        rows: [
          ["Battery", "5,400 mAh"],
          ["Wired", "120 W, 0–100% in 19 min"],
          ["Wireless", "50 W, 10 W reverse"],
        ],
      },
      {
        group: "Connectivity",
        rows: [
          ["Network", "5G dual SIM"],
          ["Wireless", "Wi-Fi 7, Bluetooth 5.4, NFC, IR blaster"],
          ["Port", "USB-C 3.2"],
        ],
      },
      {
        group: "Dimensions & weight",
        rows: [
          ["Size", "161.2 × 75.3 × 8.4 mm"],
          ["Weight", "219 g"],
          ["Water and dust", "IP68"],
        ],
      },
    ],
    reviewCount: 60,
  },
  {
    slug: "kite-9",
    name: "Kite 9",
    categorySlug: "phones",
    kind: "phone",
    look: "standard",
    tagline: "Flagship speed from ¥2,999.",
    description:
      "Everything you use every day, at a price that leaves room for the case and the earbuds. The same Falcon 3 chip as the Pro, a 50 MP main camera with OIS and a 5,000 mAh battery that lasts into tomorrow.",
    highlights: [
      "Kite Falcon 3 chip, the same as the Pro",
      "6.36″ AMOLED, 120 Hz, 2,600 nits peak",
      "50 MP main camera with OIS",
      "5,000 mAh battery and 90 W charging",
      "IP68 in a 189 g body",
    ],
    featured: false,
    colours: [
      { name: "Midnight Black", hex: "#1c1f26" },
      { name: "Glacier Blue", hex: "#8db4d9" },
      { name: "Sage Green", hex: "#8fae8b" },
    ],
    storages: PHONE_STORAGES.kite9,
    specs: [
      {
        group: "Display",
        rows: [
          ["Size", "6.36″"],
          ["Type", "AMOLED, 10-bit"],
          ["Resolution", "2670 × 1200 (460 ppi)"],
          ["Refresh rate", "120 Hz"],
          ["Peak brightness", "2,600 nits"],
        ],
      },
      {
        group: "Performance",
        rows: [
          ["Chip", "Kite Falcon 3, 3 nm, 8 cores up to 3.3 GHz"],
          ["Memory", "8 GB or 12 GB LPDDR5X"],
          ["Storage", "256 GB or 512 GB UFS 4.0"],
        ],
      },
      {
        group: "Camera",
        rows: [
          ["Main", "50 MP, f/1.7, OIS"],
          ["Ultra-wide", "12 MP, 120°"],
          ["Front", "20 MP"],
        ],
      },
      {
        group: "Battery & charging",
        rows: [
          ["Battery", "5,000 mAh"],
          ["Wired", "90 W"],
        ],
      },
      {
        group: "Connectivity",
        rows: [
          ["Network", "5G dual SIM"],
          ["Wireless", "Wi-Fi 7, Bluetooth 5.4, NFC"],
        ],
      },
      {
        group: "Dimensions & weight",
        rows: [
          ["Size", "152.8 × 71.5 × 8.1 mm"],
          ["Weight", "189 g"],
          ["Water and dust", "IP68"],
        ],
      },
    ],
    reviewCount: 48,
  },
  {
    slug: "kite-9-lite",
    name: "Kite 9 Lite",
    categorySlug: "phones",
    kind: "phone",
    look: "lite",
    tagline: "The one you recommend to your parents.",
    description:
      "A big bright screen, two-day battery and a camera that just works, from ¥1,699. No gimmicks, no bloat, three years of updates. The Kite you buy for everyone else.",
    highlights: [
      "6.67″ 120 Hz AMOLED",
      "5,500 mAh battery, up to two days",
      "50 MP main camera",
      "45 W charging in the box",
      "Three years of system updates",
    ],
    featured: false,
    colours: [
      { name: "Starry Black", hex: "#23252b" },
      { name: "Mint", hex: "#a8dcc8" },
      { name: "Lavender", hex: "#b9a7e0" },
    ],
    storages: PHONE_STORAGES.kite9Lite,
    specs: [
      {
        group: "Display",
        rows: [
          ["Size", "6.67″"],
          ["Type", "AMOLED"],
          ["Resolution", "2400 × 1080"],
          ["Refresh rate", "120 Hz"],
        ],
      },
      {
        group: "Performance",
        rows: [
          ["Chip", "Kite Swift 2, 4 nm, 8 cores"],
          ["Memory", "8 GB LPDDR4X"],
          ["Storage", "128 GB or 256 GB UFS 2.2, microSD up to 1 TB"],
        ],
      },
      {
        group: "Camera",
        rows: [
          ["Main", "50 MP, f/1.8"],
          ["Depth", "2 MP"],
          ["Front", "16 MP"],
        ],
      },
      {
        group: "Battery & charging",
        rows: [
          ["Battery", "5,500 mAh"],
          ["Wired", "45 W, charger in the box"],
        ],
      },
      {
        group: "Connectivity",
        rows: [
          ["Network", "5G dual SIM"],
          ["Wireless", "Wi-Fi 5, Bluetooth 5.3, NFC"],
          ["Audio", "3.5 mm headphone jack"],
        ],
      },
      {
        group: "Dimensions & weight",
        rows: [
          ["Size", "165.9 × 76.2 × 8.0 mm"],
          ["Weight", "193 g"],
        ],
      },
    ],
    reviewCount: 36,
  },
  {
    slug: "kite-pad-5",
    name: "Kite Pad 5",
    categorySlug: "tablets",
    kind: "tablet",
    tagline: "11 inches of 144 Hz, from ¥2,199.",
    description:
      "A 2.8K 144 Hz screen, quad speakers and a battery that outlasts a long-haul flight. Snap on the keyboard and it works; put it down and it is the best movie screen in the house.",
    highlights: [
      "11″ 2.8K display at 144 Hz",
      "Quad speakers with spatial audio",
      "8,840 mAh battery, 45 W charging",
      "Kite Pen and keyboard support",
      "Just 490 g and 6.5 mm thin",
    ],
    featured: false,
    colours: [
      { name: "Space Grey", hex: "#4b5058" },
      { name: "Mist Blue", hex: "#a9bfd6" },
    ],
    storages: [
      { label: "8 GB + 128 GB", priceMinor: 219900, listPriceMinor: 219900 },
      { label: "8 GB + 256 GB", priceMinor: 249900, listPriceMinor: 259900 },
    ],
    specs: [
      {
        group: "Display",
        rows: [
          ["Size", "11″"],
          ["Resolution", "2880 × 1800 (309 ppi)"],
          ["Refresh rate", "144 Hz"],
          ["Brightness", "600 nits"],
        ],
      },
      {
        group: "Performance",
        rows: [
          ["Chip", "Kite Falcon 2, 4 nm"],
          ["Memory", "8 GB LPDDR5"],
          ["Storage", "128 GB or 256 GB UFS 3.1"],
        ],
      },
      {
        group: "Audio & camera",
        rows: [
          ["Speakers", "Four, with spatial audio"],
          ["Rear camera", "13 MP"],
          ["Front camera", "8 MP, landscape"],
        ],
      },
      {
        group: "Battery & charging",
        rows: [
          ["Battery", "8,840 mAh"],
          ["Wired", "45 W"],
        ],
      },
      {
        group: "Dimensions & weight",
        rows: [
          ["Size", "254.0 × 166.3 × 6.5 mm"],
          ["Weight", "490 g"],
        ],
      },
    ],
    reviewCount: 28,
  },
  {
    slug: "kite-band-4",
    name: "Kite Band 4",
    categorySlug: "wearables",
    kind: "band",
    tagline: "Two weeks. One charge. ¥249.",
    description:
      "The band that started the Club, now with a brighter 1.62″ AMOLED and blood-oxygen tracking all night. Two weeks on a charge, 150 workout modes and a strap you forget you are wearing.",
    highlights: [
      "1.62″ AMOLED, always-on",
      "Up to 14 days on one charge",
      "Heart rate, SpO₂ and sleep tracking",
      "150 workout modes, 5 ATM water resistance",
      "Weighs 16 g without the strap",
    ],
    featured: false,
    colours: [
      { name: "Black", hex: "#1f2328" },
      { name: "Cream", hex: "#efe6d6" },
      { name: "Coral", hex: "#f08a75" },
    ],
    storages: null,
    priceMinor: 24900,
    listPriceMinor: 27900,
    specs: [
      {
        group: "Display",
        rows: [
          ["Size", "1.62″ AMOLED"],
          ["Resolution", "192 × 490"],
          ["Always-on", "Yes"],
        ],
      },
      {
        group: "Health & fitness",
        rows: [
          ["Sensors", "Heart rate, SpO₂, accelerometer, gyroscope"],
          ["Workout modes", "150"],
          ["Sleep tracking", "Stages and breathing quality"],
        ],
      },
      {
        group: "Battery & charging",
        rows: [
          ["Battery life", "Up to 14 days typical"],
          ["Charging", "Magnetic, about 1 hour"],
        ],
      },
      {
        group: "Build",
        rows: [
          ["Water resistance", "5 ATM"],
          ["Weight", "16 g (pod)"],
          ["Connectivity", "Bluetooth 5.3"],
        ],
      },
    ],
    reviewCount: 40,
  },
  {
    slug: "kite-watch-s",
    name: "Kite Watch S",
    categorySlug: "wearables",
    kind: "watch",
    tagline: "A real watch that happens to be smart.",
    description:
      "A stainless-steel round case, a sapphire-hard 1.43″ AMOLED and a week of battery with GPS on. It looks good with a suit and it knows your VO₂ max. Fans asked for round; here it is.",
    highlights: [
      "1.43″ round AMOLED, 466 × 466",
      "Stainless-steel case, 46 mm",
      "Dual-band GPS, up to 12 days battery",
      "Bluetooth calls from the wrist",
      "NFC payments and 5 ATM",
    ],
    featured: false,
    colours: [
      { name: "Obsidian", hex: "#202327" },
      { name: "Silver", hex: "#c9ccd1" },
      { name: "Rose Gold", hex: "#d4a492" },
    ],
    storages: null,
    priceMinor: 99900,
    listPriceMinor: 109900,
    specs: [
      {
        group: "Display",
        rows: [
          ["Size", "1.43″ round AMOLED"],
          ["Resolution", "466 × 466"],
          ["Brightness", "1,500 nits peak"],
        ],
      },
      {
        group: "Health & fitness",
        rows: [
          ["Sensors", "Heart rate, SpO₂, skin temperature, barometer"],
          ["GPS", "Dual-band"],
          ["Workout modes", "150+"],
        ],
      },
      {
        group: "Battery & charging",
        rows: [
          ["Battery life", "Up to 12 days typical, 30 h GPS"],
          ["Charging", "Magnetic, 0–100% in 60 min"],
        ],
      },
      {
        group: "Build",
        rows: [
          ["Case", "Stainless steel, 46 mm"],
          ["Water resistance", "5 ATM"],
          ["Weight", "44 g (without strap)"],
          ["Connectivity", "Bluetooth 5.3, NFC"],
        ],
      },
    ],
    reviewCount: 24,
  },
  {
    slug: "kite-buds-2",
    name: "Kite Buds 2",
    categorySlug: "audio",
    kind: "buds",
    tagline: "Quiet on the metro. Loud where it counts.",
    description:
      "Up to 48 dB of noise cancelling, 11 mm drivers tuned with Kite Club listeners and 36 hours with the case. For ¥399 they sound like they cost three times that.",
    highlights: [
      "Adaptive noise cancelling up to 48 dB",
      "11 mm titanium-coated drivers",
      "36 hours with the case",
      "Dual-device connection",
      "IP54 sweat and dust resistance",
    ],
    featured: false,
    colours: [
      { name: "White", hex: "#f4f5f7" },
      { name: "Black", hex: "#22252a" },
      { name: "Sky Blue", hex: "#9cc7ea" },
    ],
    storages: null,
    priceMinor: 39900,
    listPriceMinor: 44900,
    specs: [
      {
        group: "Sound",
        rows: [
          ["Driver", "11 mm titanium-coated dynamic"],
          ["Noise cancelling", "Adaptive, up to 48 dB"],
          ["Codecs", "AAC, SBC, LDAC-class hi-res"],
        ],
      },
      {
        group: "Battery & charging",
        rows: [
          ["Earbuds", "Up to 8 h (ANC off)"],
          ["With case", "Up to 36 h"],
          ["Charging", "USB-C and wireless"],
        ],
      },
      {
        group: "Connectivity",
        rows: [
          ["Bluetooth", "5.4"],
          ["Multipoint", "Two devices"],
        ],
      },
      {
        group: "Build",
        rows: [
          ["Water resistance", "IP54"],
          ["Weight", "4.9 g per earbud"],
        ],
      },
    ],
    reviewCount: 44,
  },
  {
    slug: "kite-power-bank-20000",
    name: "Kite Power Bank 20000 mAh",
    categorySlug: "accessories-smart-home",
    kind: "power-bank",
    tagline: "Four phone charges in your bag.",
    description:
      "20,000 mAh, 33 W out and three ports, so the whole table gets charged. Aluminium shell, smart power sharing and a price that makes carrying one a no-brainer.",
    highlights: [
      "20,000 mAh, about four full phone charges",
      "33 W fast charging in and out",
      "Two USB-C and one USB-A port",
      "Charges three devices at once",
      "Aluminium-alloy shell",
    ],
    featured: false,
    colours: [
      { name: "Black", hex: "#26292e" },
      { name: "White", hex: "#eef0f2" },
    ],
    storages: null,
    priceMinor: 14900,
    listPriceMinor: 14900,
    specs: [
      {
        group: "Capacity & output",
        rows: [
          ["Capacity", "20,000 mAh (74 Wh)"],
          ["Max output", "33 W"],
          ["Input", "USB-C, 33 W"],
        ],
      },
      {
        group: "Ports",
        rows: [
          ["USB-C", "2, in and out"],
          ["USB-A", "1, out"],
        ],
      },
      {
        group: "Dimensions & weight",
        rows: [
          ["Size", "154 × 73 × 27 mm"],
          ["Weight", "380 g"],
          ["Shell", "Aluminium alloy"],
        ],
      },
    ],
    reviewCount: 30,
  },
  {
    slug: "kite-router-ax3000",
    name: "Kite Router AX3000",
    categorySlug: "accessories-smart-home",
    kind: "router",
    tagline: "Wi-Fi 6 for every room, for ¥349.",
    description:
      "Wi-Fi 6 at 3,000 Mbps, four high-gain antennas and mesh built in, so the far bedroom finally gets signal. Set it up from the Kite app in two minutes and forget about it.",
    highlights: [
      "Wi-Fi 6, AX3000 dual-band",
      "Four high-gain antennas with beamforming",
      "Mesh with any Kite router",
      "Up to 128 devices at once",
      "Gigabit ports throughout",
    ],
    featured: false,
    colours: [
      { name: "White", hex: "#f2f3f5" },
      { name: "Black", hex: "#1d2025" },
    ],
    storages: null,
    priceMinor: 34900,
    listPriceMinor: 39900,
    specs: [
      {
        group: "Wireless",
        rows: [
          ["Standard", "Wi-Fi 6 (802.11ax)"],
          ["Speed", "2.4 GHz 574 Mbps + 5 GHz 2,402 Mbps"],
          ["Antennas", "4 external, high-gain"],
          ["Features", "OFDMA, MU-MIMO, beamforming, mesh"],
        ],
      },
      {
        group: "Hardware",
        rows: [
          ["Processor", "Quad-core 1.3 GHz"],
          ["Memory", "256 MB"],
          ["Ports", "1 × WAN, 3 × LAN, all gigabit"],
        ],
      },
      {
        group: "Dimensions & weight",
        rows: [
          ["Size", "260 × 136 × 44 mm"],
          ["Weight", "480 g"],
        ],
      },
    ],
    reviewCount: 18,
  },
  {
    slug: "kite-cam-2k",
    name: "Kite Cam 2K",
    categorySlug: "accessories-smart-home",
    kind: "camera",
    tagline: "Sharp 2K, full 360°, no subscription.",
    description:
      "A 2K pan-and-tilt camera that sees the whole room, day and night, and spots people, not curtains. Clips save to the card or your own NAS, so there is no monthly fee.",
    highlights: [
      "2K (2304 × 1296) video",
      "360° pan and 108° tilt",
      "Night vision up to 10 m",
      "Person detection on the device",
      "Local storage, no subscription",
    ],
    featured: false,
    colours: [
      { name: "Cloud White", hex: "#f3f4f6" },
      { name: "Stone Grey", hex: "#8a8f98" },
    ],
    storages: null,
    priceMinor: 19900,
    listPriceMinor: 22900,
    specs: [
      {
        group: "Camera",
        rows: [
          ["Resolution", "2304 × 1296 (2K)"],
          ["Lens", "f/1.6, 110° field of view"],
          ["Night vision", "940 nm infrared, 10 m"],
          ["Pan and tilt", "360° horizontal, 108° vertical"],
        ],
      },
      {
        group: "Smart features",
        rows: [
          ["Detection", "Person and motion, on the device"],
          ["Audio", "Two-way talk, noise reduction"],
        ],
      },
      {
        group: "Storage & connectivity",
        rows: [
          ["Storage", "microSD up to 256 GB, NAS"],
          ["Wi-Fi", "2.4 GHz and 5 GHz"],
        ],
      },
      {
        group: "Dimensions & weight",
        rows: [
          ["Size", "76 × 76 × 116 mm"],
          ["Weight", "230 g"],
        ],
      },
    ],
    reviewCount: 14,
  },
];

/** A few SKUs sold out or nearly so, so the store shows those states. Keyed by SKU code. */
export const STOCK_OVERRIDES: Readonly<Record<string, number>> = {
  "kite-9-pro-ocean-blue-16-1tb": 0,
  "kite-9-sage-green-12-512": 0,
  "kite-watch-s-rose-gold": 0,
  "kite-9-pro-graphite-16-1tb": 3,
  "kite-9-lite-lavender-8-256": 2,
  "kite-pad-5-mist-blue-8-256": 5,
  "kite-buds-2-sky-blue": 4,
};

// ─── Derived rows ────────────────────────────────────────────────────────────

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** "12 GB + 512 GB" → "12-512"; "16 GB + 1 TB" → "16-1tb". */
function storageSlug(label: string): string {
  return label
    .split("+")
    .map((part) => {
      const [amount = "", unit = ""] = part.trim().split(/\s+/);
      return unit.toUpperCase() === "GB" ? amount : `${amount}${unit.toLowerCase()}`;
    })
    .join("-");
}

export function skusFor(product: SeedProduct): SeedSku[] {
  const sizes: readonly (SeedStorage | null)[] = product.storages ?? [null];
  const rows: SeedSku[] = [];
  for (const colour of product.colours) {
    for (const size of sizes) {
      const code = [product.slug, slugify(colour.name), size ? storageSlug(size.label) : null]
        .filter(Boolean)
        .join("-");
      const priceMinor = size?.priceMinor ?? product.priceMinor;
      const listPriceMinor = size?.listPriceMinor ?? product.listPriceMinor ?? priceMinor;
      if (priceMinor === undefined || listPriceMinor === undefined) {
        throw new Error(`${product.slug}: a one-size product needs priceMinor`);
      }
      rows.push({
        code,
        colour: colour.name,
        colourHex: colour.hex,
        storage: size?.label ?? null,
        priceMinor,
        listPriceMinor,
        stock: STOCK_OVERRIDES[code] ?? defaultStock(code),
        position: rows.length,
      });
    }
  }
  return rows;
}

/** Between 120 and 980 units, in tens, stable per code. */
function defaultStock(code: string): number {
  return 120 + (hashString(code) % 87) * 10;
}

/** The three renders per colour, in the order the gallery shows them. */
export const IMAGE_VIEWS: Readonly<Record<ProductKind, readonly [string, string, string]>> = {
  phone: ["front", "back", "camera detail"],
  tablet: ["front", "back", "angle"],
  band: ["front", "side", "display detail"],
  watch: ["front", "angle", "dial detail"],
  buds: ["case open", "earbuds", "case closed"],
  "power-bank": ["front", "angle", "ports"],
  router: ["front", "angle", "ports"],
  camera: ["front", "side", "back"],
};

export function productImageUrl(productSlug: string, colourName: string, n: number): string {
  return `/images/products/${productSlug}/${slugify(colourName)}-${n}.svg`;
}

export function imagesFor(product: SeedProduct): SeedImage[] {
  const views = IMAGE_VIEWS[product.kind];
  const rows: SeedImage[] = [];
  for (const colour of product.colours) {
    views.forEach((view, i) => {
      rows.push({
        colour: colour.name,
        url: productImageUrl(product.slug, colour.name, i + 1),
        alt: `${product.name} in ${colour.name}, ${view}`,
        view,
        n: i + 1,
        position: rows.length,
      });
    });
  }
  return rows;
}

export function categoryImageUrl(slug: string): string {
  return `/images/categories/${slug}.svg`;
}

export function heroImageUrl(productSlug: string): string {
  return `/images/hero/${productSlug}.svg`;
}

// ─── Reviews ─────────────────────────────────────────────────────────────────

/** FNV-1a: a stable 32-bit hash, used to seed the PRNG per product. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast and good enough for demo data. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rng: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

export type Tone = "love" | "like" | "mixed" | "dislike";

/** Titles that could head any review of a tone; each template lists only those that fit its own text. */
const PLAIN_TITLES = {
  love: ["Worth every fen", "Kite did it again", "Instant recommendation", "Love it", "Best buy this year"],
  like: ["Very good for the price", "Solid", "Happy with it", "Does what it says"],
  mixed: ["Good, not perfect", "Fine for the money", "Some rough edges"],
  dislike: ["Expected more", "Not for me", "Returned it"],
} as const satisfies Record<Tone, readonly string[]>;

/** One review's text and the titles written for it: every title here is about this body. */
interface ReviewTemplate<Plain extends string> {
  body: string;
  /** Titles about what the body says. */
  titles: readonly [string, ...string[]];
  /** Plain titles of the tone that fit the body too; empty when none does. */
  plain: readonly Plain[];
}

type KindTemplates = { [T in Tone]: readonly ReviewTemplate<(typeof PLAIN_TITLES)[T][number]>[] };

const ALL_LOVE = PLAIN_TITLES.love;
const ALL_LIKE = PLAIN_TITLES.like;
const ALL_MIXED = PLAIN_TITLES.mixed;

/**
 * A second sentence a review may end with: about delivery, packaging, support or the price, so it fits any
 * title of its tone.
 */
export const REVIEW_ADD_ONS: Readonly<Record<Tone, readonly string[]>> = {
  love: [
    "Delivery took two days and the box is properly nice.",
    "My third Kite product and still no regrets.",
    "Told the whole group chat about it.",
    "At this price I keep waiting for the catch. There isn't one.",
  ],
  like: [
    "Arrived quickly and well packed.",
    "Came the next day in a neat little box.",
    "Support answered a quick question the same afternoon.",
  ],
  mixed: [
    "Support answered my email within a day, which I appreciated.",
    "Delivery was quick and the packaging was fine.",
    "For the money it's fair, just manage your expectations.",
  ],
  dislike: [
    "Delivery was quick, to be fair to Kite.",
    "Support replied the same day, for what it's worth.",
    "The specs looked great on paper.",
  ],
};

/**
 * Review templates per product kind and tone. A kind's text holds for every product of that kind (the phones
 * are the 9 Pro, the 9 and the 9 Lite), so it names only what all of them have per their specs.
 */
const REVIEW_TEMPLATES: Record<ProductKind, KindTemplates> = {
  phone: {
    love: [
      {
        body: "Night photos look better than my friend's phone that cost twice as much.",
        titles: ["Night photos beat pricier phones", "The camera is unreal"],
        plain: ALL_LOVE,
      },
      {
        body: "I plug it in while I shower and it's well topped up before I'm dressed.",
        titles: ["Charges while I shower", "Charging is seriously quick"],
        plain: ALL_LOVE,
      },
      {
        body: "The screen is bright enough to read in direct sun at noon.",
        titles: ["Readable in full sun"],
        plain: ALL_LOVE,
      },
      {
        body: "Every app opens instantly and it never stutters.",
        titles: ["Smooth as butter", "Never stutters"],
        plain: ALL_LOVE,
      },
      {
        body: "Portrait shots of my kids finally look like a real camera took them.",
        titles: ["Portraits finally look right", "The camera is unreal"],
        plain: ALL_LOVE,
      },
      {
        body: "Battery gets me through a full day of maps and photos with 40% left.",
        titles: ["Battery outlasts my day", "Still 40% at bedtime"],
        plain: ALL_LOVE,
      },
      {
        body: "Switched from a phone that cost twice as much and I don't miss a thing.",
        titles: ["Switched and happy", "Flagship for way less"],
        plain: ["Worth every fen", "Love it", "Best buy this year"],
      },
    ],
    like: [
      {
        body: "The main camera is excellent; the selfie camera is only good.",
        titles: ["Really good main camera", "Great phone, one nitpick"],
        plain: ["Very good for the price", "Happy with it"],
      },
      {
        body: "Fast, clean software and barely any preinstalled apps.",
        titles: ["Fast and clean", "Hardly any bloat"],
        plain: ALL_LIKE,
      },
      {
        body: "Slightly heavier than my old phone but I stopped noticing after a week.",
        titles: ["A bit heavy, soon forgotten", "Great phone, one nitpick"],
        plain: ["Very good for the price", "Happy with it"],
      },
      {
        body: "Charging is properly fast; half an hour on the cable covers my whole day.",
        titles: ["Quick to charge"],
        plain: ALL_LIKE,
      },
      {
        body: "Every app is quick and the 120 Hz screen is bright and sharp.",
        titles: ["Fast and bright"],
        plain: ALL_LIKE,
      },
      {
        body: "Coming from my Kite 7, the screen and the battery are a clear step up.",
        titles: ["Upgrade from my Kite 7"],
        plain: ["Very good for the price", "Happy with it"],
      },
    ],
    mixed: [
      {
        body: "It gets warm after half an hour of gaming, which throttles a little.",
        titles: ["Warm when gaming", "Slows down when it's warm"],
        plain: ["Good, not perfect", "Some rough edges"],
      },
      {
        body: "Photos are great in daylight, indoors at night they get soft.",
        titles: ["Night shots so-so", "Great by day, soft at night"],
        plain: ["Good, not perfect"],
      },
      {
        body: "Good phone, but the haptics feel a bit cheap compared with the rest.",
        titles: ["Haptics let it down"],
        plain: ALL_MIXED,
      },
      {
        body: "It's a big, heavy phone; my hand aches after a long scroll on the metro.",
        titles: ["Good but heavy"],
        plain: ["Good, not perfect"],
      },
      {
        body: "The camera is great, but the phone gets warm after ten minutes of video.",
        titles: ["Camera great, gets warm"],
        plain: ["Good, not perfect", "Some rough edges"],
      },
    ],
    dislike: [
      {
        body: "Mine drains 10% overnight doing nothing.",
        titles: ["Drains overnight", "Battery not as claimed"],
        plain: ["Expected more"],
      },
      {
        body: "The fingerprint reader misses about one in five tries.",
        titles: ["Fingerprint reader misses a lot"],
        plain: ["Expected more"],
      },
      {
        body: "Had two app crashes in the first week after an update.",
        titles: ["Software needs work", "Crashes after an update"],
        plain: ["Expected more"],
      },
      {
        body: "It gets too warm to hold comfortably after twenty minutes of gaming.",
        titles: ["Too warm when gaming"],
        plain: ["Expected more", "Not for me"],
      },
      {
        body: "Sent it back within the week: auto-brightness kept dimming the screen indoors.",
        titles: ["Auto-brightness drove me mad"],
        plain: ["Returned it", "Not for me"],
      },
    ],
  },
  tablet: {
    love: [
      {
        body: "144 Hz makes scrolling comics ridiculously smooth.",
        titles: ["Comics scroll so smoothly", "Best screen I've owned"],
        plain: ALL_LOVE,
      },
      {
        body: "The four speakers fill the room; movie nights moved to the tablet.",
        titles: ["Those speakers!", "Movie nights on the tablet"],
        plain: ALL_LOVE,
      },
      {
        body: "With the keyboard I write all my uni reports on it.",
        titles: ["Replaced my laptop", "Uni reports on a tablet"],
        plain: ALL_LOVE,
      },
      {
        body: "Battery easily covers a long flight with downloaded shows.",
        titles: ["Lasts a long-haul flight"],
        plain: ALL_LOVE,
      },
      {
        body: "Light, loud and sharp enough that the TV stays off most evenings now.",
        titles: ["Perfect sofa tablet"],
        plain: ALL_LOVE,
      },
    ],
    like: [
      {
        body: "Great for reading, the screen is sharp and easy on the eyes.",
        titles: ["Great for reading", "Sharp, easy screen"],
        plain: ALL_LIKE,
      },
      {
        body: "Light enough to hold in bed for an hour.",
        titles: ["Light enough for bed"],
        plain: ALL_LIKE,
      },
      {
        body: "Pen latency is low enough for sketching.",
        titles: ["Good with the pen"],
        plain: ALL_LIKE,
      },
      {
        body: "The front camera sits on the long edge, so video calls in landscape look natural.",
        titles: ["Camera in the right place for calls"],
        plain: ["Very good for the price", "Happy with it"],
      },
      {
        body: "I mostly read and watch shows on it, and it's very good at both.",
        titles: ["Great for reading and video"],
        plain: ALL_LIKE,
      },
    ],
    mixed: [
      {
        body: "Some apps are still stretched phone apps in landscape.",
        titles: ["Some apps look stretched", "Screen great, apps so-so"],
        plain: ["Good, not perfect", "Some rough edges"],
      },
      {
        body: "It's excellent for media, less so for real multitasking.",
        titles: ["Media yes, multitasking less so"],
        plain: ["Good, not perfect"],
      },
      {
        body: "The back picks up fingerprints quickly.",
        titles: ["Fingerprint magnet"],
        plain: ["Good, not perfect"],
      },
      {
        body: "Writing on it really needs the keyboard, and that's an extra purchase on top.",
        titles: ["Keyboard sold separately, sadly"],
        plain: ["Good, not perfect"],
      },
      {
        body: "Handwritten notes work fine, but the glass feels slippery under the pen.",
        titles: ["Fine for notes"],
        plain: ["Good, not perfect"],
      },
    ],
    dislike: [
      {
        body: "Takes nearly two hours to charge from empty.",
        titles: ["Charging slower than hoped", "Slow to charge"],
        plain: ["Expected more"],
      },
      {
        body: "Without a case it slides off every table.",
        titles: ["Too slippery"],
        plain: ["Not for me"],
      },
      {
        body: "The screen washes out on a sunny balcony; it's really an indoor tablet.",
        titles: ["Hard to see outdoors"],
        plain: ["Expected more", "Not for me"],
      },
      {
        body: "A faint yellow patch appeared along the bottom edge after two weeks, so it went back.",
        titles: ["Screen patch after two weeks"],
        plain: ["Returned it", "Expected more"],
      },
    ],
  },
  band: {
    love: [
      {
        body: "Twelve days between charges, and that's with a workout most mornings.",
        titles: ["Battery lasts forever", "Twelve days on a charge"],
        plain: ALL_LOVE,
      },
      {
        body: "Sleep data matches how tired I actually feel.",
        titles: ["Sleep tracking is spot on"],
        plain: ALL_LOVE,
      },
      {
        body: "So light I wear it in the shower and to bed.",
        titles: ["Forget it's on"],
        plain: ALL_LOVE,
      },
      {
        body: "The screen is bright enough outdoors, even on runs at noon.",
        titles: ["Readable on sunny runs"],
        plain: ALL_LOVE,
      },
      {
        body: "For ¥249 it does everything I actually used on my old, far pricier watch.",
        titles: ["Best ¥249 I've spent"],
        plain: ["Worth every fen", "Love it", "Best buy this year"],
      },
    ],
    like: [
      {
        body: "Step count is close to my phone's, heart rate close to my chest strap.",
        titles: ["Accurate enough"],
        plain: ALL_LIKE,
      },
      {
        body: "Swim tracking works well in the pool.",
        titles: ["Good in the pool"],
        plain: ALL_LIKE,
      },
      {
        body: "Lots of watch faces, I found a clean one quickly.",
        titles: ["Plenty of watch faces"],
        plain: ALL_LIKE,
      },
      {
        body: "The always-on screen is clear at a glance, even with the brightness turned down.",
        titles: ["Bright, clear screen"],
        plain: ALL_LIKE,
      },
      {
        body: "Heart rate zones on my wrist finally keep my easy runs easy.",
        titles: ["Great for running"],
        plain: ALL_LIKE,
      },
    ],
    mixed: [
      {
        body: "The strap clasp is fiddly with one hand.",
        titles: ["Good band, clumsy strap", "Fiddly clasp"],
        plain: ["Good, not perfect"],
      },
      {
        body: "You can read notifications but not reply to most of them.",
        titles: ["Notifications limited"],
        plain: ["Good, not perfect", "Fine for the money"],
      },
      {
        body: "GPS comes from the phone, so I still carry it on runs.",
        titles: ["No GPS of its own"],
        plain: ["Good, not perfect", "Fine for the money"],
      },
      {
        body: "Fine for steps and sleep, but the workout stats are fairly basic.",
        titles: ["Fine tracker"],
        plain: ["Good, not perfect", "Fine for the money"],
      },
    ],
    dislike: [
      {
        body: "During interval training the heart rate lagged a lot.",
        titles: ["Heart rate lags on intervals"],
        plain: ["Expected more"],
      },
      {
        body: "Had to switch to a fabric strap after a week.",
        titles: ["Swapped the strap within a week"],
        plain: [],
      },
      {
        body: "The stock strap left a red rash on my wrist by the evening.",
        titles: ["Strap irritated my skin"],
        plain: ["Not for me"],
      },
      {
        body: "Resting heart rate jumps from 60 to 110 while I'm sitting at my desk.",
        titles: ["Heart rate jumps around"],
        plain: ["Expected more"],
      },
    ],
  },
  watch: {
    love: [
      {
        body: "The round steel case looks smart with a shirt and nobody guesses the price.",
        titles: ["Looks like a real watch", "Smart with a shirt"],
        plain: ALL_LOVE,
      },
      {
        body: "Dual-band GPS tracks my trail runs right on the path, even under trees.",
        titles: ["GPS is excellent"],
        plain: ALL_LOVE,
      },
      {
        body: "Eight days with workouts every morning before it asked for the charger.",
        titles: ["Over a week of battery"],
        plain: ALL_LOVE,
      },
      {
        body: "Payments from the wrist at the metro gate are the killer feature.",
        titles: ["Paying at the metro gate"],
        plain: ALL_LOVE,
      },
      {
        body: "Colleagues ask about it most days, and they're surprised it's a smartwatch.",
        titles: ["Gets compliments daily"],
        plain: ALL_LOVE,
      },
    ],
    like: [
      {
        body: "Call quality is better than I expected from a watch.",
        titles: ["Calls from the wrist work"],
        plain: ALL_LIKE,
      },
      {
        body: "The screen is crisp and readable in sun.",
        titles: ["Crisp, readable screen"],
        plain: ALL_LIKE,
      },
      {
        body: "Workout summaries are clear and fun to check.",
        titles: ["Clear workout summaries"],
        plain: ALL_LIKE,
      },
      {
        body: "On hikes the altitude and route match the trail signs closely.",
        titles: ["Great for hiking"],
        plain: ALL_LIKE,
      },
    ],
    mixed: [
      {
        body: "At 44 g it's noticeable when sleeping.",
        titles: ["Nice but heavy", "Heavy to sleep in"],
        plain: ["Good, not perfect"],
      },
      {
        body: "Third-party app choice is thin compared with bigger brands.",
        titles: ["Apps are limited"],
        plain: ["Good, not perfect", "Fine for the money"],
      },
      {
        body: "The stock strap is fine; I swapped it for leather.",
        titles: ["Strap could be better"],
        plain: ["Good, not perfect"],
      },
      {
        body: "With GPS on for a run every day, the battery lasts about five days.",
        titles: ["Daily GPS eats the battery"],
        plain: ["Good, not perfect"],
      },
    ],
    dislike: [
      {
        body: "At 46 mm it swamps my wrist, wish there was a smaller one.",
        titles: ["Too big for my wrist"],
        plain: ["Not for me"],
      },
      {
        body: "Lost connection to my phone twice a day until I reinstalled the app.",
        titles: ["Sync issues", "Kept losing my phone"],
        plain: ["Expected more"],
      },
      {
        body: "Notifications reach the watch a good minute after my phone buzzes.",
        titles: ["Notifications lag behind"],
        plain: ["Expected more"],
      },
      {
        body: "The magnetic charger comes off if the cable is nudged; twice I woke to a flat watch.",
        titles: ["Charger falls off too easily"],
        plain: ["Expected more"],
      },
    ],
  },
  buds: {
    love: [
      {
        body: "Noise cancelling kills the metro rumble completely.",
        titles: ["Metro is silent now", "ANC punches above its price"],
        plain: ALL_LOVE,
      },
      {
        body: "Bass is deep without drowning the vocals.",
        titles: ["Great bass, clear vocals"],
        plain: ALL_LOVE,
      },
      {
        body: "I wear them through a whole work day without sore ears.",
        titles: ["Comfy for hours"],
        plain: ALL_LOVE,
      },
      {
        body: "Switching between laptop and phone just works.",
        titles: ["Laptop to phone, no fuss"],
        plain: ALL_LOVE,
      },
    ],
    like: [
      {
        body: "Sound is balanced out of the box, a little EQ makes it great.",
        titles: ["Very good sound"],
        plain: ALL_LIKE,
      },
      {
        body: "The medium tips fit me perfectly.",
        titles: ["Fits well"],
        plain: ALL_LIKE,
      },
      {
        body: "Battery easily lasts my commute all week.",
        titles: ["A week of commutes per charge"],
        plain: ALL_LIKE,
      },
      {
        body: "On calls from my desk people hear me clearly.",
        titles: ["Great for calls indoors"],
        plain: ALL_LIKE,
      },
    ],
    mixed: [
      {
        body: "On calls outdoors people say I sound distant in wind.",
        titles: ["Mic struggles in wind"],
        plain: ["Good, not perfect"],
      },
      {
        body: "The case is chunkier than I'd like for jeans pockets.",
        titles: ["Case a bit bulky"],
        plain: ["Good, not perfect"],
      },
      {
        body: "Default sound is bright; fixed it in the app.",
        titles: ["App EQ needed"],
        plain: ["Good, not perfect"],
      },
      {
        body: "The noise cancelling is great, but the mic picks up a lot of street noise on calls.",
        titles: ["Good ANC, average mic"],
        plain: ["Good, not perfect"],
      },
    ],
    dislike: [
      {
        body: "They work loose during runs, even with the large tips.",
        titles: ["Fall out when running"],
        plain: ["Not for me"],
      },
      {
        body: "The left earbud drops out every few days and needs a reset.",
        titles: ["Left bud disconnects"],
        plain: ["Expected more"],
      },
      {
        body: "With noise cancelling on there's a faint hiss in quiet rooms.",
        titles: ["Hiss with ANC on"],
        plain: ["Expected more"],
      },
      {
        body: "They press on my ears after an hour; just not the right shape for me.",
        titles: ["Sore ears after an hour"],
        plain: ["Not for me"],
      },
    ],
  },
  "power-bank": {
    love: [
      {
        body: "Topped up my phone four times on a camping weekend.",
        titles: ["Weekend trip sorted"],
        plain: ALL_LOVE,
      },
      {
        body: "Phone, earbuds and watch charging at once on the train.",
        titles: ["Charges everything"],
        plain: ALL_LOVE,
      },
      {
        body: "The aluminium shell feels premium and survived a drop.",
        titles: ["Survived a drop"],
        plain: ALL_LOVE,
      },
      {
        body: "Gets my Kite 9 from flat to about half in half an hour.",
        titles: ["Fast top-ups on the go"],
        plain: ALL_LOVE,
      },
      {
        body: "It lives in my work bag now and I haven't had a flat phone in months.",
        titles: ["Always in my bag"],
        plain: ALL_LOVE,
      },
    ],
    like: [
      {
        body: "Capacity is as advertised, about four phone charges.",
        titles: ["Good capacity"],
        plain: ALL_LIKE,
      },
      {
        body: "The LEDs make it easy to see how much is left.",
        titles: ["Easy to see what's left"],
        plain: ["Very good for the price", "Solid", "Happy with it"],
      },
      {
        body: "Three ports is exactly what I needed for travel.",
        titles: ["Three ports, just right"],
        plain: ALL_LIKE,
      },
      {
        body: "The aluminium shell feels sturdy and hasn't picked up a scratch in my bag.",
        titles: ["Nice build"],
        plain: ALL_LIKE,
      },
    ],
    mixed: [
      {
        body: "At 380 g you notice it in a small bag.",
        titles: ["Heavy in a small bag"],
        plain: ["Good, not perfect"],
      },
      {
        body: "Takes around four hours to refill from empty.",
        titles: ["Slow to recharge itself"],
        plain: ["Good, not perfect"],
      },
      {
        body: "It's a brick at 380 g, but four phone charges make up for it.",
        titles: ["Heavy but worth it"],
        plain: ["Good, not perfect", "Fine for the money"],
      },
      {
        body: "Charging two phones at once, each one charges noticeably slower.",
        titles: ["Slower with two phones"],
        plain: ["Good, not perfect"],
      },
    ],
    dislike: [
      {
        body: "Gets noticeably warm when charging two things.",
        titles: ["Runs warm"],
        plain: ["Expected more"],
      },
      {
        body: "My laptop only pulls about 20 W from it.",
        titles: ["Not 33 W on my laptop"],
        plain: ["Expected more"],
      },
      {
        body: "Too heavy to carry every day, so it sits in a drawer now.",
        titles: ["Too heavy for daily carry"],
        plain: ["Not for me"],
      },
      {
        body: "After three months it only gives my phone two full charges.",
        titles: ["Capacity dropped fast"],
        plain: ["Expected more"],
      },
    ],
  },
  router: {
    love: [
      {
        body: "The bedroom at the far end gets full speed now.",
        titles: ["Whole flat covered", "Finally fast Wi-Fi"],
        plain: ALL_LOVE,
      },
      {
        body: "Scanned the code, named the network, done.",
        titles: ["Setup in 2 minutes"],
        plain: ALL_LOVE,
      },
      {
        body: "Twenty-plus devices online and nothing slows down.",
        titles: ["Twenty devices, no slowdown"],
        plain: ALL_LOVE,
      },
      {
        body: "Paired it with my old Kite router as a mesh in one tap.",
        titles: ["Mesh in one tap"],
        plain: ALL_LOVE,
      },
      {
        body: "My ping in online games dropped and the lag spikes are gone.",
        titles: ["Gaming ping dropped"],
        plain: ALL_LOVE,
      },
    ],
    like: [
      {
        body: "Hasn't needed a restart since I installed it.",
        titles: ["Stable for weeks"],
        plain: ALL_LIKE,
      },
      {
        body: "Big jump from my old Wi-Fi 5 box in every room.",
        titles: ["Big upgrade"],
        plain: ALL_LIKE,
      },
      {
        body: "Antennas are adjustable, which helped through a thick wall.",
        titles: ["Antennas help through walls"],
        plain: ALL_LIKE,
      },
      {
        body: "The three gigabit LAN ports cover my TV, console and desk PC.",
        titles: ["Enough wired ports"],
        plain: ALL_LIKE,
      },
    ],
    mixed: [
      {
        body: "With four antennas up it takes over the shelf.",
        titles: ["Takes over the shelf"],
        plain: ["Good, not perfect"],
      },
      {
        body: "Advanced settings are hidden a few menus deep.",
        titles: ["App could be clearer"],
        plain: ["Good, not perfect", "Some rough edges"],
      },
      {
        body: "Speeds are great, but it's much bigger than my old router.",
        titles: ["Fast but big"],
        plain: ["Good, not perfect"],
      },
      {
        body: "Only three LAN ports, so the study needed a switch as well.",
        titles: ["Could use more ports"],
        plain: ["Good, not perfect", "Fine for the money"],
      },
    ],
    dislike: [
      {
        body: "Lost connection a few times late at night until a firmware update.",
        titles: ["Dropouts at night"],
        plain: ["Expected more"],
      },
      {
        body: "No VPN server or detailed QoS, so power users look elsewhere.",
        titles: ["Settings too basic"],
        plain: ["Not for me"],
      },
      {
        body: "The far end of the house still gets one bar, whichever way the antennas point.",
        titles: ["Still weak in the far room"],
        plain: ["Expected more"],
      },
      {
        body: "My smart plugs on 2.4 GHz keep dropping off the network.",
        titles: ["Smart plugs keep dropping"],
        plain: ["Expected more"],
      },
    ],
  },
  camera: {
    love: [
      {
        body: "Night vision is sharp enough to read the clock across the room.",
        titles: ["Crystal clear at night"],
        plain: ALL_LOVE,
      },
      {
        body: "Clips go to my own NAS, no monthly fee, exactly what I wanted.",
        titles: ["No subscription!"],
        plain: ALL_LOVE,
      },
      {
        body: "Panning around to find the cat from the office is the highlight of my day.",
        titles: ["Watches the cat perfectly"],
        plain: ALL_LOVE,
      },
      {
        body: "2K makes a real difference when you zoom in on the door.",
        titles: ["Sharp enough to zoom in"],
        plain: ALL_LOVE,
      },
      {
        body: "Pan and tilt, night vision and local storage, all for ¥199.",
        titles: ["Great value"],
        plain: ["Worth every fen", "Love it", "Best buy this year"],
      },
    ],
    like: [
      {
        body: "Set up in five minutes, the app walks you through it.",
        titles: ["Easy setup"],
        plain: ALL_LIKE,
      },
      {
        body: "Person detection ignores the moving curtains now.",
        titles: ["Person alerts work"],
        plain: ALL_LIKE,
      },
      {
        body: "Two-way talk is clear enough to tell the dog off.",
        titles: ["Good for telling the dog off"],
        plain: ALL_LIKE,
      },
      {
        body: "The picture is sharp enough to make out faces at the front door.",
        titles: ["Sharp picture"],
        plain: ALL_LIKE,
      },
    ],
    mixed: [
      {
        body: "The live view takes a few seconds to open in the app.",
        titles: ["Good, app is slow"],
        plain: ["Good, not perfect", "Some rough edges"],
      },
      {
        body: "The speaker is quiet if the TV is on.",
        titles: ["Speaker is quiet"],
        plain: ["Good, not perfect"],
      },
      {
        body: "Night vision is fine indoors, but pointed through a window the infrared glare hides the garden.",
        titles: ["Night view no good through glass"],
        plain: ["Good, not perfect"],
      },
      {
        body: "It sees the whole room, but the motor whirs audibly every time it pans.",
        titles: ["Noisy when panning"],
        plain: ["Good, not perfect", "Some rough edges"],
      },
    ],
    dislike: [
      {
        body: "Alerts every time a car's headlights sweep the window.",
        titles: ["Too many alerts"],
        plain: ["Expected more"],
      },
      {
        body: "Loses Wi-Fi a couple of times a week in the hallway.",
        titles: ["Wi-Fi drops"],
        plain: ["Expected more"],
      },
      {
        body: "It stopped recording to the microSD card after a week and I lost a day of clips.",
        titles: ["Stopped recording to the card"],
        plain: ["Expected more"],
      },
      {
        body: "The picture smears whenever someone moves quickly, so faces at the door are a blur.",
        titles: ["Blurry when people move"],
        plain: ["Expected more"],
      },
    ],
  },
};

/**
 * Every (title, body) pair a review of this kind and tone can open with; a seeded review is one of these, its
 * body optionally followed by a space and one of REVIEW_ADD_ONS[tone].
 */
export function reviewPairs(kind: ProductKind, tone: Tone): [title: string, body: string][] {
  const pool: readonly ReviewTemplate<string>[] = REVIEW_TEMPLATES[kind][tone];
  return pool.flatMap((t) =>
    [...new Set([...t.titles, ...t.plain])].map((title): [string, string] => [title, t.body]),
  );
}

// biome-ignore format: a compact table reads better
const SURNAMES = [
  "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu",
  "Xu", "Sun", "Hu", "Zhu", "Gao", "Lin", "He", "Guo", "Ma", "Luo",
] as const;
// biome-ignore format: a compact table reads better
const GIVEN = [
  "Wei", "Fang", "Min", "Jing", "Lei", "Yang", "Jun", "Hao", "Xin", "Yu",
  "Ting", "Bo", "Lin", "Qiang", "Na", "Yan", "Tao", "Hui", "Kai", "Rui",
] as const;
// biome-ignore format: a compact table reads better
const INTERNATIONAL = [
  "Priya", "Arjun", "Sofia", "Daniel", "Aisha", "Lucas", "Mei", "Kenji", "Nadia", "Omar",
  "Elena", "Ravi", "Hana", "Tom", "Ines", "Marco",
] as const;
// biome-ignore format: a compact table reads better
const HANDLES = [
  "kitefan", "night_owl", "pixelpeeper", "runner", "techdad", "budgetnerd", "shutterbug", "club_member",
  "flashsale_winner", "early_bird",
] as const;

function authorName(rng: () => number): string {
  const r = rng();
  if (r < 0.62) return `${pick(rng, SURNAMES)} ${pick(rng, GIVEN)}`;
  if (r < 0.82) return `${pick(rng, INTERNATIONAL)} ${String.fromCharCode(65 + Math.floor(rng() * 26))}.`;
  return `${pick(rng, HANDLES)}_${10 + Math.floor(rng() * 90)}`;
}

/** Skewed positive: about 56% five stars, 26% four, 10% three, 5% two, 3% one. */
function rating(rng: () => number): number {
  const r = rng();
  if (r < 0.56) return 5;
  if (r < 0.82) return 4;
  if (r < 0.92) return 3;
  if (r < 0.97) return 2;
  return 1;
}

export function toneOf(stars: number): Tone {
  if (stars === 5) return "love";
  if (stars === 4) return "like";
  if (stars === 3) return "mixed";
  return "dislike";
}

export function variantLabel(sku: Pick<SeedSku, "colour" | "storage">): string {
  return sku.storage ? `${sku.colour} · ${sku.storage}` : sku.colour;
}

/** The product's demo reviews, newest first; the same product always gives the same reviews. */
export function reviewsFor(product: SeedProduct): SeedReview[] {
  const rng = createRng(hashString(`reviews:${product.slug}`));
  const templates = REVIEW_TEMPLATES[product.kind];
  const skuList = skusFor(product);
  const windowMs = REVIEW_WINDOW_DAYS * 24 * 60 * 60 * 1000;
  const ratings = Array.from({ length: product.reviewCount }, () => rating(rng));
  // Small products could roll all fives; a real page shows some spread.
  if (new Set(ratings).size < 3 && ratings.length >= 3) {
    ratings[ratings.length - 1] = 3;
    ratings[ratings.length - 2] = 4;
    ratings[ratings.length - 3] = 5;
  }

  const rows: SeedReview[] = ratings.map((stars) => {
    const tone = toneOf(stars);
    // Five draws as before the titles were tied to their text (plain title?, template, title, add-on? and,
    // when so, which one), so every later field of every review stays as it was.
    const plainTitle = rng() < 0.3;
    const pool: readonly ReviewTemplate<string>[] = templates[tone];
    const template = pick(rng, pool);
    const title = pick(rng, plainTitle && template.plain.length > 0 ? template.plain : template.titles);
    const addOn = rng() < 0.55 ? pick(rng, REVIEW_ADD_ONS[tone]) : null;
    const sku = pick(rng, skuList);
    // Older reviews have had more time to collect votes; most still sit at 0–3.
    const age = rng();
    const helpfulCount = Math.floor(rng() ** 3 * (6 + age * 40));
    const author = authorName(rng);
    // Once a made-up "verified" flag: still drawn so the stream stays as it was, never stored (a demo review
    // has no order behind it, and "Verified purchase" means one; see db/schema/reviews.ts).
    rng();
    return {
      authorName: author,
      rating: stars,
      title,
      body: addOn ? `${template.body} ${addOn}` : template.body,
      variantLabel: variantLabel(sku),
      helpfulCount,
      createdAt: new Date(REVIEWS_AS_OF.getTime() - Math.floor(age * windowMs)),
    };
  });
  return rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}
