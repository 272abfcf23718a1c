import { nameAfter } from './roles';
console.log(nameAfter(" side was represented by Director General (Counter-Terrorism) at the Ministry of Foreign Affairs Abdul Hameed, the Chinese side", new Set()));
import { findDateMentions } from '../dates/resolve';
const t = "Unbeknownst to almost everyone, the major Taliban leaders and, separately, the President of Afghanistan, were going to secretly meet with me at Camp David on Sunday.";
console.log(findDateMentions({start:0,end:t.length,text:t}, '2019-09-07', {tense:'past', anchor: '2019-09-08'}));
console.log(findDateMentions({start:0,end:t.length,text:t}, '2019-09-07', {tense:'past'}));
console.log(findDateMentions({start:0,end:t.length,text:t}, '2019-09-07', {tense:'future'}));
