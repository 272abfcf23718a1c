/**
 * Reads a JSON fact file from data/ and checks it against a zod schema, so a typo in a data
 * file stops the build with the file name and the JSON path of the bad field.
 */
import { readFileSync } from 'node:fs';
import type * as z from 'zod/mini';
import { describeIssues } from '../../dataset/schema';

const DATA_DIR = new URL('../../../data/', import.meta.url);

export function readDataFile<S extends z.ZodMiniType>(fileName: string, schema: S): z.infer<S> {
  const url = new URL(fileName, DATA_DIR);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(url, 'utf8'));
  } catch (err) {
    throw new Error(`data/${fileName}: cannot read or parse as JSON: ${(err as Error).message}`);
  }
  return parseDataFile(`data/${fileName}`, json, schema);
}

export function parseDataFile<S extends z.ZodMiniType>(label: string, json: unknown, schema: S): z.infer<S> {
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new Error(`${label} is not valid:\n  ${describeIssues(result.error).join('\n  ')}`);
  }
  return result.data as z.infer<S>;
}
