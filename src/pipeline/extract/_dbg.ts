import { findStatesAndOrganizations } from '../states/organizations';
import { stateRoles } from './roles';
for (const t of process.argv.slice(2)) {
  const { states, organizations } = findStatesAndOrganizations(t);
  const roles = stateRoles({ start: 0, end: t.length, text: t }, states);
  console.log(t.slice(0, 60));
  for (const m of states) console.log('  ', JSON.stringify(m.text), m.via, m.iso3.join(','), roles.get(m), m.group?.name ?? '');
  for (const o of organizations) console.log('   ORG', o.text, o.name);
}
