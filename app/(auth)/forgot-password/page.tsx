import type { Metadata } from "next";
import { AuthPage } from "@/components/auth/auth-page";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { requestPasswordResetAction } from "./actions";

export const metadata: Metadata = { title: "Reset your password · Kite" };

export default async function ForgotPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ email?: string }>;
}) {
  const email = (await searchParams).email?.slice(0, 320) ?? "";
  return (
    <AuthPage
      title="Forgot your password?"
      intro="Enter your account's email and we'll mail you a link to choose a new one."
    >
      <ForgotPasswordForm requestReset={requestPasswordResetAction} email={email} />
    </AuthPage>
  );
}
