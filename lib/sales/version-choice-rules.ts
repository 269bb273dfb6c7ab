/**
 * Choosing the version (colour, storage) at registration: the pure rule of when a fan may still change it and the
 * refusals they read. No database access, so the sale page, the commands (version-choice.ts) and tests share it.
 */

import { type Failure, fail } from "@/lib/result";

export type VersionChoiceCode =
  | "not_found"
  | "draw_sale"
  | "sale_started"
  | "sale_ended"
  | "not_registered"
  | "version_not_in_sale";

export const SALE_STARTED_MESSAGE = "The sale has started: choose at Buy now.";

/** What decides whether a fan may choose or change their version in a sale. */
export interface VersionChoiceFacts {
  status: "draft" | "scheduled" | "ended";
  draw: boolean;
  startsAt: Date;
  /** The fan is registered for the sale. */
  registered: boolean;
  /** The version asked for is one of the sale's own. */
  versionInSale: boolean;
}

/**
 * A registered fan may change their version until the sale starts (registration may already be closed): after
 * that they choose at Buy now. A draw sale has no choice to make (its units are drawn), a draft is not there.
 */
export function mayChangeVersion(
  sale: Pick<VersionChoiceFacts, "status" | "draw" | "startsAt">,
  now: Date,
): boolean {
  return sale.status === "scheduled" && !sale.draw && now.getTime() < sale.startsAt.getTime();
}

/** Why this fan cannot choose this version now, or null when they can. Checked in this order. */
export function versionChoiceRefusal(
  facts: VersionChoiceFacts,
  now: Date,
): Failure<VersionChoiceCode> | null {
  if (facts.status === "draft") {
    return fail("not_found", "We couldn't find that sale. It may have been removed.");
  }
  if (facts.draw) return noVersionInDraw();
  if (facts.status === "ended") return fail("sale_ended", "This sale has ended.");
  if (!mayChangeVersion(facts, now)) return fail("sale_started", SALE_STARTED_MESSAGE);
  if (!facts.registered) return fail("not_registered", "Register for this sale first.");
  if (!facts.versionInSale) return versionNotInSale();
  return null;
}

export function versionNotInSale(): Failure<"version_not_in_sale"> {
  return fail(
    "version_not_in_sale",
    "That version isn't part of this sale. Reload the page and choose one of the versions shown.",
  );
}

export function noVersionInDraw(): Failure<"draw_sale"> {
  return fail("draw_sale", "This sale is a draw: there is no version to choose before it.");
}
