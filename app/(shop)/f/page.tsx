import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Button } from "@/components/ui/button";
import { groupFcode, normaliseFcode } from "@/lib/fcodes/codes";

export const metadata: Metadata = { title: "Use an F-code · Kite", robots: { index: false, follow: false } };

/** Type a code (or paste it): a well-formed one goes to its own page, which says what it buys. */
export default async function EnterFcodePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { code } = await searchParams;
  const typed = typeof code === "string" ? code.slice(0, 60) : "";
  const bare = typed ? normaliseFcode(typed) : null;
  if (bare) redirect(`/f/${groupFcode(bare)}`);
  return (
    <div className="mx-auto max-w-xl px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight">Use an F-code</h1>
      <p className="mt-2 text-ink-700">
        An F-code buys one unit of a sold-out or upcoming Kite, set aside for friends of the brand.
      </p>
      <form action="/f" method="get" className="mt-6 space-y-3">
        <label htmlFor="fcode" className="block text-sm font-medium text-ink-800">
          Your code
        </label>
        <input
          id="fcode"
          name="code"
          defaultValue={typed}
          autoComplete="off"
          spellCheck={false}
          placeholder="XXXX-XXXX-XXXX-XXXX"
          aria-invalid={typed ? true : undefined}
          aria-describedby={typed ? "fcode-error" : undefined}
          className="w-full rounded-lg border border-ink-300 px-3 py-2 font-mono text-base tracking-wider aria-[invalid=true]:border-accent-600"
        />
        {typed ? (
          <p id="fcode-error" className="text-sm text-accent-700" role="alert">
            That isn't an F-code: it has 16 letters and digits (no 0, 1, I or O), like 7KQ4-MZ9C-…
          </p>
        ) : null}
        <Button type="submit" variant="primary" size="md">
          Continue
        </Button>
      </form>
    </div>
  );
}
