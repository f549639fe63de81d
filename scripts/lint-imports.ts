// Wharf's import-rule linter: enforces ARCHITECTURE.md "Who may import what".
//
//   npm run lint            (= tsx scripts/lint-imports.ts)
//
// Every .ts/.tsx/.mts/.cts/.js/.mjs/.cjs/.jsx file under shared/, main/, preload/ and renderer/
// is parsed with the TypeScript compiler (no type-checking, just the syntax tree) and every module
// reference is collected: `import`, `import type`, `export … from`, `import x = require()`,
// `import()`, `require()`, `import('x').T` type queries and `/// <reference path|types|lib>`.
// Relative specifiers are resolved to a repo-relative path to find the target's zone; bare
// specifiers are classified as Node builtins, `electron`, or a package name.
//
// `checkFile` is pure (it only consults the optional `resolveExists` callback), so tests can lint a
// virtual file at a pretend path: see test/lint/import-rules.test.ts and test/fixtures/import-rules/.
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

// ---------------------------------------------------------------------------------------------
// Types

export type Rule =
  | 'no-node-builtins'
  | 'no-electron-import'
  | 'shared-pure-libs'
  | 'shared-no-dom'
  | 'host-no-renderer-libs'
  | 'renderer-browser-libs'
  | 'preload-bridge-only'
  | 'no-import-main'
  | 'no-import-main-electron'
  | 'no-import-main-serve'
  | 'no-import-main-launch'
  | 'no-import-renderer'
  | 'no-import-preload'
  | 'no-import-test'
  | 'no-import-outside-repo'
  | 'renderer-feature-index-only';

export interface Violation {
  /** repo-relative path of the importing file, forward slashes */
  file: string;
  /** 1-based line of the specifier */
  line: number;
  specifier: string;
  rule: Rule;
  /** what is wrong, where (file:line) and how to fix it */
  message: string;
}

/** Where a file lives, by the architecture's zones. */
export type Zone =
  | 'shared'
  | 'main/services'
  | 'main/electron'
  | 'main/serve'
  | 'main/launch'
  | 'main' // anything else under main/
  | 'preload'
  | 'renderer'
  | 'test'
  | 'other' // scripts/, repo-root files, assets or data folders…: not policed as a zone
  | 'outside'; // escapes the repository

/** The folders whose files are product code and therefore linted. */
export const PRODUCT_ROOTS = ['shared', 'main', 'preload', 'renderer'] as const;
const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', 'coverage']);
const LINTED_FILE = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;

export function zoneOf(repoPath: string): Zone {
  const p = repoPath.replace(/\\/g, '/').replace(/^\.\//, '');
  if (p === '..' || p.startsWith('../') || p.startsWith('/')) return 'outside';
  const [top, second] = p.split('/');
  switch (top) {
    case 'shared':
      return 'shared';
    case 'preload':
      return 'preload';
    case 'renderer':
      return 'renderer';
    case 'test':
      return 'test';
    case 'main':
      if (second === 'services' || second === 'electron' || second === 'serve' || second === 'launch') {
        return `main/${second}`;
      }
      return 'main';
    default:
      return 'other';
  }
}

// ---------------------------------------------------------------------------------------------
// Collecting module references

export interface ModuleRef {
  specifier: string;
  /** 1-based */
  line: number;
  kind: 'import' | 'import-type' | 'export' | 'import-equals' | 'dynamic-import' | 'require' | 'type-query' | 'reference-path' | 'reference-types' | 'reference-lib';
}

function scriptKindFor(path: string): ts.ScriptKind {
  if (/\.tsx$/.test(path)) return ts.ScriptKind.TSX;
  if (/\.jsx$/.test(path)) return ts.ScriptKind.JSX;
  if (/\.(js|mjs|cjs)$/.test(path)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

function literalText(node: ts.Node | undefined): string | undefined {
  if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) return node.text;
  return undefined;
}

/** Every module reference in a source text, with its line. */
export function collectModuleRefs(path: string, sourceText: string): ModuleRef[] {
  const sf = ts.createSourceFile(path, sourceText, ts.ScriptTarget.Latest, true, scriptKindFor(path));
  const refs: ModuleRef[] = [];
  const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1;
  const add = (node: ts.Node, specifier: string, kind: ModuleRef['kind']) =>
    refs.push({ specifier, line: lineOf(node.getStart(sf)), kind });

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const s = literalText(node.moduleSpecifier);
      if (s !== undefined) add(node.moduleSpecifier, s, node.importClause?.isTypeOnly ? 'import-type' : 'import');
    } else if (ts.isExportDeclaration(node)) {
      const s = literalText(node.moduleSpecifier);
      if (s !== undefined && node.moduleSpecifier) add(node.moduleSpecifier, s, 'export');
    } else if (ts.isImportEqualsDeclaration(node)) {
      if (ts.isExternalModuleReference(node.moduleReference)) {
        const e = node.moduleReference.expression;
        const s = literalText(e);
        if (s !== undefined) add(e, s, 'import-equals');
      }
    } else if (ts.isCallExpression(node)) {
      const arg = node.arguments[0];
      const s = literalText(arg);
      if (s !== undefined && arg) {
        if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
          add(arg, s, 'dynamic-import');
        } else if (ts.isIdentifier(node.expression) && node.expression.text === 'require') {
          // `require('x')` loads x. `require.resolve('x')` / `import.meta.resolve('x')` only locate
          // it (main/launch does that to check whether the electron runtime exists): not imports.
          add(arg, s, 'require');
        }
      }
    } else if (ts.isImportTypeNode(node)) {
      // `typeof import('x')` / `import('x').T` in a type position
      if (ts.isLiteralTypeNode(node.argument)) {
        const s = literalText(node.argument.literal);
        if (s !== undefined) add(node.argument.literal, s, 'type-query');
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);

  // Triple-slash directives: the parser records them on the source file.
  for (const r of sf.referencedFiles) refs.push({ specifier: r.fileName, line: lineOf(r.pos), kind: 'reference-path' });
  for (const r of sf.typeReferenceDirectives) refs.push({ specifier: r.fileName, line: lineOf(r.pos), kind: 'reference-types' });
  for (const r of sf.libReferenceDirectives) refs.push({ specifier: r.fileName, line: lineOf(r.pos), kind: 'reference-lib' });

  return refs.sort((a, b) => a.line - b.line);
}

// ---------------------------------------------------------------------------------------------
// Classifying and resolving specifiers

const BUILTINS = new Set(builtinModules);

export function isNodeBuiltin(specifier: string): boolean {
  if (specifier.startsWith('node:')) return true;
  return BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0] ?? '');
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** Strip a Vite-style query (`./worker.ts?worker`, `x.wasm?url`) or hash. */
function stripQuery(specifier: string): string {
  return specifier.replace(/[?#].*$/, '');
}

/** Not a module we can reason about: URLs, Vite virtual modules, absolute public paths. */
function isIgnoredSpecifier(specifier: string): boolean {
  return /^(virtual:|data:|https?:|file:|\/|\0)/.test(specifier) || specifier === '';
}

function isRelative(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

const CODE_EXTS = ['.ts', '.tsx', '.mts', '.cts', '.d.ts', '.js', '.jsx', '.mjs', '.cjs', '.json'];
const INDEX_FILES = ['index.ts', 'index.tsx', 'index.mts', 'index.js', 'index.jsx', 'index.mjs'];

/**
 * The repo-relative path a relative specifier points at. With `resolveExists` it tries what the
 * bundler and tsx would: the path as written, `.js`→`.ts/.tsx` (ESM-style TS imports), the code
 * extensions, then `<dir>/index.*`. Without it (or when nothing exists, e.g. a file being
 * written) the normalized path is returned: the zone depends only on its folder.
 */
export function resolveRelative(
  fromFile: string,
  specifier: string,
  resolveExists?: (repoPath: string) => boolean,
): string {
  const base = posix.normalize(posix.join(posix.dirname(fromFile.replace(/\\/g, '/')), stripQuery(specifier)));
  if (!resolveExists) return base;
  const candidates: string[] = [];
  const ext = posix.extname(base);
  if (ext) candidates.push(base);
  const stem = ext ? base.slice(0, -ext.length) : base;
  if (ext === '.js' || ext === '.jsx') candidates.push(`${stem}.ts`, `${stem}.tsx`);
  if (ext === '.mjs') candidates.push(`${stem}.mts`);
  if (ext === '.cjs') candidates.push(`${stem}.cts`);
  for (const e of CODE_EXTS) candidates.push(base + e);
  for (const i of INDEX_FILES) candidates.push(`${base}/${i}`);
  for (const c of candidates) if (resolveExists(c)) return c;
  return base;
}

// ---------------------------------------------------------------------------------------------
// Policy

/** Packages that belong to the renderer (UI, its store, its state): never in shared/ or the host. */
const RENDERER_ONLY_PACKAGES = [
  'dexie',
  'dexie-react-hooks',
  'antd',
  /^@ant-design\//,
  'zustand',
  'fake-indexeddb',
  'happy-dom',
  /^@testing-library\//,
];
/** UI libraries that are not renderer-only in principle (server-side rendering) but never in shared/. */
const UI_PACKAGES = ['react', 'react-dom', /^react-/, /^@tanstack\/react-/, /^echarts/, '@zxing/library'];
/** Packages that need Node or a host process: never in shared/ or the renderer. */
const HOST_ONLY_PACKAGES = [
  'ws',
  'pg',
  'serialport',
  /^@serialport\//,
  'node-thermal-printer',
  'electron-store',
  'electron-updater',
  'electron-log',
  /^electron-/,
  'playwright',
  'playwright-core',
  /^@playwright\//,
  'undici',
  'tsx',
  'vite',
  'vitest',
  /^@vitest\//,
  'esbuild',
  /^@aws-sdk\//,
  'webdav',
  'webdav-server',
  's3rver',
  'graceful-fs',
  'fs-extra',
];

function matches(list: (string | RegExp)[], pkg: string): boolean {
  return list.some((m) => (typeof m === 'string' ? m === pkg : m.test(pkg)));
}

/** Which other zones each zone may import by path (its own zone is always fine). */
const ALLOWED_TARGETS: Record<Exclude<Zone, 'test' | 'other' | 'outside'>, Zone[]> = {
  shared: ['shared', 'other'],
  'main/services': ['shared', 'main/services', 'main', 'other'],
  'main/electron': ['shared', 'main/services', 'main/electron', 'main', 'other'],
  'main/serve': ['shared', 'main/services', 'main/serve', 'main', 'other'],
  'main/launch': ['shared', 'main/services', 'main/serve', 'main/launch', 'main', 'other'],
  main: ['shared', 'main/services', 'main', 'other'],
  preload: ['preload', 'shared'], // shared/ only for shared/contract: checked separately
  renderer: ['shared', 'renderer', 'other'],
};

const ZONE_LABEL: Record<Zone, string> = {
  shared: 'shared/',
  'main/services': 'main/services/',
  'main/electron': 'main/electron/',
  'main/serve': 'main/serve/',
  'main/launch': 'main/launch/',
  main: 'main/',
  preload: 'preload/',
  renderer: 'renderer/',
  test: 'test/',
  other: 'that folder',
  outside: 'outside the repository',
};

/** Why each zone is shaped like it is, and where code that needs the forbidden thing belongs. */
const FIX: Record<Rule, (zone: Zone, target: string) => string> = {
  'no-node-builtins': (zone) =>
    zone === 'shared'
      ? 'shared/ must run in the renderer, the ingest worker and Node alike: use a pure library (e.g. @noble/hashes instead of crypto), or move the Node-dependent part to main/services/ and pass its result in through the contract'
      : zone === 'preload'
        ? 'preload/ is bundled and sandboxed: expose only invoke/on over electron’s contextBridge and do the work in main/services/'
        : 'the renderer runs in the browser: ask the host for it through a shared/contract request (main/services/ does the Node work) or use a browser API',
  'no-electron-import': (zone) =>
    zone === 'main/launch'
      ? 'main/launch/ only checks whether the runtime exists: use createRequire(import.meta.url).resolve("electron") or read node_modules/electron/path.txt and spawn the binary; app code that needs electron goes in main/electron/'
      : zone === 'renderer'
        ? 'the renderer talks to the host only through the contract client (preload bridge or WebSocket); Electron APIs are used in main/electron/ and exposed as a contract request'
        : zone === 'shared'
          ? 'shared/ is pure: move the Electron-dependent code to main/electron/ and keep only the pure logic here'
          : 'only main/electron/ (and preload/) import electron: put an interface in main/services/ (e.g. a SecretStore or Updater port) and implement it in main/electron/, which injects it when composing the services',
  'shared-pure-libs': (_zone, target) =>
    `'${target}' is not a pure library: shared/ holds domain rules, reducers, mutators and the contract; put UI and storage code in renderer/ and host code in main/services/, and pass plain data into shared/ functions`,
  'shared-no-dom': () =>
    'shared/ is compiled without DOM and Node typings on purpose (tsconfig.shared.json); remove the directive, and declare any host-neutral global narrowly in shared/globals.d.ts',
  'host-no-renderer-libs': (_zone, target) =>
    `'${target}' belongs to the renderer (the host keeps no business state and has no UI): keep business data in the renderer's Dexie store and let the host answer over the contract`,
  'renderer-browser-libs': (_zone, target) =>
    `'${target}' needs Node or a host process: do that work in main/services/ behind a shared/contract request, or use the browser API (e.g. the native WebSocket instead of ws)`,
  'preload-bridge-only': () =>
    'preload/ is one generic bridge: import only electron (contextBridge, ipcRenderer) and the contract names from shared/contract; anything else belongs in main/ or renderer/',
  'no-import-main': (zone) =>
    zone === 'shared'
      ? 'shared/ is pure and imported by everyone: move the shared part (types, rules) into shared/ and have main/ import it, not the other way round'
      : zone === 'preload'
        ? 'preload/ only forwards contract names: the host code stays in main/ and is reached through ipcRenderer.invoke'
        : 'the renderer reaches the host only through the contract client: add a request or event to shared/contract, and move shared types to shared/',
  'no-import-main-electron': (zone) =>
    `${ZONE_LABEL[zone]} must run without Electron (serve mode, tests): define the capability as an interface in main/services/ and let main/electron/ implement and inject it`,
  'no-import-main-serve': (zone) =>
    `${ZONE_LABEL[zone]} and main/serve/ are separate binders of the same services: move the common code to main/services/ (or the contract to shared/contract)`,
  'no-import-main-launch': (zone) =>
    `main/launch/ holds the entry points and is imported by nobody: move the code ${ZONE_LABEL[zone]} needs into main/services/`,
  'no-import-renderer': (zone) =>
    zone === 'shared'
      ? 'shared/ must not depend on the UI: move the pure part into shared/ and let renderer/ import it'
      : `${ZONE_LABEL[zone]} never imports renderer source: shared types and rules go to shared/, and the host talks to the renderer only through shared/contract events`,
  'no-import-preload': (zone) =>
    `preload/ is a separately bundled, sandboxed bridge that nothing imports; ${ZONE_LABEL[zone]} should import the contract from shared/contract instead`,
  'no-import-test': () =>
    'product code never imports test/: move the helper into the product folder it serves (or shared/), or inject it from the test',
  'no-import-outside-repo': () =>
    'product code may only import files inside the repository (and packages): copy the data into the repo or read it at run time',
  'renderer-feature-index-only': (_zone, target) =>
    `features talk to each other only through their index: export what you need from ${target}/index.ts(x) and import the feature folder itself (e.g. '../${target.split('/').pop()}') instead`,
};

function what(rule: Rule, zone: Zone, ref: ModuleRef, target: string): string {
  const from = ZONE_LABEL[zone];
  const s = `'${ref.specifier}'`;
  switch (rule) {
    case 'no-node-builtins':
      return ref.kind === 'reference-types'
        ? `${from} pulls in Node typings with /// <reference types=${s} />`
        : `${from} must not import the Node builtin ${s}`;
    case 'no-electron-import':
      return `${from} must not import electron (${s})`;
    case 'shared-pure-libs':
      return `shared/ must not import the UI/host package ${s}`;
    case 'shared-no-dom':
      return `shared/ must not pull in the ${s} library typings with /// <reference lib=${s} />`;
    case 'host-no-renderer-libs':
      return `${from} must not import the renderer-only package ${s}`;
    case 'renderer-browser-libs':
      return `renderer/ must not import the Node/host package ${s}`;
    case 'preload-bridge-only':
      return `preload/ may import only electron and shared/contract, not ${s} (${target})`;
    case 'no-import-main':
      return `${from} must not import main/ (${s} → ${target})`;
    case 'no-import-main-electron':
      return `${from} must not import main/electron/ (${s} → ${target})`;
    case 'no-import-main-serve':
      return `${from} must not import main/serve/ (${s} → ${target})`;
    case 'no-import-main-launch':
      return `${from} must not import main/launch/ (${s} → ${target})`;
    case 'no-import-renderer':
      return `${from} must not import renderer/ (${s} → ${target})`;
    case 'no-import-preload':
      return `${from} must not import preload/ (${s} → ${target})`;
    case 'no-import-test':
      return `product code must not import test/ (${s} → ${target})`;
    case 'no-import-outside-repo':
      return `${s} points outside the repository`;
    case 'renderer-feature-index-only':
      return `a feature may import another feature only through its index (${s} → ${target})`;
  }
}

/** renderer/features/<name>/… → name */
function featureOf(repoPath: string): string | undefined {
  const m = /^renderer\/features\/([^/]+)\//.exec(repoPath);
  return m?.[1];
}

function isFeatureIndex(repoPath: string, feature: string): boolean {
  const rest = repoPath.slice(`renderer/features/${feature}`.length);
  return rest === '' || rest === '/' || /^\/index(\.(ts|tsx|mts|js|jsx|mjs))?$/.test(rest);
}

/** Decide the rule a single reference breaks, if any. Returns [rule, target description]. */
function judge(
  file: string,
  zone: Exclude<Zone, 'test' | 'other' | 'outside'>,
  ref: ModuleRef,
  resolveExists?: (p: string) => boolean,
): [Rule, string] | undefined {
  const spec = ref.specifier;

  // /// <reference lib="…" />: only shared/ is kept free of DOM/Node typings by its tsconfig.
  if (ref.kind === 'reference-lib') {
    return zone === 'shared' && /^(dom|webworker|scripthost)/i.test(spec) ? ['shared-no-dom', spec] : undefined;
  }
  // /// <reference types="node" /> (or "electron") defeats the per-zone typings.
  if (ref.kind === 'reference-types') {
    if ((spec === 'node' || spec.startsWith('node/')) && (zone === 'shared' || zone === 'preload' || zone === 'renderer')) {
      return ['no-node-builtins', spec];
    }
    if (spec === 'electron' && zone !== 'main/electron' && zone !== 'preload') return ['no-electron-import', spec];
    return undefined;
  }

  if (isIgnoredSpecifier(spec)) return undefined;

  // ---- relative: find the target zone
  if (isRelative(spec) || ref.kind === 'reference-path') {
    const target = resolveRelative(file, ref.kind === 'reference-path' && !isRelative(spec) ? `./${spec}` : spec, resolveExists);
    const tz = zoneOf(target);
    if (tz === 'outside') return ['no-import-outside-repo', target];
    if (tz === 'test') return ['no-import-test', target];

    if (zone === 'renderer' && tz === 'renderer') {
      const own = featureOf(file);
      const other = featureOf(target.endsWith('/') ? target : `${target}/`);
      if (own !== undefined && other !== undefined && own !== other && !isFeatureIndex(target, other)) {
        return ['renderer-feature-index-only', `renderer/features/${other}`];
      }
      return undefined;
    }
    if (zone === 'preload' && tz === 'shared') {
      return target === 'shared/contract' || target.startsWith('shared/contract/') || /^shared\/contract\.(ts|js)$/.test(target)
        ? undefined
        : ['preload-bridge-only', target];
    }

    const allowed = ALLOWED_TARGETS[zone];
    if (tz === zone || allowed.includes(tz)) return undefined;
    switch (tz) {
      case 'renderer':
        return ['no-import-renderer', target];
      case 'preload':
        return ['no-import-preload', target];
      case 'main/electron':
        return zone === 'shared' || zone === 'renderer' || zone === 'preload' ? ['no-import-main', target] : ['no-import-main-electron', target];
      case 'main/serve':
        return zone === 'shared' || zone === 'renderer' || zone === 'preload' ? ['no-import-main', target] : ['no-import-main-serve', target];
      case 'main/launch':
        return zone === 'shared' || zone === 'renderer' || zone === 'preload' ? ['no-import-main', target] : ['no-import-main-launch', target];
      case 'main/services':
      case 'main':
        return ['no-import-main', target];
      case 'other':
        return zone === 'preload' ? ['preload-bridge-only', target] : undefined;
      default:
        return undefined;
    }
  }

  // ---- bare: builtin, electron, or a package
  const bare = stripQuery(spec);
  if (isNodeBuiltin(bare)) {
    return zone === 'shared' || zone === 'preload' || zone === 'renderer' ? ['no-node-builtins', bare] : undefined;
  }
  const pkg = packageName(bare);
  if (pkg === 'electron') {
    return zone === 'main/electron' || zone === 'preload' ? undefined : ['no-electron-import', pkg];
  }
  switch (zone) {
    case 'shared':
      return matches(RENDERER_ONLY_PACKAGES, pkg) || matches(UI_PACKAGES, pkg) || matches(HOST_ONLY_PACKAGES, pkg)
        ? ['shared-pure-libs', pkg]
        : undefined;
    case 'renderer':
      return matches(HOST_ONLY_PACKAGES, pkg) ? ['renderer-browser-libs', pkg] : undefined;
    case 'preload':
      return ['preload-bridge-only', pkg];
    default: // main/*
      return matches(RENDERER_ONLY_PACKAGES, pkg) ? ['host-no-renderer-libs', pkg] : undefined;
  }
}

/**
 * Lint one file's imports. `repoRelativePath` decides the zone (it need not exist: tests pass a
 * pretend path). `resolveExists(repoPath)` lets relative specifiers resolve like the bundler
 * (extensions, index files); without it the zone is taken from the specifier's folder.
 * Files outside the product folders (test/, scripts/…) have no rules and yield [].
 */
export function checkFile(
  repoRelativePath: string,
  sourceText: string,
  resolveExists?: (p: string) => boolean,
): Violation[] {
  const file = repoRelativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  const zone = zoneOf(file);
  if (zone === 'test' || zone === 'other' || zone === 'outside') return [];
  const out: Violation[] = [];
  for (const ref of collectModuleRefs(file, sourceText)) {
    const verdict = judge(file, zone, ref, resolveExists);
    if (!verdict) continue;
    const [rule, target] = verdict;
    out.push({
      file,
      line: ref.line,
      specifier: ref.specifier,
      rule,
      message: `${what(rule, zone, ref, target)} — at ${file}:${ref.line} [${rule}]. Fix: ${FIX[rule](zone, target)}.`,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Whole repository

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Repo-relative paths (forward slashes) of every file the linter checks. */
export function listProductFiles(root: string = REPO_ROOT): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && LINTED_FILE.test(e.name)) files.push(relative(root, full).split(sep).join('/'));
    }
  };
  for (const top of PRODUCT_ROOTS) walk(join(root, top));
  return files.sort();
}

export interface LintResult {
  files: number;
  violations: Violation[];
}

export function lintRepo(root: string = REPO_ROOT): LintResult {
  const isFile = (p: string) => {
    const full = join(root, p);
    try {
      return existsSync(full) && statSync(full).isFile();
    } catch {
      return false;
    }
  };
  const files = listProductFiles(root);
  const violations = files.flatMap((f) => checkFile(f, readFileSync(join(root, f), 'utf8'), isFile));
  return { files: files.length, violations };
}

function main(): void {
  const { files, violations } = lintRepo();
  if (violations.length > 0) {
    for (const v of violations) console.log(`${v.file}:${v.line}  ${v.message}`);
    console.error(`import rules: ${files} files checked, ${violations.length} violation${violations.length === 1 ? '' : 's'}`);
    process.exit(1);
  }
  console.log(`import rules: ${files} files checked, 0 violations`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
