/**
 * Verb groups and their tense, from wink-nlp's part-of-speech tagger and lemmatiser (English
 * lite model): "will then lead" is future, "were to meet" a plan seen from the past, "is
 * holding talks" happening now, "held" and "has met" past. News English says whether a meeting
 * happened, is happening or is to come in its verbs; the extraction reads it here instead of
 * from word lists.
 *
 * Build-time only (the pipeline), never in the browser bundle. Tokens are matched back to the
 * text by position, so every group keeps exact offsets.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** past: "held", "has met", "was held"; present: "meets", "is held"; progressive: "is holding"; future: "will meet", "is set to host", "were to meet", "would speak". */
export type VerbTense = 'past' | 'present' | 'progressive' | 'future';

export interface VerbGroup {
  /** Offsets in the text given. */
  start: number;
  end: number;
  text: string;
  tense: VerbTense;
  /** What the group says is still to come: a future tense, or a plan in any tense ("agreed to hold", "planned to visit"). */
  plans: boolean;
  /** Lemma of the group's main verb ("hold", "meet"). */
  lemma: string;
}

// Created once: loading the model takes longer than tagging a thousand sentences.
const nlp = winkNLP(model, ['pos']);
const its = nlp.its;

interface Token {
  value: string;
  lower: string;
  pos: string;
  lemma: string;
  start: number;
  end: number;
}

/** Words that make "be X to <verb>" a plan: "is set to host", "are expected to meet". */
const PLAN_PARTICIPLES = new Set(['set', 'scheduled', 'expected', 'due', 'slated', 'going', 'planned', 'poised', 'likely', 'supposed']);
/** Verbs whose "to <verb>" complement is a plan: "plans to visit", "agreed to hold". */
const PLAN_VERBS = new Set(['plan', 'intend', 'aim', 'agree', 'decide', 'prepare', 'hope', 'seek', 'want', 'propose', 'schedule']);
const FUTURE_AUX = new Set(['will', "'ll", 'shall', 'wo', 'would']);
const PRESENT_BE = new Set(['is', 'are', 'am', "'s", "'re"]);
const PAST_BE = new Set(['was', 'were']);
const PERFECT = new Set(['has', 'have', 'had', "'ve"]);

function tokens(text: string): Token[] {
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // The typings ask for the lemmatiser add-on's argument; the English model carries its own.
  const lemmas = (doc.tokens().out as (f: unknown) => string[])(its.lemma);
  const out: Token[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const found = text.indexOf(value, at);
    // A token the tagger normalised (quotes, contractions) keeps the running position.
    const start = found === -1 ? at : found;
    const end = found === -1 ? at : found + value.length;
    at = end;
    out.push({ value, lower: value.toLowerCase(), pos: pos[i]!, lemma: (lemmas[i] ?? value).toLowerCase(), start, end });
  }
  return out;
}

/** A verb form that is not its lemma and not -ing or third person -s: "held", "met", "hosted". */
function isPastForm(t: Token): boolean {
  if (t.lower === t.lemma) return false;
  if (t.lower.endsWith('ing')) return false;
  if (t.lower === `${t.lemma}s` || t.lower === `${t.lemma}es` || t.lower === `${t.lemma.replace(/y$/, '')}ies`) return false;
  return true;
}

/**
 * The verb groups of a sentence: runs of auxiliaries, adverbs, "to" and verbs that end in
 * a verb ("will then lead", "is set to host", "has met"), each with its tense.
 */
export function verbGroups(text: string, options: { headline?: boolean } = {}): VerbGroup[] {
  const ts = tokens(text);
  const groups: VerbGroup[] = [];
  let i = 0;
  while (i < ts.length) {
    if (ts[i]!.pos !== 'AUX' && ts[i]!.pos !== 'VERB') {
      i++;
      continue;
    }
    let j = i;
    const run: Token[] = [];
    // "The minister plans to visit": the tagger may read "plans" as a noun; "to" after a plan word still makes a plan.
    const to = ts[i - 1];
    const planWord = ts[i - 2];
    if (to?.lower === 'to' && planWord && (PLAN_VERBS.has(planWord.lemma) || PLAN_PARTICIPLES.has(planWord.lower))) run.push(planWord, to);
    // Headline style, "Leaders to meet": a subject, then "to" and a verb, is what will happen
    // (in body text the same shape is a purpose: "cooperation to fight terrorism").
    else if (options.headline && to?.lower === 'to' && planWord && (planWord.pos === 'PROPN' || planWord.pos === 'NOUN' || planWord.pos === 'PRON')) run.push(to);
    while (j < ts.length && (ts[j]!.pos === 'AUX' || ts[j]!.pos === 'VERB' || ts[j]!.pos === 'ADV' || (ts[j]!.pos === 'PART' && ts[j]!.lower === 'to'))) {
      run.push(ts[j]!);
      j++;
    }
    // Trailing adverbs and particles are not part of the group.
    while (run.length && (run.at(-1)!.pos === 'ADV' || run.at(-1)!.pos === 'PART')) run.pop();
    if (run.length === 1 && run[0]!.lower === 'to') run.pop();
    if (run.length) {
      const main = [...run].reverse().find((t) => t.pos === 'VERB') ?? run.at(-1)!;
      const { tense, plans } = tenseOf(run);
      groups.push({ start: run[0]!.start, end: run.at(-1)!.end, text: text.slice(run[0]!.start, run.at(-1)!.end), tense, plans, lemma: main.lemma });
    }
    i = Math.max(j, i + 1);
  }
  // "is also in the capital and holding talks": an -ing verb coordinated with a present "be" is progressive too.
  for (let k = 1; k < groups.length; k++) {
    const g = groups[k]!;
    if (g.tense === 'present' && /^\S+ing$/i.test(g.text) && groups.slice(0, k).some((p) => PRESENT_BE.has(p.text.toLowerCase()))) g.tense = 'progressive';
  }
  return groups;
}

function tenseOf(run: Token[]): { tense: VerbTense; plans: boolean } {
  const words = run.filter((t) => t.pos !== 'ADV');
  const has = (set: Set<string>) => words.some((t) => set.has(t.lower));
  const toAt = words.findIndex((t) => t.lower === 'to');
  const future = { tense: 'future' as const, plans: true };
  if (has(FUTURE_AUX)) return future;
  if (toAt === 0) return future;
  if (toAt > 0) {
    const before = words[toAt - 1]!;
    // "were to meet", "is set to host", "plans to visit".
    if (PAST_BE.has(before.lower) || PRESENT_BE.has(before.lower) || PLAN_PARTICIPLES.has(before.lower)) return future;
    // "agreed to hold talks": the agreeing is past, what was agreed is to come.
    if (PLAN_VERBS.has(before.lemma)) return { tense: isPastForm(before) || PERFECT.has(words[0]!.lower) ? 'past' : 'future', plans: true };
  }
  return { tense: tenseOfMainVerb(words), plans: false };
}

function tenseOfMainVerb(words: Token[]): VerbTense {
  const first = words[0]!;
  const last = words.at(-1)!;
  if (PERFECT.has(first.lower)) return 'past';
  if (PAST_BE.has(first.lower)) return 'past';
  if (PRESENT_BE.has(first.lower) && words.some((t) => t.pos === 'VERB' && t.lower.endsWith('ing'))) return 'progressive';
  if (PRESENT_BE.has(first.lower)) return 'present';
  if (first.lower === 'did') return 'past';
  if (last.pos === 'VERB' && isPastForm(last) && words.length === 1) return 'past';
  return 'present';
}

/**
 * The tense of the verb group that governs the words at `offset`: the nearest group before
 * it in the same clause, else the first group after it; null when the sentence has no verb.
 */
export function tenseAt(groups: VerbGroup[], offset: number): VerbGroup | null {
  let before: VerbGroup | null = null;
  for (const g of groups) {
    if (g.start <= offset) before = g;
    else return before ?? g;
  }
  return before;
}
