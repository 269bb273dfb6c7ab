import type { Metadata } from "next";
import Link from "next/link";
import { RedeemFcodeForm } from "@/components/fcodes/redeem-fcode-form";
import { ButtonLink } from "@/components/ui/button";
import { Price } from "@/components/ui/price";
import { ProductImage } from "@/components/ui/product-image";
import { getCurrentUser } from "@/lib/auth/session";
import { formatWait } from "@/lib/auth/throttle";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { type FcodeView, lookupFcode } from "@/lib/fcodes/queries";
import { validityText } from "@/lib/fcodes/rules";
import { getClientIp } from "@/lib/http";
import { getRequestNow } from "@/lib/qa/now";
import { getRateLimiter } from "@/lib/rate-limit/limiter";
import { formatStoreDateTime } from "@/lib/store-time";
import { redeemFcodeAction } from "../actions";

// The code is in the address: keep it out of search engines and out of other sites' Referer headers.
export const metadata: Metadata = {
  title: "An F-code · Kite",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

/**
 * A code's share page (/f/<code>): what the code buys, whether it still can, and a button for the signed-in fan.
 * Per visitor (it reads the session), never cached; a look-up of a code that does not exist is throttled like a
 * redemption.
 */
export default async function FcodePage({ params }: { params: Promise<{ code: string }> }) {
  const { code: raw } = await params;
  const [user, now] = await Promise.all([getCurrentUser(), getRequestNow()]);
  const found = await lookupFcode(await getDb(), getRateLimiter(), {
    code: decodeSegment(raw).slice(0, 40),
    userId: user?.id ?? null,
    ip: await getClientIp(),
    now,
  });
  if (!found.ok) {
    return (
      <Frame>
        <h1 className="text-3xl font-bold tracking-tight">
          {found.code === "rate_limited" ? "Too many codes that didn't work" : "We don't know this F-code"}
        </h1>
        <p className="mt-3 text-ink-700" role="alert">
          {found.code === "rate_limited"
            ? `Check the code and try again in ${formatWait(found.retryAfterSeconds ?? 60)}.`
            : "Check the link or the code against the mail you were sent: a code has 16 letters and digits, like 7KQ4-MZ9C-…"}
        </p>
        <ButtonLink href="/f" variant="secondary" size="md" className="mt-6">
          Enter a code
        </ButtonLink>
      </Frame>
    );
  }
  const v = found.view;
  const tz = env.STORE_TIMEZONE;
  const path = `/f/${v.code}`;
  const beforeStart = now < v.startsAt;
  return (
    <Frame>
      <p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">F-code · {v.saleName}</p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">
        One {v.productName} <span className="text-ink-500">· {v.variant}</span>
      </h1>
      <div className="mt-6 flex flex-col gap-6 sm:flex-row sm:items-start">
        <ProductImage src={v.imageUrl} size={200} className="size-40 shrink-0 rounded-2xl bg-ink-50" alt="" />
        <div className="space-y-3">
          <Price amountMinor={v.salePriceMinor} currency={v.currency} size="lg" />
          <p className="text-ink-700">
            This code buys one {v.productName} ({v.variant}) at the sale price, from units set aside for
            F-codes
            {beforeStart
              ? `, even before the public sale starts (${formatStoreDateTime(v.startsAt, tz)})`
              : ""}
            .
          </p>
          <p className="font-mono text-lg tracking-wider" data-testid="fcode-code">
            {v.code}
          </p>
          <p className="text-sm text-ink-600">{validityText(v, { now, timeZone: tz })}.</p>
        </div>
      </div>
      <div className="mt-8 rounded-2xl border border-ink-100 p-6">
        <CodeAction view={v} path={path} signedIn={user !== null} />
      </div>
      <p className="mt-6 text-sm text-ink-600">
        Can't use it? Send this page's link to a friend: the first account to redeem the code owns it, and it
        buys one unit, once.
      </p>
    </Frame>
  );
}

/** The path segment as typed; a malformed escape (`%E0%A4`) is just not a code, never an error. */
function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function Frame({ children }: { children: React.ReactNode }) {
  return <div className="mx-auto max-w-2xl px-4 py-12">{children}</div>;
}

function CodeAction({ view: v, path, signedIn }: { view: FcodeView; path: string; signedIn: boolean }) {
  if (v.taken) return <Said>This code has already been used by another account.</Said>;
  if (v.state === "bought") {
    return (
      <Said>
        {v.mine ? "You bought your unit with this code. Thank you, Kite fan!" : "This code has been used."}
      </Said>
    );
  }
  if (v.state === "reserved" && v.holdId) {
    return (
      <>
        <Said>Your unit is reserved. Pay for it before the reservation runs out.</Said>
        <ButtonLink href={`/sales/holds/${v.holdId}`} variant="primary" size="lg" className="mt-4">
          Go to checkout
        </ButtonLink>
      </>
    );
  }
  if (v.state === "expired") return <Said>This code has expired.</Said>;
  if (v.state === "not_yet") return <Said>This code doesn't work yet: come back when it starts.</Said>;
  if (!signedIn) {
    return (
      <>
        <p className="text-ink-700">Sign in to use it. No account yet? Signing up takes a minute.</p>
        <div className="mt-4 flex flex-wrap gap-3">
          <ButtonLink href={`/sign-in?callbackUrl=${encodeURIComponent(path)}`} variant="primary" size="lg">
            Sign in to redeem
          </ButtonLink>
          <Link
            href={`/sign-up?callbackUrl=${encodeURIComponent(path)}`}
            className="self-center font-medium text-accent-700 hover:underline"
          >
            Create an account
          </Link>
        </div>
      </>
    );
  }
  return <RedeemFcodeForm action={redeemFcodeAction} code={v.code} skuId={v.skuId} label="Redeem and buy" />;
}

function Said({ children }: { children: React.ReactNode }) {
  return (
    <p className="text-xl font-bold" role="status">
      {children}
    </p>
  );
}
