/**
 * The map's one tooltip: names what the pointer or the keyboard is on (a venue, a capital,
 * a link), as Flourish and kepler.gl do, so a first-time reader can tell that a small
 * square is Tehran. The texts are pure functions (tested in mapTooltip.test.ts); the
 * element is positioned over the map, above its anchor, kept inside the map.
 */
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface TooltipText {
  title: string;
  lines: string[];
}

export function venueTooltip(name: string, count: number, capitalOf: string | null): TooltipText {
  return { title: name, lines: [...(capitalOf ? [`Capital of ${capitalOf}`] : []), `${plural(count, 'meeting')} here in the time window`] };
}

export function capitalTooltip(capitalName: string, stateName: string, count: number): TooltipText {
  return { title: `${capitalName} (${stateName})`, lines: [`Capital of ${stateName}: ${plural(count, 'meeting')} in the time window`, `Select to show only meetings ${stateName} attended`] };
}

/** A link: the state, the venue, and the meetings along it (the first few, newest first). */
export function linkTooltip(stateName: string, venueName: string, meetings: ReadonlyArray<{ title: string; date: string }>, shown = 3): TooltipText {
  const lines = meetings.slice(0, shown).map((m) => `${m.title}, ${m.date}`);
  if (meetings.length > shown) lines.push(`and ${plural(meetings.length - shown, 'more meeting')}`);
  return { title: `${stateName} → ${venueName}`, lines };
}

export class MapTooltip {
  readonly element: HTMLDivElement;
  private owner: unknown = null;

  constructor(private readonly container: HTMLElement) {
    this.element = document.createElement('div');
    this.element.className = 'map-tooltip';
    this.element.setAttribute('role', 'tooltip');
    this.element.hidden = true;
    container.append(this.element);
  }

  /** Shows the text above (x, y), CSS pixels in the map container; `owner` is who may hide it. */
  show(owner: unknown, x: number, y: number, text: TooltipText, gap = 10): void {
    this.owner = owner;
    const el = this.element;
    el.replaceChildren();
    const title = document.createElement('strong');
    title.textContent = text.title;
    el.append(title);
    for (const line of text.lines) {
      const p = document.createElement('span');
      p.textContent = line;
      el.append(p);
    }
    el.hidden = false;
    const { width, height } = el.getBoundingClientRect();
    const box = this.container.getBoundingClientRect();
    const left = Math.min(Math.max(4, x - width / 2), Math.max(4, box.width - width - 4));
    // Above the anchor, or below it where there is no room above.
    const top = y - gap - height >= 4 ? y - gap - height : Math.min(y + gap, box.height - height - 4);
    el.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  }

  /** Hides the tooltip if `owner` (or anyone, without one) showed it. */
  hide(owner?: unknown): void {
    if (owner !== undefined && owner !== this.owner) return;
    this.owner = null;
    this.element.hidden = true;
  }

  get shownBy(): unknown {
    return this.element.hidden ? null : this.owner;
  }

  dispose(): void {
    this.element.remove();
  }
}
