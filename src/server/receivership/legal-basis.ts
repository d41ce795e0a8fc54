/**
 * Default wording for a receivership's legal basis. They are starting points the proposer edits to the
 * facts of the case: they cite the provisions that usually apply, and each placeholder in brackets must
 * be replaced. The Ley General del Sistema Nacional de Seguridad Pública of 2 January 2009 (whose arts. 39,
 * 40, 88 and 108 covered these matters) was replaced by a new general law approved by the Senate in 2025
 * (which also recognises the Guardia Nacional; the new Ley de la Guardia Nacional is DOF 16-07-2025). We could
 * not verify the new law's article numbers, so the template names the subjects and leaves the articles as a
 * bracketed placeholder: approval is refused until the proposer has filled it in from the text in force.
 * Art. 21 CPEUM is paraphrased from its current wording as quoted by state security agencies (principles now
 * include the gender perspective). Every template also ends with a bracketed line asking legal counsel to
 * confirm each citation against the DOF text, so no citation reaches approval unchecked.
 */
export type LegalBasisTemplate = { id: string; title: string; text: string };

const CONSTITUTIONAL =
  "Artículo 21 de la Constitución Política de los Estados Unidos Mexicanos: la seguridad pública es una función " +
  "del Estado a cargo de la Federación, las entidades federativas y los Municipios; la actuación de las instituciones " +
  "de seguridad pública se rige por los principios de legalidad, objetividad, eficiencia, profesionalismo y honradez, " +
  "así como por la perspectiva de género y el respeto a los derechos humanos; ninguna persona puede ingresar a ellas " +
  "sin haber sido debidamente certificada y registrada en el Sistema.";

const COUNSEL_CHECK =
  "[Confirmación de la asesoría jurídica: verifique cada cita anterior contra el texto vigente publicado en el " +
  "Diario Oficial de la Federación y borre esta línea.]";

const MUNICIPAL_COMMAND =
  "Artículo 115, fracción VII, de la Constitución Política de los Estados Unidos Mexicanos: la policía preventiva " +
  "municipal está al mando del presidente municipal en los términos de la ley de seguridad pública del Estado, y " +
  "acatará las órdenes que el Gobernador del Estado le transmita en los casos que éste juzgue como de fuerza mayor " +
  "o alteración grave del orden público.";

const LGSNSP =
  "Ley General del Sistema Nacional de Seguridad Pública vigente (expedida en 2025; en la ley de 2009 eran los " +
  "artículos 39, 40, 88 y 108), artículos [indique los artículos aplicables del texto vigente]: distribución de " +
  "competencias en materia de profesionalización y control de confianza; obligaciones de los integrantes de las " +
  "instituciones de seguridad pública, entre ellas someterse a las evaluaciones periódicas y mantener vigente su " +
  "certificación; requisitos de ingreso y permanencia, incluida la aprobación de los procesos de evaluación de " +
  "control de confianza; y evaluación y certificación por los centros de evaluación y control de confianza.";

export const LEGAL_BASIS_TEMPLATES: readonly LegalBasisTemplate[] = [
  {
    id: "municipal-force-majeure",
    title: "Policía municipal: fuerza mayor o alteración grave del orden público",
    text: [
      "Fundamento:",
      `1. ${CONSTITUTIONAL}`,
      `2. ${MUNICIPAL_COMMAND}`,
      `3. ${LGSNSP}`,
      "Hechos: [describa los hechos que constituyen fuerza mayor o alteración grave del orden público y los " +
        "resultados de la evaluación que los sustentan].",
      "Orden del Gobernador del Estado: [número, fecha y publicación].",
      COUNSEL_CHECK,
    ].join("\n"),
  },
  {
    id: "vetting-certification",
    title: "Incumplimiento de control de confianza y certificación",
    text: [
      "Fundamento:",
      `1. ${CONSTITUTIONAL}`,
      `2. ${LGSNSP}`,
      "Hechos: [cobertura de control de confianza, elementos en funciones con evaluación no aprobada y " +
        "cumplimiento de formación a la fecha de la evaluación].",
      "Convenio o acuerdo de coordinación aplicable: [referencia].",
      COUNSEL_CHECK,
    ].join("\n"),
  },
];

export const DEFAULT_LEGAL_BASIS_TEMPLATE = LEGAL_BASIS_TEMPLATES[0]!;

/** A bracketed placeholder left from a template ("[indique …]"): approval is refused while any remains. */
export const LEGAL_BASIS_PLACEHOLDER = /\[[^\]\n]+\]/g;

/** The placeholders still in a legal basis, in order, so the page can list what remains to fill in. */
export function legalBasisPlaceholders(text: string): string[] {
  return text.match(LEGAL_BASIS_PLACEHOLDER) ?? [];
}
