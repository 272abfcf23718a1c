/**
 * Throughput of place, state and organisation finding over the seeds (the pipeline's budget
 * is 200 articles a second for everything). Run: npx vitest bench --run src/pipeline/places
 */
import { readdirSync, readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { findOrganizationMentions } from '../states/organizations';
import { findStateMentions } from '../states/states';
import { loadGazetteer } from './gazetteer';
import { findPlaceMentions } from './mentions';

const SEEDS = new URL('../../../seeds/', import.meta.url);
const texts = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(new URL(f, SEEDS), 'utf8'));
const gazetteer = loadGazetteer();

describe('mentions over all seeds', () => {
  bench('findStateMentions', () => {
    for (const t of texts) findStateMentions(t);
  });
  bench('findOrganizationMentions', () => {
    for (const t of texts) findOrganizationMentions(t);
  });
  bench('findPlaceMentions (states and organisations included)', () => {
    for (const t of texts) findPlaceMentions(t, gazetteer);
  });
});
