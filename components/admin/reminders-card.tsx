import { DetailList } from "@/components/ui/detail-list";
import type { ReminderProgress } from "@/lib/sales/reminders";
import { formatStoreDateTime } from "@/lib/store-time";
import { Card } from "./ui";

const number = new Intl.NumberFormat("en-US");

/** How far the sale's reminder mails have got: queued, sent and failed of the fans registered when they began. */
export function RemindersCard({
  progress,
  minutes,
  timeZone,
}: {
  progress: ReminderProgress | null;
  minutes: number;
  timeZone: string;
}) {
  const of = (n: number) => `${number.format(n)} of ${number.format(progress?.total ?? 0)}`;
  return (
    <Card title="Reminders" titleId="reminders">
      {minutes === 0 ? (
        <p className="text-sm text-ink-600">No reminder mail for this sale.</p>
      ) : !progress ? (
        <p className="text-sm text-ink-600">
          Registered fans get a reminder {minutes} {minutes === 1 ? "minute" : "minutes"} before the start.
        </p>
      ) : (
        <DetailList
          rows={[
            ["Queued", of(progress.queued)],
            ["Sent", of(progress.sent)],
            ["Failed", of(progress.failed)],
            [
              progress.finishedAt ? "All queued" : "Started",
              formatStoreDateTime(progress.finishedAt ?? progress.startedAt, timeZone),
            ],
          ]}
        />
      )}
    </Card>
  );
}
