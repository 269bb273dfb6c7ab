import { ButtonLink } from "@/components/ui/button";

export default function ProductNotFound() {
  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col items-center px-4 py-20 text-center sm:py-28">
      <svg width="96" height="96" viewBox="0 0 96 96" fill="none" aria-hidden="true" className="mb-6">
        <circle cx="48" cy="48" r="46" className="fill-accent-50" />
        <path
          d="M30 62 48 20l18 42-18-9z"
          className="fill-white stroke-accent-600"
          strokeWidth="3"
          strokeLinejoin="round"
        />
        <path
          d="M48 53v23"
          className="stroke-accent-600"
          strokeWidth="3"
          strokeLinecap="round"
          strokeDasharray="2 5"
        />
      </svg>
      <h1 className="text-3xl font-semibold tracking-tight text-ink-900 sm:text-4xl">
        We couldn&apos;t find that product
      </h1>
      <p className="mt-3 text-lg text-ink-600">
        It may have sold out for good, or the link has a typo. Everything we make is in the shop.
      </p>
      <ButtonLink href="/" size="lg" className="mt-8">
        Back to the shop
      </ButtonLink>
    </div>
  );
}
