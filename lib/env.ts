import { z } from "zod";

/**
 * The store's environment, read once and validated. A bad value fails at start with a message that names the
 * variable. Server-only: never import this from a client component.
 */
const bool = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")
  .optional();

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /**
   * Which deployment this is. Unset, it follows NODE_ENV: `next start` (NODE_ENV=production) is production, so a
   * deployment that forgets it gets the safe side (no demo data, no QA tools, secrets required). `npm start`
   * (scripts/start.mjs) and the e2e server say `development` / `test` explicitly.
   */
  STORE_ENV: z.enum(["development", "test", "staging", "production"]).optional(),
  DATABASE_URL: z
    .string()
    .url()
    .refine((u) => u.startsWith("postgres://") || u.startsWith("postgresql://"), "must be a postgres:// URL")
    .optional(),
  /**
   * `transaction` when DATABASE_URL is PgBouncer in transaction pooling (the production topology: README): no
   * named prepared statements, and migrations over DATABASE_DIRECT_URL. Default `session` (straight to PostgreSQL).
   */
  DATABASE_POOL_MODE: z.enum(["session", "transaction"]).default("session"),
  /** Straight to PostgreSQL (not the pooler): migrations hold a session advisory lock. */
  DATABASE_DIRECT_URL: z
    .string()
    .url()
    .refine((u) => u.startsWith("postgres://") || u.startsWith("postgresql://"), "must be a postgres:// URL")
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
  REDIS_URL: z
    .string()
    .url()
    .refine(
      (u) => u.startsWith("redis://") || u.startsWith("rediss://"),
      "must be a redis:// or rediss:// URL",
    )
    .optional(),
  /**
   * Put before every key the store writes to Redis (Next's cache, rate limits, live figures), so deployments or
   * test runs that share one Redis stay apart. Read by lib/cache/redis-cache-handler.mjs too.
   */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:._-]{1,64}$/, "must be 1-64 letters, digits or : . _ -")
    .default("kite:"),
  /**
   * Where the mail outbox sends (lib/mail/worker.ts): `smtp://user:pass@host:587` (STARTTLS when offered) or
   * `smtps://…:465`. Unset, mails stay in the outbox and the development mailbox (/dev/mailbox) shows them.
   */
  SMTP_URL: z
    .string()
    .url()
    .refine((u) => u.startsWith("smtp://") || u.startsWith("smtps://"), "must be an smtp:// or smtps:// URL")
    .optional(),
  /** The From of every mail: `Name <address>` or a bare address. */
  MAIL_FROM: z
    .string()
    .trim()
    .regex(/^([^<>]+<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, "must be an address or Name <address>")
    .default("Kite <no-reply@kite.test>"),
  /**
   * Mails per second the SMTP service accepts from us (its plan's sending rate). Bulk mail (sale reminders) is put
   * in the outbox no faster than this, so receipts and resets never queue behind a million reminders.
   */
  MAIL_RATE_PER_SECOND: z.coerce.number().positive().max(100_000).default(50),
  /**
   * How many proxies in front of the store append to X-Forwarded-For (a load balancer: 1). 0: client addresses
   * come from the socket (scripts/server.mjs records it); README: Security.
   */
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
});

type ParsedEnv = z.infer<typeof schema>;
export type StoreEnv = NonNullable<ParsedEnv["STORE_ENV"]>;
export type Env = Omit<ParsedEnv, "STORE_ENV"> & { STORE_ENV: StoreEnv };

/**
 * What a production server must have, and must not have, read from the raw variables so that every problem is
 * reported at once, next to any malformed value. Checked when a production server starts (NODE_ENV and STORE_ENV
 * both production), never during `next build`, which has no secrets.
 */
function productionProblems(raw: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  const need = (name: string, why: string) => {
    if (!raw[name]) problems.push(`${name}: is required in production (${why})`);
  };
  need("DATABASE_URL", "PostgreSQL; the embedded PGlite is one process with no backups");
  if (raw.DATABASE_POOL_MODE === "transaction") {
    need(
      "DATABASE_DIRECT_URL",
      "migrations bypass the transaction pooler: they hold a session advisory lock",
    );
  }
  need("NEXTAUTH_SECRET", "signs sessions; 32+ random bytes");
  need("NEXTAUTH_URL", "the store's https:// address");
  if (raw.NEXTAUTH_URL && URL.canParse(raw.NEXTAUTH_URL) && new URL(raw.NEXTAUTH_URL).protocol !== "https:") {
    problems.push("NEXTAUTH_URL: must be https:// in production (session cookies then travel only over TLS)");
  }
  need("STRIPE_SECRET_KEY", "without it the store pays through the local test server");
  need("STRIPE_WEBHOOK_SECRET", "without it Stripe's webhooks cannot be verified");
  need("CRON_SECRET", "guards the /api/cron/* routes (holds, payments, mail); 16+ characters");
  if (raw.QA_SECRET) problems.push("QA_SECRET: must not be set in production (it switches the QA tools on)");
  if (raw.SEED_DEMO !== undefined) {
    problems.push(
      "SEED_DEMO: must not be set in production (the demo accounts' passwords are in the README)",
    );
  }
  if (!Number(raw.TRUSTED_PROXIES ?? 0) && raw.KITE_SOCKET_ADDRESS_HEADER !== "1") {
    problems.push(
      "TRUSTED_PROXIES: set it to the number of proxies in front (usually 1), or start with scripts/server.mjs, " +
        "so that rate limits see client addresses",
    );
  }
  return problems;
}

/** Validates `raw` (process.env): every malformed, missing or unsafe setting in one error, or the typed Env. */
export function readEnv(raw: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(raw);
  const lines = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  const nodeEnv = raw.NODE_ENV ?? "development";
  const storeEnv = raw.STORE_ENV ?? (nodeEnv === "production" ? "production" : "development");
  if (nodeEnv === "production" && raw.NEXT_PHASE !== "phase-production-build") {
    if (storeEnv === "production") lines.push(...productionProblems(raw));
    else if (!raw.NEXTAUTH_SECRET) lines.push("NEXTAUTH_SECRET: is required in production");
  }
  if (!parsed.success || lines.length > 0) {
    throw new Error(`Invalid environment:\n${lines.map((line) => `  ${line}`).join("\n")}`);
  }
  return { ...parsed.data, STORE_ENV: storeEnv as StoreEnv };
}

export const env: Env = readEnv();

/** Production: no demo data, no QA tools, secure cookies, every secret set (checked above). */
export const isProduction = env.STORE_ENV === "production";

/**
 * Demo accounts and demo data are loaded only where nobody real signs in: development and tests, or a staging
 * deployment that asks with SEED_DEMO=true. Production never seeds (SEED_DEMO there is refused at start).
 */
export const seedsDemoData =
  env.STORE_ENV === "development" || env.STORE_ENV === "test"
    ? env.SEED_DEMO !== false
    : env.STORE_ENV === "staging" && env.SEED_DEMO === true;

/** The local Stripe-compatible server stands in when no real key is configured. */
export const usesLocalStripe = !env.STRIPE_SECRET_KEY;

/** The test clock and reset route exist only when a QA secret is set and this is not production. */
export const qaToolsEnabled = Boolean(env.QA_SECRET) && !isProduction;

/**
 * Checkout Sessions per second for flash-sale winners, store-wide. Stripe allows about 100 writes/s live and 25/s
 * in test mode (the local server enforces 25 too), so the defaults stay under each.
 */
export const checkoutSessionsPerSecond =
  env.CHECKOUT_SESSIONS_PER_SECOND ?? (env.STRIPE_SECRET_KEY?.startsWith("sk_live_") ? 80 : 20);

/**
 * The development mailbox (/dev/mailbox) lists every mail in the outbox, password-reset links included, to anyone
 * who can reach the server: only where nobody real has an account (development and tests), never on staging or
 * production, whatever SMTP_URL says.
 */
export const devMailboxEnabled = env.STORE_ENV === "development" || env.STORE_ENV === "test";
