// Every string the UI asks for exists in both languages, including the families built from
// domain enums (statuses, roles, platforms, event types).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../renderer/i18n/zh-CN';
import { en } from '../../renderer/i18n/en';
import { CHANNEL_STATUSES, FULFILMENTS, PLATFORMS, ROLES } from '../../shared/domain/types';
import { EVENT_PAYLOADS } from '../../shared/events/envelope';
import { ERROR_CODES, REVEAL_SCENES } from '../../shared/contract';

function lookup(tree: unknown, key: string): unknown {
  // i18next splits on '.', but event types ("order.pulled") are single keys under "event"
  const [head, ...rest] = key.split('.');
  const node = (tree as Record<string, unknown> | undefined)?.[head!];
  if (!rest.length || node === undefined) return rest.length ? undefined : node;
  const whole = (node as Record<string, unknown> | undefined)?.[rest.join('.')];
  return typeof whole === 'string' ? whole : lookup(node, rest.join('.'));
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const root = path.resolve(__dirname, '../../renderer');
const literalKeys = [...new Set(sources(root).flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_.]+)'/g)].map((m) => m[1]!)))];

describe('translations', () => {
  it('finds the keys the code uses', () => {
    expect(literalKeys.length).toBeGreaterThan(100);
  });

  it.each([['zh-CN', zhCN], ['en', en]] as const)('%s has every literal key used in renderer/', (_name, tree) => {
    const missing = literalKeys.filter((k) => typeof lookup(tree, k) !== 'string' || !(lookup(tree, k) as string).trim());
    expect(missing).toEqual([]);
  });

  it.each([['zh-CN', zhCN], ['en', en]] as const)('%s labels every domain enum the UI shows', (_name, tree) => {
    const keys = [
      ...CHANNEL_STATUSES.map((s) => `channel.${s}`),
      ...FULFILMENTS.map((s) => `fulfilment.${s}`),
      ...ROLES.map((s) => `role.${s}`),
      ...PLATFORMS.map((s) => `platform.${s}`),
      ...Object.keys(EVENT_PAYLOADS).map((s) => `event.${s}`),
      ...ERROR_CODES.map((s) => `errors.${s}`),
      ...[0, 1, 2, 3, 4, 5].map((f) => `flag.f${f}`),
      ...REVEAL_SCENES.map((s) => `reveal.scene.${s}`),
    ];
    expect(keys.filter((k) => typeof lookup(tree, k) !== 'string')).toEqual([]);
  });

  it('keeps interpolation placeholders the same in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(',');
    const walk = (a: unknown, b: unknown, at: string): string[] => {
      if (typeof a === 'string') return placeholders(a) === placeholders(b as string) ? [] : [at];
      return Object.keys(a as object).flatMap((k) => walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`));
    };
    expect(walk(zhCN, en, '')).toEqual([]);
  });
});
