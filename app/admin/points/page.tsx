import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { AdjustPointsForm } from "@/components/admin/points-adjust-form";
import { Card, PageHeader } from "@/components/admin/ui";
import { Button } from "@/components/ui/button";
import { DetailList } from "@/components/ui/detail-list";
import { InputField } from "@/components/ui/field";
import { requireMarketerPage } from "@/lib/auth/marketer-page";
import { findUserByEmail } from "@/lib/auth/users";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import {
  type ClubStatus,
  getClubStatus,
  listPointsHistory,
  type PointsHistoryRow,
} from "@/lib/points/queries";
import { POINTS_REASON_LABELS } from "@/lib/points/rules";
import { formatStoreDateTime } from "@/lib/store-time";
import { adjustPointsAction } from "./actions";

export const metadata: Metadata = { title: "Points" };

const number = new Intl.NumberFormat("en-US");

/** One fan's standing, the adjustment form (with the balance it was drawn with), and their latest entries. */
function FanPoints({
  fan,
  status,
  rows,
}: {
  fan: { name: string; email: string };
  status: ClubStatus;
  rows: PointsHistoryRow[];
}) {
  return (
    <Card title={`${fan.name} · ${fan.email}`} titleId="fan-points-title">
      <DetailList
        rows={[
          [
            "Balance",
            <span key="balance" data-testid="fan-balance">
              {number.format(status.balance)} points
            </span>,
          ],
          ["Lifetime", `${number.format(status.lifetimeEarned)} points`],
          ["Tier", status.tier.name],
        ]}
      />
      <div className="mt-5">
        <AdjustPointsForm
          action={adjustPointsAction}
          email={fan.email}
          balance={status.balance}
          requestKey={randomUUID()}
        />
      </div>
      <h3 className="mt-6 text-sm font-semibold text-ink-900">Latest entries</h3>
      <ul className="mt-2 divide-y divide-ink-100 text-sm">
        {rows.slice(0, 10).map((row) => (
          <li key={row.id} className="flex flex-wrap justify-between gap-2 py-2">
            <span>
              {POINTS_REASON_LABELS[row.reason]}
              {row.note ? <span className="text-ink-500"> · {row.note}</span> : null}
              <span className="block text-xs text-ink-500">
                {formatStoreDateTime(row.createdAt, env.STORE_TIMEZONE)}
              </span>
            </span>
            <span className="tabular-nums font-medium">
              {row.amount > 0 ? "+" : ""}
              {number.format(row.amount)}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

type Props = { searchParams: Promise<{ email?: string | string[] }> };

/** Find a fan by email, see their points, and adjust them with a reason (ledger entry and audit log). */
export default async function PointsConsolePage({ searchParams }: Props) {
  await requireMarketerPage("/admin/points");
  const { email: raw } = await searchParams;
  const email = typeof raw === "string" ? raw.trim().slice(0, 320) : "";
  const db = await getDb();
  const fan = email ? await findUserByEmail(db, email) : null;
  const [status, history] = fan
    ? await Promise.all([
        getClubStatus(db, { userId: fan.id }),
        listPointsHistory(db, { userId: fan.id, after: null }),
      ])
    : [null, null];
  return (
    <>
      <PageHeader
        title="Points"
        description="Adjust a fan's Kite Club points: a goodwill gesture, a correction. Each adjustment is a ledger entry the fan sees with your reason, and a line in the audit log."
      />
      <div className="grid grid-cols-1 gap-6">
        <Card title="Find a fan" titleId="find-fan-title">
          <form method="get" className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <div className="grow">
              <InputField
                label="Fan's email"
                name="email"
                type="email"
                defaultValue={email}
                autoComplete="off"
              />
            </div>
            <Button type="submit" variant="secondary" size="console">
              Look up
            </Button>
          </form>
          {email && !fan ? (
            <p className="mt-3 text-sm text-accent-700" role="status">
              No account uses {email}.
            </p>
          ) : null}
        </Card>
        {fan && status && history ? <FanPoints fan={fan} status={status} rows={history.rows} /> : null}
      </div>
    </>
  );
}
