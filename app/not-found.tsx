import { ButtonLink } from "@/components/ui/button";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-24 text-center">
      <p className="text-sm font-semibold text-accent-700">404</p>
      <h1 className="mt-2 text-3xl font-bold">This page flew away</h1>
      <p className="mt-3 text-ink-600">The page you asked for does not exist, or it moved.</p>
      <ButtonLink href="/" className="mt-8">
        Back to the shop
      </ButtonLink>
    </div>
  );
}
