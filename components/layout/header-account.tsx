"use client";

import Link from "next/link";
import { useVisitor } from "@/components/visitor/visitor-provider";

/**
 * The header's per-visitor corner, filled from /api/me after the cached page loads. Before that it shows the
 * guest's links at the same size, so nothing moves when the answer arrives.
 */
export function HeaderAccount() {
  const { visitor } = useVisitor();
  const user = visitor?.user ?? null;
  const cartCount = visitor?.cartCount ?? 0;
  return (
    <nav
      aria-label="Account"
      className="flex shrink-0 items-center gap-3 text-sm font-medium"
      aria-busy={visitor === null}
    >
      {user?.isMarketer ? (
        <Link href="/admin" className="hidden text-ink-700 hover:text-accent-700 sm:inline">
          Console
        </Link>
      ) : null}
      {user ? (
        <Link href="/account" className="min-w-14 text-ink-700 hover:text-accent-700">
          <span className="sr-only">Your account, </span>
          <span className="hidden sm:inline">Hi, {user.name.split(" ")[0]}</span>
          <span aria-hidden="true" className="sm:hidden">
            Account
          </span>
        </Link>
      ) : (
        <Link href="/sign-in" className="min-w-14 text-ink-700 hover:text-accent-700">
          Sign in
        </Link>
      )}
      <Link
        href="/cart"
        className="relative inline-flex items-center gap-1 rounded-full bg-ink-900 px-3 py-1.5 text-white hover:bg-ink-700"
        aria-label={`Cart, ${cartCount} ${cartCount === 1 ? "item" : "items"}`}
      >
        <svg
          width="16"
          height="16"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          aria-hidden="true"
        >
          <path d="M3 4h2l2.4 11.2a2 2 0 0 0 2 1.6h7.7a2 2 0 0 0 2-1.5L21 8H6" />
          <circle cx="10" cy="20" r="1.3" />
          <circle cx="17" cy="20" r="1.3" />
        </svg>
        <span data-testid="cart-count" className="min-w-[1ch] text-center tabular-nums">
          {cartCount}
        </span>
      </Link>
    </nav>
  );
}
