/**
 * The review report (`npm run data -- --report`): each meeting with its id, date, venue,
 * participants, status, confidence, evidence and the rules that fired; fields that came
 * from curation are marked with "*"; then warnings, then everything skipped and why.
 */
import type { Dataset, Meeting } from '../../dataset/schema';
import type { MergeRecord } from '../merge/mergeReports';
import type { Warning } from './inputs';
import type { Skipped } from './dataset';

export function formatWarning(w: Warning): string {
  return `${w.file}${w.where ? ` (${w.where})` : ''}: ${w.message}`;
}

function dateText(m: Meeting): string {
  const d = m.date;
  if (d.start === null) return 'date unknown';
  if (d.precision === 'day') return d.start;
  return `${d.start}..${d.end} (${d.precision})`;
}

export function formatReport(dataset: Dataset, warnings: Warning[], skipped: Skipped[], why: Map<string, string[]>, merges: readonly MergeRecord[] = []): string {
  const lines: string[] = [];
  lines.push(`${dataset.meetings.length} meetings from ${dataset.sources.length} articles (${dataset.places.length} places, ${dataset.states.length} states)`);
  lines.push('Fields marked * come from data/curation.json.');
  lines.push(...formatMeetings(dataset, dataset.meetings, why));
  lines.push('', `== Merged reports (${merges.length}): undo one with { "split": "<id>", "note", "source" } in data/curation.json, force one with { "same-as": ["<id>", "<id>"], ... }`);
  for (const r of merges) {
    lines.push(`  [${r.id}]${r.forced ? ' (same-as)' : ''} ${r.members.join(' + ')}  from ${r.files.join(', ')}`);
    const m = dataset.meetings.find((x) => x.id === r.id);
    for (const d of m?.disagreements ?? []) {
      lines.push(`    ${d.field} disagrees, kept ${d.chosen}: ${d.values.map((v) => `${v.value} (${v.file}: "${oneLine(v.quote)}")`).join(' / ')}`);
    }
  }
  lines.push('', `== Warnings (${warnings.length})`);
  for (const w of warnings) lines.push(`  ${formatWarning(w)}`);
  lines.push('', `== Skipped (${skipped.length})`);
  for (const s of skipped) lines.push(`  ${s.file}: ${s.what} — ${s.reason}`);
  return `${lines.join('\n')}\n`;
}

/** The review lines of some meetings, under a heading per article (`npm run add` prints those of the new one). */
export function formatMeetings(dataset: Dataset, meetings: readonly Meeting[], why: Map<string, string[]>): string[] {
  const places = new Map(dataset.places.map((p) => [p.id, p]));
  const lines: string[] = [];
  const mark = (m: Meeting, field: string) => (m.curated?.includes(field) ? '*' : '');
  let file = '';
  for (const m of meetings) {
    const f = m.sources[0]!.file;
    if (f !== file) {
      file = f;
      const src = dataset.sources.find((s) => s.file === f);
      lines.push('', `== ${f}  (${[src?.outlet, `published ${src?.published ?? 'unknown'}`].filter(Boolean).join(', ')})`);
    }
    const venue = m.venuePlaceId ? places.get(m.venuePlaceId) : null;
    lines.push(
      '',
      `  [${m.id}] ${m.title}${mark(m, 'title')}`,
      `    ${m.status}${mark(m, 'status')} · ${m.kind}${mark(m, 'kind')} · ${dateText(m)}${mark(m, 'date')} · venue ${venue ? `${venue.name} (${venue.countryIso3})` : m.kind === 'call' ? 'none (call)' : 'unknown'}${mark(m, 'venuePlaceId')} · confidence ${m.confidence.toFixed(2)}${m.primary ? ' · primary' : ''}`,
      `    participants: ${m.participants.join(' ') || '(none named)'}${mark(m, 'participants')}${m.absent.length ? `   absent: ${m.absent.join(' ')}${mark(m, 'absent')}` : ''}`,
    );
    if (m.groups?.length) lines.push(`    groups: ${m.groups.map((g) => `${g.name} [${g.members.join(' ')}] (${g.source})`).join('; ')}`);
    if (m.organizations.length) lines.push(`    organisations: ${m.organizations.join(', ')}`);
    if (m.topics.length) lines.push(`    topics: ${m.topics.join(', ')}`);
    for (const s of m.sources) lines.push(`    > ${s.file}:${s.start}-${s.end} "${oneLine(s.quote)}"`);
    for (const d of m.disagreements ?? []) lines.push(`    ! reports differ on the ${d.field}: ${d.values.map((v) => `${v.value} (${v.file})`).join(' / ')}; kept ${d.chosen}`);
    const rules = why.get(m.id);
    if (rules?.length) lines.push(`    why: ${rules.join(' | ')}`);
  }
  return lines;
}

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, ' ');
  return t.length > 160 ? `${t.slice(0, 157)}...` : t;
}
