/**
 * `npm start`: builds the dataset when it is missing or older than seeds/ or data/, then
 * starts the Vite dev server, whose dataset-rebuild plugin rebuilds it when an article or
 * a data file changes and reloads the page.
 */
import { join } from 'node:path';
import { createServer } from 'vite';
import { writeFileAtomic } from '../pipeline/build/atomicWrite';
import { REPO_ROOT, runPipeline, serializeDataset } from '../pipeline/build/dataset';
import { datasetIsStale } from '../pipeline/build/freshness';
import { formatWarning } from '../pipeline/build/report';

async function main(): Promise<void> {
  const out = join(REPO_ROOT, 'public/data/meetings.json');
  const { stale, reason } = datasetIsStale(out, [join(REPO_ROOT, 'seeds'), join(REPO_ROOT, 'data')]);
  if (stale) {
    process.stderr.write(`Building the dataset (${reason})...\n`);
    const { dataset, warnings } = runPipeline({ seedsDir: join(REPO_ROOT, 'seeds') });
    for (const w of warnings) process.stderr.write(`warning: ${formatWarning(w)}\n`);
    writeFileAtomic(out, serializeDataset(dataset));
    process.stderr.write(`wrote ${out}: ${dataset.meetings.length} meetings\n`);
  }
  const server = await createServer({ root: REPO_ROOT, configFile: join(REPO_ROOT, 'vite.config.ts') });
  await server.listen();
  server.printUrls();
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`npm start: ${(e as Error).message}\n`);
  process.exit(2);
});
