/**
 * Where to find a Chromium and how to launch it so that WebGL works headless and nothing
 * can reach the internet. Shared by the Playwright config, the snapshot command and the
 * benchmark, so all three render the same way.
 */
import fs from 'node:fs';

/** Debian's Chromium, or CHROMIUM_PATH; undefined lets Playwright use its own browser. */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * SwiftShader gives WebGL2 without a GPU. The host-resolver rule makes every
 * non-local host fail to resolve, so an accidental external request errors instead of
 * leaking (tests also assert on requests).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];
