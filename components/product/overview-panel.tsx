import type { ImageData } from "@/lib/catalog/types";

function CheckIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">
      <circle cx="10" cy="10" r="10" className="fill-accent-100" />
      <path
        d="M6 10.5 8.7 13 14 7.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        className="text-accent-700"
      />
    </svg>
  );
}

/** Overview tab: the story, the highlights as a feature grid, then every picture large. */
export function OverviewPanel({
  name,
  tagline,
  description,
  highlights,
  images,
}: {
  name: string;
  tagline: string;
  description: string;
  highlights: string[];
  images: ImageData[];
}) {
  const paragraphs = description
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

  return (
    <div className="flex flex-col gap-12">
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)] lg:gap-12">
        <h2 className="text-2xl font-semibold tracking-tight text-ink-900 sm:text-3xl">
          {tagline || `About the ${name}`}
        </h2>
        <div className="flex flex-col gap-4 text-base leading-7 text-ink-700">
          {paragraphs.length > 0 ? paragraphs.map((p) => <p key={p}>{p}</p>) : <p>{name}, made by Kite.</p>}
        </div>
      </div>

      {highlights.length > 0 ? (
        <section aria-labelledby="overview-highlights">
          <h2 id="overview-highlights" className="mb-5 text-xl font-semibold text-ink-900">
            Highlights
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {highlights.map((highlight) => (
              <li
                key={highlight}
                className="flex items-start gap-3 rounded-2xl border border-ink-100 bg-ink-50 p-5 text-base leading-6 text-ink-800"
              >
                <span className="mt-0.5 shrink-0">
                  <CheckIcon />
                </span>
                <span>{highlight}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {images.length > 0 ? (
        <section aria-labelledby="overview-images">
          <h2 id="overview-images" className="mb-5 text-xl font-semibold text-ink-900">
            In pictures
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {images.map((image) => (
              <li key={image.id} className="overflow-hidden rounded-3xl border border-ink-100 bg-white">
                <figure>
                  {/* biome-ignore lint/performance/noImgElement: local SVG renders; next/image adds nothing for them. */}
                  <img
                    src={image.url}
                    alt={image.alt}
                    width={800}
                    height={800}
                    loading="lazy"
                    decoding="async"
                    className="aspect-square w-full object-cover"
                  />
                  {image.colour ? (
                    <figcaption className="border-t border-ink-100 px-5 py-3 text-sm text-ink-600">
                      {image.colour}
                    </figcaption>
                  ) : null}
                </figure>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
