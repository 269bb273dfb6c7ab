"use client";

import { type KeyboardEvent, useRef, useState } from "react";
import { usePurchase } from "./purchase-provider";

function ChevronIcon({ direction }: { direction: "left" | "right" }) {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" fill="none" aria-hidden="true">
      <path
        d={direction === "left" ? "M12.5 4.5 7 10l5.5 5.5" : "M7.5 4.5 13 10l-5.5 5.5"}
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * Main image with thumbnails for the selected colour. Left/Right arrows move through the images whether focus is
 * on the gallery itself or on a thumbnail.
 */
export function Gallery({ productName }: { productName: string }) {
  const { images, sku } = usePurchase();
  const [state, setState] = useState({ colour: sku.colour, index: 0 });
  // A new colour starts again at its first image.
  const index = state.colour === sku.colour ? Math.min(state.index, Math.max(0, images.length - 1)) : 0;
  const thumbs = useRef<(HTMLButtonElement | null)[]>([]);
  const count = images.length;
  const current = images[index];

  function show(next: number, focusThumb = false) {
    if (count === 0) return;
    const wrapped = (next + count) % count;
    setState({ colour: sku.colour, index: wrapped });
    if (focusThumb) thumbs.current[wrapped]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    event.preventDefault();
    const onThumb = thumbs.current.some((t) => t === event.target);
    show(index + (event.key === "ArrowRight" ? 1 : -1), onThumb);
  }

  if (!current) {
    return (
      <div className="flex aspect-square items-center justify-center rounded-3xl bg-ink-50 text-ink-500">
        No pictures of the {productName} yet.
      </div>
    );
  }

  return (
    <section
      aria-label="Product images"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the gallery region takes focus so arrow keys page through it.
      tabIndex={0}
      onKeyDown={onKeyDown}
      className="flex flex-col gap-3 rounded-3xl lg:flex-row-reverse lg:gap-4"
    >
      <div className="relative flex-1 overflow-hidden rounded-3xl border border-ink-100 bg-white">
        {/* biome-ignore lint/performance/noImgElement: local SVG renders; next/image adds nothing for them. */}
        <img
          key={current.id}
          src={current.url}
          alt={current.alt}
          width={800}
          height={800}
          className="aspect-square h-auto w-full object-cover"
          fetchPriority="high"
        />
        {count > 1 ? (
          <>
            <button
              type="button"
              aria-label="Previous image"
              onClick={() => show(index - 1)}
              className="absolute top-1/2 left-3 flex size-10 -translate-y-1/2 items-center justify-center rounded-full border border-ink-200 bg-white/90 text-ink-700 shadow-sm transition hover:bg-white hover:text-ink-900"
            >
              <ChevronIcon direction="left" />
            </button>
            <button
              type="button"
              aria-label="Next image"
              onClick={() => show(index + 1)}
              className="absolute top-1/2 right-3 flex size-10 -translate-y-1/2 items-center justify-center rounded-full border border-ink-200 bg-white/90 text-ink-700 shadow-sm transition hover:bg-white hover:text-ink-900"
            >
              <ChevronIcon direction="right" />
            </button>
            <span
              aria-hidden="true"
              className="absolute right-4 bottom-4 rounded-full bg-ink-900/75 px-2.5 py-1 text-xs font-medium text-white tabular-nums"
            >
              {index + 1} / {count}
            </span>
          </>
        ) : null}
      </div>

      {count > 1 ? (
        <ul className="flex gap-2 overflow-x-auto pb-1 lg:w-20 lg:flex-col lg:overflow-visible lg:pb-0">
          {images.map((image, i) => (
            <li key={image.id} className="shrink-0">
              <button
                ref={(node) => {
                  thumbs.current[i] = node;
                }}
                type="button"
                aria-label={`Show image ${i + 1} of ${count}`}
                aria-pressed={i === index}
                onClick={() => show(i)}
                className={`block size-16 overflow-hidden rounded-xl border-2 bg-ink-50 transition sm:size-20 ${
                  i === index ? "border-accent-600" : "border-transparent hover:border-ink-300"
                }`}
              >
                {/* biome-ignore lint/performance/noImgElement: local SVG thumbnail. */}
                <img src={image.url} alt="" width={80} height={80} className="size-full object-cover" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}

      <p className="sr-only" aria-live="polite">
        {`Image ${index + 1} of ${count}: ${current.alt}`}
      </p>
    </section>
  );
}
