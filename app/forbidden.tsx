import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-xl font-semibold">Admins only</h1>
      <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">
        Your role does not include this page. Ask an admin if you need it.
      </p>
      <Link className="mt-4 inline-block text-sm font-medium text-blue-700 underline dark:text-blue-300" href="/admin">
        Back to the dashboard
      </Link>
    </main>
  );
}
