CREATE TYPE "public"."fulfilment_status" AS ENUM('packed', 'shipped', 'delivered');--> statement-breakpoint
CREATE TABLE "order_fulfilment" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"status" "fulfilment_status" NOT NULL,
	"carrier" text,
	"tracking_number" text,
	"packed_at" timestamp with time zone NOT NULL,
	"shipped_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_fulfilment_shipped_has_tracking" CHECK ("order_fulfilment"."status" = 'packed' or ("order_fulfilment"."carrier" is not null and "order_fulfilment"."tracking_number" is not null and "order_fulfilment"."shipped_at" is not null)),
	CONSTRAINT "order_fulfilment_delivered_at" CHECK ("order_fulfilment"."status" <> 'delivered' or "order_fulfilment"."delivered_at" is not null),
	CONSTRAINT "order_fulfilment_tracking_length" CHECK (char_length("order_fulfilment"."tracking_number") <= 40)
);
--> statement-breakpoint
ALTER TABLE "order_fulfilment" ADD CONSTRAINT "order_fulfilment_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_fulfilment_status_idx" ON "order_fulfilment" USING btree ("status");--> statement-breakpoint
CREATE INDEX "orders_created_idx" ON "orders" USING btree ("created_at","id");