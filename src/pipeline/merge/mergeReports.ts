/**
 * The merge stage: one meeting reported by several articles becomes one meeting whose
 * sources come from every article. It runs over the meetings extraction found (each article's
 * events already resolved), before curation, so a person can undo a wrong merge (`split`)
 * or force one (`same-as`).
 *
 * Two reports are of the same meeting when nothing contradicts and enough agrees:
 * - same kind of contact (a call is never the same as an in-person meeting), same status
 *   (a cancelled meeting was a planned one);
 * - date windows that overlap (two days no more than `dayTolerance` apart count, and are
 *   listed as a disagreement); a report without a date never joins on parties alone;
 * - venues that are the same city or within `venueKm` (Islamabad and Rawalpindi); a report
 *   that gives none takes the other's;
 * - largely the same participants (at least one shared, and half of all named);
 * - no two different ordinals ("the fifth round" against "the sixth round") and no two
 *   different named formats.
 * Reports from one article are never merged here: extraction already decided them.
 *
 * Fields take the best-supported value: a day beats a week, a week a month; a value given by
 * more reports beats one given by fewer; on a tie, the report published first (nearest the
 * meeting; a later article mentions it in passing), then the first article's. Where reports differ, the
 * meeting keeps the chosen value and lists every value with its quote (`disagreements`).
 *
 * Pure and independent of input order: meetings are sorted by id first, and a cluster's id is
 * the id of its report in the first article, so adding an unrelated article never changes an
 * existing meeting's id or fields.
 */
import type { Disagreement, Meeting } from '../../dataset/schema';
import { haversineKm } from '../places/distance';
import { mergePeople } from '../people/group';

export interface MergeRules {
  venueKm: number;
  dayTolerance: number;
  ordinals: Record<string, number>;
  ordinalNouns: string[];
}

export interface MergeContext {
  /** Coordinates of a place id, for the venue distance. */
  placeOf(id: string): { lon: number; lat: number; name: string } | null;
  /** Merged meeting ids a person split (curation `split`): their reports stay apart. */
  split?: ReadonlySet<string>;
  /** Groups of ids a person says are one meeting (curation `same-as`). */
  sameAs?: ReadonlyArray<readonly string[]>;
  /** An article's publication date: on a tie, the report written nearest the meeting wins. */
  publishedOf?(file: string): string | null;
}

export interface MergeRecord {
  id: string;
  /** The ids of the reports merged, in file order. */
  members: string[];
  files: string[];
  forced: boolean;
}

export interface MergeResult {
  meetings: Meeting[];
  merges: MergeRecord[];
}

const PRECISION_RANK = { day: 0, week: 1, month: 2, year: 3, unknown: 4 } as const;
const DAY_MS = 86_400_000;

export function mergeReports(input: readonly Meeting[], rules: MergeRules, ctx: MergeContext): MergeResult {
  const meetings = [...input].sort(byFirstSource);
  const ordinalOf = ordinalReader(rules);
  const clusters: Meeting[][] = [];
  const forcedClusters = new Set<Meeting[]>();
  const clusterOf = new Map<string, Meeting[]>();

  // A person's same-as first: those reports are one meeting whatever the rules say.
  for (const ids of ctx.sameAs ?? []) {
    const members = meetings.filter((m) => ids.includes(m.id) && !clusterOf.has(m.id));
    if (members.length < 2) continue;
    clusters.push(members);
    forcedClusters.add(members);
    for (const m of members) clusterOf.set(m.id, members);
  }
  for (const m of meetings) {
    if (clusterOf.has(m.id)) continue;
    // Complete linkage: a report joins a cluster only if it is the same meeting as every member.
    const home = clusters.find((c) => !forcedClusters.has(c) && c.every((x) => sameMeeting(x, m, rules, ctx, ordinalOf)));
    if (home) home.push(m);
    else clusters.push([m]);
    clusterOf.set(m.id, home ?? clusters.at(-1)!);
  }

  const out: Meeting[] = [];
  const merges: MergeRecord[] = [];
  for (const c of clusters) {
    const members = [...c].sort(byFirstSource);
    if (members.length === 1 || (ctx.split?.has(members[0]!.id) && !forcedClusters.has(c))) {
      out.push(...members);
      continue;
    }
    const merged = combine(members, ctx);
    out.push(merged);
    merges.push({ id: merged.id, members: members.map((m) => m.id), files: [...new Set(members.map((m) => m.sources[0]!.file))], forced: forcedClusters.has(c) });
  }
  return { meetings: out.sort(byFirstSource), merges };
}

function byFirstSource(a: Meeting, b: Meeting): number {
  const fa = a.sources[0]!;
  const fb = b.sources[0]!;
  return fa.file.localeCompare(fb.file) || fa.start - fb.start || a.id.localeCompare(b.id);
}

const filesOf = (m: Meeting) => new Set(m.sources.map((s) => s.file));

/** Whether two reports from different articles are of the same meeting (see the file comment). */
export function sameMeeting(a: Meeting, b: Meeting, rules: MergeRules, ctx: MergeContext, ordinalOf = ordinalReader(rules)): boolean {
  for (const f of filesOf(a)) if (filesOf(b).has(f)) return false;
  if ((a.kind === 'call') !== (b.kind === 'call')) return false;
  const statuses = new Set([a.status, b.status]);
  if (statuses.size > 1 && !(statuses.has('planned') && statuses.has('cancelled'))) return false;
  if (!datesAgree(a, b, rules)) return false;
  if (!venuesAgree(a, b, rules, ctx)) return false;
  const shared = a.participants.filter((c) => b.participants.includes(c)).length;
  const all = new Set([...a.participants, ...b.participants]).size;
  if (shared === 0 || shared / all < 0.5) return false;
  const oa = ordinalOf(a);
  const ob = ordinalOf(b);
  if (oa !== null && ob !== null && oa !== ob) return false;
  const ga = new Set((a.groups ?? []).map((g) => g.name));
  const gb = (b.groups ?? []).map((g) => g.name);
  if (ga.size && gb.length && !gb.some((g) => ga.has(g))) return false;
  return true;
}

function datesAgree(a: Meeting, b: Meeting, rules: MergeRules): boolean {
  const A = a.date;
  const B = b.date;
  if (!A.start || !A.end || !B.start || !B.end) return false;
  const gap = Math.max(Date.parse(A.start) - Date.parse(B.end), Date.parse(B.start) - Date.parse(A.end)) / DAY_MS;
  return gap <= (A.precision === 'day' && B.precision === 'day' ? rules.dayTolerance : 0);
}

function venuesAgree(a: Meeting, b: Meeting, rules: MergeRules, ctx: MergeContext): boolean {
  if (a.venuePlaceId === null || b.venuePlaceId === null || a.venuePlaceId === b.venuePlaceId) return true;
  const pa = ctx.placeOf(a.venuePlaceId);
  const pb = ctx.placeOf(b.venuePlaceId);
  return !!pa && !!pb && haversineKm(pa, pb) <= rules.venueKm;
}


/** The ordinal a report gives its meeting ("the sixth round" → 6), or null. */
function ordinalReader(rules: MergeRules): (m: Meeting) => number | null {
  const words = Object.keys(rules.ordinals).join('|');
  const re = new RegExp(String.raw`\b(${words}|\d{1,2}(?:st|nd|rd|th))\s+(?:[\p{L}-]+\s+){0,4}?(?:${rules.ordinalNouns.join('|')})\b`, 'iu');
  return (m) => {
    for (const s of m.sources) {
      const hit = re.exec(s.quote);
      if (!hit) continue;
      const w = hit[1]!.toLowerCase();
      return rules.ordinals[w] ?? Number.parseInt(w, 10);
    }
    return null;
  };
}

/** One meeting from its reports (members sorted by file), by the precedence in the file comment. */
function combine(members: Meeting[], ctx: MergeContext): Meeting {
  const first = members[0]!;
  const disagreements: Disagreement[] = [];
  const quoteOf = (m: Meeting) => m.sources[0]!.quote;

  // Date: the finest precision; among those, the value most reports give, then the first article's.
  const finest = Math.min(...members.map((m) => PRECISION_RANK[m.date.precision]));
  const dated = members.filter((m) => PRECISION_RANK[m.date.precision] === finest);
  const dateKey = (m: Meeting) => `${m.date.start}..${m.date.end}`;
  const date = mostGiven(dated, dateKey, ctx).date;
  const dayValues = members.filter((m) => m.date.precision === 'day');
  if (new Set(dayValues.map(dateKey)).size > 1) {
    disagreements.push({ field: 'date', chosen: date.start!, values: dayValues.map((m) => ({ value: m.date.start!, file: m.sources[0]!.file, quote: quoteOf(m) })) });
  }

  // Venue: the city most reports give, then the first article's.
  const withVenue = members.filter((m) => m.venuePlaceId !== null);
  const venuePlaceId = withVenue.length ? mostGiven(withVenue, (m) => m.venuePlaceId!, ctx).venuePlaceId : null;
  if (new Set(withVenue.map((m) => m.venuePlaceId)).size > 1) {
    const name = (id: string) => ctx.placeOf(id)?.name ?? id;
    disagreements.push({ field: 'venue', chosen: name(venuePlaceId!), values: withVenue.map((m) => ({ value: name(m.venuePlaceId!), file: m.sources[0]!.file, quote: quoteOf(m) })) });
  }

  const absent = union(members.map((m) => m.absent));
  const participants = union(members.map((m) => m.participants)).filter((c) => !absent.includes(c));
  const widest = [...members].sort((a, b) => b.participants.length - a.participants.length)[0]!;
  const groups = new Map((members.flatMap((m) => m.groups ?? [])).map((g) => [g.name, g]));
  const curated = union(members.map((m) => m.curated ?? []));
  const merged: Meeting = {
    id: first.id,
    title: widest.title,
    kind: participants.length >= 4 ? 'multilateral' : participants.length === 3 && widest.kind !== 'call' ? 'trilateral' : widest.kind,
    status: members.some((m) => m.status === 'cancelled') ? 'cancelled' : first.status,
    date,
    venuePlaceId: first.kind === 'call' ? null : venuePlaceId,
    participants,
    absent,
    organizations: union(members.map((m) => m.organizations)),
    topics: union(members.map((m) => m.topics)),
    people: mergePeople(members.map((m) => m.people)),
    confidence: Math.round(Math.min(0.99, Math.max(...members.map((m) => m.confidence)) + 0.05 * (members.length - 1)) * 100) / 100,
    sources: members.flatMap((m) => m.sources).sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start),
  };
  if (groups.size) merged.groups = [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
  if (members.some((m) => m.primary)) merged.primary = true;
  else if (members.some((m) => m.primary === false)) merged.primary = false;
  if (curated.length) merged.curated = curated;
  if (disagreements.length) merged.disagreements = disagreements;
  return merged;
}

/** The member whose value most members share; ties go to the report published first, then the first article's. */
function mostGiven(members: Meeting[], key: (m: Meeting) => string, ctx: MergeContext): Meeting {
  const counts = new Map<string, number>();
  for (const m of members) counts.set(key(m), (counts.get(key(m)) ?? 0) + 1);
  const published = (m: Meeting) => ctx.publishedOf?.(m.sources[0]!.file) ?? '9999-12-31';
  let best = members[0]!;
  for (const m of members) {
    const more = counts.get(key(m))! - counts.get(key(best))!;
    if (more > 0 || (more === 0 && published(m) < published(best))) best = m;
  }
  return best;
}

function union(lists: string[][]): string[] {
  return [...new Set(lists.flat())].sort();
}
