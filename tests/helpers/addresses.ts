import type { Db } from "@/db/client";
import { saveAddress } from "@/lib/addresses/addresses";

/** A well-formed mainland address, as a form would post it. */
export const BEIJING_ADDRESS = {
  recipientName: "Li Wei",
  mobile: "13800138000",
  province: "Beijing",
  city: "Beijing",
  district: "Chaoyang",
  street: "88 Jianguo Road, Building 3, Room 1201",
  postcode: "100022",
};

/** Gives an account a default delivery address (a cart checkout needs one). */
export async function giveAddress(
  db: Db,
  { userId, raw = BEIJING_ADDRESS }: { userId: string; raw?: object },
) {
  const saved = await saveAddress(db, { userId, raw });
  if (!saved.ok) throw new Error(saved.message);
  return saved.addressId;
}
