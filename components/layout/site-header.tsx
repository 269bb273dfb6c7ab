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
        <CategoryNav
          label="Categories"
          categories={categories}
          className="hidden lg:block"
          listClassName="flex gap-5 text-sm font-medium text-ink-700"
          linkClassName="hover:text-accent-700"
        />
        <HeaderSearch />
        <HeaderAccount />
      </div>
      <CategoryNav
        label="Categories (compact)"
        categories={categories}
        className="border-t border-ink-100 lg:hidden"
        listClassName="mx-auto flex max-w-7xl gap-5 overflow-x-auto px-4 py-2 text-sm font-medium whitespace-nowrap text-ink-700"
      />
    </header>
  );
}

/** The category links, once for wide screens (in the bar) and once for phones (a scrolling row beneath it). */
function CategoryNav({
  label,
  categories,
  className,
  listClassName,
  linkClassName,
}: HeaderProps & { label: string; className: string; listClassName: string; linkClassName?: string }) {
  return (
    <nav aria-label={label} className={className}>
      <ul className={listClassName}>
        {categories.map((c) => (
          <li key={c.slug}>
            <Link href={`/category/${c.slug}`} className={linkClassName}>
              {c.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
