import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, Meeting } from '../../dataset/schema';
import { LEXICON_FILE, loadPersonWords, REPO_ROOT, runPipeline, TOPICS_FILE } from '../build/dataset';
import { parseLexicon } from './lexicon';
import { loadGazetteer } from '../places/gazetteer';
import { analyzeFile } from './analyze';
import { extractMeetings } from './meetings';
import { compileTopics } from './topics';
import type { ExtractedMeeting } from './types';

const SEEDS = join(REPO_ROOT, 'seeds');
let dataset: Dataset;
let texts: Map<string, string>;

beforeAll(() => {
  const r = runPipeline({ seedsDir: SEEDS, curationPath: null });
  dataset = r.dataset;
  texts = r.texts;
}, 120_000);

function meetingsOf(file: string): Meeting[] {
  return dataset.meetings.filter((m) => m.sources[0]!.file.startsWith(file));
}
/** The meeting whose evidence contains the words. */
function find(file: string, words: string): Meeting {
  const m = meetingsOf(file).find((x) => x.sources.some((s) => s.quote.includes(words)));
  if (!m) throw new Error(`no meeting in ${file} with evidence "${words}"`);
  return m;
}

/** Extraction alone on a made-up article (real text stages, no files). */
function extract(text: string, published: string | null): ExtractedMeeting[] {
  const gazetteer = loadGazetteer();
  const topics = compileTopics(JSON.parse(readFileSync(TOPICS_FILE, 'utf8')));
  const { articles } = analyzeFile('test.txt', text, published, gazetteer);
  const lexicon = parseLexicon(JSON.parse(readFileSync(LEXICON_FILE, 'utf8')));
  return articles.flatMap((a) => extractMeetings(a, { topics, lexicon, personWords: loadPersonWords(), stateName: (c) => gazetteer.stateName(c) ?? c, capitalOf: (c) => gazetteer.capitalOf(c) }));
}

describe('meetings in the seeds', () => {
  it('000: the two-day Kabul conference, with the five Central Asian states, and the four absent neighbours', () => {
    const m = find('000_', 'Regional Conference on Campaign Against Terrorism');
    expect(m.title).toBe('Regional Conference on Campaign Against Terrorism');
    expect(m.venuePlaceId).toBe('kabul');
    expect(m.status).toBe('held');
    expect(m.kind).toBe('multilateral');
    expect(m.participants).toEqual(['AFG', 'AZE', 'KAZ', 'KGZ', 'PAK', 'TJK', 'TKM', 'USA', 'UZB']);
    expect(m.absent).toEqual(['CHN', 'IND', 'IRN', 'RUS']);
    // No publication date in the file: "earlier this week" stays unknown.
    expect(m.date).toEqual({ start: null, end: null, precision: 'unknown' });
    // "during the meeting", "this meeting" later in the article are the same meeting.
    expect(m.sources.length).toBeGreaterThanOrEqual(3);
  });

  it('000: the second article of the file, the Prime Minister and China’s ambassador in Islamabad', () => {
    const m = find('000_', 'meeting with China’s ambassador in Islamabad');
    expect(m.venuePlaceId).toBe('islamabad');
    expect(m.participants).toEqual(['CHN', 'PAK']);
    expect(m.topics).toContain('CPEC');
  });

  it('001: Spanta–Aziz talks on Thursday, the planned July 3 meeting, and the two meetings of the visit', () => {
    const talks = find('001_', 'high-level talks in Islamabad on Thursday');
    expect(talks).toMatchObject({ venuePlaceId: 'islamabad', status: 'held', participants: ['AFG', 'PAK'], date: { start: '2014-06-26', precision: 'day' } });
    const planned = find('001_', 'agreed to hold a meeting');
    expect(planned).toMatchObject({ venuePlaceId: 'islamabad', status: 'planned', date: { start: '2014-07-03', end: '2014-07-03' } });
    const callOn = find('001_', 'also called Prime Minister Nawaz Sharif');
    expect(callOn.kind).not.toBe('call'); // a courtesy call in person, not a telephone call
    expect(callOn.participants).toEqual(['AFG', 'PAK']);
    expect(find('001_', 'Raheel Sharif').participants).toEqual(['AFG', 'PAK']);
    expect(meetingsOf('001_')).toHaveLength(4);
  });

  it('002: Naqvi–Haqqani in Kabul on Sunday, the UAP signing on Thursday, Dar’s call-on earlier that week', () => {
    const m = find('002_', 'Mohsin Naqvi and his Afghan counterpart');
    expect(m).toMatchObject({ venuePlaceId: 'kabul', participants: ['AFG', 'PAK'], date: { start: '2025-07-20', precision: 'day' } });
    expect(m.topics).toEqual(expect.arrayContaining(['TTP', 'Border management', 'Drug trafficking'].filter((t) => m.topics.includes(t))));
    const signing = find('002_', 'Framework Agreement');
    expect(signing).toMatchObject({ venuePlaceId: 'kabul', kind: 'trilateral', participants: ['AFG', 'PAK', 'UZB'], date: { start: '2025-07-17' } });
    const dar = find('002_', 'During this visit, Dar called on');
    expect(dar.sources.some((s) => s.quote.includes('Ishaq Dar visited Kabul'))).toBe(true); // merged with the visit
    expect(dar).toMatchObject({ venuePlaceId: 'kabul', participants: ['AFG', 'PAK'], date: { precision: 'week', end: '2025-07-20' } });
    expect(dar.id).not.toBe(m.id);
  });

  it('002: the people at each table, with their roles and states, and the heads in the title', () => {
    const m = find('002_', 'Mohsin Naqvi and his Afghan counterpart');
    expect(m.title).toBe('Naqvi–Haqqani talks');
    expect(m.people.map((p) => [p.name, p.role, p.state])).toEqual([
      ['Mohsin Naqvi', 'Interior Minister', 'PAK'],
      ['Sirajuddin Haqqani', 'Acting Interior Minister', 'AFG'],
      ['Ibrahim Sardar', 'Senior Deputy Interior Minister', 'AFG'],
      ['Mohammad Sadiq', 'Special Representative for Afghanistan', 'PAK'],
      ['Khurram Agha', 'Federal Secretary for Interior', 'PAK'],
    ]);
    for (const p of m.people) expect(texts.get(p.evidence.file)!.slice(p.evidence.start, p.evidence.end)).toBe(p.evidence.quote);
    // The analyst quoted on the visit is not at the table.
    expect(dataset.meetings.flatMap((x) => x.people).some((p) => p.name.includes('Syed Muhammad Ali'))).toBe(false);
    expect(find('002_', 'During this visit, Dar called on').people.map((p) => p.name)).toEqual(['Ishaq Dar', 'Sirajuddin Haqqani']);
  });

  it('003: the US–Pakistan dialogue in Washington on May 10, reported three ways, is one meeting', () => {
    const all = meetingsOf('003_');
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ venuePlaceId: 'washington', participants: ['PAK', 'USA'], status: 'held', date: { start: '2024-05-10', precision: 'day' } });
    expect(all[0]!.sources.length).toBeGreaterThanOrEqual(3);
  });

  it('004: Jilani–Qomi in Islamabad on Monday, the fifth Moscow Format round in Kazan last September', () => {
    const jilani = find('004_', 'while talking to Iran’s Special Representative');
    expect(jilani).toMatchObject({ venuePlaceId: 'islamabad', participants: ['IRN', 'PAK'], date: { start: '2024-01-15' } });
    expect(jilani.sources.some((s) => s.quote.startsWith('Mr Jilani, in his meeting'))).toBe(true);
    const kazan = find('004_', 'Moscow Format Consultations');
    expect(kazan).toMatchObject({ venuePlaceId: 'kazan', kind: 'multilateral', participants: ['RUS'], date: { start: '2023-09-01', end: '2023-09-30', precision: 'month' } });
    expect(kazan.groups?.map((g) => g.name)).toEqual(['Moscow Format']);
    expect(kazan.sources.some((s) => s.quote.startsWith('The meeting in Kazan'))).toBe(true);
    const qomi = find('004_', 'Ambassador Qomi held extensive talks');
    expect(qomi).toMatchObject({ participants: ['IRN', 'PAK'], venuePlaceId: null });
  });

  it('never takes a fact from comments, link lists or other page clutter, and every quote is the file’s text', () => {
    for (const m of dataset.meetings) {
      for (const s of m.sources) {
        const text = texts.get(s.file)!;
        expect(text.slice(s.start, s.end)).toBe(s.quote);
        expect(s.quote).not.toMatch(/Reply|COMMENTS|Merging for what|Post a comment|icon-facebook/);
      }
    }
    // The comment thread of 001 talks of India and the US; neither is a participant there.
    for (const m of meetingsOf('001_')) expect(m.participants).not.toContain('IND');
  });
});

describe('rules on made-up text', () => {
  it('a telephone conversation is a call with no venue', () => {
    const [m] = extract('ISLAMABAD: Prime Minister Imran Khan held a telephone conversation with Russian President Vladimir Putin in Islamabad on Tuesday.', '2021-09-14');
    expect(m).toMatchObject({ kind: 'call', venue: null, participants: ['PAK', 'RUS'] });
  });

  it('called off and postponed meetings are cancelled; "will host" and "next week" ones planned', () => {
    const [cancelled] = extract('Pakistan and Afghanistan called off the talks planned in Kabul on Monday.', '2023-05-10');
    expect(cancelled?.status).toBe('cancelled');
    const [planned] = extract('Russia will host a meeting of the security council secretaries of India and China in Moscow next week.', '2023-02-03');
    expect(planned).toMatchObject({ status: 'planned', venue: { name: 'Moscow' } });
    expect(planned!.date.precision).toBe('week');
  });

  it('two meetings in one sentence stay two; one meeting told twice is one', () => {
    const two = extract('Ajit Doval of India will on Tuesday hold bilateral talks with his counterparts Uzbekistan and Tajikistan in New Delhi.', '2021-11-08');
    expect(two.map((m) => m.participants)).toEqual([['IND', 'UZB'], ['IND', 'TJK']]);
    const one = extract('Iran and Pakistan held talks in Tehran on Monday. During the talks, the two sides discussed border security.', '2024-01-16');
    expect(one).toHaveLength(1);
    expect(one[0]!.sources).toHaveLength(2);
    expect(one[0]!.topics).toContain('Border management');
  });

  it('states that stay away are absent, never participants', () => {
    const [m] = extract('China said it will not attend the regional security dialogue hosted by India in New Delhi on November 10.', '2021-11-08');
    expect(m).toMatchObject({ participants: ['IND'], absent: ['CHN'], status: 'planned' });
  });

  it('an appeal ("called on the Taliban to ...") and an invitation to visit are not meetings', () => {
    expect(extract('Regional countries called on the Taliban administration to take effective measures against terrorist groups.', '2024-01-16')).toEqual([]);
    expect(extract('The Prime Minister reiterated his invitation to President Putin to visit Pakistan.', '2021-09-14')).toEqual([]);
  });
});

describe('events resolved over the whole document (made-up articles)', () => {
  it('headline, lead and a later detail are one event: the detail gives the venue and day', () => {
    const text = [
      'Tajikistan and Uzbekistan hold border security talks',
      '',
      'Tajikistan and Uzbekistan held talks on border security and drug trafficking, officials said.',
      '',
      'The talks between the interior ministers of Tajikistan and Uzbekistan took place in Samarkand on Monday.',
      '',
    ].join('\n');
    const meetings = extract(text, '2024-03-13');
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ venue: { name: 'Samarkand' }, participants: ['TJK', 'UZB'], status: 'held', primary: true });
    expect(meetings[0]!.date).toMatchObject({ start: '2024-03-11', precision: 'day' });
    expect(meetings[0]!.sources.length).toBeGreaterThanOrEqual(3);
  });

  it('"also met" and "Earlier, ..." are meetings of their own, even with the same parties', () => {
    const text = [
      'KABUL: Pakistan’s interior minister met his Afghan counterpart in Kabul on Sunday.',
      'The minister also met Afghanistan’s acting foreign minister.',
      'Earlier, the Pakistani ambassador held talks with Afghan officials.',
    ].join(' ');
    const meetings = extract(text, '2025-07-20');
    expect(meetings).toHaveLength(3);
    expect(meetings.every((m) => m.participants.join() === 'AFG,PAK')).toBe(true);
  });

  it('a mention that names no party, place or date adds to the event before it', () => {
    const text = 'Iran and Pakistan held talks in Tehran on Monday. The meeting lasted three hours. It focused on border security.';
    const meetings = extract(text, '2024-01-16');
    expect(meetings).toHaveLength(1);
    expect(meetings[0]!.sources.length).toBeGreaterThanOrEqual(2);
  });

  it('the dateline is an implied venue that a stated one replaces', () => {
    const text = 'ISLAMABAD: Pakistan and China held talks on Tuesday, officials said. The talks took place in Beijing.';
    const [m] = extract(text, '2024-05-15');
    expect(m).toMatchObject({ venue: { name: 'Beijing' } });
  });

  it('a passing mention of another round, with its own date and city, stays its own meeting', () => {
    const text = [
      'MOSCOW: Russia will host the next round of consultations on Afghanistan in Moscow next week.',
      'On May 27, 2022, a fourth round of consultations on Afghanistan was held in Dushanbe.',
    ].join(' ');
    const meetings = extract(text, '2023-02-03');
    expect(meetings.map((m) => [m.venue?.name, m.status])).toEqual([
      ['Moscow', 'planned'],
      ['Dushanbe', 'held'],
    ]);
  });

  it('a trip and the meetings it holds: the meeting takes the trip\'s city and days, the trip is no meeting of its own', () => {
    const text = [
      'The Uzbek foreign minister will travel to Islamabad, Pakistan, on March 25-27.',
      'He will meet with Pakistan’s prime minister and the army chief.',
    ].join(' ');
    const meetings = extract(text, '2024-03-20');
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ status: 'planned', venue: { name: 'Islamabad' }, participants: ['PAK', 'UZB'] });
    expect(meetings[0]!.date).toMatchObject({ start: '2024-03-25', end: '2024-03-27' });
  });

  it('talks going on as the article is written are held, in the week of publication', () => {
    const text = 'Pakistan’s foreign minister met a delegation of Afghan officials on Thursday. The US envoy is also in Islamabad and holding talks with Pakistani officials, the embassy confirmed on Wednesday.';
    const m = extract(text, '2019-10-03').find((x) => x.participants.includes('USA'));
    expect(m).toMatchObject({ status: 'held', venue: { name: 'Islamabad' } });
    expect(m!.date).toMatchObject({ start: '2019-09-30', end: '2019-10-06', precision: 'week' });
  });

  it('a verb in the future ("will then lead") plans the meeting its object names', () => {
    const [m] = extract('The under secretary will then lead the US delegation to the regional conference in Tashkent.', '2018-03-20');
    expect(m?.status).toBe('planned');
  });
});

describe('meeting kinds agree with their sides (the whole seed dataset)', () => {
  it('two sides bilateral, three trilateral, more multilateral; fewer named only with a group or count in the text', async () => {
    const { MORE_SIDES_SAID } = await import('./fields');
    const checked = dataset.meetings.filter((m) => m.kind !== 'call');
    expect(checked.length).toBeGreaterThan(5);
    for (const m of checked) {
      const sides = m.participants.length + m.organizations.filter((o) => !(o === 'Taliban' && m.participants.includes('AFG'))).length;
      const named = new Set(m.participants).size;
      const saysMore = (m.groups?.length ?? 0) > 0 || m.sources.some((s) => MORE_SIDES_SAID.test(s.quote));
      if (m.kind === 'bilateral') expect(named, m.id).toBeLessThanOrEqual(2);
      if (m.kind === 'trilateral') expect(named === 3 || (sides < 3 && named < 2), m.id).toBe(true);
      if (m.kind === 'multilateral') expect(named >= 4 || saysMore, m.id).toBe(true);
    }
  });
});

describe('shapes of news English that unseen articles use (made-up text)', () => {
  it('"<City> hosted the meeting", and the participants listed in the next sentence', () => {
    const text = 'Tashkent hosted the meeting of special envoys on Afghanistan on Tuesday. Envoys and senior officials from China, Russia, Pakistan and Iran attended the talks.';
    const meetings = extract(text, '2024-03-13');
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ venue: { name: 'Tashkent' }, kind: 'multilateral', date: { start: '2024-03-12' } });
    expect(meetings[0]!.participants).toEqual(expect.arrayContaining(['CHN', 'IRN', 'PAK', 'RUS']));
  });

  it('a dateline "CITY [Country], Month D:" gives the venue and, for a meeting held, the day', () => {
    const [m] = extract('ASTANA [Kazakhstan], March 5: Kazakhstan and Afghanistan held talks on trade and security, the foreign ministry said.\n', '2024-03-06');
    expect(m).toMatchObject({ venue: { name: 'Astana' }, status: 'held', date: { start: '2024-03-05', precision: 'day' } });
  });

  it('"will be held today under the chairmanship of" is planned on the publication day; delegations listed by official names take part', () => {
    const text = "The sixth round of the trilateral dialogue will be held today under the chairmanship of China's foreign minister. Delegations of the competent bodies of the Republic of Tajikistan, the Islamic Republic of Pakistan and the People's Republic of China take part.";
    const [m] = extract(text, '2024-03-12');
    expect(m).toMatchObject({ status: 'planned', date: { start: '2024-03-12' }, participants: ['CHN', 'PAK', 'TJK'], kind: 'trilateral' });
  });

  it('an event named only as one a party "could not attend" is no meeting; the talks held instead are', () => {
    const text = 'The Afghan foreign minister could not attend the summit in Moscow on Friday, officials said. Pakistan and Iran held talks on the border instead in Islamabad on Friday.';
    const meetings = extract(text, '2024-03-12');
    expect(meetings.map((m) => m.venue?.name)).toEqual(['Islamabad']);
  });

  it('"later on Tuesday night" in Tuesday\'s paper is that day; "The next day, 13 March" another meeting', () => {
    const text = 'ISLAMABAD: The interior ministers of Pakistan and Afghanistan will meet later on Tuesday night in Kabul, officials said. The next day, 13 March, the two sides will sign a border agreement.';
    const meetings = extract(text, '2024-03-12');
    expect(meetings.map((m) => [m.date.start, m.status, m.venue?.name ?? null])).toEqual([
      ['2024-03-12', 'planned', 'Kabul'],
      ['2024-03-13', 'planned', null],
    ]);
  });
});

describe('a meeting on the sidelines of another (made-up text)', () => {
  it('gives two meetings: the side meeting (bilateral) and the summit (the format\'s), same place and day', () => {
    const meetings = extract('Pakistan’s army chief met the Chinese defence minister on the sidelines of the SCO summit in Astana on Thursday.', '2024-03-18');
    expect(meetings.map((m) => [m.kind, m.venue?.name, m.date.start])).toEqual([
      ['bilateral', 'Astana', '2024-03-14'],
      ['multilateral', 'Astana', '2024-03-14'],
    ]);
    expect(meetings[0]!.groups).toEqual([]);
    expect(meetings[1]!.title).toBe('SCO summit');
  });
});

describe('one sentence, a meeting with each counterpart (made-up text)', () => {
  it('"met with the top diplomats of A and B" is two meetings; "The meetings in <City>" gives both their city; the agenda is no party', () => {
    const text = 'The US secretary of state met with the top diplomats of Kazakhstan and Kyrgyzstan on May 3, with Afghanistan high on the agenda. The meetings in Washington focused on regional security.';
    const meetings = extract(text, '2024-05-04');
    expect(meetings.map((m) => [m.participants.join(' '), m.venue?.name, m.date.start])).toEqual([
      ['KAZ USA', 'Washington', '2024-05-03'],
      ['KGZ USA', 'Washington', '2024-05-03'],
    ]);
  });
});

describe('two titled counterparts in one sentence (made-up text)', () => {
  it('"will meet with President X and Foreign Minister Y" is two meetings, as the development set\'s key counts them', () => {
    const meetings = extract('The envoy will meet with Kazakhstan President Kassym Tokayev and Foreign Minister Murat Nurtleu in Astana on Friday.', '2024-05-06');
    expect(meetings).toHaveLength(2);
    expect(meetings.every((m) => m.participants.includes('KAZ') && m.status === 'planned' && m.venue?.name === 'Astana')).toBe(true);
  });
  it('one titled counterpart with his delegation is one meeting', () => {
    expect(extract('The envoy met with Kazakhstan President Kassym Tokayev and his delegation in Astana on Friday.', '2024-05-11')).toHaveLength(1);
  });
});

describe('a meeting a ministry hosts (made-up text)', () => {
  it('is in that state\'s capital, as an implied venue a stated city replaces', () => {
    const [implied] = extract('A Taliban delegation met Pakistan’s foreign minister on Thursday. The Pakistani Foreign Ministry hosted the meeting.', '2019-10-03');
    expect(implied).toMatchObject({ venue: { name: 'Islamabad' } });
    expect(implied!.why.join(' ')).toContain('hosting ministry');
    const [stated] = extract('A Taliban delegation met Pakistan’s foreign minister in Lahore on Thursday. The Pakistani Foreign Ministry hosted the meeting.', '2019-10-03');
    expect(stated).toMatchObject({ venue: { name: 'Lahore' } });
  });
});

describe('more shapes of news English (made-up text)', () => {
  it('"the next round" of a format has the lead meeting\'s parties', () => {
    const text = 'Pakistan and the United States held a round of their counter-terrorism dialogue in Islamabad on Monday. Officials said the next round would take place in Washington in June.';
    const meetings = extract(text, '2024-03-12');
    expect(meetings.map((m) => [m.venue?.name, m.status, m.participants.join(' ')])).toEqual([
      ['Islamabad', 'held', 'PAK USA'],
      ['Washington', 'planned', 'PAK USA'],
    ]);
  });
  it('"X\'s acting foreign minister will visit <City>. He is expected to meet <host> officials": one planned meeting there', () => {
    const text = 'KABUL: The Taliban’s acting foreign minister will visit New Delhi next month, a spokesman said on Saturday. He is expected to meet Indian External Affairs Minister S. Jaishankar.';
    const meetings = extract(text, '2024-03-16');
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ status: 'planned', venue: { name: 'New Delhi' }, participants: ['AFG', 'IND'] });
  });
});
