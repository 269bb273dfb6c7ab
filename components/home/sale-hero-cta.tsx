"use client";

import { useLiveSale } from "@/components/sales/live-sale";
import { ButtonLink } from "@/components/ui/button";
import { useVisitor } from "@/components/visitor/visitor-provider";

/**
 * The hero's button, following the visitor's own place in the sale (from /api/me) and the sale's live state, so a
 * registered fan is not asked to register again and a fan who cannot buy is not told to buy. Every label leads to
 * the sale page (or the fan's reserved unit); the marketer's label is the default when nothing about the visitor
 * says otherwise.
 */
export function SaleHeroCta({
  saleSlug,
  fallbackLabel,
}: {
  saleSlug: string;
  fallbackLabel?: string | undefined;
}) {
  const { figures } = useLiveSale();
  const { visitor } = useVisitor();
  const fan = visitor?.sale ?? null;
  const saleHref = `/sales/${saleSlug}`;
  let label = fallbackLabel ?? "See the sale";
  let href = saleHref;
  if (fan?.activeHoldId) {
    label = "Continue to checkout";
    href = `/sales/holds/${fan.activeHoldId}`;
  } else if (figures.state === "live") {
    if (!visitor?.user || (fan && !fan.cannotBuy)) label = "Buy now";
    else if (fan?.bought) label = "You bought yours";
  } else if (figures.state === "registration_open") {
    label = fan?.registered ? "You're registered" : "Register now";
  } else if (figures.state === "sold_out" || figures.state === "ended") {
    label = "See how fast it sold";
  }
  return (
    <ButtonLink href={href} size="lg" data-testid="hero-cta">
      {label}
    </ButtonLink>
  );
}
