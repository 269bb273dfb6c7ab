import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { BackLink } from "@/components/account/account-subpage";
import { AddressLabel } from "@/components/account/address-card";
import { AddressCommand } from "@/components/account/address-commands";
import { ButtonLink } from "@/components/ui/button";
import { listAddresses } from "@/lib/addresses/addresses";
import { getCurrentAccount } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { MAX_ADDRESSES_PER_ACCOUNT } from "@/lib/limits";
import { deleteAddressAction, setDefaultAddressAction } from "./actions";

export const metadata: Metadata = { title: "Delivery addresses · Kite" };

export default async function AddressesPage() {
  const user = await getCurrentAccount();
  if (!user) redirect("/sign-in?callbackUrl=/account/addresses");
  const book = await listAddresses(await getDb(), { userId: user.id });
  const full = book.length >= MAX_ADDRESSES_PER_ACCOUNT;
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <BackLink href="/account" label="Your account" />
      <div className="mt-2 flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight">Delivery addresses</h1>
        {full ? null : (
          <ButtonLink href="/account/addresses/new" size="sm">
            Add an address
          </ButtonLink>
        )}
      </div>
      {full ? (
        <p className="mt-3 text-sm text-ink-600">
          Your book is full ({MAX_ADDRESSES_PER_ACCOUNT} addresses). Remove one to add another.
        </p>
      ) : null}
      {book.length === 0 ? (
        <div className="mt-6 rounded-2xl bg-ink-50 p-8 text-center text-ink-600">
          <p>No addresses yet. Add one now and checkout, and flash-sale payments, take seconds.</p>
        </div>
      ) : (
        <ul className="mt-6 grid gap-4 sm:grid-cols-2" aria-label="Your addresses">
          {book.map((a) => (
            <li
              key={a.id}
              className={`flex flex-col justify-between gap-4 rounded-2xl border p-5 ${
                a.isDefault ? "border-accent-300 bg-accent-50/40" : "border-ink-200"
              }`}
              data-testid="address"
            >
              <div>
                {a.isDefault ? (
                  <p className="mb-2 text-xs font-semibold tracking-wide text-accent-700 uppercase">
                    Default
                  </p>
                ) : null}
                <AddressLabel address={a} />
              </div>
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <Link
                  href={`/account/addresses/${a.id}`}
                  className="text-sm font-medium text-ink-700 underline underline-offset-4 hover:text-accent-700"
                  aria-label={`Edit the address for ${a.recipientName}, ${a.street}`}
                >
                  Edit
                </Link>
                {a.isDefault ? null : (
                  <AddressCommand
                    action={setDefaultAddressAction}
                    addressId={a.id}
                    label="Make default"
                    pendingLabel="Saving…"
                  />
                )}
                <AddressCommand
                  action={deleteAddressAction}
                  addressId={a.id}
                  label="Remove"
                  pendingLabel="Removing…"
                  variant="danger"
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
