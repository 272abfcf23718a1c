import { runPipeline } from '../build/dataset';
import { formatReport } from '../build/report';
const r = runPipeline({ seedsDir: '../shared/devset/articles', sourcesPath: '../shared/devset/sources.json', curationPath: null });
process.stdout.write(formatReport(r.dataset, r.warnings, r.skipped, r.why));
