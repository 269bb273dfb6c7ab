import type { ReactNode } from "react";

/** The narrow column that the sign-in and sign-up pages share: a heading, a line under it, and the form. */
export function AuthPage({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-sm px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      <p className="mt-1 mb-6 text-ink-600">{intro}</p>
      {children}
    </div>
  );
}
