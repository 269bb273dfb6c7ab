import type { APIRequestContext, BrowserContext } from "@playwright/test";
import { QA_SECRET } from "./env";

const auth = { authorization: `Bearer ${QA_SECRET}` };
/**
 * Playwright's request client keeps sockets alive; a deployment may close an idle one just as a request goes out
 * (Node's keep-alive timeout), which surfaces as ECONNRESET before the server saw anything. Safe requests retry it.
 */
export const RETRY_RESET = { maxRetries: 2 } as const;

/** The test clock and reset route of a non-production deployment. */
export class QaApi {
  constructor(
    private readonly request: APIRequestContext,
    private readonly baseURL: string,
  ) {}

  /** A signed test-clock token for `at`, for the `x-kite-clock` header or the `kite_qa_clock` cookie. */
  async clockToken(at: Date): Promise<string> {
    return (await this.postClock(at)).token;
  }

  private async postClock(at: Date): Promise<{ token: string; bypass: string | null }> {
    const res = await this.request.post(`${this.baseURL}/api/qa/clock`, {
      ...RETRY_RESET,
      headers: auth,
      data: { at: at.toISOString() },
    });
    if (!res.ok()) throw new Error(`setting the test clock failed: ${res.status()} ${await res.text()}`);
    return (await res.json()) as { token: string; bypass: string | null };
  }

  /**
   * Moves the store's clock for one browser context (its cookie), e.g. to a sale's start. The draft-mode cookie
   * that comes with it makes the shared, cached pages render afresh for this context, at its clock.
   */
  async setClock(context: BrowserContext, at: Date): Promise<void> {
    const { token, bypass } = await this.postClock(at);
    if (!bypass) throw new Error("the clock route returned no draft-mode cookie");
    const { hostname } = new URL(this.baseURL);
    const cookie = { domain: hostname, path: "/", httpOnly: true };
    await context.addCookies([
      { ...cookie, name: "kite_qa_clock", value: token },
      { ...cookie, name: "__prerender_bypass", value: bypass },
    ]);
  }

  async clearClock(context: BrowserContext): Promise<void> {
    await context.clearCookies({ name: "kite_qa_clock" });
    await context.clearCookies({ name: "__prerender_bypass" });
  }

  async reset(): Promise<void> {
    const res = await this.request.post(`${this.baseURL}/api/qa/reset`, { headers: auth, timeout: 60_000 });
    if (!res.ok()) throw new Error(`reset failed: ${res.status()} ${await res.text()}`);
  }
}

export interface SkuStock {
  code: string;
  quantity: number;
  available: number;
  held: number;
  sold: number;
}

export async function readStock(
  request: APIRequestContext,
  baseURL: string,
  code: string,
): Promise<SkuStock> {
  const res = await request.get(`${baseURL}/api/qa/stock?sku=${encodeURIComponent(code)}`, {
    ...RETRY_RESET,
    headers: auth,
  });
  if (!res.ok()) throw new Error(`reading stock failed: ${res.status()}`);
  return (await res.json()) as SkuStock;
}

export interface QaSale {
  saleId: string;
  slug: string;
  skuId: number;
  /** Every version's SKU id, the first (`skuId`) then `moreSkus` in order. */
  skuIds: number[];
  startsAt: string;
}

/**
 * A fresh one-SKU sale, registration open now, starting at `startsAt` (tests take the `freshSale` fixture, which
 * puts it on their own store day) or `startsInSeconds` from now (real time).
 */
export async function createSale(
  request: APIRequestContext,
  baseURL: string,
  input: {
    skuCode: string;
    quantity: number;
    salePriceMinor: number;
    startsAt?: string;
    startsInSeconds?: number;
    durationSeconds?: number;
    featured?: boolean;
    perAccountLimit?: number;
    /** A draw sale, each winner with this many minutes to pay. */
    drawPurchaseWindowMinutes?: number;
    /** More versions of the same product, after the first. */
    moreSkus?: { skuCode: string; quantity: number; salePriceMinor: number }[];
    /** The Kite Club early-access lane. */
    earlyAccess?: { minTier: "Silver" | "Gold" | "Platinum" | "Diamond"; minutes: number; quota: number };
  },
): Promise<QaSale> {
  const res = await request.post(`${baseURL}/api/qa/sales`, { headers: auth, data: input });
  if (!res.ok()) throw new Error(`creating a sale failed: ${res.status()} ${await res.text()}`);
  return (await res.json()) as QaSale;
}

/** Runs a draw sale's draw at `at` (the store's clock for this request), as the console's button does. */
export async function runSaleDraw(
  qa: QaApi,
  request: APIRequestContext,
  baseURL: string,
  { saleId, at }: { saleId: string; at: Date },
): Promise<{ entries: number; winners: number; seed: string }> {
  const res = await request.post(`${baseURL}/api/qa/sales/${saleId}/draw`, {
    headers: { ...auth, "x-kite-clock": await qa.clockToken(at) },
  });
  if (!res.ok()) throw new Error(`running the draw failed: ${res.status()} ${await res.text()}`);
  return (await res.json()) as { entries: number; winners: number; seed: string };
}

export interface QaAccount {
  id: string;
  email: string;
  name: string;
  role: "shopper" | "marketer";
  password: string;
}

/** A fresh account (unique email, random password) made through the QA route. */
/** What a fresh QA account is made with; it has a default delivery address unless `address: false`. */
export interface AccountInput {
  role?: "shopper" | "marketer";
  name?: string;
  address?: boolean;
  /** Lifetime points to start with: 5,000 is Gold. */
  lifetimePoints?: number;
}

export async function createAccount(
  request: APIRequestContext,
  baseURL: string,
  input: AccountInput = {},
): Promise<QaAccount> {
  const res = await request.post(`${baseURL}/api/qa/accounts`, { headers: auth, data: input });
  if (!res.ok()) throw new Error(`creating an account failed: ${res.status()} ${await res.text()}`);
  return (await res.json()) as QaAccount;
}
