import type { Rng } from "./random";

/** Synthetic Spanish names and ranks: every person in the demo is fictitious. */

const MALE_NAMES = [
  "José",
  "Juan",
  "Luis",
  "Carlos",
  "Jorge",
  "Miguel",
  "Francisco",
  "Alejandro",
  "Jesús",
  "Ricardo",
  "Fernando",
  "Roberto",
  "Eduardo",
  "Javier",
  "Manuel",
  "Antonio",
  "Daniel",
  "Sergio",
  "Arturo",
  "Raúl",
  "Héctor",
  "Óscar",
  "Mario",
  "Pedro",
  "Alberto",
  "Rafael",
  "Víctor",
  "Enrique",
  "Martín",
  "Gerardo",
  "Armando",
  "Hugo",
  "Iván",
  "Omar",
  "Rubén",
  "Adrián",
  "Gustavo",
  "Ángel",
  "Salvador",
  "Ramón",
] as const;

const FEMALE_NAMES = [
  "María",
  "Guadalupe",
  "Juana",
  "Verónica",
  "Leticia",
  "Rosa",
  "Patricia",
  "Alejandra",
  "Elizabeth",
  "Gabriela",
  "Adriana",
  "Martha",
  "Claudia",
  "Laura",
  "Silvia",
  "Margarita",
  "Ana",
  "Mónica",
  "Diana",
  "Sandra",
  "Karla",
  "Norma",
  "Araceli",
  "Beatriz",
  "Yolanda",
  "Lucía",
  "Daniela",
  "Fernanda",
  "Itzel",
  "Xóchitl",
] as const;

const FAMILY_NAMES = [
  "Hernández",
  "García",
  "Martínez",
  "López",
  "González",
  "Pérez",
  "Rodríguez",
  "Sánchez",
  "Ramírez",
  "Cruz",
  "Flores",
  "Gómez",
  "Morales",
  "Vázquez",
  "Reyes",
  "Jiménez",
  "Torres",
  "Díaz",
  "Gutiérrez",
  "Ruiz",
  "Mendoza",
  "Aguilar",
  "Ortiz",
  "Moreno",
  "Castillo",
  "Romero",
  "Álvarez",
  "Méndez",
  "Chávez",
  "Rivera",
  "Juárez",
  "Ramos",
  "Domínguez",
  "Herrera",
  "Medina",
  "Castro",
  "Vargas",
  "Guzmán",
  "Velázquez",
  "Muñoz",
  "Rojas",
  "Contreras",
  "Salazar",
  "Luna",
  "Ortega",
  "Santiago",
  "Guerrero",
  "Bautista",
  "Estrada",
  "Cortés",
  "Soto",
  "Alvarado",
  "Delgado",
  "Espinoza",
  "Sandoval",
  "Ríos",
  "Núñez",
  "Vega",
  "Cervantes",
  "Ávila",
  "Campos",
  "Pacheco",
  "Fuentes",
  "Carrillo",
  "Mejía",
  "Solís",
  "Valdez",
  "Ibarra",
  "Cabrera",
  "Rosas",
  "Lara",
  "Trejo",
  "Nava",
  "Zamora",
  "Acosta",
  "Serrano",
  "Márquez",
  "Rangel",
  "Navarro",
  "Cuevas",
] as const;

// Ranks of the police career scale (Ley General del Sistema Nacional de Seguridad Pública), most officers at the base.
const RANK_WEIGHTS = {
  Policía: 46,
  "Policía Tercero": 16,
  "Policía Segundo": 12,
  "Policía Primero": 9,
  Suboficial: 7,
  Oficial: 4,
  Subinspector: 2.5,
  Inspector: 1.8,
  "Inspector Jefe": 1,
  "Inspector General": 0.4,
  Comisario: 0.3,
} as const;

export type Person = { givenName: string; familyName: string; sex: "H" | "M" };

export function randomPerson(rng: Rng): Person {
  const sex = rng.chance(0.22) ? "M" : "H"; // about a fifth of Mexican police officers are women
  const givenName = rng.pick(sex === "H" ? MALE_NAMES : FEMALE_NAMES);
  return { givenName, familyName: `${rng.pick(FAMILY_NAMES)} ${rng.pick(FAMILY_NAMES)}`, sex };
}

export function randomRank(rng: Rng): string {
  return rng.weighted(RANK_WEIGHTS);
}

function initials(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[^A-Za-z ]/g, "")
    .toUpperCase();
}

/**
 * A CUIP-like national police id: name letters, birth date, sex, state, then a serial that keeps
 * ids unique (real CUIPs are assigned centrally; this only imitates their look, `[A-Z0-9]`, ≤ 30 chars).
 */
export function cuipFor(person: Person, birthYmd: string, stateCode: string, serial: number): string {
  const [first = "X", second = "X"] = initials(person.familyName).split(" ");
  const vowel = first.slice(1).match(/[AEIOU]/)?.[0] ?? "X";
  const letters = `${first[0]}${vowel}${second[0]}${initials(person.givenName)[0] ?? "X"}`;
  return `${letters}${birthYmd.slice(2).replaceAll("-", "")}${person.sex}${stateCode}${String(serial).padStart(6, "0")}`;
}

const NARRATIVES: Record<string, readonly string[]> = {
  TORTURE: ["refiere golpes y asfixia durante su detención para obligarle a declarar"],
  FORCED_DISAPPEARANCE: ["denuncia que su familiar fue subido a una patrulla y desde entonces se desconoce su paradero"],
  EXTRAJUDICIAL_KILLING: ["señala que su hijo fue privado de la vida por elementos durante un operativo"],
  SEXUAL_ABUSE: ["denuncia tocamientos y amenazas de índole sexual durante una revisión"],
  EXCESSIVE_FORCE: [
    "refiere golpes con tolete durante una detención por falta administrativa",
    "señala uso desproporcionado de la fuerza en una manifestación",
  ],
  ARBITRARY_DETENTION: [
    "refiere haber sido retenido 14 horas sin ser puesto a disposición del juez cívico",
    "denuncia detención sin motivo a la salida de su trabajo",
  ],
  EXTORTION: [
    "denuncia que le exigieron dinero para no remitir su vehículo al corralón",
    "refiere cobro de cuota semanal a su negocio por elementos en patrulla",
  ],
  CORRUPTION: ["denuncia cobro indebido para liberar a un detenido", "refiere que se solicitó una dádiva para omitir una infracción"],
  COLLUSION: [
    "señala que elementos escoltan a un grupo delictivo que opera en la colonia",
    "refiere que una patrulla avisa de los operativos a personas armadas",
  ],
  OTHER: ["refiere trato prepotente y negativa a identificarse", "denuncia pérdida de pertenencias durante una revisión"],
};

/** A complaint narrative with fictitious complainant data (name, phone), as a real intake note would have. */
export function complaintSummary(rng: Rng, category: string): string {
  const person = randomPerson(rng);
  const phone = `55 ${rng.int(1000, 9999)} ${rng.int(1000, 9999)}`;
  return `${person.givenName} ${person.familyName} (tel. ${phone}) ${rng.pick(NARRATIVES[category] ?? NARRATIVES.OTHER!)}. [Datos ficticios de demostración]`;
}
