import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BackLink } from "@/components/account/account-subpage";
import { PointsHistory, ReferralList, TierStanding } from "@/components/club/account-points";
import { getCurrentAccount } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getClubStatus, listPointsHistory, parsePointsCursor } from "@/lib/points/queries";
import { listReferrals } from "@/lib/referrals/referrals";

export const metadata: Metadata = { title: "Points & tier · Kite" };

type Props = { searchParams: Promise<{ after?: string | string[] }> };

/** The fan's Kite Club standing: balance, tier and the way to the next, the points history (paged), referrals. */
export default async function PointsPage({ searchParams }: Props) {
  const user = await getCurrentAccount();
  if (!user) redirect("/sign-in?callbackUrl=/account/points");
  const { after } = await searchParams;
  const cursor = parsePointsCursor(typeof after === "string" ? after : undefined);
  const db = await getDb();
  const [status, history, friends] = await Promise.all([
    getClubStatus(db, { userId: user.id }),
    listPointsHistory(db, { userId: user.id, after: cursor }),
    listReferrals(db, { userId: user.id }),
  ]);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <BackLink href="/account" label="Your account" />
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Points &amp; tier</h1>
      <TierStanding status={status} />
      <PointsHistory
        rows={history.rows}
        next={history.next}
        firstPage={cursor === null}
        timeZone={env.STORE_TIMEZONE}
      />
      <ReferralList friends={friends} referralCode={status.referralCode} timeZone={env.STORE_TIMEZONE} />
    </div>
  );
}
