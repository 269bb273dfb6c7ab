import Link from "next/link";
import { type AddressSnapshot, addressLines, formatMobile } from "@/lib/addresses/rules";

/** An address as the book and the checkout show it (the order's copy also names the country). */
export type AddressView = Omit<AddressSnapshot, "country">;

/** An address as a parcel label shows it: who, their number, then the address from the street out. */
export function AddressLabel({ address }: { address: AddressView }) {
  return (
    <address className="text-sm not-italic leading-6 text-ink-700">
      <span className="font-semibold text-ink-900">{address.recipientName}</span>
      <span className="text-ink-500"> · {formatMobile(address.mobile)}</span>
      {addressLines(address).map((line) => (
        <span key={line} className="block">
          {line}
        </span>
      ))}
    </address>
  );
}

/** The account page's address block: the default address, and the way to the book. */
export function DefaultAddressSection({
  address,
  count,
}: {
  address: AddressView | undefined;
  count: number;
}) {
  return (
    <section aria-labelledby="addresses-title" className="mt-10">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="addresses-title" className="text-xl font-semibold">
          Delivery address
        </h2>
        <Link
          href="/account/addresses"
          className="text-sm font-medium text-ink-700 underline underline-offset-4 hover:text-accent-700"
        >
          {count > 0 ? `Manage addresses (${count})` : "Add an address"}
        </Link>
      </div>
      {address ? (
        <div className="mt-3 rounded-2xl border border-ink-100 p-4">
          <AddressLabel address={address} />
        </div>
      ) : (
        <p className="mt-3 rounded-2xl bg-ink-50 p-4 text-sm text-ink-600">
          No delivery address yet. Add one before a flash sale so paying takes seconds.
        </p>
      )}
    </section>
  );
}
