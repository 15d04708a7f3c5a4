import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard · Outpost" };

export default async function DashboardPage() {
  await requireStaff("editor", "/admin");
  return (
    <section>
      <h1 className="text-xl font-semibold">Dashboard</h1>
    </section>
  );
}
