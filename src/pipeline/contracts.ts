/**
 * Contracts between the pipeline's stages, so each can be written and tested on its own.
 * Offsets are UTF-16 code-unit offsets into the whole file text (as `String.slice` uses):
 * `text.slice(span.start, span.end) === span.text` always holds.
 */
import type { DatePrecision, IsoDayString } from '../dataset/schema';

export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

/** One sentence of article body text. */
export type Sentence = TextSpan;

/** Why a part of a file is not a source of facts. */
export type ClutterReason =
  | 'comments'
  | 'link-list'
  | 'share-buttons'
  | 'repeated-headline'
  | 'byline'
  | 'boilerplate'
  /** Standfirst, sub-headline or bullet points that restate the body ("- Officials met in Kabul ..."). */
  | 'summary';

/** One article found in a file (a file may hold several). */
export interface ArticleSegment {
  /** Span of the whole article, clutter included. */
  span: TextSpan;
  headline: TextSpan | null;
  /** City in a dateline such as "KABUL:" or "ISLAMABAD:", when the article opens with one. */
  dateline: TextSpan | null;
  /**
   * The day of a header line that gives a date and a place ("October 6, 2015, Sochi"): the
   * date of the event the page records, with `dateline` its place.
   */
  datelineDay?: TextSpan & { date: IsoDayString };
  /** The day words of an agency dateline ("March 5" in "TASHKENT [Uzbekistan], March 5:"): the report's day. */
  datelineDate?: TextSpan;
  /** Body sentences in order; clutter is excluded. */
  sentences: Sentence[];
  /** Parts skipped as clutter, with the reason (reported, never silently dropped). */
  clutter: Array<TextSpan & { reason: ClutterReason }>;
  /** Publication date found in this article's text, if any. */
  published: PublishedDate | null;
}

export interface PublishedDate {
  date: IsoDayString;
  span: TextSpan;
}

/** A date window with its precision, e.g. "July 2025" → 2025-07-01..2025-07-31, month. */
export interface DateWindow {
  start: IsoDayString;
  end: IsoDayString;
  precision: Exclude<DatePrecision, 'unknown'>;
}

/** A date expression found in a sentence and resolved against the publication date. */
export interface DateMention extends TextSpan {
  window: DateWindow;
  /** Whether the window lies before, around or after the publication date. */
  relation: 'past' | 'present' | 'future' | 'unknown';
}

/** A state named directly, by demonym, possessive, capital-as-metonym or a group phrase. */
export interface StateMention extends TextSpan {
  iso3: string[];
  via: 'name' | 'demonym' | 'possessive' | 'group' | 'capital-metonym';
  /** Set when `via` is 'group': the registry entry used. */
  group?: { name: string; source: string };
}

export interface OrganizationMention extends TextSpan {
  /** Canonical name, e.g. "Taliban", "TTP", "ISKP", "Al-Qaeda", "NATO", "UN". */
  name: string;
}

/** A city resolved in the gazetteer. */
export interface ResolvedPlace {
  /** Slug used as the place id in the dataset and in URLs ("kabul", "washington"). */
  id: string;
  name: string;
  countryIso3: string;
  lon: number;
  lat: number;
  gazetteerId: number;
  population: number;
  isCapital: boolean;
}

/** A city named in text. */
export interface PlaceMention extends TextSpan {
  place: ResolvedPlace;
  /** How it was matched: the gazetteer name, an alias from data/place-aliases.json, or a landmark. */
  via: 'gazetteer' | 'alias' | 'landmark';
}
