"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { cn } from "~/components/ui/cn";

/** Ends the server-side session (next-auth's sign-out calls `logout`) and returns to /login. */
export function SignOutButton({ className, label = "Cerrar sesión" }: { className?: string; label?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      className={cn("rounded-sm px-1 underline-offset-4 hover:underline disabled:opacity-60", className)}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/login" });
      }}
    >
      {label}
    </button>
  );
}
