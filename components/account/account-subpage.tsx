import Link from "next/link";
import type { ReactNode } from "react";

/** A page inside the account: a way back, one heading, the content. */
export function AccountSubpage({
  back,
  backLabel,
  title,
  children,
}: {
  back: string;
  backLabel: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <p className="text-sm">
        <Link href={back} className="text-ink-600 underline-offset-4 hover:underline">
          ← {backLabel}
        </Link>
      </p>
      <h1 className="mt-2 mb-6 text-3xl font-bold tracking-tight">{title}</h1>
      {children}
    </div>
  );
}
