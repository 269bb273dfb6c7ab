/**
 * One of our own pictures (local SVG renders, which next/image's optimiser would not improve), `size` pixels square
 * as laid out, or nothing without a URL. Decorative (`alt=""`) unless an `alt` says what the text beside it does not.
 */
export function ProductImage({
  src,
  size,
  className,
  alt = "",
  loading,
}: {
  src: string | null | undefined;
  size: number;
  className: string;
  alt?: string;
  loading?: "lazy" | "eager";
}) {
  if (!src) return null;
  // biome-ignore lint/performance/noImgElement: local SVG renders need no optimisation
  return <img src={src} alt={alt} width={size} height={size} className={className} loading={loading} />;
}
