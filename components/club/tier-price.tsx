"use client";

import Link from "next/link";
import { useVisitor } from "@/components/visitor/visitor-provider";
import { formatMoney } from "@/lib/money";
import { tierUnitPrice } from "@/lib/points/rules";

/**
 * Under a product's price: a signed-in fan's tier price (from /api/me, so the cached page stays the same for
 * everyone), or a pointer to the Kite Club. One line of the same height either way, so nothing shifts when the
 * visitor's answer lands.
 */
export function TierPrice({ priceMinor, currency }: { priceMinor: number; currency: string }) {
  const { visitor } = useVisitor();
  const club = visitor?.club;
  return (
    <p className="mt-2 min-h-5 text-sm text-ink-700" data-testid="tier-price" aria-live="polite">
      {club && club.discountPercent > 0 ? (
        <>
          <span className="font-semibold text-ink-900">
            Your {club.tier} price: {formatMoney(tierUnitPrice(priceMinor, club.discountPercent), currency)}
          </span>{" "}
          <span className="text-ink-600">(−{club.discountPercent} %, applied at checkout)</span>
        </>
      ) : visitor ? (
        <Link href="/club" className="text-accent-700 underline underline-offset-2 hover:text-accent-800">
          Kite Club: earn points on every order and save up to 5 % as you move up.
        </Link>
      ) : null}
    </p>
  );
}
