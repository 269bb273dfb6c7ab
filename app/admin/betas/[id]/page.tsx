import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConfirmForm } from "@/components/admin/confirm-submit";
import { Card, PageHeader, Stat } from "@/components/admin/ui";
import { ApplicantsForm } from "@/components/beta/beta-forms";
import { buttonClass } from "@/components/ui/button-class";
import { requireMarketerPage } from "@/lib/auth/marketer-page";
import { getBeta, listApplicants } from "@/lib/beta/queries";
import { BETA_SELECTION_RULE, betaPhase, betaPriceText } from "@/lib/beta/rules";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getRequestNow } from "@/lib/qa/now";
import { isUuid } from "@/lib/sales/db-errors";
import { formatStoreDateTime } from "@/lib/store-time";
import { declineRemainingAction, selectApplicantsAction, selectByRuleAction } from "../actions";

export const metadata: Metadata = { title: "Beta" };

const number = new Intl.NumberFormat("en-US");
const STATUS_WORDS = { applied: "Waiting", selected: "Selected", not_selected: "Not selected" } as const;
const ORDER_WORDS: Record<string, string> = {
  pending: " · paying",
  paid: " · bought",
  refunded: " · refunded",
};

/** The published rule, and the button that applies it once applications have closed. */
function RuleCard({
  betaId,
  closed,
  waiting,
  seatsLeft,
}: {
  betaId: string;
  closed: boolean;
  waiting: number;
  seatsLeft: number;
}) {
  return (
    <Card title="Select by the published rule" titleId="rule-title">
      <p className="mb-3 text-sm text-ink-600">
        {BETA_SELECTION_RULE} Fills the {number.format(seatsLeft)} {seatsLeft === 1 ? "seat" : "seats"} left
        {closed ? "." : ", once applications have closed."} Each fan selected gets a mail.
      </p>
      {closed && waiting > 0 && seatsLeft > 0 ? (
        <ConfirmForm
          action={selectByRuleAction}
          hidden={{ betaId }}
          ask="Select by the rule…"
          confirm={`Select up to ${number.format(seatsLeft)} and mail them`}
          cancel="Keep waiting"
          pendingLabel="Selecting…"
        />
      ) : null}
    </Card>
  );
}

/** Tells everyone still waiting, once applications have closed. */
function DeclineCard({ betaId, waiting }: { betaId: string; waiting: number }) {
  return (
    <Card title="Tell the others" titleId="decline-title">
      <ConfirmForm
        action={declineRemainingAction}
        hidden={{ betaId }}
        ask={`Tell ${number.format(waiting)} waiting applicants…`}
        confirm="Mail them they weren't selected"
        cancel="Not yet"
        pendingLabel="Sending…"
      >
        <p className="text-sm text-ink-600">
          Everyone still waiting is marked not selected and gets a kind “not this time” mail.
        </p>
      </ConfirmForm>
    </Card>
  );
}

type Props = { params: Promise<{ id: string }> };

export default async function BetaPage({ params }: Props) {
  const { id } = await params;
  await requireMarketerPage(`/admin/betas/${id}`);
  if (!isUuid(id)) notFound();
  const db = await getDb();
  const now = await getRequestNow();
  const tz = env.STORE_TIMEZONE;
  const beta = await getBeta(db, { betaId: id });
  if (!beta) notFound();
  const applicants = await listApplicants(db, { betaId: id });
  const phase = betaPhase(beta, now);
  const waiting = applicants.filter((a) => a.status === "applied").length;
  const seatsLeft = Math.max(0, beta.seats - beta.selected);
  return (
    <>
      <PageHeader
        title={beta.title}
        parent={{ href: "/admin/betas", label: "Betas" }}
        description={
          <>
            {beta.productName} ({beta.variant}) · {betaPriceText(beta)} · applications{" "}
            {formatStoreDateTime(beta.opensAt, tz)} – {formatStoreDateTime(beta.closesAt, tz)}
          </>
        }
        actions={
          <a
            href={`/admin/betas/${beta.id}/applicants.csv`}
            download
            className={buttonClass({ variant: "secondary", size: "console" })}
          >
            Export CSV
          </a>
        }
      />
      <div className="grid grid-cols-1 gap-6">
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <Stat label="Applicants" value={number.format(beta.applicants)} testId="beta-applicants" />
          <Stat
            label="Selected"
            value={`${number.format(beta.selected)} / ${number.format(beta.seats)}`}
            testId="beta-selected"
          />
          <Stat label="Bought" value={number.format(beta.seatsTaken)} testId="beta-bought" />
          <Stat label="Waiting" value={number.format(waiting)} />
        </dl>
        <RuleCard betaId={beta.id} closed={phase === "closed"} waiting={waiting} seatsLeft={seatsLeft} />
        <section aria-labelledby="applicants-title" className="min-w-0">
          <h2 id="applicants-title" className="mb-3 text-base font-semibold text-ink-900">
            Applicants
          </h2>
          <ApplicantsForm
            action={selectApplicantsAction}
            betaId={beta.id}
            seatsLeft={seatsLeft}
            rows={applicants.map((a) => ({
              id: a.id,
              name: a.name,
              email: a.email,
              lifetimePoints: number.format(a.lifetimePoints),
              appliedAt: formatStoreDateTime(a.appliedAt, tz),
              statement: a.statement,
              status: `${STATUS_WORDS[a.status]}${(a.orderStatus && ORDER_WORDS[a.orderStatus]) ?? ""}`,
              canPick: a.status === "applied" && seatsLeft > 0,
            }))}
          />
        </section>
        {phase === "closed" && waiting > 0 ? <DeclineCard betaId={beta.id} waiting={waiting} /> : null}
      </div>
    </>
  );
}
