// The peers live in tests/bench/node_modules (own package.json + lock); npm ci there when missing.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function ensureDeps(log) {
  if (fs.existsSync(path.join(BENCH, 'node_modules', 'playwright-core'))) return;
  log('installing bench dependencies (npm ci in tests/bench)');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: BENCH, stdio: 'inherit' });
}
