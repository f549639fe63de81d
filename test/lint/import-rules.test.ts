// The import-rule linter (scripts/lint-imports.ts) against its fixtures and the real repository.
//
// Each file in test/fixtures/import-rules/ is linted as if it lived at the path on its first line:
//
//   // pretend-path: <repo-relative path>
//   // expect: <rule id>     bad-*.ts: that rule, and only that rule, fires (at least once)
//   // expect: none          ok-*.ts:  no violation at all
//
// followed by exactly one import. The fixtures are excluded from tsc and are not linted as real
// files (the linter walks only shared/, main/, preload/ and renderer/).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile, lintRepo, listProductFiles, REPO_ROOT, type Rule } from '../../scripts/lint-imports';

const FIXTURE_DIR = join(REPO_ROOT, 'test', 'fixtures', 'import-rules');

interface Fixture {
  name: string;
  pretendPath: string;
  expect: Rule | 'none';
  text: string;
}

function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(FIXTURE_DIR, name), 'utf8');
      const [first = '', second = ''] = text.split('\n');
      const path = /^\/\/ pretend-path: (\S+)\s*$/.exec(first);
      const exp = /^\/\/ expect: (\S+)\s*$/.exec(second);
      if (!path?.[1] || !exp?.[1]) throw new Error(`${name}: first lines must be "// pretend-path: …" and "// expect: …"`);
      return { name, pretendPath: path[1], expect: exp[1] as Rule | 'none', text };
    });
}

const fixtures = loadFixtures();
const forbidden = fixtures.filter((f) => f.expect !== 'none');
const allowed = fixtures.filter((f) => f.expect === 'none');

describe('import-rule fixtures', () => {
  it('has enough forbidden fixtures that a misconfigured rule cannot pass silently', () => {
    expect(forbidden.length).toBeGreaterThanOrEqual(20);
    expect(allowed.length).toBeGreaterThanOrEqual(4);
  });

  it('names fixtures after what they expect (bad-* forbidden, ok-* allowed)', () => {
    for (const f of forbidden) expect(f.name, f.name).toMatch(/^bad-/);
    for (const f of allowed) expect(f.name, f.name).toMatch(/^ok-/);
  });

  it('covers every zone boundary in ARCHITECTURE.md', () => {
    const rules = new Set(forbidden.map((f) => f.expect));
    for (const r of [
      'no-node-builtins',
      'no-electron-import',
      'shared-pure-libs',
      'no-import-main',
      'no-import-main-electron',
      'no-import-main-serve',
      'no-import-renderer',
      'no-import-preload',
      'no-import-test',
      'preload-bridge-only',
      'renderer-feature-index-only',
    ] satisfies Rule[]) {
      expect(rules, r).toContain(r);
    }
  });

  describe.each(forbidden)('forbidden: $name', (f) => {
    it(`reports ${f.expect} at ${f.pretendPath}`, () => {
      const violations = checkFile(f.pretendPath, f.text);
      expect(violations.length).toBeGreaterThanOrEqual(1);
      expect([...new Set(violations.map((v) => v.rule))]).toEqual([f.expect]);
      const lines = f.text.split('\n');
      for (const v of violations) {
        expect(v.file).toBe(f.pretendPath);
        // points at the line holding the specifier, and says where and how to fix it
        expect(lines[v.line - 1]).toContain(v.specifier);
        expect(v.message).toContain(`${f.pretendPath}:${v.line}`);
        expect(v.message).toContain(v.rule);
        expect(v.message).toMatch(/Fix: \S/);
      }
    });
  });

  describe.each(allowed)('allowed: $name', (f) => {
    it(`reports nothing at ${f.pretendPath}`, () => {
      expect(checkFile(f.pretendPath, f.text)).toEqual([]);
    });
  });
});

describe('checkFile details', () => {
  it('resolves a feature folder to its index through resolveExists', () => {
    const exists = (p: string) => p === 'renderer/features/orders/index.tsx';
    const src = "import { OrderRow } from '../orders';\n";
    expect(checkFile('renderer/features/scan/ScanStation.tsx', src, exists)).toEqual([]);
  });

  it('resolves ESM-style .js specifiers to .ts sources', () => {
    const exists = (p: string) => p === 'renderer/features/orders/OrderList.ts';
    const v = checkFile('renderer/features/scan/Scan.tsx', "import { x } from '../orders/OrderList.js';\n", exists);
    expect(v.map((x) => x.rule)).toEqual(['renderer-feature-index-only']);
  });

  it('lets a non-feature renderer file and a feature import its own internals', () => {
    expect(checkFile('renderer/App.tsx', "import { OrderList } from './features/orders/OrderList';\n")).toEqual([]);
  });

  it('finds every kind of module reference', () => {
    const src = [
      "import a from 'node:fs';",
      "import type { B } from 'node:path';",
      "export * from 'node:os';",
      "export { c } from 'node:util';",
      "import d = require('node:net');",
      "const e = await import('node:http');",
      "const f = require('node:zlib');",
      "type G = typeof import('node:dns');",
      "const h = `not an import: node:tls`;",
      "const i = require.resolve('node:vm');",
    ].join('\n');
    const v = checkFile('shared/x.ts', src);
    expect(v.map((x) => [x.line, x.specifier])).toEqual([
      [1, 'node:fs'],
      [2, 'node:path'],
      [3, 'node:os'],
      [4, 'node:util'],
      [5, 'node:net'],
      [6, 'node:http'],
      [7, 'node:zlib'],
      [8, 'node:dns'],
    ]);
  });

  it('has no rules for test/ and scripts/', () => {
    expect(checkFile('test/x.test.ts', "import { app } from 'electron';\n")).toEqual([]);
    expect(checkFile('scripts/x.ts', "import { app } from 'electron';\n")).toEqual([]);
  });
});

describe('the real repository', () => {
  it('lints only product folders, never the fixtures', () => {
    const files = listProductFiles();
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((f) => /^(shared|main|preload|renderer)\//.test(f))).toBe(true);
  });

  it('has no import-rule violations', () => {
    const { violations } = lintRepo();
    expect(violations.map((v) => `${v.file}:${v.line}  ${v.message}`)).toEqual([]);
  });
});
