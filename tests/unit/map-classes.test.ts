import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SCALE, classOf, mapClasses, viewBoxAround } from "~/components/dashboard/indicators";

// Vetting coverage by state as the demo shows it: all between 84 % and 99 %.
const COVERAGE = [84.7, 98.6, 97.9, 96.2, 95.5, 93.1, 91.8, 90.4, 89.9, 88.0, 87.2, 86.5, 98.1, 97.0, 94.4];

describe("map classes fit the values shown", () => {
  it("spreads 84.7 %–98.6 % over all five colours; Oaxaca's 84.7 % and 98.6 % are at opposite ends", () => {
    const classes = mapClasses("vettingCoverage", COVERAGE);
    expect(classes).toHaveLength(5);
    expect(classes[0]!.lower).toBe(84.7);
    expect(classes.at(-1)!.upper).toBe(98.6);
    // Coverage: lower is worse, so the lowest class is the darkest.
    expect(classOf(84.7, classes)!.color).toBe(SCALE[4]);
    expect(classOf(98.6, classes)!.color).toBe(SCALE[0]);
  });

  it("darkens the highest values of an indicator where higher is worse", () => {
    const classes = mapClasses("flaggedShare", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(classOf(9, classes)!.color).toBe(SCALE[4]);
    expect(classOf(0, classes)!.color).toBe(SCALE[0]);
  });

  it("puts a class bound's value in the upper class and the maximum in the last", () => {
    const classes = mapClasses("flaggedShare", [1, 2, 3, 4, 5]);
    expect(classes.map((c) => [c.lower, c.upper])).toEqual([
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
      [5, 5],
    ]);
    expect(classOf(2, classes)).toBe(classes[1]);
    expect(classOf(4.99, classes)).toBe(classes[3]);
    expect(classOf(5, classes)).toBe(classes[4]);
  });

  it("one value, equal values, no values", () => {
    expect(mapClasses("flaggedShare", [7])).toEqual([{ lower: 7, upper: 7, color: SCALE[2] }]);
    expect(mapClasses("flaggedShare", [3, 3, 3, null])).toHaveLength(1);
    expect(mapClasses("flaggedShare", [null, null])).toEqual([]);
    expect(classOf(null, mapClasses("flaggedShare", [1, 2]))).toBeNull();
  });

  it("property: classes are contiguous, cover every value, never split equal values, and each holds a value", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.option(
            fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
            { nil: null },
          ),
          { maxLength: 40 },
        ),
        (values) => {
          const present = values.filter((v): v is number => v !== null);
          const classes = mapClasses("vettingCoverage", values);
          if (present.length === 0) {
            expect(classes).toEqual([]);
            return;
          }
          expect(classes.length).toBeLessThanOrEqual(5);
          expect(classes[0]!.lower).toBe(Math.min(...present));
          expect(classes.at(-1)!.upper).toBe(Math.max(...present));
          classes.slice(1).forEach((c, i) => {
            expect(c.lower).toBe(classes[i]!.upper);
          });
          // The reference: a value belongs to the last class whose lower bound it reaches.
          for (const v of present) {
            const expected = [...classes].reverse().find((c) => v >= c.lower);
            expect(classOf(v, classes)).toBe(expected);
          }
          for (const c of classes) expect(present.some((v) => classOf(v, classes) === c)).toBe(true);
        },
      ),
    );
  });
});

describe("an attorney general's map is centred on her state", () => {
  it("the whole map without a state", () => {
    expect(viewBoxAround(undefined, 800, 540)).toEqual({ x: 0, y: 0, w: 800, h: 540 });
  });

  it("a tall state: its box with a 15 % margin, widened to the map's proportions, centred on it", () => {
    const view = viewBoxAround(
      [
        [100, 200],
        [140, 300],
      ],
      800,
      540,
    );
    expect(view.h).toBeCloseTo(130);
    expect(view.w / view.h).toBeCloseTo(800 / 540);
    expect(view.x + view.w / 2).toBeCloseTo(120);
    expect(view.y + view.h / 2).toBeCloseTo(250);
  });

  it("a wide state: the width decides", () => {
    const view = viewBoxAround(
      [
        [0, 0],
        [200, 20],
      ],
      800,
      540,
    );
    expect(view.w).toBeCloseTo(260);
    expect(view.h).toBeCloseTo((260 * 540) / 800);
  });
});
