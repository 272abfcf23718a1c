import { describe, expect, it } from 'vitest';
import { BUDGETS, checkBudgets, failingOutcomes, parseBudgetIds } from './budgets';

/** A result shaped like the bench's JSON with the given budgets' figures; the others not measured. */
function result(figures: Partial<Record<string, number>>): unknown {
  const out: Record<string, unknown> = {};
  for (const b of BUDGETS) {
    const value = figures[b.id];
    if (value === undefined) continue;
    const keys = b.path.split('.');
    let node = out;
    for (const key of keys.slice(0, -1)) {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    node[keys[keys.length - 1] as string] = value;
  }
  return out;
}

const allMet = { 'scrub-cpu-10k': 6, 'scrub-cpu-100k': 11, 'scrub-stall-100k': 160, 'frame-10k': 0.1, 'load-ratio': 1.2, 'js-gzip': 132, 'src-gzip': 39, pipeline: 800 };

describe('failingOutcomes', () => {
  it('passes when every budget is met', () => {
    expect(failingOutcomes(checkBudgets(result(allMet)))).toEqual([]);
  });

  it('fails on a missed budget unless its id is allowed, and only that one is let through', () => {
    const outcomes = checkBudgets(result({ ...allMet, 'src-gzip': 45.9, 'frame-10k': 3 }));
    expect(failingOutcomes(outcomes).map((o) => o.id)).toEqual(['frame-10k', 'src-gzip']);
    expect(failingOutcomes(outcomes, { allowMissed: new Set(['src-gzip']) }).map((o) => o.id)).toEqual(['frame-10k']);
  });

  it('counts a skipped budget only when strict', () => {
    const { 'scrub-stall-100k': _stall, 'scrub-cpu-100k': _cpu, ...short } = allMet;
    const outcomes = checkBudgets(result(short));
    expect(failingOutcomes(outcomes)).toEqual([]);
    expect(failingOutcomes(outcomes, { strict: true }).map((o) => o.id)).toEqual(['scrub-cpu-100k', 'scrub-stall-100k']);
  });
});

describe('parseBudgetIds', () => {
  it('reads a comma list of known ids', () => {
    expect([...parseBudgetIds('src-gzip, load-ratio')]).toEqual(['src-gzip', 'load-ratio']);
  });

  it('names the ids it does not know', () => {
    expect(() => parseBudgetIds('src-gzip,src-size')).toThrow(/unknown budget id\(s\) src-size; expected some of scrub-cpu-10k/);
  });
});
