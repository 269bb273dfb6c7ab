import { z } from "zod";
import { DEFAULT_WEBHOOK_SECRET, startStripeLocal } from "./server";

const Env = z.object({
  STRIPE_LOCAL_PORT: z.coerce.number().int().min(0).max(65_535).default(12_111),
  STRIPE_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:3000/api/stripe/webhook"),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).default(DEFAULT_WEBHOOK_SECRET),
  STRIPE_LOCAL_WRITE_RATE: z.coerce.number().min(0).default(25),
  STRIPE_LOCAL_FAIL_RATE: z.coerce.number().min(0).max(1).default(0),
  STRIPE_LOCAL_FAIL_500_RATE: z.coerce.number().min(0).max(1).default(0),
  STRIPE_LOCAL_TIMEOUT_RATE: z.coerce.number().min(0).max(1).default(0),
});

// No top-level await: the repo's package.json has no "type": "module", so tsx runs this file as CommonJS.
async function main(): Promise<void> {
  const parsed = Env.safeParse(process.env);
  if (!parsed.success) {
    console.error(`stripe-local: bad environment\n${z.prettifyError(parsed.error)}`);
    process.exit(1);
  }
  const env = parsed.data;
  const server = await startStripeLocal({
    port: env.STRIPE_LOCAL_PORT,
    webhookUrl: env.STRIPE_WEBHOOK_URL,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    writeRateLimit: env.STRIPE_LOCAL_WRITE_RATE,
    failRate: env.STRIPE_LOCAL_FAIL_RATE,
    fail500Rate: env.STRIPE_LOCAL_FAIL_500_RATE,
    timeoutRate: env.STRIPE_LOCAL_TIMEOUT_RATE,
    log: (line) => console.error(line),
  });
  console.log(`stripe-local listening on ${server.url} (webhooks to ${env.STRIPE_WEBHOOK_URL})`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void server.close().then(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error("stripe-local failed to start:", error);
  process.exit(1);
});
