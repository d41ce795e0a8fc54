import type { Level } from "../../generated/prisma/enums";

/** Levels in rising order of concern; a department's level is the highest any rule fires. */
export const LEVELS = ["NONE", "WATCH", "REVIEW", "RECEIVERSHIP"] as const satisfies readonly Level[];

export const levelRank = (level: Level): number => LEVELS.indexOf(level);

export function highestLevel(levels: Iterable<Level>): Level {
  let highest: Level = "NONE";
  for (const level of levels) if (levelRank(level) > levelRank(highest)) highest = level;
  return highest;
}

export const levelRose = (previous: Level, current: Level) => levelRank(current) > levelRank(previous);
