/**
 * People named in an article, as words: the surnames and given names that follow a title
 * or role ("Interior Minister Mohsin Naqvi", "Mr Jilani", "his Afghan counterpart Sirajuddin
 * Haqqani"). The events stage uses them to tell which meeting a later sentence speaks of.
 */
import type { Lexicon } from './lexicon';
import type { AnalyzedArticle, AnalyzedSentence } from './types';

const NOT_NAMES = new Set(
  'The This That These Those During Earlier Later After Before Both Additionally However While When According Speaking Following Under In On At For From With And But Mr Mrs Ms Dr Senator General Ambassador Mullah Sheikh President Prime Minister Ministry Foreign Interior Defence Defense Affairs Security National Special Representative Deputy Acting Senior Caretaker Chief Army Staff Secretary Adviser Advisor Office State Council Federal Director Assistant Department January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Islamic Republic Government Embassy Envoy Commander News Agency Radio'.split(' '),
);


/**
 * People named in the article: capitalised words after a title or role ("Interior Minister
 * Mohsin Naqvi", "Mr Jilani", "his Afghan counterpart Sirajuddin Haqqani"). Used to tell which
 * earlier meeting a later sentence speaks of.
 */
export function articlePeople(article: AnalyzedArticle, lex: Lexicon): Set<string> {
  const people = new Set<string>();
  for (const s of article.sentences) {
    const taken = [...s.states, ...s.places, ...s.organizations, ...s.dates];
    let afterTitle = false;
    for (const m of s.text.matchAll(/[\p{L}’'.-]+/gu)) {
      const word = m[0].replace(/['’]s$/, '').replace(/\.$/, '');
      const lower = word.toLowerCase();
      const at = s.start + m.index;
      if (lex.officialWords.has(lower) || lex.personalTitles.has(lower)) {
        afterTitle = true;
        continue;
      }
      const capital = /^\p{Lu}\p{Ll}/u.test(word);
      if (afterTitle && capital && !taken.some((t) => t.start <= at && at < t.end) && !NOT_NAMES.has(word)) people.add(word);
      else if (!capital || taken.some((t) => t.start <= at && at < t.end)) afterTitle = false;
    }
  }
  return people;
}

export function personWords(s: AnalyzedSentence, people: Set<string>): string[] {
  const out: string[] = [];
  for (const m of s.text.matchAll(/\p{Lu}[\p{Ll}’'-]{2,}/gu)) {
    const w = m[0].replace(/['’]s$/, '');
    if (people.has(w) && !out.includes(w)) out.push(w);
  }
  return out;
}
