// .ci/run is the one CI entry: it must run the same commands a developer runs.
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/lint-imports';

const CI_RUN = join(REPO_ROOT, '.ci', 'run');

describe('.ci/run', () => {
  const text = readFileSync(CI_RUN, 'utf8');

  it('is an executable bash script with strict mode', () => {
    expect(statSync(CI_RUN).mode & 0o111).not.toBe(0);
    expect(() => accessSync(CI_RUN, constants.X_OK)).not.toThrow();
    expect(text.split('\n')[0]).toMatch(/^#!.*\bbash\b/);
    expect(text).toContain('set -euo pipefail');
  });

  it('runs npm test and npm run test:fuzz', () => {
    expect(text).toMatch(/(^|\s)npm test(\s|$)/m);
    expect(text).toContain('npm run test:fuzz');
    expect(text).toContain('npm ci');
  });

  it('installs the system packages only when missing and supports --deps', () => {
    expect(text).toContain('dpkg -s');
    for (const p of ['chromium', 'socat', 'fonts-noto-cjk']) expect(text).toContain(p);
    expect(text).toContain('--deps');
  });

  it('ends with the "N passed, M failed" summary', () => {
    expect(text).toContain('WHARF_VITEST_JSON');
    expect(text).toContain('passed, ${failed} failed');
  });
});
