import type { Metadata } from "next";
import { TemplateForm } from "@/components/admin/incidents/TemplateForm";
import { deleteTemplateAction } from "./actions";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { requireStaff } from "@/lib/auth/session";
import { templatesView } from "@/lib/views/templates";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Templates · Outpost" };

export default async function TemplatesPage() {
  await requireStaff("editor");
  const { sections, templates } = templatesView();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-xl font-semibold">Templates</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400">
          Incident templates appear on the dashboard and above the “Report a problem” form; one click prefills it.
        </p>
      </div>
      {templates.length ? (
        <ul className="space-y-3">
          {templates.map((t) => (
            <li key={t.id} className="rounded-lg border border-gray-200 p-4 dark:border-gray-800">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="font-medium">
                  {t.name}{" "}
                  <span className="text-sm font-normal text-gray-600 dark:text-gray-400">
                    · {t.kind === "maintenance" ? "maintenance" : "incident"} · “{t.title}”
                  </span>
                </p>
                <ConfirmButton
                  label="Delete"
                  ariaLabel={`Delete template ${t.name}`}
                  title={`Delete the template “${t.name}”?`}
                  confirmLabel="Delete template"
                  action={deleteTemplateAction}
                  fields={{ id: t.id }}
                >
                  <p>Incidents already published from it stay as they are.</p>
                </ConfirmButton>
              </div>
              <details className="mt-2">
                <summary className="cursor-pointer text-sm font-medium text-blue-700 dark:text-blue-300">Edit</summary>
                <div className="mt-3">
                  <TemplateForm id={t.id} heading={`Edit ${t.name}`} sections={sections} defaults={t.defaults} />
                </div>
              </details>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-gray-600 dark:text-gray-400">No templates yet.</p>
      )}
      <section aria-labelledby="new-template" className="rounded-lg border border-gray-200 p-4 dark:border-gray-800">
        <h2 id="new-template" className="mb-3 text-lg font-semibold">
          New template
        </h2>
        <TemplateForm heading="New template" sections={sections} defaults={{}} />
      </section>
    </div>
  );
}
