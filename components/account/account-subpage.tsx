import Link from "next/link";
import type { ReactNode } from "react";

/** The way back at the top of a page inside the account ("← Your account"). */
export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <p className="text-sm">
      <Link href={href} className="text-ink-600 underline-offset-4 hover:underline">
        ← {label}
      </Link>
    </p>
  );
}

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
      <BackLink href={back} label={backLabel} />
      <h1 className="mt-2 mb-6 text-3xl font-bold tracking-tight">{title}</h1>
      {children}
    </div>
  );
}
