import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your account · Kite" };

export default async function AccountPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/account");
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">Hi, {user.name}</h1>
          <p className="mt-1 text-ink-600">{user.email}</p>
          {user.role === "marketer" ? (
            <p className="mt-1 text-sm font-semibold text-accent-700">Marketer</p>
          ) : null}
        </div>
        <SignOutButton />
      </div>
      <section aria-labelledby="orders-title" className="mt-10">
        <h2 id="orders-title" className="text-xl font-semibold">
          Your orders
        </h2>
        <p className="mt-3 rounded-2xl bg-ink-50 p-8 text-center text-ink-600">
          No orders yet. Your first Kite is a tap away.
        </p>
      </section>
    </div>
  );
}
