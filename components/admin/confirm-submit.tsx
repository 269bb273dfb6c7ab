"use client";

import { type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * The submit button of a command that can't be undone: the first press only asks, the second (the danger
 * button) sends, and the secondary one steps back.
 */
export function ConfirmSubmit({
  ask,
  confirm,
  cancel,
  pending,
  pendingLabel,
}: {
  ask: ReactNode;
  confirm: ReactNode;
  cancel: ReactNode;
  pending: boolean;
  pendingLabel: ReactNode;
}) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <Button variant="danger" size="console" onClick={() => setConfirming(true)}>
        {ask}
      </Button>
    );
  }
  return (
    <div className="flex flex-wrap gap-2">
      <Button type="submit" variant="danger" size="console" pending={pending} pendingLabel={pendingLabel}>
        {confirm}
      </Button>
      <Button variant="secondary" size="console" onClick={() => setConfirming(false)}>
        {cancel}
      </Button>
    </div>
  );
}
