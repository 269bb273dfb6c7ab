"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { FormAction } from "@/lib/action";

/** One button per sold-out version: joining puts the fan at the end of that version's line. */
export function WaitlistJoin({
  saleId,
  slug,
  versions,
  join,
}: {
  saleId: string;
  slug: string;
  versions: { skuId: number; label: string }[];
  join: FormAction<{ entryId: number }>;
}) {
  const [state, action, pending] = useActionState(join, null);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-3">
        {versions.map((v) => (
          <form key={v.skuId} action={action}>
            <input type="hidden" name="saleId" value={saleId} />
            <input type="hidden" name="slug" value={slug} />
            <input type="hidden" name="skuId" value={v.skuId} />
            <Button type="submit" size="lg" pending={pending} pendingLabel="Joining…">
              Wait for {v.label}
            </Button>
          </form>
        ))}
      </div>
      <p aria-live="polite" role="status" className="min-h-5 text-sm">
        {state && !state.ok ? <span className="text-accent-700">{state.message}</span> : null}
      </p>
    </div>
  );
}
