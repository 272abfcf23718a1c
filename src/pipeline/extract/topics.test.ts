import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileTopics, findTopics, TopicsFile } from './topics';

describe('data/topics.json', () => {
  it('passes its schema and tags a sentence', () => {
    const parsed = TopicsFile.safeParse(JSON.parse(readFileSync(new URL('../../../data/topics.json', import.meta.url), 'utf8')));
    expect(parsed.success).toBe(true);
    const rules = compileTopics(parsed.data!);
    expect(findTopics(['The two sides discussed border management and the TTP.'], rules).length).toBeGreaterThan(0);
  });
  it('rejects a pattern that is no regular expression, and a topic without a label', () => {
    expect(TopicsFile.safeParse({ topics: [{ label: 'Bad', patterns: ['(unclosed'] }] }).success).toBe(false);
    expect(TopicsFile.safeParse({ topics: [{ label: '', patterns: ['x'] }] }).success).toBe(false);
  });
});
