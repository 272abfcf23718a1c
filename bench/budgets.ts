/**
 * The performance budgets of issue 19 (they replace issue 6's), in one place. Each names
 * where its figure lives in the benchmark's JSON so the check and the report cannot drift
 * apart.
 *
 * On a machine where software WebGL and the main thread share two cores, the budgets are on
 * what our code controls: main-thread CPU time (CDP ThreadTime). The wall-time figures stay
 * in the report beside them, and the peer's (deck.gl, measured in the same run) beside ours.
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
  // Main-thread CPU per window step, p95 over ≥ 30 steps (dense steps included), the median of 3 repeats.
  { id: 'scrub-cpu-10k', label: 'scrub CPU p95 at 10k (median of repeats)', path: 'scrub.sizes.10000.cpuNetP95', limit: 8, kind: 'max', unit: 'ms' },
  { id: 'scrub-cpu-100k', label: 'scrub CPU p95 at 100k (median of repeats)', path: 'scrub.sizes.100000.cpuNetP95', limit: 50, kind: 'max', unit: 'ms' },
  // A stall a user sees: the longest single step's main-thread task time, over every repeat.
  { id: 'scrub-stall-100k', label: 'longest step at 100k (task time)', path: 'scrub.sizes.100000.maxTask', limit: 250, kind: 'max', unit: 'ms' },
  { id: 'frame-10k', label: 'animation frame at 10k meetings', path: 'frame.sizes.10000.perFrame', limit: 2, kind: 'max', unit: 'ms' },
  { id: 'load-ratio', label: 'load vs bare MapLibre', path: 'load.ratio', limit: 1.25, kind: 'max', unit: '×' },
  { id: 'js-gzip', label: 'JS except maplibre-gl (gzip)', path: 'bundle.ownGzipKB', limit: 140, kind: 'max', unit: 'KB' },
  { id: 'src-gzip', label: 'our own code, src/ (JS, gzip)', path: 'bundle.srcGzipKB', limit: 40, kind: 'max', unit: 'KB' },
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

/**
 * Which outcomes fail the run: a missed budget, and with `strict` a skipped one, unless its
 * id is in `allowMissed` (CI's way of reporting a budget that waits on a decision without
 * failing on it, while every other budget still fails the run).
 */
export function failingOutcomes(outcomes: readonly BudgetOutcome[], options: { strict?: boolean; allowMissed?: ReadonlySet<string> } = {}): BudgetOutcome[] {
  return outcomes.filter((o) => (o.status === 'fail' || (options.strict === true && o.status === 'skipped')) && !options.allowMissed?.has(o.id));
}

/** Parses a comma-separated list of budget ids; throws naming the unknown ones. */
export function parseBudgetIds(list: string, budgets: readonly Budget[] = BUDGETS): Set<string> {
  const ids = list.split(',').map((id) => id.trim()).filter(Boolean);
  const known = new Set(budgets.map((b) => b.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) throw new Error(`unknown budget id(s) ${unknown.join(', ')}; expected some of ${[...known].join(', ')}`);
  return new Set(ids);
}
