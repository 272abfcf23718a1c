/**
 * Topic tags from the patterns in data/topics.json. Pure: the rules are passed in; the file
 * is checked against `TopicsFile` where it is read (the build's edge).
 */
import * as z from 'zod/mini';

export interface TopicRule {
  label: string;
  patterns: RegExp[];
}

/** The shape of data/topics.json; a pattern must compile as a regular expression. */
export const TopicsFile = z.object({
  topics: z.array(
    z.object({
      label: z.string().check(z.minLength(1)),
      patterns: z.array(
        z.string().check(
          z.minLength(1),
          z.refine((p) => {
            try {
              new RegExp(p, 'u');
              return true;
            } catch {
              return false;
            }
          }, 'expected a regular expression'),
        ),
      ),
    }),
  ),
});
export type TopicsFile = z.infer<typeof TopicsFile>;

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
