ALTER TABLE "sale_holds" ADD COLUMN "early_access" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "early_access_min_points" integer;--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "early_access_minutes" integer;--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "early_access_quota" integer;--> statement-breakpoint
CREATE INDEX "sale_holds_early_access_idx" ON "sale_holds" USING btree ("sale_id") WHERE "sale_holds"."early_access" and "sale_holds"."status" in ('active', 'converted');--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_early_access_settings" CHECK (num_nulls("sales"."early_access_min_points", "sales"."early_access_minutes", "sales"."early_access_quota") in (0, 3));--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_early_access_range" CHECK ("sales"."early_access_min_points" > 0 and "sales"."early_access_minutes" between 1 and 1440 and "sales"."early_access_quota" between 1 and "sales"."total_quantity");--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_early_access_first_come" CHECK ("sales"."early_access_quota" is null or "sales"."kind" = 'first_come');