/**
 * Which window steps pay for garbage collection: `npx tsx bench/gcScrub.ts [dataset] [dist]
 * [repeats]` runs the bench's scrub (the same plan, passes and dense steps as `npm run
 * bench`) with the page traced for V8's collections only, and prints each step's task time
 * beside the collections inside it (minor: scavenges; major: mark-compact, with the heap
 * before and after), then V8's own account of each major collection on the page's main
 * thread (why it ran, whether to reduce memory, its pause and where the pause went). Uses
 * the build and datasets `npm run bench` left in .cache/bench/.
 *
 * GC_FIRST=1 collects the load's garbage before the scrub; TRACE_FILE=path keeps the trace.
 */
import fs from 'node:fs';
import { measureScrub, openPage } from './browser';
import { withServedApp } from './diagnose';

const datasetFile = process.argv[2] ?? '.cache/bench/synthetic-100000.json';
const dist = process.argv[3] ?? '.cache/bench/app';
const repeats = Number(process.argv[4] ?? 3);

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  id2?: { local?: string };
  args?: { data?: Record<string, unknown>; usedHeapSizeBefore?: number; usedHeapSizeAfter?: number };
}

await withServedApp(datasetFile, dist, async (server, browser) => {
  const opened = await openPage(browser, server.url, { expectLinks: true, timeoutMs: 300_000 });
  const { cdp } = opened;
  // GC_FIRST=1: collect the load's garbage before the scrub (is it what the steps pay for?).
  if (process.env.GC_FIRST) await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: ['blink.user_timing', 'toplevel', 'devtools.timeline', 'disabled-by-default-v8.gc'] },
  });
  const result = await measureScrub(opened, { steps: 30, repeats, denseSteps: 3, labelSteps: true });
  const complete = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  const chunks: Buffer[] = [];
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream!, size: 1 << 20 });
    chunks.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64') : Buffer.from(chunk.data, 'utf8'));
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream! });
  const raw = Buffer.concat(chunks).toString('utf8');
  if (process.env.TRACE_FILE) fs.writeFileSync(process.env.TRACE_FILE, raw);
  const parsed = JSON.parse(raw) as TraceEvent[] | { traceEvents: TraceEvent[] };
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  // The steps: User Timing measures (async begin/end pairs) named "scrub R.I".
  const begins = new Map<string, TraceEvent>();
  const steps: Array<{ label: string; start: number; end: number; pid: number; tid: number }> = [];
  for (const e of events) {
    if (e.cat !== 'blink.user_timing' || !e.name.startsWith('scrub ')) continue;
    const key = `${e.name}|${e.id ?? e.id2?.local ?? ''}`;
    if (e.ph === 'b') begins.set(key, e);
    else if (e.ph === 'e' && begins.has(key)) {
      const b = begins.get(key)!;
      steps.push({ label: e.name, start: b.ts, end: e.ts, pid: b.pid, tid: b.tid });
    }
  }
  steps.sort((a, b) => a.start - b.start);
  const main = steps[0];
  const gcs = events.filter((e) => e.ph === 'X' && (e.name === 'MajorGC' || e.name === 'MinorGC') && main && e.pid === main.pid && e.tid === main.tid);
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && main && e.pid === main.pid && e.tid === main.tid);
  console.log(`${steps.length} steps traced, ${gcs.length} collections on the page's main thread`);
  console.log('step                     ms  task sum  cpu sum  task max  minor ms (n)  major ms (n)  heap MB before→after major');
  for (const s of steps) {
    const inside = (e: TraceEvent) => e.ts >= s.start && e.ts <= s.end;
    const minor = gcs.filter((e) => e.name === 'MinorGC' && inside(e));
    const major = gcs.filter((e) => e.name === 'MajorGC' && inside(e));
    const sum = (list: TraceEvent[]) => list.reduce((a, e) => a + (e.dur ?? 0) / 1000, 0);
    const mine = tasks.filter(inside);
    const longest = Math.max(0, ...mine.map((e) => (e.dur ?? 0) / 1000));
    const taskSum = mine.reduce((a, e) => a + (e.dur ?? 0) / 1000, 0);
    const cpuSum = mine.reduce((a, e) => a + ((e as { tdur?: number }).tdur ?? 0) / 1000, 0);
    const heap = major.map((e) => `${((e.args?.usedHeapSizeBefore ?? 0) / 1e6).toFixed(0)}→${((e.args?.usedHeapSizeAfter ?? 0) / 1e6).toFixed(0)}`).join(' ');
    console.log(`${s.label.padEnd(22)} ${((s.end - s.start) / 1000).toFixed(0).padStart(6)} ${taskSum.toFixed(0).padStart(9)} ${cpuSum.toFixed(0).padStart(8)} ${longest.toFixed(0).padStart(9)} ${sum(minor).toFixed(1).padStart(9)} (${minor.length}) ${sum(major).toFixed(1).padStart(9)} (${major.length})  ${heap}`);
  }
  // V8's summary line of each collection (--trace-gc-nvp, as a trace event): the major ones.
  for (const e of events) {
    if (e.name !== 'V8.GCTraceGCNVP' || !main || e.tid !== main.tid) continue;
    const v = JSON.parse(String((e.args as { value?: string } | undefined)?.value ?? '{}')) as Record<string, number | string | boolean>;
    if (v.gc === 's') continue;
    const mb = (k: string) => (Number(v[k]) / 1e6).toFixed(0);
    const parts = ['evacuate', 'mark', 'sweep', 'finish', 'clear', 'heap.embedder_tracing_epilogue'].filter((k) => Number(v[k]) >= 1).map((k) => `${k} ${Number(v[k]).toFixed(0)}`);
    console.log(`major: ${v.reason}${v.collector_reason ? ` (${v.collector_reason})` : ''}, reduce memory ${v.reduce_memory}, pause ${Number(v.pause).toFixed(0)} ms [${parts.join(', ')}], objects ${mb('start_object_size')}→${mb('end_object_size')} MB, old-generation limit ${mb('old_gen_allocation_limit')}, global ${mb('start_global_consumed_size')}/${mb('global_allocation_limit')} MB`);
  }
  console.log(`cpuNet p95 ${result.cpuNetP95} ms, longest step ${result.maxTask} ms (task), passes ${JSON.stringify(result.passes)}`);
});
