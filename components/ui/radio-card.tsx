import type { InputHTMLAttributes, ReactNode } from "react";

/**
 * One choice of a radio group drawn as a card: the whole card is the label, and the chosen one is outlined.
 * `className` lays out the card (padding, alignment, text size); `inputClassName` places the radio.
 */
export function RadioCard({
  className,
  inputClassName = "",
  children,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "children"> & {
  inputClassName?: string;
  children: ReactNode;
}) {
  return (
    <label
      className={`flex cursor-pointer rounded-xl border border-ink-200 has-[:checked]:border-accent-600 has-[:checked]:ring-1 has-[:checked]:ring-accent-600 ${className ?? ""}`}
    >
      <input type="radio" className={`accent-accent-600 ${inputClassName}`} {...input} />
      {children}
    </label>
  );
}
