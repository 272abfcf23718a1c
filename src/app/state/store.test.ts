import fs from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseDataset } from '../../dataset/schema';
import { useAtlasStore } from './store';
import { DEFAULT_VIEW_STATE } from './viewState';

const parsed = parseDataset(JSON.parse(fs.readFileSync('public/data/meetings.json', 'utf8')));
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
const dataset = parsed.dataset;
const oldest = [...dataset.meetings].filter((m) => m.date.start !== null).sort((a, b) => (a.date.start! < b.date.start! ? -1 : 1))[0]!;

describe('atlas store', () => {
  beforeEach(() => {
    useAtlasStore.setState({ dataset: null, view: DEFAULT_VIEW_STATE, notices: [], playing: false });
  });

  it('checks URL names against the dataset when it arrives', () => {
    useAtlasStore.getState().replaceView({ ...DEFAULT_VIEW_STATE, city: 'atlantis', state: 'PAK' });
    useAtlasStore.getState().setDataset(dataset);
    const s = useAtlasStore.getState();
    expect(s.view.city).toBeNull();
    expect(s.view.state).toBe('PAK');
    expect(s.notices).toEqual([expect.stringMatching(/^Ignored city="atlantis"/)]);
  });

  it('selecting a meeting outside the window brings the window to it and opens its venue', () => {
    const store = useAtlasStore.getState();
    store.setDataset(dataset);
    store.setWindow('2099-01-01', '2099-03-31');
    useAtlasStore.getState().selectMeeting(oldest.id);
    const v = useAtlasStore.getState().view;
    expect(v.meeting).toBe(oldest.id);
    expect(v.city).toBe(oldest.venuePlaceId);
    expect(v.from! <= (oldest.date.end ?? oldest.date.start!)).toBe(true);
    expect(v.to! >= oldest.date.start!).toBe(true);
  });

  it('selecting a meeting inside the window leaves the window alone', () => {
    const store = useAtlasStore.getState();
    store.setDataset(dataset);
    store.setWindow('1990-01-01', '2099-12-31');
    useAtlasStore.getState().selectMeeting(oldest.id);
    expect(useAtlasStore.getState().view.from).toBe('1990-01-01');
  });

  it('selecting an undated meeting shows the undated meetings (it is in no window)', () => {
    const undated = dataset.meetings.find((m) => m.date.start === null);
    if (!undated) return;
    const store = useAtlasStore.getState();
    store.setDataset(dataset);
    store.setWindow('2020-01-01', '2021-01-01');
    useAtlasStore.getState().selectMeeting(undated.id);
    const v = useAtlasStore.getState().view;
    expect(v.meeting).toBe(undated.id);
    expect(v.showUndated).toBe(true);
    expect(v.from).toBe('2020-01-01');
  });

  it('changing city drops a meeting held elsewhere', () => {
    const store = useAtlasStore.getState();
    store.setDataset(dataset);
    store.selectMeeting(oldest.id);
    const elsewhere = dataset.places.find((p) => p.id !== oldest.venuePlaceId)!.id;
    useAtlasStore.getState().selectCity(elsewhere);
    expect(useAtlasStore.getState().view.meeting).toBeNull();
  });

  it('does not notify subscribers when nothing changes', () => {
    const store = useAtlasStore.getState();
    store.setDataset(dataset);
    store.setWindow('2020-01-01', '2021-01-01');
    let calls = 0;
    const stop = useAtlasStore.subscribe(() => calls++);
    useAtlasStore.getState().setWindow('2020-01-01', '2021-01-01');
    useAtlasStore.getState().setStateFilter(null);
    useAtlasStore.getState().setCamera(null);
    stop();
    expect(calls).toBe(0);
  });
});
