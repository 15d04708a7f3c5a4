import { useT } from "../i18n";

export function NotFoundPage({ what }: { what: string }) {
  const tr = useT();
  return (
    <section className="rounded-lg border border-gray-200 bg-white p-6 dark:border-gray-800 dark:bg-gray-900">
      <h2 className="text-xl font-semibold">{tr.t("notFound.heading")}</h2>
      <p className="mt-2">{what}</p>
      <p className="mt-4">
        <a href={tr.href("/")} className="text-blue-700 hover:underline dark:text-blue-300">
          {tr.t("notFound.back")}
        </a>
      </p>
    </section>
  );
}
