/**
 * What the diagnostic scripts (profileScrub, gcScrub, allocScrub, liveHeap) share: the
 * bench's build served with a synthetic dataset in a fresh browser, the dataset's dated
 * range, and V8 profile nodes named by where their code is.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { type StaticServer, startStaticServer } from './server';

/** Serves `dist` with `datasetFile` as its data/meetings.json, launches the browser, and closes both after `use`. */
export async function withServedApp(datasetFile: string, dist: string, use: (server: StaticServer, browser: Browser) => Promise<void>): Promise<void> {
  const server = await startStaticServer(dist);
  server.override('data/meetings.json', datasetFile);
  const browser = await launchBrowser();
  try {
    await use(server, browser);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The first and last start day of the loaded dataset's dated meetings (days since 1970). */
export function datedRange(page: Page): Promise<{ first: number; last: number }> {
  return page.evaluate(() => {
    const g = window as unknown as { __atlasStore: { getState(): { dataset: { meetings: Array<{ date: { start: string | null } }> } } } };
    const starts = g.__atlasStore.getState().dataset.meetings.map((m) => m.date.start).filter((s): s is string => !!s).sort();
    return { first: Date.parse(starts[0]!) / 864e5, last: Date.parse(starts[starts.length - 1]!) / 864e5 };
  });
}

/** A day number as the store takes it ("2004-12-21"). */
export const isoDay = (day: number): string => new Date(day * 864e5).toISOString().slice(0, 10);

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

/** "name file:line:column", the column for a source-map lookup in the minified build. */
export const frameKey = (f: CallFrame): string => `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;

/** A node of V8's sampling heap profile (HeapProfiler.stopSampling). */
export interface SamplingNode {
  callFrame: CallFrame;
  selfSize: number;
  children: SamplingNode[];
}

/** Bytes by allocating function; built-ins (Map#set, Array.from), which say little alone, under their caller. */
export function allocationSites(head: SamplingNode): Map<string, number> {
  const bySite = new Map<string, number>();
  const walk = (n: SamplingNode, caller: string) => {
    const key = frameKey(n.callFrame);
    const site = n.callFrame.url === '' ? `${key} <- ${caller}` : key;
    bySite.set(site, (bySite.get(site) ?? 0) + n.selfSize);
    for (const child of n.children) walk(child, key);
  };
  walk(head, '');
  return bySite;
}

/** V8's CPU profile (Profiler.stop). */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame }>;
  samples: number[];
  timeDeltas: number[];
}

/** Self time in ms by function, (idle) included. */
export function selfTimes(profile: CpuProfile): Map<string, number> {
  const byNode = new Map<number, number>();
  profile.samples.forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  for (const n of profile.nodes) {
    const key = frameKey(n.callFrame);
    byName.set(key, (byName.get(key) ?? 0) + (byNode.get(n.id) ?? 0) / 1000);
  }
  return byName;
}
