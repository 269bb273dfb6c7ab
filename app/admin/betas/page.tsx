import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { Card, EmptyState, PageHeader, TextLink } from "@/components/admin/ui";
import { OpenBetaForm } from "@/components/beta/beta-forms";
import { type DataColumn, DataTable } from "@/components/ui/data-table";
import { requireMarketerPage } from "@/lib/auth/marketer-page";
import { type BetaSummary, listBetaSkuChoices, listBetas } from "@/lib/beta/queries";
import { betaPhase, betaPriceText, openBetaDefaults } from "@/lib/beta/rules";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getRequestNow } from "@/lib/qa/now";
import { formatStoreDateTime, zoneLabel } from "@/lib/store-time";
import { openBetaAction } from "./actions";

export const metadata: Metadata = { title: "Betas" };

const number = new Intl.NumberFormat("en-US");
const PHASE_WORDS = { upcoming: "Opens", open: "Open until", closed: "Closed" } as const;

function columns(now: Date, tz: string): DataColumn<BetaSummary>[] {
  return [
    {
      header: "Beta",
      rowHeader: true,
      cell: (b) => (
        <>
          <TextLink href={`/admin/betas/${b.id}`} className="font-semibold">
            {b.title}
          </TextLink>
          <span className="block text-xs text-ink-500">
            {b.productName} ({b.variant}) · {betaPriceText(b)}
          </span>
          <span className="block text-xs text-ink-500">
            {PHASE_WORDS[betaPhase(b, now)]}{" "}
            {formatStoreDateTime(betaPhase(b, now) === "upcoming" ? b.opensAt : b.closesAt, tz)}
          </span>
        </>
      ),
    },
    { header: "Applicants", numeric: true, cell: (b) => number.format(b.applicants) },
    {
      header: "Selected",
      numeric: true,
      cell: (b) => `${number.format(b.selected)} / ${number.format(b.seats)}`,
    },
    { header: "Bought", numeric: true, cell: (b) => number.format(b.seatsTaken) },
  ];
}

export default async function BetasPage() {
  await requireMarketerPage("/admin/betas");
  const db = await getDb();
  const now = await getRequestNow();
  const tz = env.STORE_TIMEZONE;
  const [betas, skus] = await Promise.all([listBetas(db), listBetaSkuChoices(db)]);
  return (
    <>
      <PageHeader
        title="Betas"
        description="A few hundred selected fans buy a new gadget for a token price before launch. Fans apply with a short statement; you select by hand or by the published rule, and each selected fan buys one unit."
      />
      <div className="grid grid-cols-1 gap-6">
        <Card title="Open a beta" titleId="open-beta-title">
          <OpenBetaForm
            action={openBetaAction}
            skus={skus.map((s) => ({
              value: String(s.skuId),
              label: `${s.label} · ${number.format(s.available)} in stock`,
            }))}
            initial={openBetaDefaults(now, tz)}
            requestKey={randomUUID()}
            zone={zoneLabel(tz, now)}
          />
        </Card>
        <section aria-labelledby="betas-title">
          <h2 id="betas-title" className="mb-3 text-base font-semibold text-ink-900">
            Betas
          </h2>
          <DataTable
            caption="Betas, the latest window first"
            rows={betas}
            rowKey={(b) => b.id}
            rowProps={(b) => ({ className: "align-top", "data-testid": "beta-row", "data-title": b.title })}
            minWidth="40rem"
            columns={columns(now, tz)}
            empty={
              <EmptyState title="No betas yet">Open one above: it shows here with its applicants.</EmptyState>
            }
          />
        </section>
      </div>
    </>
  );
}
