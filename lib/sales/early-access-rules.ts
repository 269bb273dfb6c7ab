import { type TierName, tierFor } from "@/lib/points/rules";
import { getDateTimeFormat } from "@/lib/store-time";

/*
 * The early-access lane's pure rules (the reservation itself is ./early-access.ts): when it opens, who may use it,
 * and the sentences fans read. A sale's lane lets fans of a tier or above reserve a configured number of minutes
 * before the public start, from a unit quota the marketer sets.
 */

export interface LaneSettings {
  /** Lifetime points of the lowest tier that may use the lane. */
  minPoints: number;
  minutes: number;
  quota: number;
}

/** A sale row's three lane columns: all null for a sale without a lane. */
export interface LaneColumns {
  earlyAccessMinPoints: number | null;
  earlyAccessMinutes: number | null;
  earlyAccessQuota: number | null;
}

/** The lane a sale row's columns describe, or null for none. */
export function laneFromColumns(row: LaneColumns): LaneSettings | null {
  const { earlyAccessMinPoints: minPoints, earlyAccessMinutes: minutes, earlyAccessQuota: quota } = row;
  if (minPoints === null || minutes === null || quota === null) return null;
  return { minPoints, minutes, quota };
}

export function laneOpensAt(startsAt: Date, lane: Pick<LaneSettings, "minutes">): Date {
  return new Date(startsAt.getTime() - lane.minutes * 60_000);
}

export function laneTierName(lane: Pick<LaneSettings, "minPoints">): TierName {
  return tierFor(lane.minPoints).name;
}

/** Whether a fan with these lifetime points may use the lane. */
export function qualifiesForLane(lane: Pick<LaneSettings, "minPoints">, lifetimeEarned: number): boolean {
  return lifetimeEarned >= lane.minPoints;
}

/** Whether `now` is inside the lane's window: from its opening up to (not including) the public start. */
export function inLaneWindow(startsAt: Date, lane: Pick<LaneSettings, "minutes">, now: Date): boolean {
  const t = now.getTime();
  return t >= laneOpensAt(startsAt, lane).getTime() && t < startsAt.getTime();
}

/** "09:50", or "10:00 CET" with the zone named, in the store's zone. */
export function formatLaneTime(at: Date, timeZone: string, withZone = false): string {
  return getDateTimeFormat("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
    ...(withZone ? { timeZoneName: "short" } : {}),
  }).format(at);
}

/** The sale page's line (the same for everyone): "Gold and above: from 09:50 CET". */
export function laneNotice(startsAt: Date, lane: LaneSettings, timeZone: string): string {
  return `${laneTierName(lane)} and above: from ${formatLaneTime(laneOpensAt(startsAt, lane), timeZone, true)}`;
}

/** When everyone may buy: "10:00 CET". */
export function publicStartText(startsAt: Date, timeZone: string): string {
  return formatLaneTime(startsAt, timeZone, true);
}

/** What a fan who may not buy yet is told: "Gold and above from 09:50; everyone from 10:00 CET." */
export function laneRefusal(startsAt: Date, lane: LaneSettings, timeZone: string): string {
  const opens = formatLaneTime(laneOpensAt(startsAt, lane), timeZone);
  return `${laneTierName(lane)} and above from ${opens}; everyone from ${formatLaneTime(startsAt, timeZone, true)}.`;
}
