"use server";

import { z } from "zod";
import { defineAction } from "@/lib/action";
import { setContactStatus } from "@/lib/contact/messages";
import { CONTACT_STATUSES, type ContactStatus, contactStatusLabel } from "@/lib/contact/rules";
import { ok } from "@/lib/result";

const STATUS_VALUES = CONTACT_STATUSES.map((s) => s.value) as [ContactStatus, ...ContactStatus[]];
const status = z.enum(STATUS_VALUES, { error: "Choose a status." });

/**
 * Moves a contact message to another status, from the one the marketer saw (compare-and-set in lib/contact), and
 * records it in the audit log in the same transaction. Marketers only.
 */
export const setContactStatusAction = defineAction({
  name: "setContactStatus",
  caller: "marketer",
  input: z.object({ messageId: z.string().max(64), from: status, to: status }),
  run: async ({ input, caller, db, now }) => {
    const result = await setContactStatus(db, { ...input, actor: caller, now });
    return result.ok ? ok({ message: `Marked ${contactStatusLabel(result.status).toLowerCase()}.` }) : result;
  },
  refresh: true,
});
