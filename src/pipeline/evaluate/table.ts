/**
 * The evaluation as a plain-text table (and per-article lines) for `npm run eval`.
 */
import type { Meeting } from '../../dataset/schema';
import type { KeyMeeting } from './answerKey';
import type { Scores } from './score';

const pct = (x: number) => x.toFixed(2);

/** The strict figures for the whole set and each half, side by side. */
export function formatStrict(parts: Array<[string, Scores]>): string {
  const rows: Array<[string, (s: Scores) => string]> = [
    ['strict recall', (s) => `${pct(s.strict.recall)} (${s.strict.matched}/${s.keyMeetings})`],
    ['strict precision', (s) => `${pct(s.strict.precision)} (${s.strict.matched}/${s.predictedMeetings})`],
    ['strict recall, primary', (s) => `${pct(s.strict.primaryRecall)} (${s.strict.primaryMatched}/${s.strict.primaryKey})`],
    // Over the lenient matches: over strict ones a wrong date could not be counted at all.
    ['day-exact dates', (s) => `${pct(s.dateExact)} (of ${s.dateExactOf})`],
    ['participants F1', (s) => pct(s.participantsF1)],
    ['lenient recall', (s) => `${pct(s.recall)} (${s.matchedMeetings}/${s.keyMeetings})`],
    ['lenient precision', (s) => `${pct(s.precision)} (${s.matchedMeetings}/${s.predictedMeetings})`],
    ['venue within 50 km', (s) => `${pct(s.venueWithin50)} (of ${s.venueOf})`],
    ['venue median km', (s) => (s.venueMedianKm === null ? 'n/a' : s.venueMedianKm.toFixed(1))],
    // Over matched meetings whose key lists people (the seeds' key; devset additions in data/devset-people.json).
    ['people precision', (s) => (s.people.precision === null ? 'n/a' : `${pct(s.people.precision)} (${s.people.correct}/${s.people.found})`)],
    ['people recall', (s) => (s.people.recall === null ? 'n/a' : `${pct(s.people.recall)} (${s.people.correct}/${s.people.keyed})`)],
    ['people state right', (s) => (s.people.stateAccuracy === null ? 'n/a' : pct(s.people.stateAccuracy))],
  ];
  const cells = rows.map(([name, f]) => [name, ...parts.map(([, s]) => f(s))]);
  const header = ['metric', ...parts.map(([l]) => l)];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `  ${c.map((x, i) => (i === 0 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join('  ')}`;
  return `${[line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n')}\n`;
}

export function formatScores(label: string, s: Scores, verbose: boolean): string {
  const rows: Array<[string, string, string]> = [
    ['meeting recall', pct(s.recall), `${s.matchedMeetings} of ${s.keyMeetings} key meetings found`],
    ['meeting precision', pct(s.precision), `${s.matchedMeetings} of ${s.predictedMeetings} predicted meetings are in the key`],
    ['day-exact dates', pct(s.dateExact), `over ${s.dateExactOf} matched meetings whose key date is a day`],
    ['participants F1', pct(s.participantsF1), 'micro-averaged over matched meetings'],
    ['venue within 50 km', pct(s.venueWithin50), `over ${s.venueOf} matched meetings with a key venue`],
    ['venue median km', s.venueMedianKm === null ? 'n/a' : s.venueMedianKm.toFixed(1), 'predicted vs key venue, where both exist'],
    ['people precision', s.people.precision === null ? 'n/a' : pct(s.people.precision), `${s.people.correct} of ${s.people.found} people found at ${s.people.keyedMeetings} keyed meetings are in the key`],
    ['people recall', s.people.recall === null ? 'n/a' : pct(s.people.recall), `${s.people.correct} of ${s.people.keyed} key people found`],
    ['people state right', s.people.stateAccuracy === null ? 'n/a' : pct(s.people.stateAccuracy), 'of people found whose key gives a state'],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  const lines = [`Evaluation on ${label}`, '', `  ${'metric'.padEnd(w0)}  ${'value'.padStart(w1)}  note`, `  ${'-'.repeat(w0)}  ${'-'.repeat(w1)}  ----`];
  for (const [m, v, n] of rows) lines.push(`  ${m.padEnd(w0)}  ${v.padStart(w1)}  ${n}`);
  lines.push('', '  per article: strict/lenient matched of key (predicted)');
  for (const a of s.articles) {
    const dates = a.pairs.filter((p) => p.dateExact !== null);
    const dateNote = dates.length ? ` dates ${dates.filter((p) => p.dateExact).length}/${dates.length}` : '';
    lines.push(`  ${a.strictPairs.length}/${a.matched}/${a.keyCount} (${a.predictedCount})${dateNote}  ${a.article}`);
    if (!verbose) continue;
    for (const p of a.pairs) {
      const diffs = differences(p.key, p.predicted, p.venueKm);
      const strictOk = a.strictPairs.some((q) => q.predicted === p.predicted && q.key === p.key);
      lines.push(`      ${strictOk ? 'ok  ' : 'LOOSE'} [${p.predicted.id}] ${p.predicted.title}${diffs.length ? `  — ${diffs.join('; ')}` : ''}`);
      if (p.key.people) {
        const got = p.predicted.people.map((x) => `${x.name}/${x.state ?? '?'}`).join(', ') || '-';
        const want = p.key.people.map((x) => `${x.name}/${x.state ?? '?'}`).join(', ') || '-';
        if (got !== want) lines.push(`          people: ${got}  | key: ${want}`);
      }
    }
    for (const k of a.missed) lines.push(`      MISS ${k.kind} ${k.status} ${k.venue_city ?? '?'} ${k.date ?? '?'} ${k.participants_iso3.join(' ')}: "${k.evidence.slice(0, 90)}"`);
    for (const m of a.extra) lines.push(`      EXTRA [${m.id}] ${m.title} ${m.status} ${m.date.start ?? '?'} ${m.participants.join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

function differences(k: KeyMeeting, p: Meeting, km: number | null): string[] {
  const out: string[] = [];
  if (k.date !== (p.date.precision === 'day' ? p.date.start : p.date.start?.slice(0, p.date.precision === 'month' ? 7 : 4) ?? null)) {
    out.push(`date key ${k.date ?? 'null'} got ${p.date.start ?? 'null'}${p.date.precision !== 'day' && p.date.start ? `..${p.date.end} (${p.date.precision})` : ''}`);
  }
  const K = [...k.participants_iso3].sort().join(' ');
  const P = p.participants.join(' ');
  if (K !== P) out.push(`participants key [${K}] got [${P}]`);
  const A = [...k.absent_iso3].sort().join(' ');
  if (A !== p.absent.join(' ')) out.push(`absent key [${A}] got [${p.absent.join(' ')}]`);
  if (k.venue_city === null && p.venuePlaceId !== null) out.push(`venue key null got ${p.venuePlaceId}`);
  else if (k.venue_city !== null && (km === null || km > 50)) out.push(`venue key ${k.venue_city} got ${p.venuePlaceId ?? 'null'}${km !== null ? ` (${Math.round(km)} km)` : ''}`);
  if (k.status !== p.status) out.push(`status key ${k.status} got ${p.status}`);
  if (k.kind !== p.kind) out.push(`kind key ${k.kind} got ${p.kind}`);
  return out;
}
