import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { WaitlistJoin } from "@/components/sales/waitlist-join";
import { WaitlistLeave } from "@/components/sales/waitlist-leave";
import { ButtonLink } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/session";
import { variantLabel } from "@/lib/catalog/variant-label";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getRequestNow } from "@/lib/qa/now";
import { getCachedSale } from "@/lib/sales/cached";
import { cachedFigures } from "@/lib/sales/figures";
import { formatSaleTime } from "@/lib/sales/rules";
import { getWaitlistSpot, type WaitlistSpot } from "@/lib/sales/waitlist";
import { joinWaitlistAction, leaveWaitlistAction } from "./actions";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ left?: string }> };

/** Still in line (or holding an offer): the states from which a fan can leave. */
const canLeave = (spot: WaitlistSpot) => spot.state !== "bought" && spot.state !== "missed";

export const metadata: Metadata = { title: "Waitlist · Kite flash sale" };

const units = (n: number) => `${n} ${n === 1 ? "unit" : "units"}`;

/** What the fan's place in line means, in a sentence or two, and what to do next. */
function SpotMessage({ spot, slug, label }: { spot: WaitlistSpot; slug: string; label: string }) {
  switch (spot.state) {
    case "waiting":
      return (
        <>
          <p className="text-2xl font-bold">
            You're number {spot.position} in line for {label}.
          </p>
          <p className="text-ink-700">
            {units(spot.pendingUnits)} of it {spot.pendingUnits === 1 ? "is" : "are"} reserved and not paid
            for yet. Each one that isn't paid in time comes back to the first fan in line, so if{" "}
            {spot.position} {spot.position === 1 ? "of them comes" : "of them come"} back, one is yours. We'll
            mail you the moment it happens.
          </p>
        </>
      );
    case "units_back":
      return (
        <>
          <p className="text-2xl font-bold">{label} is back on sale.</p>
          <p className="text-ink-700">
            {units(spot.available)} came back while nobody was waiting: buy one now.
          </p>
          <ButtonLink href={`/sales/${slug}`} size="lg">
            Go to the sale
          </ButtonLink>
        </>
      );
    case "offer":
      return (
        <>
          <p className="text-2xl font-bold">A unit came back for you.</p>
          <p className="text-ink-700">
            It's held for you until {formatSaleTime(spot.expiresAt, { timeZone: env.STORE_TIMEZONE })}. After
            that it goes to the next fan in line.
          </p>
          <ButtonLink href={`/sales/holds/${spot.holdId}`} size="lg">
            Pay for your unit
          </ButtonLink>
        </>
      );
    case "bought":
      return <p className="text-2xl font-bold">You got yours from the waitlist. Thank you, Kite fan!</p>;
    case "missed":
      return (
        <p className="text-2xl font-bold">
          The unit we held for you wasn't paid in time, so it went to the next fan in line.
        </p>
      );
    case "gone":
      return (
        <>
          <p className="text-2xl font-bold">Your chance in this sale is gone.</p>
          <p className="text-ink-700">
            {spot.reason === "sale_over"
              ? "The sale is over, so no unit can come back any more."
              : `You're number ${spot.position} in line, and fewer units than that are still unpaid: every other unit is paid for, so none can come back for you.`}{" "}
            Watch the homepage for the next sale.
          </p>
        </>
      );
  }
}

/** After leaving (the action redirects here with `?left=`): what happened, said once. */
function LeftNotice({ passedOn }: { passedOn: boolean }) {
  return (
    <p
      role="status"
      className="mt-4 rounded-xl bg-emerald-50 p-4 text-emerald-800"
      data-testid="waitlist-left"
    >
      {passedOn
        ? "You've left the waitlist. The unit we held for you has gone to the next fan in line."
        : "You've left the waitlist."}
    </p>
  );
}

export default async function WaitlistPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { left } = await searchParams;
  const sale = await getCachedSale(slug);
  if (!sale) notFound();
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/sales/${slug}/waitlist`)}`);
  const now = await getRequestNow();
  const db = await getDb();
  const [spot, figures] = await Promise.all([
    getWaitlistSpot(db, { saleId: sale.id, userId: user.id, now }),
    cachedFigures(db, { saleId: sale.id, now }),
  ]);
  const labelOf = (skuId: number) => {
    const sku = sale.skus.find((s) => s.skuId === skuId);
    return sku ? variantLabel(sku) : "this version";
  };
  const soldOut = sale.skus
    .filter((s) => (figures?.skus.find((f) => f.skuId === s.skuId)?.remaining ?? 0) === 0)
    .map((s) => ({ skuId: s.skuId, label: variantLabel(s) }));

  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-ink-500">
        <Link href={`/sales/${slug}`} className="hover:text-accent-700">
          {sale.name}
        </Link>{" "}
        › Waitlist
      </nav>
      <h1 className="text-3xl font-bold tracking-tight">Waitlist</h1>
      {left && !spot ? <LeftNotice passedOn={left === "passed"} /> : null}
      <section
        aria-label="Your place in line"
        className="mt-6 space-y-4 rounded-2xl border border-ink-100 p-6"
        data-testid="waitlist-spot"
        data-state={spot?.state ?? "none"}
      >
        {spot ? (
          <>
            <SpotMessage spot={spot} slug={slug} label={labelOf(spot.skuId)} />
            {canLeave(spot) ? (
              <WaitlistLeave
                saleId={sale.id}
                slug={slug}
                holdsUnit={spot.state === "offer"}
                leave={leaveWaitlistAction}
              />
            ) : null}
          </>
        ) : figures?.state === "sold_out" || (figures?.state === "live" && soldOut.length > 0) ? (
          <>
            <p className="text-ink-700">
              Choose the version you're waiting for. When a fan doesn't pay in time, their unit goes to the
              first fan in line, held for {sale.waitlistOfferMinutes} minutes, before anyone else can buy it.
            </p>
            <WaitlistJoin saleId={sale.id} slug={slug} versions={soldOut} join={joinWaitlistAction} />
          </>
        ) : (
          <p className="text-ink-700">
            The waitlist opens when the sale has started and sold out.{" "}
            <Link href={`/sales/${slug}`} className="font-semibold text-accent-700 hover:underline">
              Back to the sale
            </Link>
          </p>
        )}
      </section>
      <p className="mt-6 text-sm text-ink-600">
        How it works: you join once, for one version. Units come back only from fans who reserved and didn't
        pay, so this page tells you how many could still come back and where you stand; when none can, we say
        so at once.
      </p>
    </div>
  );
}
