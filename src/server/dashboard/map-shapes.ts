import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { geoArea, geoConicConformal, geoPath } from "d3-geo";

/** A state drawn on the map: its path, its centroid and its bounding box (`[[x0, y0], [x1, y1]]`), in map units. */
export type StateShape = { code: string; d: string; centroid: [number, number]; bounds: [[number, number], [number, number]] };
export const MAP_WIDTH = 800;
export const MAP_HEIGHT = 540;

type Feature = GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon, { state_code: string; name: string }>;

/**
 * d3-geo reads polygons on the sphere, where a ring's winding says which side is inside; GeoJSON
 * files wound the other way (RFC 7946) would draw the whole world minus Mexico. Rewind those.
 */
function rewound(feature: Feature): Feature {
  if (geoArea(feature) <= 2 * Math.PI) return feature;
  const { geometry } = feature;
  const reversed = (ring: GeoJSON.Position[]) => [...ring].reverse();
  return {
    ...feature,
    geometry:
      geometry.type === "Polygon"
        ? { ...geometry, coordinates: geometry.coordinates.map(reversed) }
        : { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(reversed)) },
  };
}

let shapes: Promise<StateShape[]> | undefined;

/** SVG paths of the 32 states (INEGI boundaries in prisma/data), projected once per process. */
export function stateShapes(): Promise<StateShape[]> {
  shapes ??= (async () => {
    const file = await readFile(path.join(process.cwd(), "prisma/data/states.geojson"), "utf8");
    const collection = JSON.parse(file) as { type: "FeatureCollection"; features: Feature[] };
    const features = collection.features.map(rewound);
    // Lambert conformal conic with INEGI's standard parallels: Mexico's usual map shape.
    const projection = geoConicConformal()
      .parallels([17.5, 29.5])
      .rotate([102, 0])
      .fitSize([MAP_WIDTH, MAP_HEIGHT], { type: "FeatureCollection", features } satisfies GeoJSON.FeatureCollection);
    const toPath = geoPath(projection);
    return features.map((f) => ({
      code: f.properties.state_code,
      d: toPath(f) ?? "",
      centroid: toPath.centroid(f),
      bounds: toPath.bounds(f),
    }));
  })();
  return shapes;
}
