export function NotFoundPage({ what }: { what: string }) {
  return (
    <section className="rounded-lg border border-gray-200 bg-white p-6 dark:border-gray-800 dark:bg-gray-900">
      <h2 className="text-xl font-semibold">Not found</h2>
      <p className="mt-2">{what}</p>
      <p className="mt-4">
        <a href="/" className="text-blue-700 hover:underline dark:text-blue-300">
          Back to the current status
        </a>
      </p>
    </section>
  );
}
