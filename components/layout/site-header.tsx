import Link from "next/link";
import { KiteLogo } from "./logo";

export interface HeaderProps {
  categories: { slug: string; name: string }[];
  user: { name: string; role: string } | null;
  cartCount: number;
  query?: string;
}

export function SiteHeader({ categories, user, cartCount, query = "" }: HeaderProps) {
  return (
    <header className="sticky top-0 z-30 border-b border-ink-100 bg-white/95 backdrop-blur">
      <div className="mx-auto flex max-w-7xl items-center gap-4 px-4 py-3">
        <Link href="/" className="shrink-0 rounded" aria-label="Kite home">
          <KiteLogo />
        </Link>
        <nav aria-label="Categories" className="hidden lg:block">
          <ul className="flex gap-5 text-sm font-medium text-ink-700">
            {categories.map((c) => (
              <li key={c.slug}>
                <Link href={`/category/${c.slug}`} className="hover:text-accent-700">
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <form action="/search" role="search" className="ml-auto flex min-w-0 flex-1 justify-end lg:max-w-xs">
          <label htmlFor="site-search" className="sr-only">
            Search products
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            defaultValue={query}
            placeholder="Search Kite"
            maxLength={100}
            className="w-full min-w-0 rounded-full border border-ink-200 bg-ink-50 px-4 py-1.5 text-sm placeholder:text-ink-500 focus:border-accent-500 focus:bg-white"
          />
        </form>
        <nav aria-label="Account" className="flex shrink-0 items-center gap-3 text-sm font-medium">
          {user?.role === "marketer" ? (
            <Link href="/admin" className="hidden text-ink-700 hover:text-accent-700 sm:inline">
              Console
            </Link>
          ) : null}
          {user ? (
            <Link href="/account" className="text-ink-700 hover:text-accent-700">
              <span className="sr-only">Your account, </span>
              <span className="hidden sm:inline">Hi, {user.name.split(" ")[0]}</span>
              <span aria-hidden="true" className="sm:hidden">
                Account
              </span>
            </Link>
          ) : (
            <Link href="/sign-in" className="text-ink-700 hover:text-accent-700">
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
            <span data-testid="cart-count">{cartCount}</span>
          </Link>
        </nav>
      </div>
      <nav aria-label="Categories (compact)" className="border-t border-ink-100 lg:hidden">
        <ul className="mx-auto flex max-w-7xl gap-5 overflow-x-auto px-4 py-2 text-sm font-medium whitespace-nowrap text-ink-700">
          {categories.map((c) => (
            <li key={c.slug}>
              <Link href={`/category/${c.slug}`}>{c.name}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
