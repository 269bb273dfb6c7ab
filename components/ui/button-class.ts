/**
 * The classes of the store's one button look, shared by `<Button>`, `<ButtonLink>` and the odd element that must
 * look like a button without being one (a card's decorative "Buy now"). Pure, so server and client code use it.
 */

export type ButtonVariant = "primary" | "secondary" | "danger" | "quiet";
/** `console` is the marketer console's denser, squarer button; the rest are the shop's pills. */
export type ButtonSize = "xs" | "sm" | "console" | "md" | "lg" | "xl";

const BASE =
  "inline-flex items-center justify-center gap-2 text-center transition disabled:cursor-not-allowed aria-disabled:cursor-progress aria-disabled:opacity-80";

const VARIANTS: Record<ButtonVariant, string> = {
  primary:
    "bg-accent-600 text-white shadow-sm hover:bg-accent-700 disabled:bg-ink-200 disabled:text-ink-600 disabled:shadow-none",
  secondary: "border border-ink-300 text-ink-800 hover:border-ink-500 hover:bg-ink-50 disabled:opacity-60",
  danger:
    "border border-accent-200 text-accent-700 hover:border-accent-500 hover:bg-accent-50 disabled:opacity-60",
  quiet: "text-ink-600 hover:text-accent-700 disabled:opacity-60",
};

const SIZES: Record<ButtonSize, string> = {
  xs: "rounded-full px-3 py-1 text-sm font-medium",
  sm: "rounded-full px-5 py-2 text-sm font-semibold",
  console: "rounded-lg px-4 py-2 text-sm font-semibold",
  md: "rounded-full px-6 py-2.5 font-semibold",
  lg: "rounded-full px-7 py-3 font-semibold",
  xl: "rounded-full px-10 py-3.5 text-lg font-bold",
};

export interface ButtonLook {
  variant?: ButtonVariant | undefined;
  size?: ButtonSize | undefined;
  /** Layout only (margins, width, height): anything that sets colour, padding or radius belongs in a variant. */
  className?: string | undefined;
}

export function buttonClass({ variant = "primary", size = "md", className }: ButtonLook = {}): string {
  return [BASE, VARIANTS[variant], SIZES[size], className].filter(Boolean).join(" ");
}
