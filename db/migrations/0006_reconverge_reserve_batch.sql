-- 0005_reserve_batch.sql was rewritten after it had landed (40af953 shipped kite_reserve_batch with a BEGIN …
-- EXCEPTION subtransaction per click; e402b93 replaced it in place with the INSERT … ON CONFLICT DO NOTHING
-- version). drizzle applies only migrations newer than the last one recorded, so a database that ran the first
-- version of 0005 kept the old function. This migration re-creates every function 0005 defines, exactly as the
-- current 0005 defines them (same bodies, byte for byte), so every database converges whichever 0005 it ran.
-- The signatures and return types did not change, so CREATE OR REPLACE is enough (grants are kept).
-- Rule from here on: a migration, once on main, is never edited; write the next one (db/migrations/checksums.json).

-- Everything that explains a refusal, as one JSON value (null for an unknown sale).
CREATE OR REPLACE FUNCTION kite_reserve_context(p_sale uuid, p_user uuid, p_sku integer) RETURNS json
LANGUAGE sql STABLE AS $$
  select json_build_object(
    'saleId', s.id, 'status', s.status, 'startsAt', s.starts_at, 'endsAt', s.ends_at,
    'perAccountLimit', s.per_account_limit,
    'registered', exists (select 1 from sale_registrations r where r.sale_id = s.id and r.user_id = p_user),
    'skuInSale', exists (select 1 from sale_skus k where k.sale_id = s.id and k.sku_id = p_sku),
    'available', (select coalesce(sum(b.available), 0)::int from sale_buckets b
      where b.sale_id = s.id and b.sku_id = p_sku),
    'saleAvailable', (select coalesce(sum(b.available), 0)::int from sale_buckets b where b.sale_id = s.id),
    'holds', (select json_agg(json_build_object(
        'holdId', h.id, 'skuId', h.sku_id, 'seq', h.seq, 'status', h.status, 'requestKey', h.request_key,
        'expiresAt', h.expires_at, 'orderId', h.order_id) order by h.seq)
      from sale_holds h
      where h.sale_id = s.id and h.user_id = p_user and h.status in ('active', 'converted')))
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
      WHERE c.sale_id = v_sale AND c.sku_id = v_sku AND c.available > 0
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
