import Link from "next/link";
import { staffT } from "@/lib/i18n/staff";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-xl font-semibold">{staffT("staff.forbidden.heading")}</h1>
      <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">{staffT("staff.forbidden.body")}</p>
      <Link className="mt-4 inline-block text-sm font-medium text-blue-700 underline dark:text-blue-300" href="/admin">
        {staffT("staff.forbidden.back")}
      </Link>
    </main>
  );
}
