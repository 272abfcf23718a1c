/**
 * What the map draws, read back for the e2e tests, and what a set of meetings should draw:
 * shared by the specs that check the map against the served dataset.
 */
import { type Page, expect } from '@playwright/test';
import type { Dataset, Meeting } from '../src/dataset/schema';

async function waitForMapIdle(page: Page) {
  await expect(page.locator('[data-map-idle="true"]')).toHaveCount(1);
}

/**
 * The links and host rings the map has drawn, as "capital>venue" and "ring:venue" keys
 * (one arc per capital→venue pair, whatever the number of meetings along it). Arcs draw
 * in a WebGL overlay, read through its probe; rings are a state of the venue markers,
 * which are in the DOM only while in view: the probe lists every ring, and the markers
 * on screen must agree with it.
 */
export async function drawnLinks(page: Page): Promise<string[]> {
  await waitForMapIdle(page);
  const { arcs, rings, onScreen, offRing } = await page.evaluate(() => {
    const probe = (window as unknown as { __atlasLinks: { visibleLinks(): string[]; rings(): string[] } }).__atlasLinks;
    const markers = [...document.querySelectorAll<HTMLElement>('.venue-marker')];
    return {
      arcs: probe.visibleLinks(),
      rings: probe.rings(),
      onScreen: markers.filter((el) => el.dataset.ring !== undefined).map((el) => el.dataset.venue!),
      offRing: markers.filter((el) => el.dataset.ring === undefined).map((el) => el.dataset.venue!),
    };
  });
  for (const venue of onScreen) expect(rings, `marker ${venue} shows a ring the map does not list`).toContain(venue);
  for (const venue of offRing) expect(rings, `marker ${venue} lacks its ring`).not.toContain(venue);
  return [...arcs, ...rings.map((v) => `ring:${v}`)].sort();
}

/** The link keys a set of meetings should draw: an arc from each participant's capital, a ring for the host. */
export function linkKeys(dataset: Dataset, meetings: readonly Meeting[]): Set<string> {
  const places = new Map(dataset.places.map((p) => [p.id, p]));
  const capitals = new Map(dataset.states.map((s) => [s.iso3, s.capitalPlaceId]));
  const keys = new Set<string>();
  for (const m of meetings) {
    const venue = m.venuePlaceId === null ? undefined : places.get(m.venuePlaceId);
    if (!venue) continue;
    for (const iso3 of m.participants) {
      const capital = capitals.get(iso3);
      if (iso3 === venue.countryIso3 || capital === venue.id) keys.add(`ring:${venue.id}`);
      else if (capital) keys.add(`${capital}>${venue.id}`);
    }
  }
  return keys;
}
