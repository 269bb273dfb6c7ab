import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { variantLabel } from "@/lib/catalog/variant-label";
import type { Db } from "@/lib/db";
import { type RateLimiter, takeEach } from "@/lib/rate-limit/limiter";
import { isUuid } from "@/lib/sales/db-errors";
import { saleImageSql } from "@/lib/sales/sale-image";
import { groupFcode, hashFcode, normaliseFcode, unsealFcode } from "./codes";
import { FCODE_RATE_LIMITS, type FcodeState, fcodeState } from "./rules";

/** What one code buys, as SQL reads it: the version, the sale, and the batch's window (the F-code mail too). */
export interface FcodeOfferRow {
  productName: string;
  colour: string | null;
  storage: string | null;
  saleName: string;
  validFrom: Date | string;
  validUntil: Date | string;
}

/** What every read of one code shares: the code, its batch's window and sale, its version, its latest hold. */
interface CodeRow extends FcodeOfferRow {
  givenTo: string | null;
  ownerId: string | null;
  holdId: string | null;
  holdStatus: string | null;
  releaseReason: string | null;
}

const CODE_COLUMNS = sql`p.name as "productName", k.colour, k.storage, s.name as "saleName",
  b.valid_from as "validFrom", b.valid_until as "validUntil", c.given_to as "givenTo", c.owner_id as "ownerId",
  c.hold_id as "holdId", h.status as "holdStatus", h.release_reason as "releaseReason"`;

const CODE_JOINS = sql`from fcodes c
  join fcode_batches b on b.id = c.batch_id
  join sales s on s.id = b.sale_id
  join skus k on k.id = b.sku_id
  join products p on p.id = k.product_id
  left join sale_holds h on h.id = c.hold_id`;

/** One batch as the console lists it: what it is for, and how far its codes have got. */
export interface FcodeBatchRow {
  id: string;
  label: string;
  saleName: string;
  saleSlug: string;
  productName: string;
  variant: string;
  validFrom: Date;
  validUntil: Date;
  atExpiry: "return_to_sale" | "keep_in_quota";
  issued: number;
  given: number;
  redeemed: number;
  paid: number;
  /** Codes past their validity that never bought a unit (0 while the batch is valid). */
  expired: number;
  quota: number;
  /** Units in the batch's bucket: waiting for a code, held by a code being paid for, bought. */
  setAside: number;
  held: number;
  sold: number;
  returned: number;
  createdAt: Date;
}

/** Every batch, newest first, with its counts: one statement (codes and holds grouped per batch). */
export async function listFcodeBatches(db: Db, { now }: { now: Date }): Promise<FcodeBatchRow[]> {
  const rows = await queryRows<
    Omit<FcodeBatchRow, "variant" | "expired" | "validFrom" | "validUntil" | "createdAt"> & {
      colour: string | null;
      storage: string | null;
      validFrom: Date | string;
      validUntil: Date | string;
      createdAt: Date | string;
    }
  >(
    db,
    sql`
      select b.id, b.label, s.name as "saleName", s.slug as "saleSlug", p.name as "productName", k.colour,
        k.storage, b.valid_from as "validFrom", b.valid_until as "validUntil", b.at_expiry as "atExpiry",
        b.code_count as issued, b.quota, b.returned_units as returned, b.created_at as "createdAt",
        pool.available as "setAside", pool.held, pool.sold,
        coalesce(c.given, 0)::int as given, coalesce(c.redeemed, 0)::int as redeemed,
        coalesce(c.paid, 0)::int as paid
      from fcode_batches b
      join sales s on s.id = b.sale_id
      join skus k on k.id = b.sku_id
      join products p on p.id = k.product_id
      join sale_buckets pool on pool.id = b.bucket_id
      left join lateral (
        select count(*) filter (where f.given_to is not null) as given,
          count(*) filter (where f.owner_id is not null) as redeemed,
          count(*) filter (where h.status = 'converted' or h.release_reason = 'returned') as paid
        from fcodes f left join sale_holds h on h.id = f.hold_id
        where f.batch_id = b.id) c on true
      order by b.created_at desc, b.id
      limit 200`,
  );
  return rows.map(({ colour, storage, ...r }) => {
    const validUntil = new Date(r.validUntil);
    return {
      ...r,
      variant: variantLabel({ colour: colour ?? "", storage }),
      validFrom: new Date(r.validFrom),
      validUntil,
      createdAt: new Date(r.createdAt),
      expired: now.getTime() >= validUntil.getTime() ? r.issued - r.paid : 0,
    };
  });
}

/** A version of a sale a batch can be issued for (sales not over yet), with its free public units. */
export interface FcodeTarget {
  saleId: string;
  skuId: number;
  label: string;
  free: number;
}

export async function listFcodeTargets(db: Db, { now }: { now: Date }): Promise<FcodeTarget[]> {
  const rows = await queryRows<{
    saleId: string;
    skuId: number;
    saleName: string;
    productName: string;
    colour: string | null;
    storage: string | null;
    free: number;
  }>(
    db,
    sql`
      select s.id as "saleId", ss.sku_id as "skuId", s.name as "saleName", p.name as "productName", k.colour,
        k.storage,
        (select coalesce(sum(b.available), 0)::int from sale_buckets b
          where b.sale_id = s.id and b.sku_id = ss.sku_id and b.bucket >= 0) as free
      from sales s
      join sale_skus ss on ss.sale_id = s.id
      join skus k on k.id = ss.sku_id
      join products p on p.id = k.product_id
      where s.status <> 'ended' and s.ends_at > ${now.toISOString()}::timestamptz
      order by s.starts_at, s.id, ss.position
      limit 300`,
  );
  return rows.map((r) => ({
    saleId: r.saleId,
    skuId: r.skuId,
    free: r.free,
    label: `${r.saleName} — ${r.productName} (${variantLabel({ colour: r.colour ?? "", storage: r.storage })})`,
  }));
}

/** What a code is for, as its share page shows it (never who owns it). */
export interface FcodeView {
  code: string;
  skuId: number;
  saleName: string;
  saleSlug: string;
  productName: string;
  variant: string;
  imageUrl: string | null;
  salePriceMinor: number;
  currency: string;
  startsAt: Date;
  validFrom: Date;
  validUntil: Date;
  state: FcodeState;
  /** The account looking owns it (redeemed it first). */
  mine: boolean;
  /** Someone else redeemed it. */
  taken: boolean;
  holdId: string | null;
}

export type FcodeLookup =
  | { ok: true; view: FcodeView }
  | { ok: false; code: "unknown_code" | "rate_limited"; retryAfterSeconds?: number };

/**
 * A code's share page: looks the code up by its hash. Like redeeming, a look-up of a code that does not exist costs
 * a token per address (and per account when signed in), so the page is no faster an oracle than the form.
 */
export async function lookupFcode(
  db: Db,
  limiter: RateLimiter,
  { code, userId, ip, now }: { code: string; userId: string | null; ip: string | null; now: Date },
): Promise<FcodeLookup> {
  const buckets = [
    ...(ip ? [[`fcode:ip:${ip}`, FCODE_RATE_LIMITS.ip] as const] : []),
    ...(userId ? [[`fcode:account:${userId}`, FCODE_RATE_LIMITS.account] as const] : []),
  ];
  const taken = await takeEach(limiter, buckets, now);
  if (!taken.ok) return { ok: false, code: "rate_limited", retryAfterSeconds: taken.retryAfterSeconds };
  const bare = normaliseFcode(code);
  if (!bare) return { ok: false, code: "unknown_code" };
  const [row] = await queryRows<
    CodeRow & {
      skuId: number;
      saleSlug: string;
      imageUrl: string | null;
      salePriceMinor: number;
      currency: string;
      startsAt: Date | string;
    }
  >(
    db,
    sql`
      select ${CODE_COLUMNS}, b.sku_id as "skuId", s.slug as "saleSlug",
        ${saleImageSql("s.id", "p.id")} as "imageUrl", ss.sale_price_minor as "salePriceMinor", ss.currency,
        s.starts_at as "startsAt"
      ${CODE_JOINS}
      join sale_skus ss on ss.sale_id = b.sale_id and ss.sku_id = b.sku_id
      where c.code_hash = ${hashFcode(bare)}`,
  );
  if (!row) return { ok: false, code: "unknown_code" };
  await taken.giveBack();
  const validFrom = new Date(row.validFrom);
  const validUntil = new Date(row.validUntil);
  const mine = userId !== null && row.ownerId === userId;
  return {
    ok: true,
    view: {
      code: groupFcode(bare),
      skuId: row.skuId,
      saleName: row.saleName,
      saleSlug: row.saleSlug,
      productName: row.productName,
      variant: variantLabel({ colour: row.colour ?? "", storage: row.storage }),
      imageUrl: row.imageUrl,
      salePriceMinor: row.salePriceMinor,
      currency: row.currency,
      startsAt: new Date(row.startsAt),
      validFrom,
      validUntil,
      state: fcodeState({ ...row, validFrom, validUntil, now }),
      mine,
      taken: row.ownerId !== null && !mine,
      holdId: mine ? row.holdId : null,
    },
  };
}

/** A code on the fan's account page: given to them by the store, or redeemed by them. */
export interface FanFcode {
  id: string;
  /** The code itself when it was given to this fan (unsealed); null for one they redeemed from someone's link. */
  code: string | null;
  hint: string;
  productName: string;
  variant: string;
  saleName: string;
  validFrom: Date;
  validUntil: Date;
  state: FcodeState;
  mine: boolean;
  /** Someone else redeemed a code given to this fan (they passed it on). */
  passedOn: boolean;
  holdId: string | null;
}

export async function listFcodesForUser(
  db: Db,
  { userId, now, secret }: { userId: string; now: Date; secret: string },
): Promise<FanFcode[]> {
  if (!isUuid(userId)) return [];
  const rows = await queryRows<CodeRow & { id: string; sealed: string | null; hint: string }>(
    db,
    sql`
      select c.id, c.sealed, c.hint, ${CODE_COLUMNS}
      ${CODE_JOINS}
      where c.given_to = ${userId}::uuid or c.owner_id = ${userId}::uuid
      order by coalesce(c.given_at, c.redeemed_at) desc, c.id
      limit 50`,
  );
  return rows.map((r) => {
    const validFrom = new Date(r.validFrom);
    const validUntil = new Date(r.validUntil);
    const mine = r.ownerId === userId;
    const passedOn = r.ownerId !== null && !mine;
    const opened = r.givenTo === userId && r.sealed ? unsealFcode(r.sealed, secret) : null;
    return {
      id: r.id,
      code: opened ? groupFcode(opened) : null,
      hint: r.hint,
      productName: r.productName,
      variant: variantLabel({ colour: r.colour ?? "", storage: r.storage }),
      saleName: r.saleName,
      validFrom,
      validUntil,
      state: passedOn
        ? "bought"
        : fcodeState({
            givenTo: r.givenTo,
            holdStatus: r.holdStatus,
            releaseReason: r.releaseReason,
            validFrom,
            validUntil,
            now,
          }),
      mine,
      passedOn,
      holdId: mine ? r.holdId : null,
    };
  });
}
