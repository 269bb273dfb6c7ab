import { z } from "zod";

/**
 * The store's environment, read once and validated. A bad value fails at start with a message that names the
 * variable. Server-only: never import this from a client component.
 */
const bool = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")
  .optional();

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** Which deployment this is. Next sets NODE_ENV=production for every `next start`, staging included. */
    STORE_ENV: z.enum(["development", "test", "staging", "production"]).default("development"),
    DATABASE_URL: z
      .string()
      .url()
      .refine(
        (u) => u.startsWith("postgres://") || u.startsWith("postgresql://"),
        "must be a postgres:// URL",
      )
      .optional(),
    PGLITE_DIR: z.string().min(1).default(".data/pglite"),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
    SEED_DEMO: bool,
    NEXTAUTH_SECRET: z.string().min(16).optional(),
    NEXTAUTH_URL: z.string().url().optional(),
    STORE_TIMEZONE: z
      .string()
      .default("Asia/Shanghai")
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat("en", { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, "must be an IANA time zone such as Asia/Shanghai"),
    STORE_CURRENCY: z
      .string()
      .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as CNY")
      .default("CNY"),
    STORE_LOCALE: z.string().default("en-US"),
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^sk_(test|live)_/, "must start with sk_test_ or sk_live_")
      .optional(),
    STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
    STRIPE_LOCAL_PORT: z.coerce.number().int().min(1).max(65535).default(12111),
    HOLD_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(10),
    CHECKOUT_SESSIONS_PER_SECOND: z.coerce.number().positive().max(1000).optional(),
    CRON_SECRET: z.string().min(16).optional(),
    QA_SECRET: z.string().min(16).optional(),
    REDIS_URL: z.string().url().optional(),
  })
  .superRefine((env, ctx) => {
    if (
      env.NODE_ENV === "production" &&
      !env.NEXTAUTH_SECRET &&
      process.env.NEXT_PHASE !== "phase-production-build"
    ) {
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "is required in production" });
    }
  });

export type Env = z.infer<typeof schema>;

function readEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env: Env = readEnv();

/** The local Stripe-compatible server stands in when no real key is configured. */
export const usesLocalStripe = !env.STRIPE_SECRET_KEY;

/** The test clock and reset route exist only when a QA secret is set and this is not production. */
export const qaToolsEnabled = Boolean(env.QA_SECRET) && env.STORE_ENV !== "production";

/**
 * Checkout Sessions per second for flash-sale winners, store-wide. Stripe allows about 100 writes/s live and 25/s
 * in test mode (the local server enforces 25 too), so the defaults stay under each.
 */
export const checkoutSessionsPerSecond =
  env.CHECKOUT_SESSIONS_PER_SECOND ?? (env.STRIPE_SECRET_KEY?.startsWith("sk_live_") ? 80 : 20);
