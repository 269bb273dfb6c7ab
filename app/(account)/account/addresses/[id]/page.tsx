import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { AccountSubpage } from "@/components/account/account-subpage";
import { AddressForm } from "@/components/account/address-form";
import { getAddress } from "@/lib/addresses/addresses";
import { getCurrentAccount } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { saveAddressAction } from "../actions";

export const metadata: Metadata = { title: "Edit address · Kite" };

export default async function EditAddressPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentAccount();
  if (!user) redirect("/sign-in?callbackUrl=/account/addresses");
  const address = await getAddress(await getDb(), { userId: user.id, addressId: id });
  if (!address) notFound();
  const { recipientName, mobile, province, city, district, street, postcode } = address;
  return (
    <AccountSubpage back="/account/addresses" backLabel="Delivery addresses" title="Edit address">
      <AddressForm
        action={saveAddressAction}
        addressId={address.id}
        initial={{
          recipientName,
          mobile,
          province,
          city,
          district,
          street,
          postcode,
          isDefault: address.isDefault ? "on" : "",
        }}
        submitLabel="Save changes"
      />
    </AccountSubpage>
  );
}
