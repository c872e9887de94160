/** Sample statistics and the metric record of bench/results.json. */

export interface Target {
  /** The metric passes when its median (or value) is below this. */
  readonly below: number;
  readonly text: string;
}

export interface Metric {
  readonly id: string;
  readonly label: string;
  readonly unit: 'ms' | 'MB' | 'KB' | '×';
  readonly median: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
  readonly samples: readonly number[];
  readonly target: Target | null;
  readonly pass: boolean | null;
  readonly note?: string;
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[hi] ?? Number.NaN;
  return a + (b - a) * (pos - lo);
}

export function metric(
  id: string,
  label: string,
  unit: Metric['unit'],
  samples: readonly number[],
  target: Target | null = null,
  note?: string,
): Metric {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5);
  return {
    id,
    label,
    unit,
    median,
    p95: quantile(sorted, 0.95),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    runs: samples.length,
    samples: samples.map((s) => Math.round(s * 1000) / 1000),
    target,
    pass: target ? median < target.below : null,
    ...(note ? { note } : {}),
  };
}

export function fmt(value: number, unit: Metric['unit']): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (unit === '×') return `${value.toFixed(2)}×`;
  if (unit === 'ms' && value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}
