import Link from "next/link";

export function Breadcrumbs({
  category,
  productName,
}: {
  category: { slug: string; name: string };
  productName: string;
}) {
  return (
    <nav aria-label="Breadcrumb" className="py-4 text-sm">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1 text-ink-600">
        <li>
          <Link href="/" className="hover:text-ink-900 hover:underline">
            Home
          </Link>
        </li>
        <li aria-hidden="true" className="text-ink-400">
          ›
        </li>
        <li>
          <Link href={`/category/${category.slug}`} className="hover:text-ink-900 hover:underline">
            {category.name}
          </Link>
        </li>
        <li aria-hidden="true" className="text-ink-400">
          ›
        </li>
        <li>
          <span aria-current="page" className="font-medium text-ink-900">
            {productName}
          </span>
        </li>
      </ol>
    </nav>
  );
}
