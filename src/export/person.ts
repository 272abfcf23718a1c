/**
 * A person at the table in words, one way for every place that writes one (the panel, the
 * list view, the Find box's suggestions, the CSV): the office as written, then the state the
 * person speaks for, or their organisation where no state is known. The caller says how a
 * state reads: its name on screen, its ISO3 code in the CSV.
 */
import type { Person } from '../dataset/schema';

export type PersonFacts = Pick<Person, 'role' | 'state' | 'organization'>;

/** "Interior Minister, Pakistan"; null when the text gives neither office nor side. */
export function personAbout(person: PersonFacts, stateLabel: (iso3: string) => string): string | null {
  const side = person.state === null ? person.organization : stateLabel(person.state);
  const parts = [person.role, side].filter((x): x is string => x !== null && x !== '');
  return parts.length ? parts.join(', ') : null;
}

/** "Mohsin Naqvi (Interior Minister, Pakistan)", or the bare name when nothing is known about them. */
export function personInWords(person: PersonFacts & Pick<Person, 'name'>, stateLabel: (iso3: string) => string): string {
  const about = personAbout(person, stateLabel);
  return about ? `${person.name} (${about})` : person.name;
}
