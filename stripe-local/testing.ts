import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

/**
 * The real SDK pointed at a local server, with retries off so tests count exactly the calls they make.
 * `timeoutMs` (the SDK's own request timeout) makes a client that gives up quickly on an answer held back.
 */
export function localStripe(
  port: number,
  apiKey = "sk_test_local",
  { timeoutMs }: { timeoutMs?: number } = {},
): Stripe {
  return new Stripe(apiKey, {
    host: "127.0.0.1",
    port,
    protocol: "http",
    telemetry: false,
    maxNetworkRetries: 0,
    ...(timeoutMs === undefined ? {} : { timeout: timeoutMs }),
  });
}

export interface ReceivedWebhook {
  body: string;
  signature: string;
  type: string;
  eventId: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  waitFor(predicate: (hook: ReceivedWebhook) => boolean, timeoutMs?: number): Promise<ReceivedWebhook>;
  close(): Promise<void>;
}

/** A tiny webhook endpoint; `statusFor(n)` picks (or delays) the status of the n-th delivery, 1-based. */
export async function startWebhookReceiver(
  statusFor: (n: number) => number | Promise<number> = () => 200,
): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const parsed = JSON.parse(body) as { id: string; type: string };
      received.push({
        body,
        signature: String(req.headers["stripe-signature"] ?? ""),
        type: parsed.type,
        eventId: parsed.id,
      });
      void Promise.resolve(statusFor(received.length)).then((status) => res.writeHead(status).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    received,
    async waitFor(predicate, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const match = received.find(predicate);
        if (match) return match;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(
        `No matching webhook within ${timeoutMs} ms; got: ${received.map((h) => h.type).join(", ")}`,
      );
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Submits the hosted checkout form the way a browser does, without following the redirect. */
export async function submitCard(sessionUrl: string, card: string, email = ""): Promise<Response> {
  return fetch(`${sessionUrl}/pay`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ card, email }).toString(),
    redirect: "manual",
  });
}

export function lineItem(name: string, unitAmount: number, quantity = 1, currency = "usd") {
  return { price_data: { currency, unit_amount: unitAmount, product_data: { name } }, quantity };
}
