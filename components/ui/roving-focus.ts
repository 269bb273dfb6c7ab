"use client";

import { type KeyboardEvent, useRef } from "react";

const STEPS = {
  horizontal: { ArrowRight: 1, ArrowLeft: -1 },
  both: { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 },
} as const;

/**
 * The keyboard half of WAI-ARIA's tabs and radio groups (one tab stop for the group): arrow keys move round the
 * items, Home and End jump to the ends, and focus follows; `onMove` selects the item moved to.
 */
export function useRovingFocus({
  count,
  axis,
  onMove,
}: {
  count: number;
  axis: keyof typeof STEPS;
  onMove: (index: number) => void;
}) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const step = (STEPS[axis] as Record<string, number>)[event.key];
    let next: number | undefined;
    if (step) next = (index + step + count) % count;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = count - 1;
    if (next === undefined) return;
    event.preventDefault();
    refs.current[next]?.focus();
    onMove(next);
  }

  /** The `ref` callback for the item at `index`. */
  const refAt = (index: number) => (node: HTMLButtonElement | null) => {
    refs.current[index] = node;
  };

  return { refAt, onKeyDown };
}
