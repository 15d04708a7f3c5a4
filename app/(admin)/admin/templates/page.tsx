import type { Metadata } from "next";
import { TemplateForm } from "@/components/admin/incidents/TemplateForm";
import { deleteTemplateAction } from "./actions";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { requireStaff } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff";
import { templatesView } from "@/lib/views/templates";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: staffT("staff.templates.metaTitle") };

export default async function TemplatesPage() {
  await requireStaff("editor");
  const { sections, templates } = templatesView();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-xl font-semibold">{staffT("staff.templates.heading")}</h1>
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.templates.intro")}</p>
      </div>
      {templates.length ? (
        <ul className="space-y-3">
          {templates.map((t) => (
            <li key={t.id} className="rounded-lg border border-gray-200 p-4 dark:border-gray-800">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="font-medium">
                  {t.name}{" "}
                  <span className="text-sm font-normal text-gray-600 dark:text-gray-400">
                    ·{" "}
                    {t.kind === "maintenance"
                      ? staffT("staff.templates.kindMaintenance")
                      : staffT("staff.templates.kindIncident")}{" "}
                    · {staffT("staff.templates.quoted", { title: t.title })}
                  </span>
                </p>
                <ConfirmButton
                  label={staffT("staff.common.delete")}
                  ariaLabel={staffT("staff.templates.deleteLabel", { name: t.name })}
                  title={staffT("staff.templates.deleteConfirm", { name: t.name })}
                  confirmLabel={staffT("staff.templates.delete")}
                  action={deleteTemplateAction}
                  fields={{ id: t.id }}
                >
                  <p>{staffT("staff.templates.deleteBody")}</p>
                </ConfirmButton>
              </div>
              <details className="mt-2">
                <summary className="cursor-pointer text-sm font-medium text-blue-700 dark:text-blue-300">
                  {staffT("staff.common.edit")}
                </summary>
                <div className="mt-3">
                  <TemplateForm
                    id={t.id}
                    heading={staffT("staff.templates.editHeading", { name: t.name })}
                    sections={sections}
                    defaults={t.defaults}
                  />
                </div>
              </details>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-gray-600 dark:text-gray-400">{staffT("staff.templates.none")}</p>
      )}
      <section aria-labelledby="new-template" className="rounded-lg border border-gray-200 p-4 dark:border-gray-800">
        <h2 id="new-template" className="mb-3 text-lg font-semibold">
          {staffT("staff.templates.new")}
        </h2>
        <TemplateForm heading={staffT("staff.templates.new")} sections={sections} defaults={{}} />
      </section>
    </div>
  );
}
