CREATE TYPE "public"."order_kind" AS ENUM('cart', 'sale');--> statement-breakpoint
CREATE TABLE "order_refunds" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"amount_minor" integer NOT NULL,
	"currency" char(3) NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_cursors" (
	"name" text PRIMARY KEY NOT NULL,
	"position" bigint NOT NULL,
	"lease_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_incidents" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payment_incidents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"order_id" uuid,
	"stripe_session_id" text,
	"stripe_event_id" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "kind" "order_kind";--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "session_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "refund_owed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "refund_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "refund_next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "order_refunds" ADD CONSTRAINT "order_refunds_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_refunds_order_idx" ON "order_refunds" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "payment_incidents_created_idx" ON "payment_incidents" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_one_pending_cart_idx" ON "orders" USING btree ("user_id") WHERE "orders"."status" = 'pending' and "orders"."kind" = 'cart';--> statement-breakpoint
CREATE INDEX "orders_pending_user_idx" ON "orders" USING btree ("user_id") WHERE "orders"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "orders_refund_owed_idx" ON "orders" USING btree ("refund_owed_at") WHERE "orders"."refund_owed_at" is not null and "orders"."stripe_refund_id" is null;--> statement-breakpoint
CREATE INDEX "orders_payment_intent_idx" ON "orders" USING btree ("stripe_payment_intent_id");--> statement-breakpoint
-- Backfill. Refunded orders without a recorded refund were either owed one by us or refunded in the dashboard:
-- the sweep retries them once, and a charge Stripe says is already refunded is recorded instead of retried.
UPDATE "orders" SET "refund_owed_at" = coalesce("closed_at", "updated_at")
WHERE "status" = 'refunded' AND "stripe_refund_id" IS NULL AND "stripe_payment_intent_id" IS NOT NULL;--> statement-breakpoint
UPDATE "orders" SET "kind" = 'sale' WHERE "id" IN (SELECT "order_id" FROM "sale_holds" WHERE "order_id" IS NOT NULL);--> statement-breakpoint
-- Pending cart orders made before this migration keep a null kind (several may exist per account); they end
-- within HOLD_MINUTES like any other.
UPDATE "orders" SET "kind" = 'cart' WHERE "kind" IS NULL AND "status" <> 'pending';
