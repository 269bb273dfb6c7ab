CREATE TYPE "public"."sale_status" AS ENUM('draft', 'scheduled', 'ended');--> statement-breakpoint
CREATE TABLE "hero_schedule" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hero_schedule_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"store_day" date NOT NULL,
	"sale_id" uuid,
	"product_id" integer,
	"headline" text NOT NULL,
	"image_url" text NOT NULL,
	"cta_label" text NOT NULL,
	"cta_href" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hero_schedule_storeDay_unique" UNIQUE("store_day"),
	CONSTRAINT "hero_schedule_one_target" CHECK (num_nonnulls("hero_schedule"."sale_id", "hero_schedule"."product_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "sale_buckets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sale_buckets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"sale_id" uuid NOT NULL,
	"sku_id" integer NOT NULL,
	"bucket" smallint NOT NULL,
	"quantity" integer NOT NULL,
	"available" integer NOT NULL,
	"held" integer DEFAULT 0 NOT NULL,
	"sold" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "sale_buckets_sale_sku_bucket_key" UNIQUE("sale_id","sku_id","bucket"),
	CONSTRAINT "sale_buckets_id_sale_sku_key" UNIQUE("id","sale_id","sku_id"),
	CONSTRAINT "sale_buckets_stock_invariant" CHECK ("sale_buckets"."quantity" = "sale_buckets"."available" + "sale_buckets"."held" + "sale_buckets"."sold"),
	CONSTRAINT "sale_buckets_stock_non_negative" CHECK ("sale_buckets"."available" >= 0 and "sale_buckets"."held" >= 0 and "sale_buckets"."sold" >= 0)
);
--> statement-breakpoint
CREATE TABLE "sale_counters" (
	"sale_id" uuid NOT NULL,
	"shard" smallint NOT NULL,
	"registrations" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "sale_counters_sale_id_shard_pk" PRIMARY KEY("sale_id","shard"),
	CONSTRAINT "sale_counters_non_negative" CHECK ("sale_counters"."registrations" >= 0)
);
--> statement-breakpoint
CREATE TABLE "sale_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sale_id" uuid NOT NULL,
	"sku_id" integer NOT NULL,
	"bucket_id" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"seq" smallint NOT NULL,
	"status" "hold_status" DEFAULT 'active' NOT NULL,
	"request_key" text,
	"expires_at" timestamp with time zone NOT NULL,
	"order_id" uuid,
	"release_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "sale_holds_seq_range" CHECK ("sale_holds"."seq" between 1 and 10),
	CONSTRAINT "sale_holds_request_key_length" CHECK (length("sale_holds"."request_key") <= 100)
);
--> statement-breakpoint
CREATE TABLE "sale_registrations" (
	"sale_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sale_registrations_sale_id_user_id_pk" PRIMARY KEY("sale_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "sale_skus" (
	"sale_id" uuid NOT NULL,
	"sku_id" integer NOT NULL,
	"quantity" integer NOT NULL,
	"sale_price_minor" integer NOT NULL,
	"currency" char(3) NOT NULL,
	"bucket_count" smallint NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "sale_skus_sale_id_sku_id_pk" PRIMARY KEY("sale_id","sku_id"),
	CONSTRAINT "sale_skus_quantity_positive" CHECK ("sale_skus"."quantity" > 0),
	CONSTRAINT "sale_skus_price_non_negative" CHECK ("sale_skus"."sale_price_minor" >= 0),
	CONSTRAINT "sale_skus_bucket_count_range" CHECK ("sale_skus"."bucket_count" between 1 and 64)
);
--> statement-breakpoint
CREATE TABLE "sales" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"headline" text DEFAULT '' NOT NULL,
	"product_id" integer NOT NULL,
	"status" "sale_status" DEFAULT 'scheduled' NOT NULL,
	"featured" boolean DEFAULT false NOT NULL,
	"registration_opens_at" timestamp with time zone NOT NULL,
	"registration_closes_at" timestamp with time zone NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"per_account_limit" integer DEFAULT 1 NOT NULL,
	"total_quantity" integer NOT NULL,
	"sold_out_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_slug_unique" UNIQUE("slug"),
	CONSTRAINT "sales_per_account_limit_range" CHECK ("sales"."per_account_limit" between 1 and 10),
	CONSTRAINT "sales_total_quantity_positive" CHECK ("sales"."total_quantity" > 0),
	CONSTRAINT "sales_times_ordered" CHECK ("sales"."registration_opens_at" < "sales"."registration_closes_at" and "sales"."registration_closes_at" <= "sales"."starts_at" and "sales"."starts_at" < "sales"."ends_at"),
	CONSTRAINT "sales_sold_out_after_start" CHECK ("sales"."sold_out_at" is null or "sales"."sold_out_at" >= "sales"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "hero_schedule" ADD CONSTRAINT "hero_schedule_sale_id_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."sales"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hero_schedule" ADD CONSTRAINT "hero_schedule_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hero_schedule" ADD CONSTRAINT "hero_schedule_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_buckets" ADD CONSTRAINT "sale_buckets_sale_id_sku_id_sale_skus_sale_id_sku_id_fk" FOREIGN KEY ("sale_id","sku_id") REFERENCES "public"."sale_skus"("sale_id","sku_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_counters" ADD CONSTRAINT "sale_counters_sale_id_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."sales"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_holds" ADD CONSTRAINT "sale_holds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_holds" ADD CONSTRAINT "sale_holds_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_holds" ADD CONSTRAINT "sale_holds_bucket_id_sale_id_sku_id_sale_buckets_id_sale_id_sku_id_fk" FOREIGN KEY ("bucket_id","sale_id","sku_id") REFERENCES "public"."sale_buckets"("id","sale_id","sku_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_registrations" ADD CONSTRAINT "sale_registrations_sale_id_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."sales"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_registrations" ADD CONSTRAINT "sale_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_skus" ADD CONSTRAINT "sale_skus_sale_id_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."sales"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_skus" ADD CONSTRAINT "sale_skus_sku_id_skus_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."skus"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sale_holds_live_seq_idx" ON "sale_holds" USING btree ("sale_id","user_id","seq") WHERE "sale_holds"."status" in ('active', 'converted');--> statement-breakpoint
CREATE UNIQUE INDEX "sale_holds_live_request_key_idx" ON "sale_holds" USING btree ("sale_id","user_id","request_key") WHERE "sale_holds"."request_key" is not null and "sale_holds"."status" in ('active', 'converted');--> statement-breakpoint
CREATE INDEX "sale_holds_active_expiry_idx" ON "sale_holds" USING btree ("expires_at") WHERE "sale_holds"."status" = 'active';--> statement-breakpoint
CREATE INDEX "sale_holds_order_idx" ON "sale_holds" USING btree ("order_id") WHERE "sale_holds"."order_id" is not null;--> statement-breakpoint
CREATE INDEX "sale_holds_user_idx" ON "sale_holds" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "sales_schedule_idx" ON "sales" USING btree ("starts_at","ends_at") WHERE "sales"."status" = 'scheduled';