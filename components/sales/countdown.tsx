"use client";

function parts(ms: number) {
  const total = Math.max(0, Math.floor(ms / 1000));
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A countdown to `target` on the server-corrected clock `now`. */
export function Countdown({
  target,
  now,
  label,
  tone = "light",
}: {
  target: number;
  now: number;
  label: string;
  tone?: "light" | "dark";
}) {
  const { days, hours, minutes, seconds } = parts(target - now);
  const cells: [string, string][] = [
    ...(days > 0 ? ([[String(days), days === 1 ? "day" : "days"]] as [string, string][]) : []),
    [pad(hours), "hrs"],
    [pad(minutes), "min"],
    [pad(seconds), "sec"],
  ];
  const spoken = `${days ? `${days} days ` : ""}${hours} hours ${minutes} minutes`;
  return (
    <div role="timer" aria-label={`${label}: ${spoken}`} data-testid="countdown">
      <p
        className={`text-xs font-semibold tracking-wide uppercase ${tone === "dark" ? "text-ink-200" : "text-ink-600"}`}
        aria-hidden="true"
      >
        {label}
      </p>
      <div className="mt-1 flex gap-2" aria-hidden="true">
        {cells.map(([value, unit]) => (
          <span
            key={unit}
            className="min-w-14 rounded-xl bg-ink-900 px-2 py-1.5 text-center text-white tabular-nums"
          >
            <span className="block text-2xl leading-none font-bold">{value}</span>
            <span className="text-[10px] tracking-wide text-ink-300 uppercase">{unit}</span>
          </span>
        ))}
      </div>
    </div>
  );
}
