CREATE TYPE "public"."return_status" AS ENUM('requested', 'approved', 'refused');--> statement-breakpoint
CREATE TABLE "order_returns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" "return_status" DEFAULT 'requested' NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_id" uuid,
	"refusal_reason" text,
	"received_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_returns_note_length" CHECK (char_length("order_returns"."note") <= 500),
	CONSTRAINT "order_returns_refusal_length" CHECK (char_length("order_returns"."refusal_reason") <= 500),
	CONSTRAINT "order_returns_refused_has_reason" CHECK ("order_returns"."status" <> 'refused' or ("order_returns"."refusal_reason" is not null and "order_returns"."decided_at" is not null)),
	CONSTRAINT "order_returns_received_approved" CHECK ("order_returns"."received_at" is null or "order_returns"."status" = 'approved')
);
--> statement-breakpoint
ALTER TABLE "order_returns" ADD CONSTRAINT "order_returns_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_returns" ADD CONSTRAINT "order_returns_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_returns" ADD CONSTRAINT "order_returns_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "order_returns_one_live_idx" ON "order_returns" USING btree ("order_id") WHERE "order_returns"."status" <> 'refused';--> statement-breakpoint
CREATE INDEX "order_returns_order_idx" ON "order_returns" USING btree ("order_id","requested_at");--> statement-breakpoint
CREATE INDEX "order_returns_open_idx" ON "order_returns" USING btree ("requested_at") WHERE "order_returns"."status" = 'requested' or ("order_returns"."status" = 'approved' and "order_returns"."received_at" is null);