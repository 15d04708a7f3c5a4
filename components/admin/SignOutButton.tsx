"use client";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { staffT } from "@/lib/i18n/staff";

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      type="button"
      variant="secondary"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void signOut({ callbackUrl: "/admin/sign-in" });
      }}
    >
      {staffT("staff.nav.signOut")}
    </Button>
  );
}
