/**
 * The merge stage's facts, from data/merge-rules.json, checked with zod where the build reads
 * them (the edge), then passed in.
 */
import * as z from 'zod/mini';
import { parseDataFile } from '../states/dataFile';
import type { MergeRules } from './mergeReports';

export const MergeRulesFile = z.object({
  venueKm: z.number().check(z.gte(0), z.lte(500)),
  dayTolerance: z.number().check(z.int(), z.gte(0), z.lte(7)),
  ordinals: z.record(z.string().check(z.regex(/^[a-z]+$/, 'expected a lower-case ordinal word')), z.number().check(z.int(), z.gte(1))),
  ordinalNouns: z.array(z.string().check(z.regex(/^[a-z]+$/, 'expected a lower-case noun'))).check(z.minLength(1)),
});

export function parseMergeRules(json: unknown, label = 'data/merge-rules.json'): MergeRules {
  const r = parseDataFile(label, json, MergeRulesFile);
  return { venueKm: r.venueKm, dayTolerance: r.dayTolerance, ordinals: r.ordinals, ordinalNouns: r.ordinalNouns };
}
