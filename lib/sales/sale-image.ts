import { type SQL, sql } from "drizzle-orm";

/**
 * A sale's picture as one SQL subquery: the product image of the colour its first version is in (the version the
 * sale page lists first and chooses by default), else an image that fits every colour, else the product's first.
 * Every place that shows a sale (its page, the hero, the console) uses this, so the picture and the colour names
 * beside it agree: a sale of Ocean Blue phones never shows a Graphite one.
 *
 * The two arguments are qualified column names the subquery reads from its caller (`s.id`, `sales.id`), named in
 * raw SQL because drizzle writes a one-table select's columns unqualified.
 */
export function saleImageSql(saleId: string, productId: string): SQL<string | null> {
  return sql<string | null>`(
    select i.url from product_images i
    where i.product_id = ${sql.raw(productId)}
    order by case
        when i.colour = (
          select k.colour from sale_skus ss join skus k on k.id = ss.sku_id
          where ss.sale_id = ${sql.raw(saleId)} order by ss.position, k.id limit 1) then 0
        when i.colour is null then 1
        else 2
      end, i.position, i.id
    limit 1)`;
}
