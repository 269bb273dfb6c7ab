import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ClubRules } from "@/components/club/club-rules";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";

/**
 * The Kite Club's published rules: how points are earned and spent, the tiers, their thresholds and perks, and
 * referrals. Read from lib/points/rules.ts, the same constants the checkout uses; the same for every visitor and
 * served from cache (its text changes only with a deploy). A fan's own standing is on /account/points.
 * An optional catch-all only so that, like the help pages, nothing renders at build time (the build has no
 * database for the header's categories); the proxy sends any `/club/…` to the plain 404.
 */
export const revalidate = 300;
export async function generateStaticParams(): Promise<{ rest: string[] }[]> {
  return [];
}

type Props = { params: Promise<{ rest?: string[] }> };

export const metadata: Metadata = {
  title: "Kite Club: points and VIP tiers · Kite",
  description: "Earn points on every order, move up from Silver to Diamond, and save on everyday prices.",
};

export default async function ClubPage({ params }: Props) {
  if ((await params).rest?.length) notFound();
  return (
    <div className="mx-auto max-w-4xl px-4 pb-12">
      <Breadcrumbs trail={[{ label: "Home", href: "/" }, { label: "Kite Club" }]} />
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">The Kite Club</h1>
      <p className="mt-3 max-w-2xl text-lg leading-relaxed text-ink-600">
        Points on every order, a tier that grows with you, and a lower price on everyday items at every step.
      </p>
      <ClubRules />
    </div>
  );
}
