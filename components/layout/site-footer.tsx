import Link from "next/link";
import { KiteLogo } from "./logo";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-ink-100 bg-ink-50">
      <div className="mx-auto grid max-w-7xl gap-8 px-4 py-10 text-sm text-ink-600 sm:grid-cols-3">
        <div>
          <KiteLogo />
          <p className="mt-3 max-w-xs">
            Premium specs at an honest price, sold straight to fans. Welcome to the Kite Club.
          </p>
        </div>
        <nav aria-label="Shop">
          <h2 className="mb-2 font-semibold text-ink-900">Shop</h2>
          <ul className="space-y-1">
            <li>
              <Link href="/category/phones">Phones</Link>
            </li>
            <li>
              <Link href="/category/tablets">Tablets</Link>
            </li>
            <li>
              <Link href="/category/wearables">Wearables</Link>
            </li>
            <li>
              <Link href="/search?q=">All products</Link>
            </li>
          </ul>
        </nav>
        <nav aria-label="Help">
          <h2 className="mb-2 font-semibold text-ink-900">Your Kite</h2>
          <ul className="space-y-1">
            <li>
              <Link href="/account">Account &amp; orders</Link>
            </li>
            <li>
              <Link href="/cart">Cart</Link>
            </li>
          </ul>
        </nav>
      </div>
      <p className="pb-8 text-center text-xs text-ink-500">
        © 2026 Kite. A demo store: no real goods are sold.
      </p>
    </footer>
  );
}
