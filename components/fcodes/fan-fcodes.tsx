import Link from "next/link";
import { maskedFcode } from "@/lib/fcodes/codes";
import type { FanFcode } from "@/lib/fcodes/queries";
import { validityText } from "@/lib/fcodes/rules";

const STATE_TEXT: Record<FanFcode["state"], string> = {
  unused: "Ready to use",
  given: "Ready to use",
  reserved: "Unit reserved: pay to keep it",
  bought: "Used",
  expired: "Expired",
  not_yet: "Not valid yet",
};

/**
 * The fan's F-codes on their account page: codes the store gave them (with the code and its share link) and codes
 * they redeemed from someone's link. A code passed on to a friend who redeemed it reads "Used by a friend".
 */
export function FanFcodes({
  codes,
  origin,
  now,
  timeZone,
}: {
  codes: FanFcode[];
  origin: string;
  now: Date;
  timeZone: string;
}) {
  return (
    <section aria-labelledby="fcodes-title" className="mt-10" data-testid="fan-fcodes">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="fcodes-title" className="text-xl font-semibold">
          Your F-codes
        </h2>
        <Link href="/f" className="text-sm font-medium text-accent-700 hover:underline">
          Have a code? Enter it
        </Link>
      </div>
      {codes.length === 0 ? (
        <p className="mt-3 rounded-2xl bg-ink-50 p-6 text-center text-ink-600">
          No F-codes yet. Kite gives them to its most loyal fans, and fans pass them to friends.
        </p>
      ) : (
        <ul className="mt-3 divide-y divide-ink-100 rounded-2xl border border-ink-100" aria-label="F-codes">
          {codes.map((c) => {
            const usable = c.code && !c.passedOn && (c.state === "given" || c.state === "unused");
            const link = c.code ? `${origin}/f/${c.code}` : null;
            return (
              <li key={c.id} className="space-y-1 p-4" data-testid="fan-fcode">
                <p className="font-semibold">
                  {c.productName} <span className="font-normal text-ink-500">· {c.variant}</span>
                </p>
                <p className="text-sm text-ink-600">
                  {c.saleName} · {validityText(c, { now, timeZone })}
                </p>
                <p className="font-mono tracking-wider break-all">{c.code ?? maskedFcode(c.hint)}</p>
                <p className="text-sm font-medium">{c.passedOn ? "Used by a friend" : STATE_TEXT[c.state]}</p>
                {c.state === "reserved" && c.holdId ? (
                  <Link
                    href={`/sales/holds/${c.holdId}`}
                    className="text-sm font-medium text-accent-700 hover:underline"
                  >
                    Go to checkout
                  </Link>
                ) : null}
                {usable && link ? (
                  <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
                    <Link href={`/f/${c.code}`} className="font-medium text-accent-700 hover:underline">
                      Use it
                    </Link>
                    <span className="text-ink-600">
                      or send a friend this link:{" "}
                      <span className="break-all text-ink-800" data-testid="fcode-share-link">
                        {link}
                      </span>
                    </span>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
