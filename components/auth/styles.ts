// Class names shared by the staff forms built in this folder.
export const inputClass =
  "mt-1 block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/40 aria-[invalid=true]:border-red-600 dark:border-gray-700 dark:bg-gray-900";
export const primaryButton =
  "rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800 focus:outline-none focus:ring-2 focus:ring-blue-600 focus:ring-offset-2 disabled:opacity-60 dark:focus:ring-offset-gray-950";
export const secondaryButton =
  "rounded-md border border-gray-300 px-3 py-1.5 text-sm font-medium hover:bg-gray-100 focus:outline-none focus:ring-2 focus:ring-blue-600 disabled:opacity-60 dark:border-gray-700 dark:hover:bg-gray-900";
export const dangerButton =
  "rounded-md border border-red-300 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 focus:outline-none focus:ring-2 focus:ring-red-600 disabled:opacity-60 dark:border-red-800 dark:text-red-200 dark:hover:bg-red-950";
