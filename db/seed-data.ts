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
  verified: boolean;
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

type Tone = "love" | "like" | "mixed" | "dislike";

interface ReviewTemplates {
  titles: Record<Tone, readonly string[]>;
  bodies: Record<Tone, readonly string[]>;
}

const GENERIC: ReviewTemplates = {
  titles: {
    love: ["Worth every fen", "Kite did it again", "Instant recommendation", "Love it", "Best buy this year"],
    like: ["Very good for the price", "Solid", "Happy with it", "Does what it says"],
    mixed: ["Good, not perfect", "Fine for the money", "Some rough edges"],
    dislike: ["Expected more", "Not for me", "Returned it"],
  },
  bodies: {
    love: [
      "Delivery took two days and the box is properly nice.",
      "My third Kite product and still no regrets.",
      "Told the whole group chat about it.",
      "At this price I keep waiting for the catch. There isn't one.",
    ],
    like: [
      "Arrived quickly and well packed.",
      "A couple of small things I'd change, but nothing that matters day to day.",
      "Friends keep asking what it is.",
    ],
    mixed: [
      "Support answered within a day, which helped.",
      "Hoping a software update sorts out the rest.",
      "For the money it's fair, just manage your expectations.",
    ],
    dislike: [
      "Return was easy, to be fair to Kite.",
      "Maybe I got an unlucky unit.",
      "The specs looked great on paper.",
    ],
  },
};

const BY_KIND: Record<ProductKind, ReviewTemplates> = {
  phone: {
    titles: {
      love: [
        "The camera is unreal",
        "Flagship for way less",
        "Battery for days",
        "Smooth as butter",
        "Switched and happy",
      ],
      like: ["Great phone, one nitpick", "Fast and bright", "Really good camera", "Upgrade from my Kite 7"],
      mixed: ["Camera great, gets warm", "Good but heavy", "Night shots so-so"],
      dislike: ["Too warm when gaming", "Battery not as claimed", "Software needs work"],
    },
    bodies: {
      love: [
        "Night photos look better than my friend's phone that cost twice as much.",
        "I charge it while I shower and it's full before I'm dressed.",
        "The screen is bright enough to read in direct sun at noon.",
        "Every app opens instantly and it never stutters.",
        "Portrait shots of my kids finally look like a real camera took them.",
        "Battery gets me through a full day of maps and photos with 40% left.",
      ],
      like: [
        "The main camera is excellent; the ultra-wide is only good.",
        "Fast, clean software and barely any preinstalled apps.",
        "Slightly heavier than my old phone but I stopped noticing after a week.",
        "Charging is ridiculously fast, the case in the box is a nice touch.",
      ],
      mixed: [
        "It gets warm after half an hour of gaming, which throttles a little.",
        "Photos are great in daylight, indoors at night they get soft.",
        "Good phone, but the haptics feel a bit cheap compared with the rest.",
      ],
      dislike: [
        "Mine drains 10% overnight doing nothing.",
        "The fingerprint reader misses about one in five tries.",
        "Had two app crashes in the first week after an update.",
      ],
    },
  },
  tablet: {
    titles: {
      love: ["Best screen I've owned", "Perfect sofa tablet", "Those speakers!", "Replaced my laptop"],
      like: ["Great for reading and video", "Light and quick", "Good with the pen"],
      mixed: ["Screen great, apps so-so", "Keyboard sold separately, sadly", "Fine for notes"],
      dislike: ["Too slippery", "Charging slower than hoped"],
    },
    bodies: {
      love: [
        "144 Hz makes scrolling comics ridiculously smooth.",
        "The four speakers fill the room; movie nights moved to the tablet.",
        "With the keyboard I write all my uni reports on it.",
        "Battery easily covers a long flight with downloaded shows.",
      ],
      like: [
        "Great for reading, the screen is sharp and easy on the eyes.",
        "Light enough to hold in bed for an hour.",
        "Pen latency is low enough for sketching.",
      ],
      mixed: [
        "Some apps are still stretched phone apps in landscape.",
        "It's excellent for media, less so for real multitasking.",
        "The back picks up fingerprints quickly.",
      ],
      dislike: ["Takes nearly two hours to charge from empty.", "Without a case it slides off every table."],
    },
  },
  band: {
    titles: {
      love: ["Battery lasts forever", "Best ¥249 I've spent", "Forget it's on", "Sleep tracking is spot on"],
      like: ["Accurate enough", "Bright, clear screen", "Great for running"],
      mixed: ["Good band, clumsy strap", "Notifications limited", "Fine tracker"],
      dislike: ["Heart rate jumps around", "Strap irritated my skin"],
    },
    bodies: {
      love: [
        "Charged it once in sixteen days, with the always-on screen.",
        "Sleep data matches how tired I actually feel.",
        "So light I wear it in the shower and to bed.",
        "The screen is bright enough outdoors, even on runs at noon.",
      ],
      like: [
        "Step count is close to my phone's, heart rate close to my chest strap.",
        "Swim tracking works well in the pool.",
        "Lots of watch faces, I found a clean one quickly.",
      ],
      mixed: [
        "The strap clasp is fiddly with one hand.",
        "You can read notifications but not reply to most of them.",
        "GPS comes from the phone, so I still carry it on runs.",
      ],
      dislike: [
        "During interval training the heart rate lagged a lot.",
        "Had to switch to a fabric strap after a week.",
      ],
    },
  },
  watch: {
    titles: {
      love: ["Looks like a real watch", "Gets compliments daily", "GPS is excellent", "A week of battery"],
      like: ["Classy and capable", "Great for hiking", "Calls from the wrist work"],
      mixed: ["Nice but heavy", "Apps are limited", "Strap could be better"],
      dislike: ["Too big for my wrist", "Sync issues"],
    },
    bodies: {
      love: [
        "The round steel case looks smart with a shirt and nobody guesses the price.",
        "Dual-band GPS tracks my trail runs right on the path, even under trees.",
        "Eight days with workouts every morning before it asked for the charger.",
        "Payments from the wrist at the metro gate are the killer feature.",
      ],
      like: [
        "Call quality is better than I expected from a watch.",
        "The screen is crisp and readable in sun.",
        "Workout summaries are clear and fun to check.",
      ],
      mixed: [
        "At 44 g it's noticeable when sleeping.",
        "Third-party app choice is thin compared with bigger brands.",
        "The stock strap is fine; I swapped it for leather.",
      ],
      dislike: [
        "At 46 mm it swamps my wrist, wish there was a smaller one.",
        "Lost connection to my phone twice a day until I reinstalled the app.",
      ],
    },
  },
  buds: {
    titles: {
      love: [
        "ANC punches above its price",
        "Great bass, clear mids",
        "Metro is silent now",
        "Comfy for hours",
      ],
      like: ["Very good sound", "Fits well", "Great for calls indoors"],
      mixed: ["Good ANC, average mic", "Case a bit bulky", "App EQ needed"],
      dislike: ["Fall out when running", "Left bud disconnects"],
    },
    bodies: {
      love: [
        "Noise cancelling kills the metro rumble completely.",
        "Bass is deep without drowning the vocals.",
        "I wear them through a whole work day without sore ears.",
        "Switching between laptop and phone just works.",
      ],
      like: [
        "Sound is balanced out of the box, a little EQ makes it great.",
        "The medium tips fit me perfectly.",
        "Battery easily lasts my commute all week.",
      ],
      mixed: [
        "On calls outdoors people say I sound distant in wind.",
        "The case is chunkier than I'd like for jeans pockets.",
        "Default sound is bright; fixed it in the app.",
      ],
      dislike: [
        "They work loose during runs, even with the large tips.",
        "The left earbud drops out every few days and needs a reset.",
      ],
    },
  },
  "power-bank": {
    titles: {
      love: ["Charges everything", "Weekend trip sorted", "Fast and solid", "Always in my bag"],
      like: ["Does the job well", "Good capacity", "Nice build"],
      mixed: ["Heavy but worth it", "Slow to recharge itself"],
      dislike: ["Runs warm", "Not 33 W on my laptop"],
    },
    bodies: {
      love: [
        "Topped up my phone four times on a camping weekend.",
        "Phone, earbuds and watch charging at once on the train.",
        "The aluminium shell feels premium and survived a drop.",
        "Fast-charges my Kite 9 almost as quickly as the wall charger.",
      ],
      like: [
        "Capacity is as advertised, about four phone charges.",
        "The LEDs make it easy to see how much is left.",
        "Three ports is exactly what I needed for travel.",
      ],
      mixed: ["At 380 g you notice it in a small bag.", "Takes around four hours to refill from empty."],
      dislike: ["Gets noticeably warm when charging two things.", "My laptop only pulls about 20 W from it."],
    },
  },
  router: {
    titles: {
      love: ["Whole flat covered", "Setup in 2 minutes", "Gaming ping dropped", "Finally fast Wi-Fi"],
      like: ["Big upgrade", "Stable for weeks", "Mesh works great"],
      mixed: ["Fast but big", "App could be clearer"],
      dislike: ["Dropouts at night", "Settings too basic"],
    },
    bodies: {
      love: [
        "The bedroom at the far end gets full speed now.",
        "Scanned the code, named the network, done.",
        "Twenty-plus devices online and nothing slows down.",
        "Paired it with my old Kite router as a mesh in one tap.",
      ],
      like: [
        "Hasn't needed a restart since I installed it.",
        "Big jump from my old Wi-Fi 5 box in every room.",
        "Antennas are adjustable, which helped through a thick wall.",
      ],
      mixed: [
        "With four antennas up it takes over the shelf.",
        "Advanced settings are hidden a few menus deep.",
      ],
      dislike: [
        "Lost connection a few times late at night until a firmware update.",
        "No VPN server or detailed QoS, so power users look elsewhere.",
      ],
    },
  },
  camera: {
    titles: {
      love: ["Crystal clear at night", "No subscription!", "Watches the cat perfectly", "Great value"],
      like: ["Sharp picture", "Easy setup", "Person alerts work"],
      mixed: ["Good, app is slow", "Speaker is quiet"],
      dislike: ["Too many alerts", "Wi-Fi drops"],
    },
    bodies: {
      love: [
        "Night vision is sharp enough to read the clock across the room.",
        "Clips go to my own NAS, no monthly fee, exactly what I wanted.",
        "Panning around to find the cat from the office is the highlight of my day.",
        "2K makes a real difference when you zoom in on the door.",
      ],
      like: [
        "Set up in five minutes, the app walks you through it.",
        "Person detection ignores the moving curtains now.",
        "Two-way talk is clear enough to tell the dog off.",
      ],
      mixed: [
        "The live view takes a few seconds to open in the app.",
        "The speaker is quiet if the TV is on.",
      ],
      dislike: [
        "Alerts every time a car's headlights sweep the window.",
        "Loses Wi-Fi a couple of times a week in the hallway.",
      ],
    },
  },
};

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

function toneOf(stars: number): Tone {
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
  const kind = BY_KIND[product.kind];
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
    const useGenericTitle = rng() < 0.3;
    const title = pick(rng, useGenericTitle ? GENERIC.titles[tone] : kind.titles[tone]);
    const first = pick(rng, kind.bodies[tone]);
    const second = rng() < 0.55 ? pick(rng, GENERIC.bodies[tone]) : null;
    const sku = pick(rng, skuList);
    // Older reviews have had more time to collect votes; most still sit at 0–3.
    const age = rng();
    const helpfulCount = Math.floor(rng() ** 3 * (6 + age * 40));
    return {
      authorName: authorName(rng),
      rating: stars,
      title,
      body: second ? `${first} ${second}` : first,
      variantLabel: variantLabel(sku),
      verified: rng() < 0.8,
      helpfulCount,
      createdAt: new Date(REVIEWS_AS_OF.getTime() - Math.floor(age * windowMs)),
    };
  });
  return rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}
