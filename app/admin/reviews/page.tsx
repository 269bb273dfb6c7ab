import type { Metadata } from "next";
import { ReviewsTable } from "@/components/admin/review-moderation";
import { EmptyState, FilterNav, ListPager, PageHeader } from "@/components/admin/ui";
import { requireMarketerPage } from "@/lib/auth/marketer-page";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getRequestNow } from "@/lib/qa/now";
import { CONSOLE_REVIEW_FILTERS, type ConsoleReviewFilter, listConsoleReviews } from "@/lib/reviews/queries";
import { zoneLabel } from "@/lib/store-time";
import { hideReviewAction, showReviewAction } from "./actions";

export const metadata: Metadata = { title: "Reviews" };

const FILTER_LABELS: Record<ConsoleReviewFilter, string> = {
  buyers: "Buyers' reviews",
  hidden: "Hidden",
  all: "All, with the demo reviews",
};

function reviewsHref(filter: ConsoleReviewFilter, before?: number): string {
  const query = new URLSearchParams();
  if (filter !== "buyers") query.set("show", filter);
  if (before) query.set("before", String(before));
  const qs = query.toString();
  return qs ? `/admin/reviews?${qs}` : "/admin/reviews";
}

type Props = { searchParams: Promise<{ show?: string; before?: string }> };

export default async function AdminReviewsPage({ searchParams }: Props) {
  await requireMarketerPage("/admin/reviews");
  const { show, before } = await searchParams;
  const filter = CONSOLE_REVIEW_FILTERS.find((f) => f === show) ?? "buyers";
  const cursor = before && /^\d{1,9}$/.test(before) ? Number(before) : undefined;
  const tz = env.STORE_TIMEZONE;
  const now = await getRequestNow();
  const { rows, nextBefore } = await listConsoleReviews(await getDb(), { filter, before: cursor });
  return (
    <>
      <PageHeader
        title="Reviews"
        description={`Newest first. Buyers' reviews are marked “Verified purchase”. Hide one that breaks the rules, saying why: it leaves the product page and its rating at once, its author reads your reason, and the audit log keeps it. Times in ${zoneLabel(tz, now)}.`}
      />
      <FilterNav
        label="Filter reviews"
        items={CONSOLE_REVIEW_FILTERS.map((f) => ({
          href: reviewsHref(f),
          label: FILTER_LABELS[f],
          current: f === filter,
        }))}
      />
      <ReviewsTable
        rows={rows}
        timeZone={tz}
        hideAction={hideReviewAction}
        showAction={showReviewAction}
        empty={
          <EmptyState title={filter === "hidden" ? "Nothing hidden" : "No reviews here"}>
            {filter === "buyers"
              ? "Buyers' reviews appear here as fans review what they bought."
              : "Reviews you hide appear here, with why."}
          </EmptyState>
        }
      />
      <ListPager noun="reviews" href={(b) => reviewsHref(filter, b)} before={cursor} next={nextBefore} />
    </>
  );
}
