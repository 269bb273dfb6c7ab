import type { Metadata } from "next";
import { HeroPreview } from "@/components/admin/hero-preview";
import { PageHeader } from "@/components/admin/ui";
import { Button, ButtonLink } from "@/components/ui/button";
import { DateTimeField } from "@/components/ui/field";
import { requireMarketerPage } from "@/lib/auth/marketer-page";
import { listProductCards } from "@/lib/catalog/queries";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getHeroPreview } from "@/lib/hero/preview";
import { getRequestNow } from "@/lib/qa/now";
import { addStoreDays, atStoreTime, storeDayOf } from "@/lib/sales/store-day";
import { formatStoreDateTime, parseStoreDateTime, toStoreInputValue, zoneLabel } from "@/lib/store-time";

export const metadata: Metadata = { title: "Homepage preview" };

export default async function HeroPreviewPage({ searchParams }: { searchParams: Promise<{ at?: string }> }) {
  await requireMarketerPage("/admin/hero/preview");
  const { at } = await searchParams;
  const now = await getRequestNow();
  const tz = env.STORE_TIMEZONE;
  const parsed = at ? parseStoreDateTime(at, tz) : null;
  const asOf = parsed?.ok ? parsed.at : now;
  const db = await getDb();
  const [preview, products] = await Promise.all([
    getHeroPreview(db, { asOf, timeZone: tz }),
    listProductCards(db),
  ]);
  const tomorrow = addStoreDays(storeDayOf(now, tz), 1);
  const shortcuts = [
    ["Now", toStoreInputValue(now, tz)],
    ["Tomorrow 00:00", toStoreInputValue(atStoreTime(tomorrow, 0, 0, tz), tz)],
    ["Tomorrow 12:00", toStoreInputValue(atStoreTime(tomorrow, 12, 0, tz), tz)],
  ] as const;

  return (
    <>
      <PageHeader
        parent={{ href: "/admin/hero", label: "Hero schedule" }}
        title="Homepage preview"
        description="The homepage hero as it will be at any moment: the day's schedule entry, else the running sale, else the next one, else the featured product."
      />
      <form
        method="get"
        className="mb-6 flex flex-col gap-3 rounded-xl border border-ink-200 bg-white p-4 sm:flex-row sm:items-end"
      >
        <div className="sm:w-80">
          <DateTimeField
            label="As of"
            name="at"
            zone={zoneLabel(tz, asOf)}
            defaultValue={toStoreInputValue(asOf, tz)}
            errors={parsed && !parsed.ok ? [parsed.message] : undefined}
          />
        </div>
        <Button type="submit" size="console">
          Preview
        </Button>
        <div className="flex flex-wrap gap-2 text-sm sm:ml-auto">
          {shortcuts.map(([label, value]) => (
            <ButtonLink
              key={label}
              href={`/admin/hero/preview?at=${value}`}
              variant="secondary"
              size="console"
            >
              {label}
            </ButtonLink>
          ))}
        </div>
      </form>

      <section aria-labelledby="preview-heading" className="space-y-4">
        <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between">
          <h2 id="preview-heading" className="text-base font-semibold text-ink-900">
            As of {formatStoreDateTime(asOf, tz)}
          </h2>
          <p className="text-xs text-ink-500">Store day {preview.storeDay}</p>
        </div>
        <p className="rounded-lg bg-ink-50 px-4 py-3 text-sm text-ink-700" data-testid="preview-explanation">
          {preview.explanation} This choice holds until {formatStoreDateTime(preview.revalidateAt, tz)}.
        </p>
        <div className="rounded-2xl border border-dashed border-ink-300 p-3" data-testid="hero-preview">
          <HeroPreview preview={preview} products={products} timeZone={tz} />
        </div>
        <p className="text-xs text-ink-500">
          Live figures (the countdown, units left) are left out of the preview: they show the real moment.
        </p>
      </section>
    </>
  );
}
