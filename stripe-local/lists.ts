import { invalidRequest, resourceMissing } from "./errors";
import type { StripeList } from "./objects";
import type { Params } from "./params";

/** `created` as Stripe takes it on list endpoints: an exact unix time, or a range `created[gt|gte|lt|lte]`. */
export function createdFilter(params: Params): (created: number) => boolean {
  if (!params.has("created")) return () => true;
  const exact = tryExact(params);
  if (exact !== undefined) return (created) => created === exact;
  const range = params.object("created");
  if (!range) return () => true;
  range.allowOnly(["gt", "gte", "lt", "lte"]);
  const gt = range.integer("gt");
  const gte = range.integer("gte");
  const lt = range.integer("lt");
  const lte = range.integer("lte");
  return (created) =>
    (gt === undefined || created > gt) &&
    (gte === undefined || created >= gte) &&
    (lt === undefined || created < lt) &&
    (lte === undefined || created <= lte);
}

function tryExact(params: Params): number | undefined {
  try {
    return params.integer("created");
  } catch {
    // An object (`created[gte]=…`) is not a string: read it as a range instead.
    return undefined;
  }
}

/**
 * One page of a list sorted newest first, as Stripe pages every list: `limit` (1–100, default 10), then
 * `starting_after` (older than that id) or `ending_before` (newer than that id), `has_more` when more remain in
 * that direction.
 */
export function page<T extends { id: string }>(
  newestFirst: readonly T[],
  params: Params,
  { url, objectName }: { url: string; objectName: string },
): StripeList<T> {
  const limit = params.integer("limit", { min: 1, max: 100 }) ?? 10;
  const after = params.string("starting_after");
  const before = params.string("ending_before");
  if (after !== undefined && before !== undefined) {
    throw invalidRequest("You may only specify one of these parameters: starting_after, ending_before.", {
      param: "ending_before",
    });
  }
  const at = (id: string, param: string) => {
    const index = newestFirst.findIndex((item) => item.id === id);
    if (index === -1) throw resourceMissing(objectName, id, param);
    return index;
  };
  let data: T[];
  let hasMore: boolean;
  if (before !== undefined) {
    const newer = newestFirst.slice(0, at(before, "ending_before"));
    data = newer.slice(-limit);
    hasMore = newer.length > limit;
  } else {
    const older = after === undefined ? newestFirst : newestFirst.slice(at(after, "starting_after") + 1);
    data = older.slice(0, limit);
    hasMore = older.length > limit;
  }
  return { object: "list", data: structuredClone(data), has_more: hasMore, url };
}

/** Stripe's `type` filter: an event name, or a group with `*` as a wildcard (`checkout.session.*`). */
export function typeMatcher(pattern: string): (type: string) => boolean {
  if (!pattern.includes("*")) return (type) => type === pattern;
  const regex = new RegExp(`^${pattern.split("*").map(escapeRegex).join("[^]*")}$`);
  return (type) => regex.test(type);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
