"use client";

import Link from "next/link";
import type { ComponentProps, MouseEvent, ReactNode } from "react";
import { type ButtonLook, buttonClass } from "./button-class";

type ButtonProps = Omit<ComponentProps<"button">, "className"> &
  ButtonLook & {
    /**
     * A request is running: the button stays focusable and announced as unavailable (`aria-disabled`), but a
     * press does nothing, so a double click cannot submit twice. `disabled` would drop keyboard focus.
     */
    pending?: boolean | undefined;
    /** Shown instead of the children while pending ("Saving…"). */
    pendingLabel?: ReactNode;
  };

/** The store's one button. `type="button"` unless told otherwise, so it never submits a form by accident. */
export function Button({
  variant,
  size,
  className,
  pending = false,
  pendingLabel,
  type = "button",
  onClick,
  children,
  ...props
}: ButtonProps) {
  function guardedClick(event: MouseEvent<HTMLButtonElement>) {
    if (pending) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  }
  return (
    <button
      type={type}
      aria-disabled={pending || undefined}
      onClick={guardedClick}
      className={buttonClass({ variant, size, className })}
      {...props}
    >
      {pending && pendingLabel !== undefined ? pendingLabel : children}
    </button>
  );
}

type ButtonLinkProps = Omit<ComponentProps<typeof Link>, "className"> & ButtonLook;

/** A link that looks like a `<Button>`: for calls to action that go somewhere rather than do something. */
export function ButtonLink({ variant, size, className, ...props }: ButtonLinkProps) {
  return <Link className={buttonClass({ variant, size, className })} {...props} />;
}
