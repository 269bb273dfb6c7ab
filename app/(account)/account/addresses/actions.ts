"use server";

import { z } from "zod";
import { anyFormFields, defineAction } from "@/lib/action";
import { deleteAddress, saveAddress, setDefaultAddress } from "@/lib/addresses/addresses";
import { toSafeLocalPath } from "@/lib/http/safe-path";
import { ok } from "@/lib/result";

/*
 * The address book's commands: signed-in fans only, always on the caller's own book (the id in the form is
 * checked against the caller in lib/addresses). After a save the fan goes back where they came from (`next`,
 * a same-origin path such as /cart), else to the book.
 */

const SIGN_IN = "/sign-in?callbackUrl=/account/addresses";
const addressIdForm = z.object({ addressId: z.string().max(64).default("") });

export const saveAddressAction = defineAction({
  name: "saveAddress",
  caller: "account",
  signInTo: SIGN_IN,
  input: anyFormFields,
  run: ({ input, caller, db }) =>
    saveAddress(db, { userId: caller.id, addressId: input.addressId || undefined, raw: input }),
  redirectTo: (_out, input) => `${toSafeLocalPath(input.next) ?? "/account/addresses"}`,
  echoValues: true,
});

export const setDefaultAddressAction = defineAction({
  name: "setDefaultAddress",
  caller: "account",
  signInTo: SIGN_IN,
  input: addressIdForm,
  run: async ({ input, caller, db }) => {
    const result = await setDefaultAddress(db, { userId: caller.id, addressId: input.addressId });
    return result.ok ? ok({ message: "Default address changed." }) : result;
  },
  refresh: true,
});

export const deleteAddressAction = defineAction({
  name: "deleteAddress",
  caller: "account",
  signInTo: SIGN_IN,
  input: addressIdForm,
  run: async ({ input, caller, db }) => {
    const result = await deleteAddress(db, { userId: caller.id, addressId: input.addressId });
    return result.ok ? ok({ message: "Address removed." }) : result;
  },
  refresh: true,
});
