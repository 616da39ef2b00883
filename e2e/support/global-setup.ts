/**
 * Before any browser test: the web app must be built (the server serves it)
 * and Chromium must exist. Under CI (GLIA_CI=1) a missing browser is a failure,
 * never a skip.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_PATH } from './browser.ts';

export default function setup(): void {
  const dist = path.resolve(import.meta.dirname, '../../packages/web/dist/index.html');
  if (!existsSync(dist)) throw new Error('The web app is not built: run `npm run build` before the end-to-end tests.');
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium package (apt-get install -y chromium).`);
}
