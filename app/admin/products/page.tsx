import type { Metadata } from "next";
import { OrderLimitForm } from "@/components/admin/order-limit-form";
import { EmptyState, PageHeader, TextLink } from "@/components/admin/ui";
import { DataTable } from "@/components/ui/data-table";
import { requireMarketerPage } from "@/lib/auth/marketer-page";
import { listProductLimits } from "@/lib/catalog/order-limits";
import { getDb } from "@/lib/db";
import { MAX_LINE_QUANTITY } from "@/lib/limits";
import { setOrderLimitAction } from "./actions";

export const metadata: Metadata = { title: "Products" };

export default async function ProductsPage() {
  await requireMarketerPage("/admin/products");
  const rows = await listProductLimits(await getDb());
  return (
    <>
      <PageHeader
        title="Products"
        description={`How many units of each product (all its versions together) one order may hold, from 1 to ${MAX_LINE_QUANTITY}. The product page shows the limit, the cart keeps it and checkout refuses a cart past it. Flash sales have their own per-account limit.`}
      />
      <DataTable
        caption="Products and their order limits"
        rows={rows}
        rowKey={(r) => r.id}
        rowProps={(r) => ({
          className: "align-top",
          "data-testid": "product-limit-row",
          "data-slug": r.slug,
        })}
        empty={<EmptyState title="No products yet">Seed the catalogue to see its products here.</EmptyState>}
        columns={[
          {
            header: "Product",
            rowHeader: true,
            cell: (r) => (
              <>
                <TextLink href={`/products/${r.slug}`} className="font-semibold">
                  {r.name}
                </TextLink>
                <span className="block text-xs text-ink-500">
                  {r.categoryName} · {r.versions} {r.versions === 1 ? "version" : "versions"} ·{" "}
                  {r.available.toLocaleString("en")} in stock
                </span>
              </>
            ),
          },
          {
            header: "Limit per order",
            className: "w-44",
            cell: (r) => (
              <OrderLimitForm
                action={setOrderLimitAction}
                productId={r.id}
                productName={r.name}
                maxPerOrder={r.maxPerOrder}
              />
            ),
          },
        ]}
      />
    </>
  );
}
