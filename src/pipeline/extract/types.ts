/**
 * What meeting extraction reads and produces. Extraction itself is pure: the text stages
 * (segmentation, dates, places, states, organisations) run first and hand it an
 * `AnalyzedArticle`; it returns `ExtractedMeeting`s that the build stage turns into the
 * dataset. All offsets are UTF-16 offsets into the whole file text.
 */
import type { EvidenceSpan, Person, MeetingDate, MeetingKind, MeetingStatus, StateGroupMention } from '../../dataset/schema';
import type { DateMention, OrganizationMention, PlaceMention, ResolvedPlace, StateMention, TextSpan } from '../contracts';

/** One sentence (or the headline) with everything the text stages found in it. */
export interface AnalyzedSentence extends TextSpan {
  /** Position in the article: 0 is the headline when there is one. */
  index: number;
  isHeadline: boolean;
  dates: DateMention[];
  places: PlaceMention[];
  states: StateMention[];
  organizations: OrganizationMention[];
}

export interface AnalyzedArticle {
  file: string;
  /** The whole file text (evidence spans index into it). */
  text: string;
  /** Publication date used to resolve relative dates; null when unknown. */
  published: string | null;
  /** The dateline city ("KABUL:"), resolved, when the article opens with one. */
  dateline: ResolvedPlace | null;
  /** The day a "date, place" header line gives for the event the page records. */
  datelineDay: DateMention | null;
  /** The day an agency dateline gives ("CITY, March 5:"): the report's day. */
  datelineDate: DateMention | null;
  sentences: AnalyzedSentence[];
}

/** A meeting as extraction found it, before ids, curation and place tables. */
export interface ExtractedMeeting {
  title: string;
  kind: MeetingKind;
  status: MeetingStatus;
  date: MeetingDate;
  venue: ResolvedPlace | null;
  participants: string[];
  absent: string[];
  organizations: string[];
  topics: string[];
  /** The people at the table, each with the span that names them. */
  people: Person[];
  groups: StateGroupMention[];
  confidence: number;
  primary: boolean;
  sources: EvidenceSpan[];
  /** Which rules fired, in words, for the review report ("cue: met", "venue: in Kabul"). */
  why: string[];
}
