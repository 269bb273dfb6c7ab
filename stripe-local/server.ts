import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { escapeHtml, renderCheckoutPage, renderNoticePage } from "./checkout-page";
import { invalidRequest, rateLimited, resourceMissing, StripeApiError, unrecognizedUrl } from "./errors";
import { canonicalJson, parseStripeForm } from "./form";
import { IdempotencyStore } from "./idempotency";
import { type Context, Ledger, type SessionEntry } from "./ledger";
import { createdFilter, page, typeMatcher } from "./lists";
import { type EventRequest, newId, type StripeEvent } from "./objects";
import { Params } from "./params";
import { WriteRateLimiter } from "./rate-limit";
import { WebhookDispatcher } from "./webhooks";

/** The API version stripe@23 pins; events carry it and responses echo the caller's `Stripe-Version` instead. */
export const DEFAULT_API_VERSION = "2026-10-28.endive";
export const DEFAULT_WEBHOOK_SECRET = "whsec_local_kite_development_secret";

export interface StripeLocalOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  webhookUrl?: string;
  webhookSecret?: string;
  /** Writes per second per API key before answering 429; 0 turns the limit off. Stripe test mode allows 25. */
  writeRateLimit?: number;
  /** Share (0..1) of API requests answered 429 at random. */
  failRate?: number;
  /** Share (0..1) of API requests answered 500 before they run (an outage in front of the API). */
  fail500Rate?: number;
  /**
   * Share (0..1) of API requests that run but are never answered (the response is lost): the socket is held for
   * `timeoutHoldMs` and then destroyed, so the client times out. A retry with the same idempotency key replays.
   */
  timeoutRate?: number;
  timeoutHoldMs?: number;
  maxWebhookAttempts?: number;
  /** First retry delay; each later one doubles. */
  webhookRetryBaseMs?: number;
  /** Business clock in milliseconds (session times, expiry, event `created`). */
  now?: () => number;
  apiVersion?: string;
  log?: (line: string) => void;
}

export interface StripeLocalState {
  requests: number;
  rateLimited: number;
  sessionsCreated: number;
  eventsCreated: number;
  webhooksDelivered: number;
  webhooksFailed: number;
  webhooksAbandoned: number;
  webhooksPending: number;
  failRate: number;
  fail500Rate: number;
  timeoutRate: number;
  /** Wall-clock ms when the 500s and timeouts stop by themselves; null while they last until changed. */
  faultsUntil: number | null;
  failed500: number;
  timedOut: number;
  writeRateLimit: number;
  webhookUrl: string | null;
  clockOffsetSeconds: number;
}

const ControlUpdateSchema = z.strictObject({
  rate429: z.number().min(0).max(1).optional(),
  /** The next N API requests answer 429, then requests go through again: a deterministic rate-limit burst. */
  fail429Next: z.number().int().min(0).max(1000).optional(),
  /** The next N API requests answer 500 before they run: a deterministic outage (counted before `timeoutNext`). */
  fail500Next: z.number().int().min(0).max(1000).optional(),
  /** The next N API requests (after any `fail500Next`) run but are never answered: deterministic lost answers. */
  timeoutNext: z.number().int().min(0).max(1000).optional(),
  failRate: z.number().min(0).max(1).optional(),
  fail500Rate: z.number().min(0).max(1).optional(),
  timeoutRate: z.number().min(0).max(1).optional(),
  /** The 500s and timeouts set in the same update last this long (wall clock), then turn off by themselves. */
  faultSeconds: z.number().positive().optional(),
  writeRateLimit: z.number().min(0).optional(),
  webhookUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .optional(),
  webhookSecret: z.string().min(1).optional(),
  advanceClockSeconds: z.number().int().optional(),
  resetCounters: z.boolean().optional(),
});

/** Body of `POST /__control`; `rate429` and `failRate` are the same setting. */
export type ControlUpdate = z.input<typeof ControlUpdateSchema>;

export interface StripeLocalControl {
  state(): StripeLocalState;
  /** Same payload as `POST /__control`; throws on invalid input. */
  update(update: ControlUpdate): StripeLocalState;
  /** Resolves when every queued webhook has been delivered or abandoned. */
  webhooksIdle(): Promise<void>;
  /** Runs the expiry sweep now instead of waiting for the next tick. */
  sweep(): number;
}

export interface StripeLocalServer {
  url: string;
  port: number;
  close(): Promise<void>;
  control: StripeLocalControl;
}

const OptionsSchema = z.object({
  port: z.number().int().min(0).max(65_535).default(0),
  host: z.string().min(1).default("127.0.0.1"),
  webhookUrl: z.url({ protocol: /^https?$/ }).optional(),
  webhookSecret: z.string().min(1).default(DEFAULT_WEBHOOK_SECRET),
  writeRateLimit: z.number().min(0).default(25),
  failRate: z.number().min(0).max(1).default(0),
  fail500Rate: z.number().min(0).max(1).default(0),
  timeoutRate: z.number().min(0).max(1).default(0),
  timeoutHoldMs: z.number().int().min(0).default(30_000),
  maxWebhookAttempts: z.number().int().min(1).default(8),
  webhookRetryBaseMs: z.number().min(0).default(500),
  apiVersion: z.string().min(1).default(DEFAULT_API_VERSION),
});

const MAX_BODY_BYTES = 1_000_000;
const API_KEY = /^(sk|rk)_test_[A-Za-z0-9_]+$/;
const EVENT_TYPES_MAX = 20;
const SESSION_ROUTE = /^\/v1\/checkout\/sessions\/([^/]+)(?:\/(expire|line_items))?$/;
const OBJECT_ROUTE = /^\/v1\/(payment_intents|charges|refunds|events)\/([^/]+)$/;
const PAGE_ROUTE = /^\/checkout\/([^/]+)(?:\/(pay|cancel))?$/;

/** Starts the local Stripe-compatible server; see stripe-local/README.md. */
export async function startStripeLocal(options: StripeLocalOptions = {}): Promise<StripeLocalServer> {
  const config = OptionsSchema.parse(options);
  const log = options.log ?? (() => {});
  const businessClock = options.now ?? Date.now;
  const settings = {
    failRate: config.failRate,
    fail429Next: 0,
    fail500Next: 0,
    timeoutNext: 0,
    fail500Rate: config.fail500Rate,
    timeoutRate: config.timeoutRate,
    faultsUntil: null as number | null,
    webhookUrl: config.webhookUrl ?? null,
    webhookSecret: config.webhookSecret,
    clockOffsetMs: 0,
  };
  const counters = {
    requests: 0,
    rateLimited: 0,
    sessionsCreated: 0,
    eventsCreated: 0,
    failed500: 0,
    timedOut: 0,
  };
  const heldSockets = new Set<NodeJS.Timeout>();
  /** Never answers: holds the socket for `timeoutHoldMs`, then drops it (the client's timeout fires first). */
  function loseAnswer(res: ServerResponse): void {
    counters.timedOut += 1;
    const timer = setTimeout(() => {
      heldSockets.delete(timer);
      res.destroy();
    }, config.timeoutHoldMs);
    heldSockets.add(timer);
    res.once("close", () => {
      clearTimeout(timer);
      heldSockets.delete(timer);
    });
  }
  /** 500s and timeouts apply while their window lasts (Date.now: a real outage, not the business clock). */
  const faultRates = () => {
    if (settings.faultsUntil !== null && Date.now() >= settings.faultsUntil) {
      settings.fail500Rate = 0;
      settings.timeoutRate = 0;
      settings.faultsUntil = null;
    }
    return { fail500: settings.fail500Rate, timeout: settings.timeoutRate };
  };
  const nowSeconds = () => Math.floor((businessClock() + settings.clockOffsetMs) / 1000);
  const context = (request: EventRequest = { id: null, idempotency_key: null }): Context => ({
    now: nowSeconds(),
    request,
  });

  let baseUrl = "";
  const events = new Map<string, StripeEvent>();
  const dispatcher = new WebhookDispatcher({
    target: () => (settings.webhookUrl ? { url: settings.webhookUrl, secret: settings.webhookSecret } : null),
    maxAttempts: config.maxWebhookAttempts,
    retryBaseMs: config.webhookRetryBaseMs,
    onAttemptFailed: (event, attempt, reason) =>
      log(
        `webhook ${event.type} ${event.id} attempt ${attempt}/${config.maxWebhookAttempts} failed: ${reason}`,
      ),
  });
  const ledger = new Ledger({
    checkoutUrl: (id) => `${baseUrl}/checkout/${id}`,
    emit: (type, object, request) => {
      counters.eventsCreated += 1;
      const event: StripeEvent = {
        id: newId("evt"),
        object: "event",
        api_version: config.apiVersion,
        created: nowSeconds(),
        data: { object: structuredClone(object) },
        livemode: false,
        pending_webhooks: settings.webhookUrl ? 1 : 0,
        request: { ...request },
        type,
      };
      events.set(event.id, event);
      dispatcher.enqueue(event);
    },
  });
  const limiter = new WriteRateLimiter(config.writeRateLimit);
  const idempotency = new IdempotencyStore();

  function state(): StripeLocalState {
    const webhooks = dispatcher.snapshot();
    const rates = faultRates();
    return {
      ...counters,
      webhooksDelivered: webhooks.delivered,
      webhooksFailed: webhooks.failedAttempts,
      webhooksAbandoned: webhooks.abandoned,
      webhooksPending: webhooks.pending,
      failRate: settings.failRate,
      fail500Rate: rates.fail500,
      timeoutRate: rates.timeout,
      faultsUntil: settings.faultsUntil,
      writeRateLimit: limiter.limit,
      webhookUrl: settings.webhookUrl,
      clockOffsetSeconds: settings.clockOffsetMs / 1000,
    };
  }

  function update(input: ControlUpdate): StripeLocalState {
    const change = ControlUpdateSchema.parse(input);
    const failRate = change.rate429 ?? change.failRate;
    if (failRate !== undefined) settings.failRate = failRate;
    if (change.fail429Next !== undefined) settings.fail429Next = change.fail429Next;
    if (change.fail500Next !== undefined) settings.fail500Next = change.fail500Next;
    if (change.timeoutNext !== undefined) settings.timeoutNext = change.timeoutNext;
    if (change.fail500Rate !== undefined) settings.fail500Rate = change.fail500Rate;
    if (change.timeoutRate !== undefined) settings.timeoutRate = change.timeoutRate;
    if (change.fail500Rate !== undefined || change.timeoutRate !== undefined) {
      settings.faultsUntil =
        change.faultSeconds === undefined ? null : Date.now() + change.faultSeconds * 1000;
    }
    if (change.writeRateLimit !== undefined) limiter.setLimit(change.writeRateLimit);
    if (change.webhookUrl !== undefined) settings.webhookUrl = change.webhookUrl;
    if (change.webhookSecret !== undefined) settings.webhookSecret = change.webhookSecret;
    if (change.advanceClockSeconds !== undefined) settings.clockOffsetMs += change.advanceClockSeconds * 1000;
    if (change.resetCounters) {
      counters.requests = 0;
      counters.rateLimited = 0;
      counters.sessionsCreated = 0;
      counters.eventsCreated = 0;
      counters.failed500 = 0;
      counters.timedOut = 0;
      dispatcher.resetCounters();
    }
    if (change.advanceClockSeconds !== undefined) ledger.sweep(context());
    return state();
  }

  function route(method: string, path: string, params: Params, ctx: Context): object {
    const expand = params.stringList("expand");
    if (path === "/v1/checkout/sessions" && method === "POST") {
      const entry = ledger.createSession(params, ctx);
      counters.sessionsCreated += 1;
      return ledger.expand(entry.session, expand);
    }
    if (path === "/v1/refunds" && method === "POST")
      return ledger.expand(ledger.createRefund(params, ctx), expand);

    if (path === "/v1/events" && method === "GET") return listEvents(params);
    if (path === "/v1/refunds" && method === "GET") return ledger.listRefunds(params);

    const session = SESSION_ROUTE.exec(path);
    if (session?.[1]) {
      const id = safeDecode(session[1]);
      const action = session[2];
      if (method === "GET" && action === undefined) {
        params.allowOnly(["expand"]);
        return ledger.expand(refreshed(id, ctx).session, expand);
      }
      if (method === "POST" && action === "expire") {
        params.allowOnly(["expand"]);
        refreshed(id, ctx);
        return ledger.expand(ledger.expireSession(id, ctx).session, expand);
      }
      if (method === "GET" && action === "line_items")
        return ledger.listLineItems(refreshed(id, ctx), params);
    }

    const object = OBJECT_ROUTE.exec(path);
    if (object?.[1] && object[2] && method === "GET") {
      params.allowOnly(["expand"]);
      const id = safeDecode(object[2]);
      if (object[1] === "payment_intents") return ledger.expand(ledger.getPaymentIntent(id), expand);
      if (object[1] === "charges") return ledger.expand(ledger.getCharge(id), expand);
      if (object[1] === "refunds") return ledger.expand(ledger.getRefund(id), expand);
      const event = events.get(id);
      if (!event) throw resourceMissing("event", id, "id");
      return ledger.expand(event, expand);
    }
    throw unrecognizedUrl(method, path);
  }

  /**
   * `GET /v1/events`: newest first, filtered by `type` (one name or a `*` group) or `types[]` (up to 20 names),
   * and by `created`, paged with `limit`, `starting_after`, `ending_before`. Like Stripe it lists every event
   * of the account, whether or not a webhook was delivered.
   */
  function listEvents(params: Params): object {
    params.allowOnly(["created", "ending_before", "expand", "limit", "starting_after", "type", "types"]);
    ledger.expandList(params.stringList("expand"));
    const type = params.string("type");
    const types = params.stringList("types");
    if (type !== undefined && types.length > 0) {
      throw invalidRequest("You may only specify one of these parameters: type, types.", { param: "types" });
    }
    if (types.length > EVENT_TYPES_MAX) {
      throw invalidRequest(`You can pass at most ${EVENT_TYPES_MAX} types.`, { param: "types" });
    }
    const matchType =
      type !== undefined
        ? typeMatcher(type)
        : types.length > 0
          ? (t: string) => types.includes(t)
          : () => true;
    const created = createdFilter(params);
    const matching = [...events.values()].filter((e) => matchType(e.type) && created(e.created)).reverse();
    return page(matching, params, { url: "/v1/events", objectName: "event" });
  }

  /** Expire-on-read, so a session past `expires_at` never shows as open between sweeps. */
  function refreshed(id: string, ctx: Context): SessionEntry {
    const entry = ledger.getSession(id);
    if (entry.session.status === "open" && entry.session.expires_at <= ctx.now) {
      ledger.sweep({ now: ctx.now, request: { id: null, idempotency_key: null } });
    }
    return entry;
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    counters.requests += 1;
    const method = req.method ?? "GET";
    const requestId = newId("req", 14);
    const idempotencyKey = headerValue(req, "idempotency-key");
    const isWrite = method === "POST" || method === "DELETE";
    const headers: Record<string, string> = {
      "request-id": requestId,
      "stripe-version": headerValue(req, "stripe-version") ?? config.apiVersion,
    };
    if (isWrite && idempotencyKey) headers["idempotency-key"] = idempotencyKey;
    try {
      const body = await readBody(req);
      const apiKey = authenticate(req);
      const faults = faultRates();
      const fail500Next = settings.fail500Next > 0;
      if (fail500Next) settings.fail500Next -= 1;
      if (fail500Next || (faults.fail500 > 0 && Math.random() < faults.fail500)) {
        counters.failed500 += 1;
        throw new StripeApiError(500, {
          type: "api_error",
          message: "An unknown error occurred (stripe-local: injected 500).",
        });
      }
      const timeoutNext = settings.timeoutNext > 0;
      if (timeoutNext) settings.timeoutNext -= 1;
      const hang = timeoutNext || (faults.timeout > 0 && Math.random() < faults.timeout);
      if (settings.fail429Next > 0) {
        settings.fail429Next -= 1;
        throw rateLimited();
      }
      if (settings.failRate > 0 && Math.random() < settings.failRate) throw rateLimited();
      if (isWrite && !limiter.tryTake(apiKey)) throw rateLimited();
      const form = parseStripeForm(method === "GET" ? url.search.slice(1) : body);

      let fingerprint = "";
      if (isWrite && idempotencyKey) {
        if (idempotencyKey.length > 255) {
          throw invalidRequest("Idempotency keys can be at most 255 characters long.", {
            param: "Idempotency-Key",
          });
        }
        fingerprint = `${method} ${url.pathname}\n${canonicalJson(form)}`;
        const found = idempotency.lookup(apiKey, idempotencyKey, fingerprint, Date.now());
        if (found.kind === "replay") {
          // A replayed answer can be lost on the way back as well: a lost answer the test asked for is spent
          // on whichever request comes next, a retry included.
          if (hang) return loseAnswer(res);
          send(res, found.response.status, found.response.body, {
            ...headers,
            "content-type": "application/json",
            "idempotent-replayed": "true",
            "original-request": found.response.requestId,
          });
          return;
        }
        if (found.kind === "mismatch") {
          throw new StripeApiError(400, {
            type: "idempotency_error",
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
          });
        }
      }

      const ctx = context({ id: requestId, idempotency_key: isWrite ? (idempotencyKey ?? null) : null });
      const payload = JSON.stringify(route(method, url.pathname, new Params(form), ctx), null, 2);
      // Like Stripe, only requests that ran are remembered: a failed validation can be retried with the same key.
      if (fingerprint && idempotencyKey) {
        idempotency.save(
          apiKey,
          idempotencyKey,
          fingerprint,
          { status: 200, body: payload, requestId },
          Date.now(),
        );
      }
      // The work is done and remembered; only the answer is lost, as when a response dies on the way back.
      if (hang) return loseAnswer(res);
      send(res, 200, payload, { ...headers, "content-type": "application/json" });
    } catch (error) {
      if (!(error instanceof StripeApiError)) {
        log(
          `stripe-local: ${method} ${url.pathname} failed: ${error instanceof Error ? error.stack : String(error)}`,
        );
      }
      const apiError =
        error instanceof StripeApiError
          ? error
          : new StripeApiError(500, { type: "api_error", message: "stripe-local hit an unexpected error." });
      if (apiError.status === 429) counters.rateLimited += 1;
      send(res, apiError.status, JSON.stringify({ error: apiError.body }, null, 2), {
        ...headers,
        ...apiError.headers,
        "content-type": "application/json",
      });
    }
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method === "GET" && path === "/__control/state") return sendJson(res, 200, state());
    if (req.method !== "POST" || path !== "/__control") {
      return sendJson(res, 404, {
        error: { type: "invalid_request_error", message: "Unknown control endpoint." },
      });
    }
    let input: unknown;
    try {
      input = JSON.parse((await readBody(req)) || "{}");
    } catch {
      return sendJson(res, 400, { error: { type: "invalid_request_error", message: "Body must be JSON." } });
    }
    const parsed = ControlUpdateSchema.safeParse(input);
    if (!parsed.success) {
      return sendJson(res, 400, {
        error: { type: "invalid_request_error", message: z.prettifyError(parsed.error) },
      });
    }
    sendJson(res, 200, update(parsed.data));
  }

  async function handlePage(
    req: IncomingMessage,
    res: ServerResponse,
    id: string,
    action?: string,
  ): Promise<void> {
    const method = req.method ?? "GET";
    const entry = ledger.sessions.get(id);
    if (!entry) {
      return sendHtml(
        res,
        404,
        renderNoticePage("Checkout not found", `There is no checkout session ${id}.`),
      );
    }
    const ctx = context();
    refreshed(id, ctx);
    if (action === undefined && method === "GET") {
      return entry.session.status === "open"
        ? sendHtml(res, 200, renderCheckoutPage({ entry }))
        : sendHtml(res, 200, closedPage(entry));
    }
    if (action === "cancel" && (method === "GET" || method === "POST")) {
      if (!entry.session.cancel_url) return sendHtml(res, 404, closedPage(entry));
      return redirect(res, entry.session.cancel_url);
    }
    if (action === "pay" && method === "POST") {
      const form = new URLSearchParams(await readBody(req));
      const cardNumber = form.get("card") ?? "";
      const email = form.get("email")?.trim() || null;
      const outcome = ledger.pay(id, { cardNumber, email }, ctx);
      switch (outcome.kind) {
        case "paid":
          return entry.session.success_url
            ? redirect(res, successUrl(entry))
            : sendHtml(res, 200, closedPage(entry));
        case "declined":
          return sendHtml(
            res,
            402,
            renderCheckoutPage({ entry, error: outcome.message, cardNumber, email: email ?? "" }),
          );
        case "unknown_card":
          return sendHtml(
            res,
            422,
            renderCheckoutPage({
              entry,
              error: "Use a test card: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined.",
              cardNumber,
              email: email ?? "",
            }),
          );
        case "not_open":
          return sendHtml(res, 409, closedPage(entry));
      }
    }
    sendHtml(res, 405, renderNoticePage("Not allowed", `${method} is not supported here.`));
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://stripe-local");
    const path = url.pathname;
    let work: Promise<void>;
    if (path.startsWith("/v1/")) work = handleApi(req, res, url);
    else if (path === "/__control" || path.startsWith("/__control/")) work = handleControl(req, res, path);
    else if (path === "/health" && (req.method === "GET" || req.method === "HEAD")) {
      work = Promise.resolve(sendJson(res, 200, { status: "ok" }));
    } else {
      const page = PAGE_ROUTE.exec(path);
      work = page?.[1]
        ? handlePage(req, res, safeDecode(page[1]), page[2])
        : Promise.resolve(
            sendJson(res, 404, { error: { type: "invalid_request_error", message: "Not found." } }),
          );
    }
    work.catch((error: unknown) => {
      log(
        `stripe-local: ${req.method} ${path} failed: ${error instanceof Error ? error.stack : String(error)}`,
      );
      if (!res.headersSent)
        sendJson(res, error instanceof StripeApiError ? error.status : 500, { error: "failed" });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`;

  const sweepTimer = setInterval(() => {
    ledger.sweep(context());
    idempotency.prune(Date.now());
  }, 1_000);
  sweepTimer.unref();

  return {
    url: baseUrl,
    port,
    control: {
      state,
      update,
      webhooksIdle: () => dispatcher.idle(),
      sweep: () => ledger.sweep(context()),
    },
    close: async () => {
      clearInterval(sweepTimer);
      for (const timer of heldSockets) clearTimeout(timer);
      heldSockets.clear();
      dispatcher.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function closedPage(entry: SessionEntry): string {
  const { session } = entry;
  if (session.status === "complete") {
    return renderNoticePage(
      "Payment complete",
      "This checkout session has already been paid.",
      session.success_url ? { href: successUrl(entry), label: "Return to the store" } : undefined,
    );
  }
  return renderNoticePage(
    "Checkout expired",
    "This checkout session has expired. Start checkout again from the store.",
    session.cancel_url ? { href: session.cancel_url, label: "Return to the store" } : undefined,
  );
}

function successUrl(entry: SessionEntry): string {
  return (entry.session.success_url ?? "").replaceAll("{CHECKOUT_SESSION_ID}", entry.session.id);
}

/** A malformed escape (`%E0%A4%A`) is just an id that does not exist, not a server error. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === "" ? undefined : first;
}

function authenticate(req: IncomingMessage): string {
  const header = headerValue(req, "authorization") ?? "";
  const [scheme = "", credential = ""] = header.trim().split(/\s+/, 2);
  let key = "";
  if (scheme.toLowerCase() === "bearer") key = credential;
  // curl -u sk_test_...: sends the key as the Basic user name, which Stripe also accepts.
  else if (scheme.toLowerCase() === "basic")
    key = Buffer.from(credential, "base64").toString("utf8").split(":")[0] ?? "";
  if (!key) {
    throw new StripeApiError(
      401,
      {
        type: "invalid_request_error",
        message:
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
      },
      { "www-authenticate": 'Bearer realm="Stripe"' },
    );
  }
  if (!API_KEY.test(key)) {
    const shown =
      key.length > 12 ? `${key.slice(0, 8)}${"*".repeat(key.length - 12)}${key.slice(-4)}` : "****";
    throw new StripeApiError(
      401,
      {
        type: "invalid_request_error",
        message: `Invalid API Key provided: ${shown}. stripe-local accepts test secret keys (sk_test_... or rk_test_...).`,
      },
      { "www-authenticate": 'Bearer realm="Stripe"' },
    );
  }
  return key;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(
          new StripeApiError(413, { type: "invalid_request_error", message: "Request body too large." }),
        );
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  res.writeHead(status, { "cache-control": "no-cache, no-store", ...headers });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value, null, 2), { "content-type": "application/json" });
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  send(res, status, html, {
    "content-type": "text/html; charset=utf-8",
    // No scripts and no outside assets; product images may come from the store.
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src http: https: data:",
  });
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location, "cache-control": "no-store", "content-type": "text/html; charset=utf-8" });
  res.end(`<!doctype html><title>Redirecting</title><a href="${escapeHtml(location)}">Continue</a>`);
}
