/**
 * The system-use notice shown before sign-in (CJIS Security Policy AC-8 / NIST 800-53 AC-8):
 * authorised use only, monitoring, no expectation of privacy, sanctions. Spanish is the legal text.
 */
export function SystemUseNotice() {
  return (
    <section
      aria-labelledby="system-use-notice"
      className="space-y-3 rounded-md border border-amber-400 bg-amber-50 p-4 text-sm text-slate-900"
    >
      <h2 id="system-use-notice" className="font-semibold">
        Aviso de uso del sistema{" "}
        <span lang="en" className="font-normal text-slate-700">
          · System use notice
        </span>
      </h2>
      <p>
        Está por ingresar a un sistema de información del Gobierno de México para uso exclusivo de personal autorizado. Su uso se monitorea,
        se registra y se audita: cada acción queda en una bitácora. El uso no autorizado o indebido está prohibido y puede dar lugar a
        responsabilidades administrativas, civiles y penales. Al continuar acepta estas condiciones y el monitoreo de su actividad, y
        reconoce que no tiene expectativa de privacidad sobre la información que transmita o almacene en el sistema.
      </p>
      <p lang="en" className="text-slate-700">
        You are about to access a Government of Mexico information system for authorised personnel only. Its use is monitored, recorded and
        audited: every action is logged. Unauthorised or improper use is prohibited and may lead to administrative, civil and criminal
        liability. By continuing you accept these conditions and the monitoring of your activity, and you acknowledge that you have no
        expectation of privacy in any information you transmit or store on this system.
      </p>
    </section>
  );
}
