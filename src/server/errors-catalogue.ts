/**
 * Spanish for every message services throw, keyed by the English template. `{name}` stands for an
 * interpolated part; `what`, `field` and `why` values are themselves translated through ERROR_TERMS.
 * tests/unit/errors-catalogue.test.ts fails when a literal message in src/server has no entry here.
 */
export const ERROR_MESSAGES_ES: Record<string, string> = {
  // errors.ts helpers
  "{what} not found": "No se encontró {what}",
  "{what} was changed by someone else since you loaded it; reload and try again":
    "Otra persona modificó {what} después de que usted cargó la página; recargue e intente de nuevo",
  // sessions and roles
  "Sign in first": "Primero inicie sesión",
  // file routes (plainResponse)
  "Cross-origin request refused": "Solicitud rechazada: proviene de otro sitio",
  "Unknown file kind": "Tipo de archivo desconocido",
  "Unknown export": "Exportación desconocida",
  "The file is larger than the limit of {limit}": "El archivo supera el límite de {limit}",
  "The request has no file": "La solicitud no trae ningún archivo",
  "No stored file for this import": "Esta importación no tiene un archivo guardado",
  "state must be a two-digit INEGI state code 01–32": "state debe ser una clave de entidad del INEGI de dos dígitos, 01–32",
  "Your role may not do this ({permission})": "Su rol no permite hacer esto ({permission})",
  "Confirm your password and code first (re-authentication required)":
    "Primero confirme su contraseña y su código (se requiere volver a autenticarse)",
  "The password or the code is not correct": "La contraseña o el código no son correctos",
  "Your session has ended; sign in again": "Su sesión terminó; inicie sesión de nuevo",
  "Only available in demo mode": "Solo disponible en modo de demostración",
  // users
  "Not a valid email address: {email}": "No es una dirección de correo válida: {email}",
  "The name must have 1 to 120 characters": "El nombre debe tener de 1 a 120 caracteres",
  "The password must have at least {n} characters": "La contraseña debe tener al menos {n} caracteres",
  "The password must have at most {n} characters": "La contraseña debe tener como máximo {n} caracteres",
  "This password is among the most common ones; choose another": "Esta contraseña es de las más comunes; elija otra",
  "A user with email {email} already exists": "Ya existe un usuario con el correo {email}",
  "A STATE_AG user needs a state (--state NN)": "Un usuario de fiscalía estatal (STATE_AG) necesita un estado",
  "Only STATE_AG users have a state; {role} is nationwide":
    "Solo los usuarios de Fiscalía General del Estado tienen estado; el rol {role} tiene alcance nacional",
  "Unknown state code {code}": "Clave de estado desconocida: {code}",
  "You cannot {action} your own account; ask another ADMIN": "No puede {action} su propia cuenta; pídalo a otra persona administradora",
  "{email} is not locked": "{email} no está bloqueado",
  // audit
  "The start date {from} is after the end date {to}": "La fecha inicial {from} es posterior a la fecha final {to}",
  // reviews and links
  "The link is not a valid web address": "El enlace no es una dirección web válida",
  "Only http and https links can be attached": "Solo se pueden adjuntar enlaces http y https",
  "Links must not carry a user name or password": "Los enlaces no deben incluir usuario ni contraseña",
  "Links must be at most {n} characters": "Los enlaces deben tener como máximo {n} caracteres",
  "Sources can only be attached to an open review": "Solo se pueden adjuntar fuentes a una revisión abierta",
  "Sources of a closed review cannot be removed": "No se pueden quitar fuentes de una revisión cerrada",
  "The recommendation belongs to another department": "La recomendación pertenece a otra corporación",
  "The owner must be an active user who may conduct reviews of this department":
    "La persona responsable debe ser un usuario activo que pueda realizar revisiones de esta corporación",
  "Only the review's owner or an IA supervisor may close it":
    "Solo la persona responsable de la revisión o una supervisión de AI puede cerrarla",
  "Write the review's findings before closing it": "Escriba los hallazgos de la revisión antes de cerrarla",
  "This review is closed and can no longer be changed": "Esta revisión está cerrada y ya no puede modificarse",
  "{field} must be at least {n} characters": "{field}: debe tener al menos {n} caracteres",
  "{field} must be a real date written YYYY-MM-DD": "{field}: debe ser una fecha real con formato AAAA-MM-DD",
  "A comment must have between 1 and {n} characters": "Un comentario debe tener entre 1 y {n} caracteres",
  "The timeline cursor is not valid": "El cursor de la cronología no es válido",
  "The reason must be at most {n} characters": "El motivo debe tener como máximo {n} caracteres",
  "Only the review's owner, an IA supervisor or the state's attorney general may reassign it":
    "Solo la persona responsable de la revisión, una supervisión de AI o la fiscalía del estado pueden reasignarla",
  "The review already belongs to this person": "La revisión ya está a cargo de esta persona",
  // complaint status changes (the import's rules)
  "A complaint with status {status} needs its resolution date": "Una queja con estado {status} necesita su fecha de resolución",
  "A complaint with status {status} has no resolution date; leave it empty":
    "Una queja con estado {status} no tiene fecha de resolución; deje el campo vacío",
  "The resolution date {resolvedOn} is before the date received {receivedOn}":
    "La fecha de resolución {resolvedOn} es anterior a la fecha de recepción {receivedOn}",
  "The complaint already has this status and resolution date": "La queja ya tiene este estado y esta fecha de resolución",
  // rules and evaluations
  "Invalid rule set '{ref}': expected ID or ID@VERSION, e.g. federal-baseline@1":
    "Conjunto de reglas no válido '{ref}': se espera ID o ID@VERSIÓN, p. ej. federal-baseline@1",
  "Invalid rule-set definition: {problems}": "Definición de conjunto de reglas no válida: {problems}",
  "The rule set is not valid: {problems}": "El conjunto de reglas no es válido: {problems}",
  "Invalid evaluation date '{date}': expected a real date YYYY-MM-DD":
    "Fecha de evaluación no válida '{date}': se espera una fecha real AAAA-MM-DD",
  "Invalid evaluation date '{date}': expected YYYY-MM-DD": "Fecha de evaluación no válida '{date}': se espera AAAA-MM-DD",
  "Version {version} of {ruleSet} is published and cannot be changed: create a new draft from it":
    "La versión {version} de {ruleSet} está publicada y no puede modificarse: cree un borrador nuevo a partir de ella",
  "Drafts start from a published version; version {version} is itself a draft":
    "Los borradores parten de una versión publicada; la versión {version} es un borrador",
  "Draft version {version} has {runs} stored evaluation run(s) and cannot be deleted":
    "El borrador {version} tiene {runs} ejecución(es) de evaluación guardada(s) y no puede eliminarse",
  "Give either a run or an evaluation date, not both": "Indique una ejecución o una fecha de evaluación, no ambas",
  "Rule set {ruleSet} version {version} is a draft: only published versions can be persisted (except as a backtest)":
    "La versión {version} del conjunto de reglas {ruleSet} es un borrador: solo se guardan versiones publicadas (salvo como prueba retrospectiva)",
  // imports
  "Import batch {id} cannot be {verb}: its status is {status}": "El lote de importación {id} no puede {verb}: está en estado «{status}»",
  "Only a failed or cancelled import can be retried; batch {id} is {status}":
    "Solo se puede reintentar una importación fallida o cancelada; el lote {id} está en estado «{status}»",
  "The file of batch {id} never fully arrived, so there is nothing to retry; upload it again":
    "El archivo del lote {id} nunca llegó completo, así que no hay nada que reintentar; súbalo de nuevo",
  "The file name must have 1–{n} characters": "El nombre del archivo debe tener de 1 a {n} caracteres",
  "Only .csv (UTF-8) and .xlsx files can be imported": "Solo se pueden importar archivos .csv (UTF-8) y .xlsx",
  "Import batch {id} is not waiting to be written (status {status})":
    "El lote de importación {id} no está en espera de escritura (estado «{status}»)",
  "Import batch {id} cannot be undone: {reason}. Nothing was changed.":
    "El lote de importación {id} no puede deshacerse: {reason}. No se cambió nada.",
  "Records in this file were changed by someone else during the import; nothing was written. Run the import again.":
    "Otra persona modificó registros de este archivo durante la importación; no se escribió nada. Vuelva a ejecutar la importación.",
  // email and alerts
  "Only failed emails can be retried; not failed or not found: {ids}":
    "Solo se pueden reintentar correos fallidos; no fallidos o inexistentes: {ids}",
  "Your role cannot receive the alert {trigger}": "Su rol no puede recibir la alerta {trigger}",
  "The alert {trigger} appears twice": "La alerta {trigger} aparece dos veces",
  "You may only choose your own state ({state}); not allowed: {codes}":
    "Solo puede elegir su propio estado ({state}); no permitidos: {codes}",
  "Unknown state code among: {codes}": "Clave de estado desconocida entre: {codes}",
  "Unknown department id(s): {ids}": "Identificador(es) de corporación desconocido(s): {ids}",
  "This unsubscribe link is not valid: {why}": "Este enlace para darse de baja no es válido: {why}",
  // recommendations
  "A state attorney general decides only REVIEW-level recommendations; this one is {level}":
    "Una fiscalía estatal solo decide recomendaciones de nivel Revisión; esta es de nivel {level}",
  "This recommendation was already decided ({status})": "Esta recomendación ya fue decidida ({status})",
  "This recommendation was changed or decided by someone else since you loaded it; reload and try again":
    "Otra persona modificó o decidió esta recomendación después de que usted cargó la página; recargue e intente de nuevo",
  "Select at least one recommendation to dismiss": "Seleccione al menos una recomendación para descartar",
  "A recommendation is selected twice": "Una recomendación está seleccionada dos veces",
  "At most {n} recommendations can be dismissed at once": "Se pueden descartar como máximo {n} recomendaciones a la vez",
  "Recommendations not found: {ids}": "No se encontraron las recomendaciones: {ids}",
  "You may not decide recommendations {ids} (their level is a federal decision)":
    "Usted no puede decidir las recomendaciones {ids} (su nivel es una decisión federal)",
  "Recommendations {ids} were decided or changed since you loaded them; reload and try again":
    "Las recomendaciones {ids} fueron decididas o modificadas después de que usted cargó la página; recargue e intente de nuevo",
  "Some of the selected recommendations were decided by someone else meanwhile; reload and try again":
    "Otra persona decidió algunas de las recomendaciones seleccionadas mientras tanto; recargue e intente de nuevo",
  "A saved filter needs a name of 1 to {n} characters": "Un filtro guardado necesita un nombre de 1 a {n} caracteres",
  "You can keep at most {n} saved filters; delete one first": "Puede guardar como máximo {n} filtros; elimine uno primero",
  "Accepting a receivership recommendation needs the proposal's terms (receiving authority, terms)":
    "Aceptar una recomendación de intervención requiere los términos de la propuesta (autoridad receptora, términos)",
  // receivership
  "Only an imposed receivership can be lifted; this one is {status}":
    "Solo se puede levantar una intervención vigente; esta está en estado {status}",
  "The exit criteria are not all met ({detail}); lifting needs a documented override":
    "No se cumplen todos los criterios de salida ({detail}); levantarla requiere una excepción documentada",
  "The end date cannot be before the receivership's start date":
    "La fecha de término no puede ser anterior a la de inicio de la intervención",
  "Only whoever proposed this receivership or an IA supervisor may withdraw it":
    "Solo quien propuso esta intervención o una supervisión de AI puede retirarla",
  "A {from} receivership cannot become {to}": "Una intervención en estado {from} no puede pasar a {to}",
  "This receivership is {status} and can no longer be changed": "Esta intervención está en estado {status} y ya no puede modificarse",
  "This receivership was changed by someone else since you loaded it; reload and try again":
    "Otra persona modificó esta intervención después de que usted cargó la página; recargue e intente de nuevo",
  "You have already approved this receivership; a different person must give the second approval":
    "Usted ya aprobó esta intervención; otra persona debe dar la segunda aprobación",
  "The state attorney general has already approved; an IA supervisor's approval is still needed":
    "La fiscalía estatal ya aprobó; falta la aprobación de una supervisión de AI",
  "Only an IA supervisor or the department's state attorney general may approve":
    "Solo una supervisión de AI o la fiscalía del estado de la corporación puede aprobar",
  "Only a proposed receivership can be approved; this one is {status}":
    "Solo se puede aprobar una intervención propuesta; esta está en estado {status}",
  "Replace the bracketed placeholders in the legal basis before approving":
    "Sustituya los textos entre corchetes del fundamento legal antes de aprobar",
  "A completed milestone cannot be removed": "No se puede quitar un hito cumplido",
  "Only a proposed receivership can be edited; this one is {status}":
    "Solo se puede editar una intervención propuesta; esta está en estado {status}",
  "{field}: no published rule set defines this rule": "{field}: ningún conjunto de reglas publicado define esta regla",
  "{field}: the rule appears twice": "{field}: la regla aparece dos veces",
  "{field}: threshold must be a number below 100000000 with at most 4 decimals":
    "{field}: el umbral debe ser un número menor que 100000000 con 4 decimales como máximo",
  "The review date must be after the start date": "La fecha de revisión debe ser posterior a la de inicio",
  "Nothing to save: the proposal already reads like this": "No hay nada que guardar: la propuesta ya dice exactamente eso",
  "Only an imposed receivership can be extended; this one is {status}":
    "Solo se puede prorrogar una intervención vigente; esta está en estado {status}",
  "The new review date must be after {date} (the current review date, the start date and today)":
    "La nueva fecha de revisión debe ser posterior al {date} (la fecha de revisión actual, la de inicio y hoy)",
  "Department {code} already has a {status} receivership (#{id})":
    "La corporación {code} ya tiene una intervención en estado {status} (#{id})",
};
