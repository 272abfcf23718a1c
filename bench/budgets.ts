/**
 * The performance budgets of issue 6, in one place. Each names where its figure lives in
 * the benchmark's JSON so the check and the report cannot drift apart.
 */
export interface Budget {
  id: string;
  /** What is measured, as the report prints it. */
  label: string;
  /** Dotted path into the result JSON. */
  path: string;
  limit: number;
  /** 'max': the figure must stay below the limit; 'min': at or above it. */
  kind: 'max' | 'min';
  unit: string;
}

export const BUDGETS: readonly Budget[] = [
  { id: 'scrub-10k', label: 'scrub p95 at 10k meetings', path: 'scrub.sizes.10000.net.p95', limit: 8, kind: 'max', unit: 'ms' },
  { id: 'scrub-100k', label: 'scrub p95 at 100k meetings', path: 'scrub.sizes.100000.net.p95', limit: 50, kind: 'max', unit: 'ms' },
  { id: 'frame-10k', label: 'animation frame at 10k meetings', path: 'frame.sizes.10000.perFrame', limit: 2, kind: 'max', unit: 'ms' },
  { id: 'load-ratio', label: 'load vs bare MapLibre', path: 'load.ratio', limit: 1.25, kind: 'max', unit: '×' },
  { id: 'own-gzip', label: 'own code + deps except maplibre-gl (JS, gzip)', path: 'bundle.ownGzipKB', limit: 120, kind: 'max', unit: 'KB' },
  { id: 'pipeline', label: 'pipeline throughput', path: 'pipeline.articlesPerSecond', limit: 200, kind: 'min', unit: 'articles/s' },
];

export type BudgetOutcome = Budget & { value: number | null; status: 'pass' | 'fail' | 'skipped' };

export function readPath(result: unknown, path: string): unknown {
  let node: unknown = result;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A figure that was not measured (section skipped, size not run in --short) is 'skipped', not a failure. */
export function checkBudgets(result: unknown, budgets: readonly Budget[] = BUDGETS): BudgetOutcome[] {
  return budgets.map((b) => {
    // A part that failed (a crashed tab: "no tab crash", issue 6; a page that never
    // settled at a size where smaller ones did) fails the budget on its path.
    const keys = b.path.split('.');
    for (let i = 1; i <= keys.length; i++) {
      const node = readPath(result, keys.slice(0, i).join('.')) as { crashed?: unknown; failed?: unknown } | undefined;
      if (node && typeof node === 'object' && (node.crashed === true || typeof node.failed === 'string')) return { ...b, value: null, status: 'fail' };
    }
    const value = readPath(result, b.path);
    if (typeof value !== 'number' || !Number.isFinite(value)) return { ...b, value: null, status: 'skipped' };
    const ok = b.kind === 'max' ? value < b.limit : value >= b.limit;
    return { ...b, value, status: ok ? 'pass' : 'fail' };
  });
}
