import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSnapshotArgs, serveStatic, snapshotQuery, SnapshotError, stateQuery } from './snapshot';
import { fixtureDataset } from '../export/fixture';

describe('parseSnapshotArgs', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'snapshot-args-'));

  it('reads options with defaults', () => {
    const o = parseSnapshotArgs(['--state', 'city=kabul', '--out', 'fig.png'], tmp);
    expect(o).toMatchObject({ state: 'city=kabul', out: path.join(tmp, 'fig.png'), width: 1600, height: 900, scale: 2, timeoutMs: 60_000 });
    const p = parseSnapshotArgs(['--state=', '--out=fig.png', '--width', '800', '--height=500', '--scale', '1.5'], tmp);
    expect(p).toMatchObject({ state: '', width: 800, height: 500, scale: 1.5 });
  });

  it('names the option that is wrong', () => {
    const err = (argv: string[]) => {
      try {
        parseSnapshotArgs(argv, tmp);
      } catch (e) {
        expect(e).toBeInstanceOf(SnapshotError);
        return (e as Error).message;
      }
      throw new Error('expected an error');
    };
    expect(err(['--out', 'a.png'])).toMatch(/--state is required/);
    expect(err(['--state', ''])).toMatch(/--out is required/);
    expect(err(['--state', '', '--out', 'a.jpg'])).toMatch(/--out "a.jpg": the file name must end in .png/);
    expect(err(['--state', '', '--out', 'no/such/dir/a.png'])).toMatch(/the folder .*no\/such\/dir does not exist/);
    expect(err(['--state', '', '--out', 'a.png', '--width', '-3'])).toMatch(/--width "-3": expected a whole number above 0/);
    expect(err(['--state', '', '--out', 'a.png', '--scale', 'x'])).toMatch(/--scale "x"/);
    expect(err(['--state', '', '--out', 'a.png', '--colour', 'red'])).toMatch(/unknown argument "--colour"/);
    expect(err(['--state'])).toMatch(/--state needs a value/);
  });
});

describe('snapshotQuery', () => {
  it('keeps the view, adds embed and animation off', () => {
    expect(snapshotQuery('?from=2024-01-01&to=2025-07-31&city=kabul', fixtureDataset)).toBe('from=2024-01-01&to=2025-07-31&city=kabul&animate=0&embed=1');
    expect(snapshotQuery('http://x/atlas/?state=PAK', fixtureDataset)).toBe('state=PAK&animate=0&embed=1');
    expect(stateQuery(' ?a=1 ')).toBe('a=1');
  });

  it('refuses a state the app would have to ignore, saying why', () => {
    expect(() => snapshotQuery('from=2024-13-01', fixtureDataset)).toThrow(/from="2024-13-01": expected a real calendar day/);
    expect(() => snapshotQuery('city=atlantis', fixtureDataset)).toThrow(/city="atlantis": no meetings take place/);
    expect(() => snapshotQuery('colour=red', fixtureDataset)).toThrow(/unknown parameter "colour"/);
  });
});

describe('serveStatic', () => {
  it('serves files of its folder with a content type, and nothing outside it', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'snapshot-serve-'));
    fs.writeFileSync(path.join(root, 'index.html'), '<p>hi</p>');
    const server = await serveStatic(root);
    try {
      const index = await fetch(server.url);
      expect(index.headers.get('content-type')).toMatch(/text\/html/);
      expect(await index.text()).toBe('<p>hi</p>');
      expect((await fetch(`${server.url}missing.js`)).status).toBe(404);
      expect((await fetch(`${server.url}..%2f..%2fetc%2fpasswd`)).status).toBe(403);
    } finally {
      await server.close();
    }
  });
});
