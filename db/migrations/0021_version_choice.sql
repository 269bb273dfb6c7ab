ALTER TABLE "sale_registrations" ADD COLUMN "sku_id" integer;--> statement-breakpoint
-- The version a registered fan chose: one of the sale's own SKUs (the composite key), null until chosen. When a
-- marketer takes a version out of the sale, only the choice goes back to null (PostgreSQL 15's column list on
-- SET NULL; drizzle-kit writes a bare SET NULL, which would null sale_id, part of the primary key, and fail).
ALTER TABLE "sale_registrations" ADD CONSTRAINT "sale_registrations_sale_sku_fk" FOREIGN KEY ("sale_id","sku_id") REFERENCES "public"."sale_skus"("sale_id","sku_id") ON DELETE SET NULL ("sku_id") ON UPDATE no action;
