import type { ButtonHTMLAttributes } from "react";

// One set of button looks for the staff area. Focus rings are always visible (keyboard users),
// and every variant keeps AA contrast in light and dark mode.
const BASE =
  "inline-flex items-center justify-center gap-1.5 rounded-md text-sm font-medium focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-offset-2 focus-visible:ring-offset-white disabled:cursor-not-allowed disabled:opacity-60 dark:focus-visible:ring-offset-gray-950";

export const BUTTON_VARIANTS = {
  primary: "bg-blue-700 px-3 py-2 text-white hover:bg-blue-800 focus-visible:ring-blue-600",
  secondary:
    "border border-gray-300 bg-white px-3 py-1.5 text-gray-900 hover:bg-gray-100 focus-visible:ring-blue-600 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100 dark:hover:bg-gray-800",
  danger: "bg-red-700 px-3 py-2 text-white hover:bg-red-800 focus-visible:ring-red-600",
  dangerOutline:
    "border border-red-300 bg-white px-3 py-1.5 text-red-800 hover:bg-red-50 focus-visible:ring-red-600 dark:border-red-800 dark:bg-gray-900 dark:text-red-200 dark:hover:bg-red-950",
  ghost:
    "px-2 py-1 text-gray-700 hover:bg-gray-100 focus-visible:ring-blue-600 dark:text-gray-300 dark:hover:bg-gray-800",
} as const;
export type ButtonVariant = keyof typeof BUTTON_VARIANTS;

export function buttonClass(variant: ButtonVariant = "primary", extra = ""): string {
  return `${BASE} ${BUTTON_VARIANTS[variant]} ${extra}`.trim();
}

export function Button({
  variant = "primary",
  className = "",
  type = "submit",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}
