/**
 * The answer-key format of the development set (../shared/devset/README.md), also used for
 * the seeds' own key in data/seed-answers.json.
 */
import * as z from 'zod/mini';
import { describeIssues } from '../../dataset/schema';

const Iso3 = z.string().check(z.regex(/^[A-Z]{3}$/, 'expected an ISO3 code such as PAK'));

export const KeyMeeting = z.object({
  venue_city: z.nullable(z.string()),
  venue_country_iso3: z.nullable(Iso3),
  /** YYYY-MM-DD, YYYY-MM or YYYY at the precision the text supports. */
  date: z.nullable(z.string().check(z.regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD'))),
  participants_iso3: z.array(Iso3),
  absent_iso3: z.array(Iso3),
  participant_orgs: z.array(z.string()),
  kind: z.enum(['bilateral', 'trilateral', 'multilateral', 'call']),
  status: z.enum(['held', 'planned', 'cancelled']),
  primary: z.boolean(),
  evidence: z.string(),
  notes: z.optional(z.string()),
  /**
   * The people at the table, where someone keyed them (data/seed-answers.json; the
   * development set's additions live in data/devset-people.json). Absent: not keyed.
   */
  people: z.optional(z.array(z.object({ name: z.string(), state: z.nullable(Iso3) }))),
});
export type KeyMeeting = z.infer<typeof KeyMeeting>;

export const AnswerKey = z.array(z.object({ article: z.string(), meetings: z.array(KeyMeeting) }));
export type AnswerKey = z.infer<typeof AnswerKey>;

export function parseAnswerKey(json: unknown, label: string): AnswerKey {
  const r = AnswerKey.safeParse(json);
  if (!r.success) throw new Error(`${label} is not a valid answer key:\n  ${describeIssues(r.error).join('\n  ')}`);
  return r.data;
}

/** The first and last day a key date covers ("2023-02" → 2023-02-01..2023-02-28). */
export function keyDateWindow(date: string): { start: string; end: string; precision: 'day' | 'month' | 'year' } {
  if (date.length === 10) return { start: date, end: date, precision: 'day' };
  if (date.length === 7) {
    const [y, m] = date.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { start: `${date}-01`, end: `${date}-${String(last).padStart(2, '0')}`, precision: 'month' };
  }
  return { start: `${date}-01-01`, end: `${date}-12-31`, precision: 'year' };
}

/**
 * People added to another key (the development set's is read-only): by article and the key
 * meeting's evidence quote.
 */
export const PeopleAdditions = z.array(
  z.object({
    article: z.string(),
    evidence: z.string(),
    people: z.array(z.object({ name: z.string(), state: z.nullable(Iso3) })),
    notes: z.optional(z.string()),
  }),
);

/** The key with people added from `additions`; an addition that matches no key meeting is an error naming it. */
export function withPeople(key: AnswerKey, json: unknown, label: string): AnswerKey {
  const r = PeopleAdditions.safeParse(json);
  if (!r.success) throw new Error(`${label} is not valid:\n  ${describeIssues(r.error).join('\n  ')}`);
  const out: AnswerKey = key.map((a) => ({ ...a, meetings: a.meetings.map((m) => ({ ...m })) }));
  for (const add of r.data) {
    const m = out.find((a) => a.article === add.article)?.meetings.find((k) => k.evidence === add.evidence);
    if (!m) throw new Error(`${label}: no key meeting in ${add.article} has the evidence "${add.evidence.slice(0, 60)}"`);
    m.people = add.people;
  }
  return out;
}
