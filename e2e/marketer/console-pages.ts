import { type APIRequestContext, expect, type Page } from "@playwright/test";
import { QA_SECRET } from "../support/env";
import { QaApi, RETRY_RESET } from "../support/qa-api";
import type { StoreDay } from "../support/store-days";

/** Page objects for the marketer console: roles and labels first, like the shop's. */

export interface CreatedSale {
  saleId: string;
  name: string;
  slug: string;
}

export interface NewSaleInput {
  name: string;
  quantity: number;
  price: string;
  day: StoreDay;
  perAccountLimit?: number;
}

export class ConsolePages {
  constructor(readonly page: Page) {}

  /**
   * Fills the new-sale form for the Kite 9 Pro (first version only) and creates it: registration open from now
   * (the form's default), the sale at noon on `day` (the test's own store day) for two hours.
   */
  async createSale(sale: NewSaleInput): Promise<CreatedSale> {
    const main = this.page.getByRole("main");
    await this.fillNewSale(sale);
    await main.getByRole("button", { name: "Create sale" }).click();
    await this.page.waitForURL(/\/admin\/sales\/[0-9a-f-]{36}\?status=created$/);
    await expect(main.getByRole("status").filter({ hasText: "Sale created and scheduled." })).toBeVisible();
    const saleId = /\/admin\/sales\/([0-9a-f-]{36})/.exec(this.page.url())?.[1];
    if (!saleId) throw new Error(`no sale id in ${this.page.url()}`);
    const address = await main.getByLabel("Web address").inputValue();
    return { saleId, name: sale.name, slug: address.replace(/^\/sales\//, "") };
  }

  /** Opens the new-sale form and fills it (see `createSale`); returns the version's label. */
  async fillNewSale({ name, quantity, price, day, perAccountLimit = 1 }: NewSaleInput): Promise<string> {
    const main = this.page.getByRole("main");
    await this.page.goto("/admin/sales/new");
    await expect(main.getByRole("heading", { level: 1, name: "New sale" })).toBeVisible();
    await main.getByLabel("Name", { exact: true }).fill(name);
    await main.getByLabel("Product", { exact: true }).selectOption({ label: "Kite 9 Pro" });
    const version = await includeFirstVersion(this.page);
    await main.getByLabel(`Units of ${version}`, { exact: true }).fill(String(quantity));
    await main.getByLabel(`Sale price of ${version}`, { exact: true }).fill(price);
    await main.getByLabel("Units per account").fill(String(perAccountLimit));
    await main.getByLabel(/^Registration closes/).fill(day.input(12));
    await main.getByLabel(/^Sale starts/).fill(day.input(12));
    await main.getByLabel(/^Sale ends/).fill(day.input(14));
    return version;
  }

  async scheduleHero({
    day,
    target,
    headline,
    ctaLabel,
  }: {
    day: string;
    target: string;
    headline: string;
    ctaLabel: string;
  }) {
    await this.page.goto(`/admin/hero?day=${day}`);
    const form = this.page.getByTestId("hero-entry-form");
    await form.getByLabel("Show").selectOption(target);
    await form.getByLabel("Headline").fill(headline);
    await form.getByLabel("Image").selectOption({ index: 0 });
    await form.getByLabel("Button label").fill(ctaLabel);
    await form.getByRole("button", { name: /Schedule hero|Save changes/ }).click();
  }

  /** The live view's figures route, as the console polls it (the caller's session and clock). */
  async liveData(saleId: string) {
    const res = await this.page.request.get(`/admin/sales/${saleId}/live/data`, RETRY_RESET);
    expect(res.status()).toBe(200);
    return (await res.json()) as { startsAt: string; state: string; sold: number; remaining: number };
  }
}

/** The QA route's scripted crowd, at the moment `at` (through the signed clock header, not a cookie). */
export async function simulateCrowd(
  request: APIRequestContext,
  baseURL: string,
  saleId: string,
  at: Date,
  crowd: { buyers: number; pay: number; browsers?: number },
) {
  const token = await new QaApi(request, baseURL).clockToken(at);
  const res = await request.post(`${baseURL}/api/qa/sales/${saleId}/simulate`, {
    headers: { authorization: `Bearer ${QA_SECRET}`, "x-kite-clock": token },
    data: crowd,
  });
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()) as {
    reserved: number;
    paid: number;
    registered: number;
    refused: Record<string, number>;
  };
}

/** Ticks the first version in the sale form and returns its label ("Graphite · 12 GB + 256 GB"). */
export async function includeFirstVersion(page: Page): Promise<string> {
  const include = page
    .getByRole("main")
    .getByRole("checkbox", { name: /^Include / })
    .first();
  await include.check();
  const label = await include.getAttribute("aria-label");
  if (!label) throw new Error("version checkbox without a label");
  return label.replace(/^Include /, "");
}
