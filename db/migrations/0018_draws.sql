CREATE TYPE "public"."sale_kind" AS ENUM('first_come', 'draw');--> statement-breakpoint
CREATE TABLE "sale_draw_entries" (
	"sale_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"entry_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"position" integer,
	"offered_at" timestamp with time zone,
	"hold_id" uuid,
	CONSTRAINT "sale_draw_entries_sale_id_user_id_pk" PRIMARY KEY("sale_id","user_id"),
	CONSTRAINT "sale_draw_entries_entry_key" UNIQUE("sale_id","entry_id"),
	CONSTRAINT "sale_draw_entries_position_key" UNIQUE("sale_id","position"),
	CONSTRAINT "sale_draw_entries_entry_id_format" CHECK ("sale_draw_entries"."entry_id" ~ '^[0-9a-f]{24}$'),
	CONSTRAINT "sale_draw_entries_position_positive" CHECK ("sale_draw_entries"."position" > 0)
);
--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "kind" "sale_kind" DEFAULT 'first_come' NOT NULL;--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "purchase_window_minutes" integer;--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "draw_seed" text;--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "draw_commitment" text;--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "drawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "eligible_created_before" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "min_lifetime_points" integer;--> statement-breakpoint
ALTER TABLE "sale_draw_entries" ADD CONSTRAINT "sale_draw_entries_sale_id_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."sales"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_draw_entries" ADD CONSTRAINT "sale_draw_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_draw_entries" ADD CONSTRAINT "sale_draw_entries_hold_id_sale_holds_id_fk" FOREIGN KEY ("hold_id") REFERENCES "public"."sale_holds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sale_draw_entries_waiting_idx" ON "sale_draw_entries" USING btree ("sale_id","position") WHERE "sale_draw_entries"."position" is not null and "sale_draw_entries"."offered_at" is null;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_draw_settings" CHECK (("sales"."kind" = 'draw') = ("sales"."draw_commitment" is not null and "sales"."draw_seed" is not null and "sales"."purchase_window_minutes" is not null));--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_purchase_window_range" CHECK ("sales"."purchase_window_minutes" between 5 and 10080);--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_drawn_is_draw" CHECK ("sales"."drawn_at" is null or "sales"."kind" = 'draw');--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_min_lifetime_points" CHECK ("sales"."min_lifetime_points" > 0);