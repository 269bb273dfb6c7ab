CREATE TYPE "public"."fcode_expiry" AS ENUM('return_to_sale', 'keep_in_quota');--> statement-breakpoint
CREATE TABLE "fcode_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sale_id" uuid NOT NULL,
	"sku_id" integer NOT NULL,
	"bucket_id" integer NOT NULL,
	"label" text NOT NULL,
	"code_count" integer NOT NULL,
	"quota" integer NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"at_expiry" "fcode_expiry" DEFAULT 'return_to_sale' NOT NULL,
	"returned_units" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fcode_batches_code_count_range" CHECK ("fcode_batches"."code_count" between 1 and 5000),
	CONSTRAINT "fcode_batches_quota_range" CHECK ("fcode_batches"."quota" between 1 and "fcode_batches"."code_count"),
	CONSTRAINT "fcode_batches_valid_ordered" CHECK ("fcode_batches"."valid_from" < "fcode_batches"."valid_until"),
	CONSTRAINT "fcode_batches_returned_non_negative" CHECK ("fcode_batches"."returned_units" between 0 and "fcode_batches"."quota"),
	CONSTRAINT "fcode_batches_label_length" CHECK (length("fcode_batches"."label") between 1 and 80)
);
--> statement-breakpoint
CREATE TABLE "fcodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"hint" text NOT NULL,
	"given_to" uuid,
	"given_at" timestamp with time zone,
	"sealed" text,
	"owner_id" uuid,
	"redeemed_at" timestamp with time zone,
	"hold_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fcodes_codeHash_unique" UNIQUE("code_hash"),
	CONSTRAINT "fcodes_hint_length" CHECK (length("fcodes"."hint") = 4),
	CONSTRAINT "fcodes_given_sealed" CHECK (("fcodes"."given_to" is null) = ("fcodes"."sealed" is null))
);
--> statement-breakpoint
ALTER TABLE "sale_holds" DROP CONSTRAINT "sale_holds_seq_range";--> statement-breakpoint
ALTER TABLE "fcode_batches" ADD CONSTRAINT "fcode_batches_sale_id_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."sales"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fcode_batches" ADD CONSTRAINT "fcode_batches_sku_id_skus_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."skus"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fcode_batches" ADD CONSTRAINT "fcode_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fcode_batches" ADD CONSTRAINT "fcode_batches_bucket_id_sale_id_sku_id_sale_buckets_id_sale_id_sku_id_fk" FOREIGN KEY ("bucket_id","sale_id","sku_id") REFERENCES "public"."sale_buckets"("id","sale_id","sku_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fcodes" ADD CONSTRAINT "fcodes_batch_id_fcode_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."fcode_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fcodes" ADD CONSTRAINT "fcodes_given_to_users_id_fk" FOREIGN KEY ("given_to") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fcodes" ADD CONSTRAINT "fcodes_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fcodes" ADD CONSTRAINT "fcodes_hold_id_sale_holds_id_fk" FOREIGN KEY ("hold_id") REFERENCES "public"."sale_holds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fcode_batches_sale_idx" ON "fcode_batches" USING btree ("sale_id","created_at");--> statement-breakpoint
CREATE INDEX "fcode_batches_return_idx" ON "fcode_batches" USING btree ("valid_until") WHERE "fcode_batches"."at_expiry" = 'return_to_sale';--> statement-breakpoint
CREATE INDEX "fcodes_batch_idx" ON "fcodes" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "fcodes_given_to_idx" ON "fcodes" USING btree ("given_to") WHERE "fcodes"."given_to" is not null;--> statement-breakpoint
CREATE INDEX "fcodes_owner_idx" ON "fcodes" USING btree ("owner_id") WHERE "fcodes"."owner_id" is not null;--> statement-breakpoint
CREATE INDEX "fcodes_hold_idx" ON "fcodes" USING btree ("hold_id") WHERE "fcodes"."hold_id" is not null;--> statement-breakpoint
ALTER TABLE "sale_holds" ADD CONSTRAINT "sale_holds_seq_range" CHECK ("sale_holds"."seq" between 0 and 10);--> statement-breakpoint
-- F-codes: a batch's quota lives in a sale bucket with a negative number, and a unit bought with an F-code is a
-- hold with seq 0. The public reserve must neither take from those buckets nor count those holds, so both
-- functions of 0006 are re-created with exactly that added (one predicate each, no new statement): the pick and
-- the units a refusal reports look at buckets >= 0 only, and the fan's holds listed are those with seq > 0.

-- Everything that explains a refusal, as one JSON value (null for an unknown sale).
CREATE OR REPLACE FUNCTION kite_reserve_context(p_sale uuid, p_user uuid, p_sku integer) RETURNS json
LANGUAGE sql STABLE AS $$
  select json_build_object(
    'saleId', s.id, 'status', s.status, 'startsAt', s.starts_at, 'endsAt', s.ends_at,
    'perAccountLimit', s.per_account_limit,
    'registered', exists (select 1 from sale_registrations r where r.sale_id = s.id and r.user_id = p_user),
    'skuInSale', exists (select 1 from sale_skus k where k.sale_id = s.id and k.sku_id = p_sku),
    'available', (select coalesce(sum(b.available), 0)::int from sale_buckets b
      where b.sale_id = s.id and b.sku_id = p_sku and b.bucket >= 0),
    'saleAvailable', (select coalesce(sum(b.available), 0)::int from sale_buckets b
      where b.sale_id = s.id and b.bucket >= 0),
    'holds', (select json_agg(json_build_object(
        'holdId', h.id, 'skuId', h.sku_id, 'seq', h.seq, 'status', h.status, 'requestKey', h.request_key,
        'expiresAt', h.expires_at, 'orderId', h.order_id) order by h.seq)
      from sale_holds h
      where h.sale_id = s.id and h.user_id = p_user and h.status in ('active', 'converted') and h.seq > 0))
  from sales s where s.id = p_sale
$$;
--> statement-breakpoint

-- p_items: [{ saleId, skuId, userId, now, expiresAt, requestKey, queue, wallNow }, …]
-- Returns one element per item, in order: { holdId, seq, bucketAvailable } when a unit was taken, else
-- { context }: what explains the refusal, read in the same transaction.
CREATE OR REPLACE FUNCTION kite_reserve_batch(p_items jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_item jsonb;
  v_out jsonb := '[]'::jsonb;
  v_sale uuid;
  v_user uuid;
  v_sku integer;
  v_now timestamptz;
  v_expires timestamptz;
  v_key text;
  v_queue boolean;
  v_wall timestamptz;
  v_hold uuid;
  v_seq integer;
  v_bucket bigint;
  v_available integer;
  -- The bucket this batch last took from: preferred, since this transaction already holds its lock, so
  -- concurrent batches keep to a few buckets each instead of locking many.
  v_last_bucket bigint;
BEGIN
  FOR v_item IN SELECT value FROM jsonb_array_elements(p_items) LOOP
    v_sale := (v_item->>'saleId')::uuid;
    v_user := (v_item->>'userId')::uuid;
    v_sku := (v_item->>'skuId')::integer;
    v_now := (v_item->>'now')::timestamptz;
    v_expires := (v_item->>'expiresAt')::timestamptz;
    v_key := v_item->>'requestKey';
    v_queue := coalesce((v_item->>'queue')::boolean, false);
    v_wall := coalesce((v_item->>'wallNow')::timestamptz, now());

    WITH sale AS (
      SELECT s.per_account_limit AS lim
      FROM sales s
      WHERE s.id = v_sale AND s.status = 'scheduled'
        AND s.starts_at <= v_now AND s.ends_at > v_now
        AND EXISTS (SELECT 1 FROM sale_registrations r WHERE r.sale_id = s.id AND r.user_id = v_user)
    ), slot AS (
      SELECT g.n::smallint AS seq
      FROM sale CROSS JOIN generate_series(1, sale.lim) AS g(n)
      WHERE NOT EXISTS (
        SELECT 1 FROM sale_holds h
        WHERE h.sale_id = v_sale AND h.user_id = v_user AND h.seq = g.n
          AND h.status IN ('active', 'converted'))
      ORDER BY g.n
      LIMIT 1
    ), pick AS (
      SELECT c.id FROM sale_buckets c
      WHERE c.sale_id = v_sale AND c.sku_id = v_sku AND c.bucket >= 0 AND c.available > 0
        AND EXISTS (SELECT 1 FROM slot)
      ORDER BY (c.id IS NOT DISTINCT FROM v_last_bucket) DESC, random()
      LIMIT 1
      -- The lock the update takes anyway; unlike FOR UPDATE it does not conflict with foreign-key checks.
      FOR NO KEY UPDATE SKIP LOCKED
    ), hold AS (
      -- The unique index on live (sale, user, seq), or the request key, turns a concurrent second click into
      -- no row (after waiting for the first click's transaction), and then nothing below happens either.
      INSERT INTO sale_holds (sale_id, sku_id, bucket_id, user_id, seq, status, request_key, expires_at, created_at)
      SELECT v_sale, v_sku, pick.id, v_user, slot.seq, 'active', v_key, v_expires, v_now
      FROM pick CROSS JOIN slot
      ON CONFLICT DO NOTHING
      RETURNING id, seq, bucket_id
    ), taken AS (
      UPDATE sale_buckets b
      SET available = b.available - 1, held = b.held + 1
      FROM hold WHERE b.id = hold.bucket_id
      RETURNING b.id, b.available
    ), queued AS (
      INSERT INTO checkout_queue (hold_id, user_id, enqueued_at, not_before)
      SELECT hold.id, v_user, v_now, v_wall FROM hold WHERE v_queue
      RETURNING hold_id
    )
    SELECT hold.id, hold.seq::integer, taken.id, taken.available
    INTO v_hold, v_seq, v_bucket, v_available
    FROM (SELECT 1) AS one LEFT JOIN hold ON true LEFT JOIN taken ON true;

    IF v_hold IS NOT NULL THEN
      v_last_bucket := v_bucket;
      v_out := v_out || jsonb_build_array(
        jsonb_build_object('holdId', v_hold, 'seq', v_seq, 'bucketAvailable', v_available));
    ELSE
      v_out := v_out || jsonb_build_array(
        jsonb_build_object('context', kite_reserve_context(v_sale, v_user, v_sku)));
    END IF;
  END LOOP;
  RETURN v_out;
END
$$;
