import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AccountSubpage } from "@/components/account/account-subpage";
import { ConfirmEmailForm } from "@/components/account/confirm-email-form";
import { LinkRefused } from "@/components/auth/reset-password-form";
import { getCurrentAccount } from "@/lib/auth/session";
import { peekAuthToken, tokenFromQuery } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db";
import { getRequestNow } from "@/lib/qa/now";
import { confirmEmailChangeAction } from "../settings/actions";

export const metadata: Metadata = { title: "Confirm your new email · Kite", referrer: "no-referrer" };

export default async function ConfirmEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const token = tokenFromQuery((await searchParams).token);
  const user = await getCurrentAccount();
  if (!user) {
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/account/confirm-email?token=${token}`)}`);
  }
  // Read only: the change happens when the button is pressed, so a mail scanner opening the link changes nothing.
  const link = await peekAuthToken(await getDb(), {
    token,
    purpose: "email_change",
    userId: user.id,
    now: await getRequestNow(),
  });
  return (
    <AccountSubpage back="/account/settings" backLabel="Settings" title="Confirm your new email">
      {link.ok ? (
        <ConfirmEmailForm
          token={token}
          currentEmail={user.email}
          newEmail={link.token.newEmail ?? ""}
          confirm={confirmEmailChangeAction}
        />
      ) : (
        <LinkRefused message={link.message} again={{ href: "/account/settings", label: "Go to settings" }} />
      )}
    </AccountSubpage>
  );
}
