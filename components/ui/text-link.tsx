import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * A link inside running text: underlined as well as coloured, so it stands out without relying on colour (WCAG
 * 1.4.1). `tel:` and `mailto:` links go through it too; Next's <Link> passes them to a plain anchor.
 */
export const TEXT_LINK_CLASS =
  "font-medium text-accent-700 underline decoration-1 underline-offset-2 hover:text-accent-800 hover:decoration-2";

export function TextLink({ className, ...props }: ComponentProps<typeof Link>) {
  return <Link className={className ? `${TEXT_LINK_CLASS} ${className}` : TEXT_LINK_CLASS} {...props} />;
}
