/** The loading state of a page while its data streams in: a title bar and three card placeholders. */
export function PageSkeleton() {
  return (
    <div className="mx-auto max-w-5xl px-4 py-8" aria-busy="true">
      <span className="sr-only" role="status">
        Loading…
      </span>
      <div className="h-9 w-64 animate-pulse rounded-lg bg-ink-100" />
      <div className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <div key={i} className="h-48 animate-pulse rounded-2xl bg-ink-100" />
        ))}
      </div>
    </div>
  );
}
