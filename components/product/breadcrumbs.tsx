import { Breadcrumbs as Trail } from "@/components/ui/breadcrumbs";

export function Breadcrumbs({
  category,
  productName,
}: {
  category: { slug: string; name: string };
  productName: string;
}) {
  return (
    <Trail
      trail={[
        { label: "Home", href: "/" },
        { label: category.name, href: `/category/${category.slug}` },
        { label: productName },
      ]}
    />
  );
}
