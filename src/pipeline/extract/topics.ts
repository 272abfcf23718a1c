/**
 * Topic tags from the patterns in data/topics.json. Pure: the rules are passed in.
 */

export interface TopicRule {
  label: string;
  patterns: RegExp[];
}

export interface TopicsFile {
  topics: Array<{ label: string; patterns: string[] }>;
}

/** Compiles the topics file; patterns are word-bounded and case-insensitive. */
export function compileTopics(file: TopicsFile): TopicRule[] {
  return file.topics.map((t) => ({
    label: t.label,
    patterns: t.patterns.map((p) => new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${p})(?![\p{L}\p{N}])`, 'iu')),
  }));
}

/** Labels of every topic whose pattern matches one of the texts, in the file's order. */
export function findTopics(texts: string[], rules: TopicRule[]): string[] {
  return rules.filter((r) => texts.some((t) => r.patterns.some((p) => p.test(t)))).map((r) => r.label);
}
