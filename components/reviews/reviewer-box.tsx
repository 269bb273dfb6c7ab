"use client";

import Link from "next/link";
import { useEffect } from "react";
import { ButtonLink } from "@/components/ui/button";
import { useVisitor } from "@/components/visitor/visitor-provider";

/**
 * What this visitor may do in a product's reviews: sign in, write a review of what they bought, edit theirs, or
 * read why not. It comes from /api/me after the shared page loads, and keeps its space while it waits.
 */
export function ReviewerBox({ productSlug, productName }: { productSlug: string; productName: string }) {
  const { visitor, ready, watchProduct } = useVisitor();
  useEffect(() => {
    watchProduct(productSlug);
    return () => watchProduct(null);
  }, [productSlug, watchProduct]);

  const reviews = visitor?.reviews?.productSlug === productSlug ? visitor.reviews : null;
  const box = "min-h-16 rounded-2xl border border-ink-100 bg-ink-50 px-4 py-3 text-sm text-ink-700";
  // Signed in, but the answer for this product has not arrived yet.
  if (!ready || (visitor?.user && !reviews)) return <div className={box} aria-hidden="true" />;

  if (!visitor?.user) {
    const back = encodeURIComponent(`/products/${productSlug}?tab=reviews`);
    return (
      <div className={box} data-testid="reviewer-box">
        Bought the {productName}?{" "}
        <Link href={`/sign-in?callbackUrl=${back}`} className="font-semibold text-accent-700 underline">
          Sign in to review it
        </Link>
        .
      </div>
    );
  }
  const toWrite = reviews?.lines.find((l) => !l.review);
  const own = reviews?.lines.find((l) => l.review && !l.review.hiddenReason);
  if (toWrite) {
    return (
      <div className={`${box} flex flex-wrap items-center justify-between gap-3`} data-testid="reviewer-box">
        <span>
          You bought the {productName} ({toWrite.variantLabel}). How is it going?
        </span>
        <ButtonLink href={`/account/reviews/${toWrite.orderLineId}`} size="sm">
          Write a review
        </ButtonLink>
      </div>
    );
  }
  if (own) {
    return (
      <div className={`${box} flex flex-wrap items-center justify-between gap-3`} data-testid="reviewer-box">
        <span>Thanks for reviewing the {productName}.</span>
        <ButtonLink href={`/account/reviews/${own.orderLineId}`} variant="secondary" size="sm">
          {own.review && new Date(own.review.editableUntil) > new Date() ? "Edit your review" : "Your review"}
        </ButtonLink>
      </div>
    );
  }
  return (
    <div className={box} data-testid="reviewer-box">
      {reviews?.boughtButRefunded
        ? `Your ${productName} order was refunded, so you can't review it: reviews are from buyers who kept what they bought.`
        : `Only fans who bought the ${productName} here can review it, so every review is from a real order.`}
    </div>
  );
}
