// Safe reads of the prediction answer's free-form blocks (`prediction`, `series`, `backtest`,
// `model`), which the schema declares as plain JSON: a missing or mistyped field reads as null.

export type Json = unknown;

export function field(value: Json, ...path: string[]): Json {
  let current: Json = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null || Array.isArray(current)) return null;
    current = (current as Record<string, Json>)[key];
  }
  return current ?? null;
}

export function num(value: Json, ...path: string[]): number | null {
  const found = field(value, ...path);
  return typeof found === "number" && Number.isFinite(found) ? found : null;
}

export function str(value: Json, ...path: string[]): string | null {
  const found = field(value, ...path);
  return typeof found === "string" ? found : null;
}

export function entries(value: Json, ...path: string[]): [string, Json][] {
  const found = field(value, ...path);
  if (typeof found !== "object" || found === null || Array.isArray(found)) return [];
  return Object.entries(found as Record<string, Json>);
}

export function list(value: Json, ...path: string[]): Json[] {
  const found = field(value, ...path);
  return Array.isArray(found) ? found : [];
}

export interface SeriesPoint {
  time: string;
  value: number;
  lower_80?: number;
  upper_80?: number;
  lower_95?: number;
  upper_95?: number;
}

/** `series.history` or `series.forecast` as points with a date and a value. */
export function points(series: Json, name: "history" | "forecast"): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  for (const item of list(series, name)) {
    const time = str(item, "time");
    const value = num(item, "value");
    if (time === null || value === null) continue;
    const point: SeriesPoint = { time: time.slice(0, 10), value };
    for (const key of ["lower_80", "upper_80", "lower_95", "upper_95"] as const) {
      const bound = num(item, key);
      if (bound !== null) point[key] = bound;
    }
    out.push(point);
  }
  return out;
}

/** The numeric metrics of every column of the backtest, as rows: metric → value per column. */
export function metricRows(columns: Json[]): [string, (number | null)[]][] {
  const names: string[] = [];
  for (const column of columns) {
    for (const [key, value] of entries(column)) {
      if (typeof value === "number" && !names.includes(key)) names.push(key);
    }
  }
  return names.map((name) => [name, columns.map((column) => num(column, name))]);
}
