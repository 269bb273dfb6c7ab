"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { usePurchase } from "./purchase-provider";

function MinusIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M3 8h10" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}

function PlusIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M3 8h10M8 3v10" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}

/** Everything an add-to-cart result says, field errors included, as one sentence list. */
export function cartErrorText(state: { message: string; fieldErrors?: Record<string, string[]> }): string {
  const details = Object.values(state.fieldErrors ?? {}).flat();
  return [state.message, ...details.filter((d) => d !== state.message)].join(" ");
}

export function BuyBox() {
  const {
    product,
    sku,
    quantity,
    setQuantity,
    maxQuantity,
    cartState,
    cartAction,
    cartPending,
    buyBoxRef,
    urlApplied,
  } = usePurchase();
  const quantityId = useId();
  const hintId = useId();
  // What the field shows while someone is typing; the context holds the last valid number.
  const [draft, setDraft] = useState<string | null>(null);
  const soldOut = sku.available <= 0;

  const quantityError = cartState && !cartState.ok ? cartState.fieldErrors?.quantity?.[0] : undefined;

  return (
    <div
      ref={buyBoxRef}
      className="rounded-2xl border border-ink-100 bg-white p-5 shadow-sm"
      data-testid="buy-box"
      data-sku={sku.code}
      data-url-applied={urlApplied ? "" : undefined}
    >
      <form action={cartAction}>
        <input type="hidden" name="skuId" value={sku.id} />
        <input type="hidden" name="productSlug" value={product.slug} />

        <div className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2">
          <label htmlFor={quantityId} className="text-sm font-medium text-ink-900">
            Quantity
          </label>
          <div className="flex items-center rounded-xl border border-ink-200 bg-white">
            <button
              type="button"
              aria-label="Decrease"
              aria-controls={quantityId}
              disabled={soldOut || quantity <= 1}
              onClick={() => {
                setQuantity(quantity - 1);
                setDraft(null);
              }}
              className="flex size-10 items-center justify-center rounded-l-xl text-ink-700 hover:bg-ink-50 disabled:cursor-not-allowed disabled:text-ink-300 disabled:hover:bg-transparent"
            >
              <MinusIcon />
            </button>
            <input
              id={quantityId}
              name="quantity"
              type="number"
              inputMode="numeric"
              min={1}
              max={maxQuantity}
              step={1}
              required
              disabled={soldOut}
              value={draft ?? String(quantity)}
              aria-describedby={hintId}
              aria-invalid={quantityError ? true : undefined}
              onChange={(event) => {
                const text = event.target.value;
                setDraft(text);
                const n = Number(text);
                if (text !== "" && Number.isInteger(n)) setQuantity(n);
              }}
              onBlur={() => setDraft(null)}
              className="h-10 w-14 border-x border-ink-200 text-center text-base font-medium tabular-nums text-ink-900 [appearance:textfield] focus:outline-none focus-visible:ring-2 focus-visible:ring-accent-600 disabled:bg-ink-50 disabled:text-ink-400 [&::-webkit-inner-spin-button]:appearance-none [&::-webkit-outer-spin-button]:appearance-none"
            />
            <button
              type="button"
              aria-label="Increase"
              aria-controls={quantityId}
              disabled={soldOut || quantity >= maxQuantity}
              onClick={() => {
                setQuantity(quantity + 1);
                setDraft(null);
              }}
              className="flex size-10 items-center justify-center rounded-r-xl text-ink-700 hover:bg-ink-50 disabled:cursor-not-allowed disabled:text-ink-300 disabled:hover:bg-transparent"
            >
              <PlusIcon />
            </button>
          </div>
          <p id={hintId} className={`text-sm ${quantityError ? "text-accent-700" : "text-ink-600"}`}>
            {quantityError ?? quantityHint({ soldOut, maxQuantity, maxPerOrder: product.maxPerOrder })}
          </p>
        </div>

        <Button
          type="submit"
          size="lg"
          disabled={soldOut}
          pending={cartPending}
          pendingLabel="Adding…"
          className="w-full"
        >
          {soldOut ? "Sold out" : "Add to cart"}
        </Button>

        <div
          aria-live="polite"
          aria-atomic="true"
          className="text-sm not-empty:mt-3"
          data-testid="cart-feedback"
        >
          {/* Emptied while a request runs, so a repeated "Added to your cart." is announced again. */}
          {cartPending ? null : cartState?.ok ? (
            <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-ink-800">
              <span className="inline-flex items-center gap-1.5 font-medium">
                <svg
                  width="16"
                  height="16"
                  viewBox="0 0 16 16"
                  aria-hidden="true"
                  className="text-emerald-700"
                >
                  <path
                    d="M3 8.5 6.5 12 13 4.5"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="2"
                    strokeLinecap="round"
                    strokeLinejoin="round"
                  />
                </svg>
                {cartState.message ?? "Added to your cart."}
              </span>
              <Link
                href="/cart"
                className="font-semibold text-accent-700 underline underline-offset-2 hover:text-accent-800"
              >
                View cart
              </Link>
            </p>
          ) : cartState ? (
            <p className="font-medium text-accent-700">{cartErrorText(cartState)}</p>
          ) : null}
        </div>
      </form>
    </div>
  );
}

/** Under the stepper: the product's order limit, or how few are left when stock is the tighter bound. */
function quantityHint({
  soldOut,
  maxQuantity,
  maxPerOrder,
}: {
  soldOut: boolean;
  maxQuantity: number;
  maxPerOrder: number;
}): string {
  if (soldOut) return "Sold out";
  if (maxQuantity < maxPerOrder) return `Only ${maxQuantity} left`;
  return `Limit ${maxPerOrder} per order`;
}
