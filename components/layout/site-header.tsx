import Link from "next/link";
import { HeaderAccount } from "./header-account";
import { HeaderSearch } from "./header-search";
import { KiteLogo } from "./logo";

export interface HeaderProps {
  categories: { slug: string; name: string }[];
}

/** The same for every visitor (it is part of every cached page); who is signed in comes from <HeaderAccount>. */
export function SiteHeader({ categories }: HeaderProps) {
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
        <HeaderSearch />
        <HeaderAccount />
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
