/**
 * Loads the dataset the pipeline wrote (served next to the page as data/meetings.json)
 * and validates it with the same schema the pipeline wrote it with. Every failure comes
 * back as a readable message naming the file and what is wrong; nothing here throws.
 */
import { type Dataset, parseDataset } from '../../dataset/schema';

export const DATASET_PATH = 'data/meetings.json';

export type DatasetLoad =
  | { ok: true; dataset: Dataset }
  | { ok: false; title: string; problems: string[] };

type FetchLike = (url: string) => Promise<{ ok: boolean; status: number; statusText: string; text(): Promise<string> }>;

/** How many schema problems the page lists before saying "and N more". */
const MAX_PROBLEMS = 12;

export async function loadDataset(url: string, fetchFn: FetchLike = (u) => fetch(u)): Promise<DatasetLoad> {
  let text: string;
  try {
    const response = await fetchFn(url);
    if (!response.ok) {
      return {
        ok: false,
        title: `The dataset ${DATASET_PATH} could not be loaded (HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}).`,
        problems: ['Build it with `npm run data` and make sure data/meetings.json is served next to the page.'],
      };
    }
    text = await response.text();
  } catch (error) {
    return {
      ok: false,
      title: `The dataset ${DATASET_PATH} could not be loaded.`,
      problems: [error instanceof Error ? error.message : String(error)],
    };
  }
  return parseDatasetText(text);
}

/** Parses and validates the file's text. */
export function parseDatasetText(text: string): DatasetLoad {
  if (text.trim() === '') {
    return { ok: false, title: `The dataset ${DATASET_PATH} is empty.`, problems: ['Rebuild it with `npm run data`.'] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      title: `The dataset ${DATASET_PATH} is not valid JSON (is it truncated?).`,
      problems: [`${detail} (file length ${text.length} characters)`],
    };
  }
  const result = parseDataset(json, { keep: 'input' });
  if (result.ok) return result;
  const problems = result.problems.slice(0, MAX_PROBLEMS);
  if (result.problems.length > MAX_PROBLEMS) problems.push(`… and ${result.problems.length - MAX_PROBLEMS} more problems`);
  return { ok: false, title: `The dataset ${DATASET_PATH} does not match the dataset schema (schemaVersion 1 or 2).`, problems };
}
