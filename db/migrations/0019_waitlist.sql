CREATE TYPE "public"."waitlist_status" AS ENUM('waiting', 'offered', 'missed');--> statement-breakpoint
CREATE TABLE "sale_press_counts" (
	"sale_id" uuid NOT NULL,
	"presses" bigint DEFAULT 0 NOT NULL,
	"refused" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "sale_press_counts_sale_id_pk" PRIMARY KEY("sale_id"),
	CONSTRAINT "sale_press_counts_non_negative" CHECK ("sale_press_counts"."presses" >= 0 and "sale_press_counts"."refused" >= 0)
);
--> statement-breakpoint
CREATE TABLE "sale_reminder_runs" (
	"sale_id" uuid PRIMARY KEY NOT NULL,
	"total" integer NOT NULL,
	"enqueued" integer DEFAULT 0 NOT NULL,
	"cursor" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"last_batch_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sale_waitlist" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sale_waitlist_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"sale_id" uuid NOT NULL,
	"sku_id" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"status" "waitlist_status" DEFAULT 'waiting' NOT NULL,
	"hold_id" uuid,
	"offered_at" timestamp with time zone,
	"offer_mailed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "waitlist_offer_minutes" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "reminder_minutes" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "sale_press_counts" ADD CONSTRAINT "sale_press_counts_sale_id_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."sales"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_reminder_runs" ADD CONSTRAINT "sale_reminder_runs_sale_id_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."sales"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_waitlist" ADD CONSTRAINT "sale_waitlist_sale_id_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."sales"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_waitlist" ADD CONSTRAINT "sale_waitlist_sku_id_skus_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."skus"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_waitlist" ADD CONSTRAINT "sale_waitlist_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_waitlist" ADD CONSTRAINT "sale_waitlist_hold_id_sale_holds_id_fk" FOREIGN KEY ("hold_id") REFERENCES "public"."sale_holds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sale_waitlist_sale_user_idx" ON "sale_waitlist" USING btree ("sale_id","user_id");--> statement-breakpoint
CREATE INDEX "sale_waitlist_waiting_idx" ON "sale_waitlist" USING btree ("sale_id","sku_id","id") WHERE "sale_waitlist"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "sale_waitlist_hold_idx" ON "sale_waitlist" USING btree ("hold_id") WHERE "sale_waitlist"."hold_id" is not null;--> statement-breakpoint
CREATE INDEX "sale_waitlist_unmailed_idx" ON "sale_waitlist" USING btree ("offered_at") WHERE "sale_waitlist"."status" = 'offered' and "sale_waitlist"."offer_mailed_at" is null;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_reminder_minutes_range" CHECK ("sales"."reminder_minutes" between 0 and 1440);--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_waitlist_offer_minutes_range" CHECK ("sales"."waitlist_offer_minutes" between 1 and 120);--> statement-breakpoint
-- The waitlist knows the stock: a public unit that comes back (a hold expired, was cancelled, its payment failed,
-- or a paid unit was returned) is offered, in the same transaction, to the first fan waiting for its version, as
-- a hold of their own for the sale's waitlist_offer_minutes with its place in the checkout line. The public reserve
-- therefore never sees it while someone waits, and the stock invariant is kept by the same one-unit move a
-- reservation makes (available - 1, held + 1 in the same bucket). An offer that ends unpaid is itself a release:
-- its fan is marked as having missed it, and its unit goes on to the next fan. F-code units (seq 0, buckets < 0)
-- go back to their quota as before and are never offered.
CREATE FUNCTION kite_offer_returned_unit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_at timestamptz := coalesce(NEW.settled_at, now());
  v_minutes integer;
  v_entry record;
  v_hold uuid;
BEGIN
  UPDATE sale_waitlist SET status = 'missed' WHERE hold_id = NEW.id AND status = 'offered';
  IF NEW.seq = 0 THEN
    RETURN NULL;
  END IF;
  SELECT s.waitlist_offer_minutes INTO v_minutes FROM sales s
  WHERE s.id = NEW.sale_id AND s.status = 'scheduled' AND v_at >= s.starts_at AND v_at < s.ends_at;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  LOOP
    -- The unit must still be in the bucket (a reservation may have taken it in this same transaction).
    PERFORM 1 FROM sale_buckets b WHERE b.id = NEW.bucket_id AND b.bucket >= 0 AND b.available > 0;
    EXIT WHEN NOT FOUND;
    SELECT w.id, w.user_id INTO v_entry FROM sale_waitlist w
    WHERE w.sale_id = NEW.sale_id AND w.sku_id = NEW.sku_id AND w.status = 'waiting'
    ORDER BY w.id
    LIMIT 1
    FOR UPDATE SKIP LOCKED;
    EXIT WHEN NOT FOUND;
    v_hold := NULL;
    INSERT INTO sale_holds (sale_id, sku_id, bucket_id, user_id, seq, status, expires_at, created_at)
    SELECT NEW.sale_id, NEW.sku_id, NEW.bucket_id, v_entry.user_id, g.n::smallint, 'active',
      v_at + make_interval(mins => v_minutes), v_at
    FROM sales s CROSS JOIN generate_series(1, s.per_account_limit) AS g(n)
    WHERE s.id = NEW.sale_id AND NOT EXISTS (
      SELECT 1 FROM sale_holds h
      WHERE h.sale_id = NEW.sale_id AND h.user_id = v_entry.user_id AND h.seq = g.n
        AND h.status IN ('active', 'converted'))
    ORDER BY g.n
    LIMIT 1
    ON CONFLICT DO NOTHING
    RETURNING id INTO v_hold;
    IF v_hold IS NULL THEN
      -- The fan holds the sale's limit already: nothing to offer them; the unit goes to the next fan.
      UPDATE sale_waitlist SET status = 'missed' WHERE id = v_entry.id;
      CONTINUE;
    END IF;
    UPDATE sale_buckets SET available = available - 1, held = held + 1 WHERE id = NEW.bucket_id;
    INSERT INTO checkout_queue (hold_id, user_id, enqueued_at, not_before) VALUES (v_hold, v_entry.user_id, v_at, now());
    UPDATE sale_waitlist SET status = 'offered', hold_id = v_hold, offered_at = v_at WHERE id = v_entry.id;
    EXIT;
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER sale_holds_offer_to_waitlist AFTER UPDATE OF status ON sale_holds
FOR EACH ROW WHEN (NEW.status = 'released' AND OLD.status <> 'released')
EXECUTE FUNCTION kite_offer_returned_unit();
