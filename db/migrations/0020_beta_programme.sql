CREATE TYPE "public"."beta_application_status" AS ENUM('applied', 'selected', 'not_selected');--> statement-breakpoint
ALTER TYPE "public"."order_kind" ADD VALUE 'beta';--> statement-breakpoint
CREATE TABLE "beta_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"beta_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"statement" text NOT NULL,
	"status" "beta_application_status" DEFAULT 'applied' NOT NULL,
	"decided_at" timestamp with time zone,
	"order_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "beta_applications_statement_length" CHECK (length("beta_applications"."statement") between 20 and 1000)
);
--> statement-breakpoint
CREATE TABLE "betas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" integer NOT NULL,
	"sku_id" integer NOT NULL,
	"title" text NOT NULL,
	"prompt" text NOT NULL,
	"seats" integer NOT NULL,
	"seats_taken" integer DEFAULT 0 NOT NULL,
	"token_price_minor" integer NOT NULL,
	"currency" char(3) NOT NULL,
	"points_cost" integer NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "betas_seats_range" CHECK ("betas"."seats" between 1 and 10000),
	CONSTRAINT "betas_seats_taken_range" CHECK ("betas"."seats_taken" between 0 and "betas"."seats"),
	CONSTRAINT "betas_token_price_non_negative" CHECK ("betas"."token_price_minor" >= 0),
	CONSTRAINT "betas_points_cost_non_negative" CHECK ("betas"."points_cost" >= 0),
	CONSTRAINT "betas_window_ordered" CHECK ("betas"."opens_at" < "betas"."closes_at"),
	CONSTRAINT "betas_title_length" CHECK (length("betas"."title") between 1 and 120),
	CONSTRAINT "betas_prompt_length" CHECK (length("betas"."prompt") between 1 and 500)
);
--> statement-breakpoint
ALTER TABLE "beta_applications" ADD CONSTRAINT "beta_applications_beta_id_betas_id_fk" FOREIGN KEY ("beta_id") REFERENCES "public"."betas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beta_applications" ADD CONSTRAINT "beta_applications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beta_applications" ADD CONSTRAINT "beta_applications_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "betas" ADD CONSTRAINT "betas_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "betas" ADD CONSTRAINT "betas_sku_id_skus_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."skus"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "betas" ADD CONSTRAINT "betas_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "beta_applications_beta_user_idx" ON "beta_applications" USING btree ("beta_id","user_id");--> statement-breakpoint
CREATE INDEX "beta_applications_beta_idx" ON "beta_applications" USING btree ("beta_id","status","created_at");--> statement-breakpoint
CREATE INDEX "beta_applications_user_idx" ON "beta_applications" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "beta_applications_order_idx" ON "beta_applications" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "betas_closes_idx" ON "betas" USING btree ("closes_at");