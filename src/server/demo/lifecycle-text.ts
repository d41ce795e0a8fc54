import type { DismissReason } from "../../generated/prisma/enums";

/**
 * Where the demo's history happens (scenario departments, see docs/demo-data.md) and what its actors
 * write. Morelia's recommendation, Salamanca's, Acapulco's and Juárez's, and every department outside
 * the scenarios, stay open for a visitor to decide.
 */
export const LIFECYCLE_DEPARTMENTS = {
  /** vetting-coverage REVIEW → accepted, review owned by the analyst, due in 30 days. */
  reviewOnTime: "MX-12-029-MUN",
  /** training-compliance WATCH → accepted, review owned by the analyst, due in 45 days. */
  reviewWatch: "MX-13-048-MUN",
  /** training-compliance REVIEW → accepted, review owned by the supervisor, 10 days overdue. */
  reviewOverdue: "MX-18-017-MUN",
  /** Jalisco's state force: a review the Jalisco AG opened herself, 5 days overdue. */
  reviewByAttorneyGeneral: "MX-14-000-EST",
  /** failed-vetting-on-duty REVIEW → the Michoacán AG's review proposes receivership → IMPOSED. */
  imposed: "MX-16-102-MUN",
  /** vetting-coverage RECEIVERSHIP → accepted into a proposal with one approval of two. */
  proposed: "MX-20-067-MUN",
  /** Receivership imposed 400 days before the as-of date, lifted 60 days before it. */
  lifted: "MX-16-053-MUN",
  /** Two comments on the department. */
  departmentComment: "MX-12-001-MUN",
} as const;

/** One dismissal per reason: [department, reason, justification]. */
export const DISMISSALS: readonly (readonly [string, DismissReason, string])[] = [
  [
    "MX-03-003-MUN",
    "FALSE_POSITIVE",
    "La mediana municipal de quejas es cero: con ocho quejas en cuarenta elementos la tasa no indica un problema de conducta.",
  ],
  [
    "MX-15-020-MUN",
    "DATA_ERROR",
    "El centro estatal de control de confianza confirmó seis aprobaciones vigentes que aún no se habían cargado; se pidió la corrección.",
  ],
  [
    "MX-21-156-MUN",
    "ALREADY_ADDRESSED",
    "Las dos recomendaciones de derechos humanos ya tienen seguimiento de la comisión estatal y un plan de atención aceptado.",
  ],
  [
    "MX-17-007-MUN",
    "OTHER",
    "La Fiscalía General de la República atrajo la investigación del caso de tortura; la revisión se hará cuando concluya.",
  ],
];

/**
 * A complete legal basis (no bracketed placeholder), so the proposals can be approved. Demo text: it
 * cites the constitutional provisions of the template and names the general law's subjects without
 * inventing article numbers.
 */
export const DEMO_LEGAL_BASIS = [
  "Fundamento (texto de demostración):",
  "1. Artículo 21 de la Constitución Política de los Estados Unidos Mexicanos: la seguridad pública es una función del Estado a " +
    "cargo de la Federación, las entidades federativas y los Municipios, y nadie puede ingresar a sus instituciones sin haber sido " +
    "debidamente certificado y registrado en el Sistema.",
  "2. Artículo 115, fracción VII, de la Constitución: la policía preventiva municipal acatará las órdenes que el Gobernador del " +
    "Estado le transmita en los casos que éste juzgue como de fuerza mayor o alteración grave del orden público.",
  "3. Ley General del Sistema Nacional de Seguridad Pública vigente, disposiciones sobre control de confianza, certificación y " +
    "permanencia de los integrantes de las instituciones de seguridad pública, según el texto publicado en el Diario Oficial de la Federación.",
  "Hechos: los resultados de la evaluación federal a la fecha de corte, que constan en el expediente de la corporación.",
].join("\n");

export const TEXT = {
  chilpancingoFindings:
    "La mitad del estado de fuerza no tiene control de confianza vigente: ocho aprobaciones vencidas, seis evaluaciones pendientes y seis elementos nunca evaluados.",
  chilpancingoComment: "Se pidió al centro estatal el calendario de evaluaciones de los catorce elementos pendientes.",
  jaliscoScope: "Revisión del estado de fuerza de la policía estatal y de la vigencia de su control de confianza.",
  uruapanFindings:
    "Un elemento con evaluación de control de confianza no aprobada sigue en funciones desde hace noventa días; otro, desde hace menos.",
  uruapanResponse: "La corporación afirma que el elemento está asignado a funciones administrativas mientras se resuelve su baja.",
  uruapanDecision: "Permanece en funciones personal no aprobado pese al requerimiento: se propone la intervención.",
  michoacanAuthority: "Secretaría de Seguridad Pública de Michoacán",
  uruapanTerms:
    "Mando de la policía municipal por seis meses: separación del personal no aprobado y reevaluación de todo el estado de fuerza.",
  milestoneCommand: "Instalación del mando estatal en la corporación",
  milestoneSeparate: "Separación del servicio del personal con evaluación no aprobada",
  milestoneRevet: "Reevaluación de control de confianza de todo el personal en funciones",
  uruapanComment: "El mando estatal informa que la separación del elemento se notificará esta semana.",
  oaxacaNote: "Cobertura de control de confianza por debajo del 50 %: procede proponer la intervención.",
  oaxacaAuthority: "Secretaría de Seguridad Pública de Oaxaca",
  oaxacaTerms: "Mando de la policía municipal por un año con depuración y reevaluación de control de confianza de todo el personal.",
  oaxacaComment: "Falta la segunda aprobación: la de otra persona supervisora o la de la fiscalía del estado.",
  moreliaTerms: "Mando de la policía municipal por un año para regularizar el control de confianza y la formación del personal.",
  moreliaLift: "Levantada: la corporación cumple todos los criterios de salida de la evaluación federal.",
  acapulcoComment: "Tres quejas graves confirmadas en dos años; se solicitó a la fiscalía estatal el estado de las carpetas.",
  acapulcoReply: "Recibido; lo vemos con la recomendación de intervención pendiente.",
} as const;
