import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Price } from "@/components/ui/price";
import { ProductImage } from "@/components/ui/product-image";
import type { FormAction } from "@/lib/action";
import type { CartLineView, CartView } from "@/lib/cart/cart";
import { variantLabel } from "@/lib/catalog/variant-label";
import type { CartClub } from "@/lib/points/checkout";
import { CartLineControls } from "./cart-line-controls";
import { type CheckoutAddress, CheckoutButton } from "./checkout-button";

export function EmptyCart() {
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-3xl font-bold tracking-tight">Your cart is empty</h1>
      <p className="mt-3 text-ink-600">Flash sales, new phones, honest prices: find something you love.</p>
      <ButtonLink href="/" className="mt-8">
        Shop Kite
      </ButtonLink>
    </div>
  );
}

type LineActions = {
  setQuantity: FormAction<{ message: string }>;
  remove: FormAction<{ message: string }>;
};

function CartLine({ line, setQuantity, remove }: { line: CartLineView } & LineActions) {
  const variant = variantLabel(line);
  return (
    <li
      className="grid grid-cols-[80px_1fr] items-center gap-x-4 gap-y-2 p-4 sm:grid-cols-[80px_1fr_auto_7rem]"
      data-testid="cart-line"
    >
      <ProductImage
        src={line.imageUrl}
        size={80}
        className="h-20 w-20 rounded-xl bg-ink-50 object-contain p-1"
      />
      <div className="min-w-0">
        <Link
          href={`/products/${line.productSlug}?sku=${line.skuCode}`}
          className="font-semibold hover:text-accent-700"
        >
          {line.productName}
        </Link>
        <p className="text-sm text-ink-500">{variant}</p>
        <Price amountMinor={line.unitPriceMinor} currency={line.currency} size="sm" />
        {line.available <= 0 ? <p className="text-sm font-medium text-accent-700">Sold out</p> : null}
      </div>
      <div className="col-span-2 sm:col-span-1">
        <CartLineControls
          setQuantity={setQuantity}
          remove={remove}
          skuId={line.skuId}
          quantity={line.quantity}
          max={Math.min(line.available, line.maxQuantity)}
          label={`${line.productName}, ${variant}`}
        />
      </div>
      <div className="col-start-2 text-right sm:col-start-auto" data-testid="line-total">
        <Price amountMinor={line.lineTotalMinor} currency={line.currency} />
      </div>
    </li>
  );
}

export function CartLines({ lines, setQuantity, remove }: { lines: CartLineView[] } & LineActions) {
  return (
    <ul className="divide-y divide-ink-100 rounded-2xl border border-ink-100" aria-label="Items in your cart">
      {lines.map((line) => (
        <CartLine key={line.skuId} line={line} setQuantity={setQuantity} remove={remove} />
      ))}
    </ul>
  );
}

/** Totals, anything that blocks checkout, and the way to pay (or to sign in first). */
export function CartSummary({
  cart,
  signedIn,
  startCheckout,
  addresses,
  club = null,
}: {
  cart: CartView;
  signedIn: boolean;
  startCheckout: FormAction<{ url: string }>;
  /** The signed-in fan's address book, default first. */
  addresses: CheckoutAddress[];
  /** The signed-in fan's tier price and points (null for a guest). */
  club?: CartClub | null;
}) {
  const currency = cart.currency ?? "CNY";
  const tierSaving = club ? cart.subtotalMinor - club.totalMinor : 0;
  return (
    <aside aria-labelledby="summary-title" className="h-fit rounded-2xl bg-ink-50 p-5">
      <h2 id="summary-title" className="text-lg font-semibold">
        Order summary
      </h2>
      <dl className="mt-4 space-y-2 text-sm">
        <div className="flex justify-between">
          <dt>Items</dt>
          <dd>{cart.itemCount}</dd>
        </div>
        <div className="flex justify-between">
          <dt>Shipping</dt>
          <dd>Free</dd>
        </div>
        {club && tierSaving > 0 ? (
          <div className="flex justify-between" data-testid="tier-saving">
            <dt>
              {club.tier} price (−{club.discountPercent} %)
            </dt>
            <dd>
              −<Price amountMinor={tierSaving} currency={currency} size="sm" />
            </dd>
          </div>
        ) : null}
        <div className="flex justify-between border-t border-ink-200 pt-3 text-base font-semibold">
          <dt>Total</dt>
          <dd data-testid="cart-total">
            <Price amountMinor={club ? club.totalMinor : cart.subtotalMinor} currency={currency} />
          </dd>
        </div>
      </dl>
      {cart.problems.length ? (
        <ul className="mt-4 space-y-1 text-sm text-accent-700" role="alert">
          {cart.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {signedIn ? (
        <CheckoutButton
          disabled={cart.problems.length > 0}
          startCheckout={startCheckout}
          addresses={addresses}
          club={club}
        />
      ) : (
        <ButtonLink href="/sign-in?callbackUrl=/cart" size="lg" className="mt-5 w-full">
          Sign in to check out
        </ButtonLink>
      )}
      <p className="mt-3 text-center text-xs text-ink-500">
        Your items are held for you while you pay. Secure payment by Stripe.
      </p>
    </aside>
  );
}
