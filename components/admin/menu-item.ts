// A menu entry's look (components/admin/RowMenu.tsx): full width, text at the start.
export const MENU_ITEM =
  "flex w-full items-center justify-start gap-2 rounded px-2.5 py-2 text-start text-sm text-gray-900 hover:bg-gray-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 disabled:cursor-not-allowed disabled:opacity-50 dark:text-gray-100 dark:hover:bg-gray-800";

/** Around a ConfirmButton: its trigger as a menu entry (the dialog it opens is unchanged). */
export const MENU_CONFIRM =
  "contents [&>button]:w-full [&>button]:justify-start [&>button]:border-0 [&>button]:px-2.5 [&>button]:py-2";
