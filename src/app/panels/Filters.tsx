/**
 * State and topic filters, a box that finds a state or a person by typing, the absent-state
 * switch and the map/list switch (header). Each list counts its options under the other
 * filter (selectFilterOptions): with China chosen, "TTP (0)" says at once that the pair
 * gives nothing, and such options are disabled.
 */
import { useId, useState } from 'react';
import type { Dataset } from '../../dataset/schema';
import { personAbout } from '../../export/person';
import { type PersonOption, type StateOption, selectFilterOptions, selectPeople, selectPerson, selectStates } from '../state/selectors';
import { useAtlasStore } from '../state/store';
import { stateLabel } from './MeetingItem';

type Found = { kind: 'state'; option: StateOption } | { kind: 'person'; option: PersonOption };

const meetingsWord = (n: number) => `${n} meeting${n === 1 ? '' : 's'}`;

/**
 * What a typed text names: an exact state or person name (any case) first, otherwise the one
 * state or person whose name contains it; null when none or several do.
 */
export function findStateOrPerson(dataset: Dataset, text: string): Found | null {
  const needle = text.trim().toLowerCase();
  if (!needle) return null;
  const all: Found[] = [...selectStates(dataset).map((option) => ({ kind: 'state' as const, option })), ...selectPeople(dataset).map((option) => ({ kind: 'person' as const, option }))];
  const exact = all.filter((f) => f.option.name.toLowerCase() === needle);
  if (exact.length >= 1) return exact[0]!;
  const partial = all.filter((f) => f.option.name.toLowerCase().includes(needle));
  return partial.length === 1 ? partial[0]! : null;
}

/**
 * A search box over the states and the people at the tables: the browser's suggestions
 * (a datalist) offer both while typing; choosing one sets the state or the person filter.
 */
function FindBox({ dataset }: { dataset: Dataset }) {
  const listId = useId();
  const [text, setText] = useState('');
  const [miss, setMiss] = useState<string | null>(null);
  const { setStateFilter, setPersonFilter } = useAtlasStore.getState();
  const states = selectStates(dataset);
  const people = selectPeople(dataset);
  const label = stateLabel(dataset);
  const apply = (value: string, submitted: boolean) => {
    const found = findStateOrPerson(dataset, value);
    // While typing, only a whole name picked from the suggestions applies; Enter also takes a unique part.
    if (!found || (!submitted && found.option.name.toLowerCase() !== value.trim().toLowerCase())) {
      setMiss(submitted && value.trim() ? value.trim() : null);
      return;
    }
    if (found.kind === 'state') setStateFilter(found.option.iso3);
    else setPersonFilter(found.option.slug);
    setText('');
    setMiss(null);
  };
  return (
    <search className="find">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          apply(text, true);
        }}
      >
        <label>
          <span>Find</span>
          <input
            type="search"
            list={listId}
            value={text}
            placeholder="State, person"
            aria-describedby={miss ? `${listId}-miss` : undefined}
            onChange={(e) => {
              setText(e.target.value);
              apply(e.target.value, false);
            }}
          />
        </label>
        <datalist id={listId}>
          {states.map((s) => (
            <option key={`s:${s.iso3}`} value={s.name} label={`State · ${meetingsWord(s.count)}`} />
          ))}
          {people.map((p) => {
            const about = personAbout(p, label);
            return <option key={`p:${p.slug}`} value={p.name} label={`${about ? `${about} · ` : 'Person · '}${meetingsWord(p.count)}`} />;
          })}
        </datalist>
      </form>
      {miss && (
        <span className="find-miss" id={`${listId}-miss`} role="status">
          No single state or person matches “{miss}”.
        </span>
      )}
    </search>
  );
}

/** The person filter while it is set: who, and a button that clears it. */
function PersonChip({ dataset, slug }: { dataset: Dataset; slug: string }) {
  const setPersonFilter = useAtlasStore((s) => s.setPersonFilter);
  const person = selectPerson(dataset, slug);
  return (
    <p className="person-filter">
      <span>Person: </span>
      <strong>{person?.name ?? slug}</strong>{' '}
      <button type="button" onClick={() => setPersonFilter(null)} aria-label={`Clear the person filter (${person?.name ?? slug})`}>
        ×
      </button>
    </p>
  );
}

export function Filters() {
  const dataset = useAtlasStore((s) => s.dataset);
  // Field by field, so a window step does not re-render the filter lists.
  const stateFilter = useAtlasStore((s) => s.view.state);
  const topic = useAtlasStore((s) => s.view.topic);
  const person = useAtlasStore((s) => s.view.person);
  const showAbsent = useAtlasStore((s) => s.view.showAbsent);
  const mode = useAtlasStore((s) => s.view.view);
  const { setStateFilter, setTopicFilter, setShowAbsent, setViewMode } = useAtlasStore.getState();
  if (!dataset) return null;
  const options = selectFilterOptions(dataset, { state: stateFilter, topic });
  return (
    <div className="filters">
      <label>
        <span>State</span>
        <select value={stateFilter ?? ''} onChange={(e) => setStateFilter(e.target.value || null)}>
          <option value="">All states</option>
          {options.states.map((s) => (
            <option key={s.iso3} value={s.iso3} disabled={s.count === 0 && s.iso3 !== stateFilter}>
              {s.name} ({s.count}{s.count === 0 && topic !== null ? ' on this topic' : ''})
            </option>
          ))}
        </select>
      </label>
      <FindBox dataset={dataset} />
      {person !== null && <PersonChip dataset={dataset} slug={person} />}
      <label>
        <span>Topic</span>
        <select value={topic ?? ''} onChange={(e) => setTopicFilter(e.target.value || null)}>
          <option value="">All topics</option>
          {options.topics.map((t) => (
            <option key={t.slug} value={t.slug} disabled={t.count === 0 && t.slug !== topic}>
              {t.label} ({t.count}{t.count === 0 && stateFilter !== null ? ' with this state' : ''})
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={showAbsent} onChange={(e) => setShowAbsent(e.target.checked)} />
        <span>Show absent states</span>
      </label>
      {/* biome-ignore lint/a11y/useSemanticElements: a segmented pair of buttons; a fieldset would need its legend and border undone */}
      <div className="view-switch" role="group" aria-label="View">
        <button type="button" aria-pressed={mode === 'map'} onClick={() => setViewMode('map')}>
          Map
        </button>
        <button type="button" aria-pressed={mode === 'list'} onClick={() => setViewMode('list')}>
          List
        </button>
      </div>
    </div>
  );
}
