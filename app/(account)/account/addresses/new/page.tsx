import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AccountSubpage } from "@/components/account/account-subpage";
import { AddressForm } from "@/components/account/address-form";
import { getCurrentAccount } from "@/lib/auth/session";
import { toSafeLocalPath } from "@/lib/http/safe-path";
import { saveAddressAction } from "../actions";

export const metadata: Metadata = { title: "Add an address · Kite" };

export default async function NewAddressPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = toSafeLocalPath((await searchParams).next) ?? undefined;
  const user = await getCurrentAccount();
  if (!user)
    redirect(
      `/sign-in?callbackUrl=${encodeURIComponent(`/account/addresses/new${next ? `?next=${next}` : ""}`)}`,
    );
  return (
    <AccountSubpage
      back={next ?? "/account/addresses"}
      backLabel={next ? "Back" : "Delivery addresses"}
      title="Add an address"
    >
      <AddressForm
        action={saveAddressAction}
        initial={{ recipientName: user.name }}
        next={next}
        submitLabel="Save address"
      />
    </AccountSubpage>
  );
}
