import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AccountNav } from "@/components/account/account-nav";
import { DefaultAddressSection } from "@/components/account/address-card";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { FanFcodes } from "@/components/fcodes/fan-fcodes";
import { OrderFulfilmentLine } from "@/components/orders/fulfilment-line";
import { OrderStatusBadge } from "@/components/orders/order-status";
import { Price } from "@/components/ui/price";
import { listAddresses } from "@/lib/addresses/addresses";
import { authSecret } from "@/lib/auth/options";
import { getCurrentAccount } from "@/lib/auth/session";
import { listOrdersForUser } from "@/lib/checkout/orders";
import { releaseExpiredForUser } from "@/lib/checkout/session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { listFcodesForUser } from "@/lib/fcodes/queries";
import { listFulfilmentForUser } from "@/lib/fulfilment/queries";
import { getOrigin } from "@/lib/http";
import { getRequestNow } from "@/lib/qa/now";
import { getDateTimeFormat } from "@/lib/store-time";

export const metadata: Metadata = { title: "Your account · Kite" };

export default async function AccountPage() {
  const user = await getCurrentAccount();
  if (!user) redirect("/sign-in?callbackUrl=/account");
  const now = await getRequestNow();
  await releaseExpiredForUser({ userId: user.id, now });
  const db = await getDb();
  const [orders, addresses, fcodes, origin] = await Promise.all([
    listOrdersForUser(db, { userId: user.id }),
    listAddresses(db, { userId: user.id }),
    listFcodesForUser(db, { userId: user.id, now, secret: authSecret }),
    getOrigin(),
  ]);
  const fulfilment = await listFulfilmentForUser(db, { userId: user.id, orderIds: orders.map((o) => o.id) });
  const placedOn = getDateTimeFormat("en", { dateStyle: "medium", timeZone: env.STORE_TIMEZONE });
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight break-words">Hi, {user.name}</h1>
          <p className="mt-1 break-all text-ink-600">{user.email}</p>
          {user.role === "marketer" ? (
            <p className="mt-1 text-sm font-semibold text-accent-700">Marketer</p>
          ) : null}
        </div>
        <SignOutButton />
      </div>
      <AccountNav />
      <DefaultAddressSection address={addresses[0]} count={addresses.length} />
      <FanFcodes codes={fcodes} origin={origin} now={now} timeZone={env.STORE_TIMEZONE} />
      <section aria-labelledby="orders-title" className="mt-10">
        <h2 id="orders-title" className="text-xl font-semibold">
          Your orders
        </h2>
        {orders.length === 0 ? (
          <p className="mt-3 rounded-2xl bg-ink-50 p-8 text-center text-ink-600">
            No orders yet. Your first Kite is a tap away.
          </p>
        ) : (
          <ul className="mt-3 divide-y divide-ink-100 rounded-2xl border border-ink-100" aria-label="Orders">
            {orders.map((order) => (
              <li key={order.id}>
                <Link
                  href={`/account/orders/${order.id}`}
                  className="flex flex-wrap items-center justify-between gap-3 p-4 hover:bg-ink-50"
                >
                  <span>
                    <span className="block font-semibold">{order.firstItem}</span>
                    <span className="text-sm text-ink-500">
                      {placedOn.format(new Date(order.createdAt))} · {order.itemCount}{" "}
                      {order.itemCount === 1 ? "item" : "items"}
                    </span>
                    <OrderFulfilmentLine fulfilment={fulfilment.get(order.id)} />
                  </span>
                  <span className="flex items-center gap-3">
                    <OrderStatusBadge status={order.status} />
                    <Price amountMinor={order.totalMinor} currency={order.currency} />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
