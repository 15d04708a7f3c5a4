export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-2">There is nothing at this address.</p>
      <p className="mt-4">
        <a href="/" className="text-blue-700 hover:underline dark:text-blue-300">
          See the current status
        </a>
      </p>
    </main>
  );
}
