"use client";

import { useCallback, useEffect, useState } from "react";

/**
 * "Now" on the server's clock as seen from this browser: the offset between the server's time (sent with the page
 * and every figures answer) and the local clock, applied to a ticking local clock. A fan whose laptop is five
 * minutes fast still sees the countdown end at the real start.
 */
export function useServerClock(serverNowIso: string, tickMs = 250) {
  const [offset, setOffset] = useState(() => Date.parse(serverNowIso) - Date.now());
  const [now, setNow] = useState(() => Date.parse(serverNowIso));
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now() + offset), tickMs);
    return () => clearInterval(id);
  }, [offset, tickMs]);
  /** Re-anchor on a fresh server timestamp (half the round trip is the best guess of its age). */
  const resync = useCallback((serverIso: string, roundTripMs = 0) => {
    setOffset(Date.parse(serverIso) + roundTripMs / 2 - Date.now());
  }, []);
  return { now, resync };
}
