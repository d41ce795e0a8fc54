"use client";

import { signIn } from "next-auth/react";
import { type SubmitEvent, useEffect, useRef, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Input, Label } from "~/components/ui/input";
import { formText } from "~/components/ui/form-text";

// One message for every failure: it must not tell an unknown email from a wrong password.
const GENERIC_ERROR =
  "No fue posible iniciar sesión: revise el correo, la contraseña y el código. · Sign-in failed: check your email, password and code.";
const ACK_REQUIRED = "Para continuar, acepte el aviso de uso del sistema. · To continue, accept the system use notice.";

export function LoginForm({ next, failed }: { next: string; failed: boolean }) {
  const [error, setError] = useState<string | null>(failed ? GENERIC_ERROR : null);
  const [pending, setPending] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  useEffect(() => emailRef.current?.focus(), []);
  useEffect(() => {
    if (error) errorRef.current?.focus(); // so screen readers and keyboard users land on the message
  }, [error]);

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    if (data.get("ack") !== "on") {
      setError(ACK_REQUIRED);
      return;
    }
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      redirect: false,
      email: formText(data, "email"),
      password: formText(data, "password"),
      totp: formText(data, "totp"),
    }).catch(() => null);
    if (!result?.ok || result.error) {
      (form.elements.namedItem("password") as HTMLInputElement).value = "";
      (form.elements.namedItem("totp") as HTMLInputElement).value = "";
      setPending(false);
      setError(GENERIC_ERROR);
      return;
    }
    // A full navigation, so every server component renders for the new session.
    window.location.assign(next);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby={error ? "login-error" : undefined}>
      {error ? (
        <div ref={errorRef} tabIndex={-1} id="login-error" className="outline-none">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="ack" required className="mt-1 size-4" />
        <span>
          He leído y acepto el aviso de uso del sistema. <span lang="en">· I have read and accept the system use notice.</span>
        </span>
      </label>
      <div className="space-y-1">
        <Label htmlFor="email">Correo electrónico · Email</Label>
        <Input ref={emailRef} id="email" name="email" type="email" autoComplete="username" required maxLength={254} />
      </div>
      <div className="space-y-1">
        <Label htmlFor="password">Contraseña · Password</Label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required maxLength={128} />
      </div>
      <div className="space-y-1">
        <Label htmlFor="totp">Código de verificación (6 dígitos) · Verification code (6 digits)</Label>
        <Input
          id="totp"
          name="totp"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          aria-describedby="totp-help"
          className="w-40 font-mono tracking-widest"
        />
        <p id="totp-help" className="text-xs text-slate-700">
          El que muestra su aplicación de autenticación. <span lang="en">· The one your authenticator app shows.</span>
        </p>
      </div>
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Verificando… · Checking…" : "Iniciar sesión · Sign in"}
      </Button>
    </form>
  );
}
