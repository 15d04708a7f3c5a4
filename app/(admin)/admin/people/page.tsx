import type { Metadata } from "next";
import { NewPersonForm, PersonRow } from "@/components/auth/PeopleForms";
import { requireStaff } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff";
import { peopleView } from "@/lib/views/people";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: staffT("staff.people.metaTitle") };

export default async function PeoplePage() {
  const staff = await requireStaff("admin");
  const people = peopleView();
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{staffT("staff.people.heading")}</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.people.intro")}</p>
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
