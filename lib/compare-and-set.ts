import "server-only";
import type { Column, GetColumnData, SQL } from "drizzle-orm";
import type { PgTable, PgUpdateSetSource, SelectedFieldsFlat } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/lib/db";
import { changedMeanwhile, type Failure, Refusal, refusable } from "@/lib/result";

/**
 * An edit made from what a person saw, as one compare-and-set in its own transaction: `set` is written to the
 * row of `table` only `where` it still holds what they saw. When that changed nothing, `current` reads what is
 * there now and the answer is a conflict naming it (or `gone`); otherwise `whenChanged` (the audit row, the
 * answer) runs in the same transaction with the row `returning` read. A refusal rolls the transaction back.
 */
/** The row a `returning` of columns reads. */
type ReturnedRow<Returned> = {
  [K in keyof Returned]: Returned[K] extends Column ? GetColumnData<Returned[K]> : never;
};

export function compareAndSet<Table extends PgTable, Returned extends SelectedFieldsFlat, Current, T>(
  db: Db,
  edit: {
    table: Table;
    set: PgUpdateSetSource<Table>;
    where: SQL | undefined;
    returning: Returned;
    current: (tx: Tx) => Promise<Current | undefined>;
    conflict: (current: Current) => string;
    gone: string;
    whenChanged: (tx: Tx, row: ReturnedRow<Returned>) => Promise<T>;
  },
): Promise<T | Failure> {
  return refusable(() =>
    db.transaction(async (tx) => {
      const [row] = (await tx
        .update(edit.table)
        .set(edit.set)
        .where(edit.where)
        .returning(edit.returning)) as ReturnedRow<Returned>[];
      if (!row) throw new Refusal(changedMeanwhile(await edit.current(tx), edit));
      return edit.whenChanged(tx, row);
    }),
  );
}
