import type { Metadata } from "next";
import { NewPersonForm, PersonRow } from "@/components/auth/PeopleForms";
import { requireStaff } from "@/lib/auth/session";
import { peopleView } from "@/lib/views/people";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "People · Outpost" };

export default async function PeoplePage() {
  const staff = await requireStaff("admin");
  const people = peopleView();
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">People</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400">
          Admins manage everything; editors manage components, incidents and maintenance. Changes take effect on the
          person&apos;s next request.
        </p>
      </div>
      <ul className="divide-y divide-gray-200 rounded-lg border border-gray-200 dark:divide-gray-800 dark:border-gray-800">
        {people.map((u) => (
          <PersonRow key={u.id} person={u} isSelf={u.id === staff.id} />
        ))}
      </ul>
      <NewPersonForm />
    </section>
  );
}
