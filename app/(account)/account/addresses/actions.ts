"use server";

import { z } from "zod";
import { actionsFor, anyFormFields } from "@/lib/action";
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

const accountAction = actionsFor({ caller: "account", signInTo: SIGN_IN });

export const saveAddressAction = accountAction({
  name: "saveAddress",
  input: anyFormFields,
  run: ({ input, caller, db }) =>
    saveAddress(db, { userId: caller.id, addressId: input.addressId || undefined, raw: input }),
  redirectTo: (_out, input) => `${toSafeLocalPath(input.next) ?? "/account/addresses"}`,
  echoValues: true,
});

/** A command on one address of the caller's book, answered with `done` and the page redrawn. */
const addressCommand = (name: string, command: typeof deleteAddress, done: string) =>
  accountAction({
    name,
    input: addressIdForm,
    run: async ({ input, caller, db }) => {
      const result = await command(db, { userId: caller.id, addressId: input.addressId });
      return result.ok ? ok({ message: done }) : result;
    },
    refresh: true,
  });

export const setDefaultAddressAction = addressCommand(
  "setDefaultAddress",
  setDefaultAddress,
  "Default address changed.",
);
export const deleteAddressAction = addressCommand("deleteAddress", deleteAddress, "Address removed.");
