#!/usr/bin/env node
// The store as the e2e suite sees it: the built app on its own port, a fresh database, the local Stripe server
// on its own port, and the QA tools (test clock, reset route) switched on with a test secret.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const port = process.env.E2E_PORT ?? "3100";
// Follows the store's port (3100 → 12112), so two suites on one machine on different ports never share one.
const stripePort = process.env.E2E_STRIPE_PORT ?? String(Number(port) + 9012);
// The suite's own SMTP server (e2e/support/smtp-sink.ts): the store sends every mail to it, as it would to a real
// relay; the tests read what arrived (e2e/support/mail.ts). Port and folder follow the store's port too.
const smtpPort = process.env.E2E_SMTP_PORT ?? String(Number(port) + 9013);
const smtpDir = process.env.E2E_SMTP_DIR ?? join(tmpdir(), `kite-e2e-smtp-${port}`);
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  STORE_ENV: "test",
  NEXTAUTH_URL: `http://localhost:${port}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret",
  QA_SECRET: process.env.QA_SECRET ?? "e2e-qa-secret-0123456789",
  STRIPE_LOCAL_PORT: stripePort,
  STRIPE_WEBHOOK_URL: `http://127.0.0.1:${port}/api/stripe/webhook`,
  STRIPE_WEBHOOK_SECRET: process.env.STRIPE_WEBHOOK_SECRET ?? "whsec_e2e_local_secret",
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  // Mails leave within a second, so a test waits on the mail, not on the worker's pace.
  MAIL_SEND_INTERVAL_MS: process.env.MAIL_SEND_INTERVAL_MS ?? "1000",
};
if (process.env.E2E_DATABASE_URL) {
  env.DATABASE_URL = process.env.E2E_DATABASE_URL;
} else {
  delete env.DATABASE_URL;
  env.PGLITE_DIR = ".data/e2e";
  rmSync(".data/e2e", { recursive: true, force: true });
}

// Children stay in this process group, so Playwright stopping the group stops them all.
// The data cache lives on disk and would outlive the fresh database (ids of rows that no longer exist).
// So do the cached pages (ISR): a page rendered against yesterday's database must not be served from this one's.
rmSync(".next/cache/fetch-cache", { recursive: true, force: true });
rmSync(".next/server/route-cache", { recursive: true, force: true });

const children = [];
function stop() {
  for (const c of children) c.kill("SIGTERM");
}
process.on("SIGTERM", () => {
  stop();
  process.exit(0);
});
process.on("SIGINT", () => {
  stop();
  process.exit(0);
});
process.on("exit", stop);

// Keep-alive longer than a load balancer's 60 s idle timeout (and a test client's pooled sockets): with Node's
// default 5 s, a client can reuse a socket just as the server closes it and get ECONNRESET (seen in CI).
for (const [cmd, args] of [
  ["node_modules/.bin/tsx", ["stripe-local/cli.ts"]],
  ["node_modules/.bin/tsx", ["e2e/support/smtp-sink.ts", smtpPort, smtpDir]],
  // `next start` plus the socket's address for per-address rate limits (scripts/server.mjs).
  [process.execPath, ["scripts/server.mjs", "--port", port, "--keepAliveTimeout", "65000"]],
]) {
  const child = spawn(cmd, args, { stdio: "inherit", env });
  children.push(child);
  child.on("exit", (code) => {
    console.error(`[e2e-server] ${args.join(" ")} exited with ${code}`);
    stop();
    process.exit(code ?? 1);
  });
}
