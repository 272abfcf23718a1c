/**
 * Finds organisations (militant groups, alliances, the UN) named in text, from
 * data/organizations.json. Their spans also tell the state finder which words belong to an
 * organisation's name: "Tehreek-e-Taliban Pakistan" names the TTP, not Pakistan.
 */
import * as z from 'zod/mini';
import type { OrganizationMention, StateMention } from '../contracts';
import { readDataFile } from './dataFile';
import { findStateMentions, longestFirst } from './states';

const Organizations = z.object({
  organizations: z.array(
    z.object({
      name: z.string().check(z.minLength(1)),
      patterns: z.array(z.string()).check(z.minLength(1)),
      source: z.string().check(z.minLength(1, 'every organisation needs a source')),
      note: z.string(),
    }),
  ),
});

interface Organization {
  name: string;
  patterns: RegExp[];
}

let organizations: Organization[] | null = null;

function load(): Organization[] {
  if (organizations) return organizations;
  const data = readDataFile('organizations.json', Organizations);
  organizations = data.organizations.map((o, i) => ({
    name: o.name,
    patterns: o.patterns.map((p, j) => {
      try {
        return new RegExp(p, 'gu');
      } catch (err) {
        throw new Error(`data/organizations.json: organizations.${i}.patterns.${j}: bad regular expression: ${(err as Error).message}`);
      }
    }),
  }));
  return organizations;
}

/** Organisation mentions sorted by start; where two overlap, the longer wins. */
export function findOrganizationMentions(text: string): OrganizationMention[] {
  const found: OrganizationMention[] = [];
  for (const org of load()) {
    for (const re of org.patterns) {
      for (const m of text.matchAll(re)) {
        if (m[0].length > 0) found.push({ start: m.index, end: m.index + m[0].length, text: m[0], name: org.name });
      }
    }
  }
  return longestFirst(found);
}

/** States and organisations of one text, states inside organisation names left out. */
export function findStatesAndOrganizations(text: string): { states: StateMention[]; organizations: OrganizationMention[] } {
  const orgs = findOrganizationMentions(text);
  return { states: findStateMentions(text, { excludeSpans: orgs }), organizations: orgs };
}
