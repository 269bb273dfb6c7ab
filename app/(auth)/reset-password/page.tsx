import type { Metadata } from "next";
import { AuthPage } from "@/components/auth/auth-page";
import { LinkRefused, ResetPasswordForm } from "@/components/auth/reset-password-form";
import { peekAuthToken, tokenFromQuery } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db";
import { getRequestNow } from "@/lib/qa/now";
import { resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Choose a new password · Kite", referrer: "no-referrer" };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const token = tokenFromQuery((await searchParams).token);
  // Read only: the link is used when the form is sent, so a mail scanner opening it spends nothing.
  const link = await peekAuthToken(await getDb(), {
    token,
    purpose: "password_reset",
    now: await getRequestNow(),
  });
  return (
    <AuthPage
      title="Choose a new password"
      intro="Your new password works at once; other devices are signed out."
    >
      {link.ok ? (
        <ResetPasswordForm token={token} resetPassword={resetPasswordAction} />
      ) : (
        <LinkRefused
          message={link.message}
          again={{ href: "/forgot-password", label: "Ask for a new link" }}
        />
      )}
    </AuthPage>
  );
}
