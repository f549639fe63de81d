// One request through the contract, whichever binder carried it (WebSocket in serve mode, IPC
// in the desktop shell): the input parsed with the request's schema, the same service called,
// the output checked, every failure a typed error. Both binders answer exactly alike.
import { ZodError } from 'zod';
import { isRequestName, requests, WharfError, type ContractError } from '../../shared/contract';
import { describeIssues } from '../../shared/domain/company';
import type { Handlers } from './host';

export type Answer = { ok: true; output: unknown } | { ok: false; error: ContractError };

function toContractError(e: unknown, name: string): ContractError {
  if (e instanceof WharfError) return e.toJSON();
  if (e instanceof ZodError) {
    return { code: 'invalid_input', message: `${name}: ${describeIssues(e.issues)}`, issues: e.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
  }
  return { code: 'internal', message: `${name} failed inside the host: ${e instanceof Error ? e.message : String(e)} — see the host log` };
}

export async function dispatch(handlers: Handlers, name: string, input: unknown): Promise<Answer> {
  if (!isRequestName(name)) {
    return { ok: false, error: { code: 'unknown_request', message: `"${name}" is not a Wharf request; the host and app versions may differ` } };
  }
  const decl = requests[name];
  const parsed = decl.input.safeParse(input ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid_input', message: `${name}: ${describeIssues(parsed.error.issues)}`, issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) } };
  }
  try {
    const out = await (handlers[name] as (i: unknown) => Promise<unknown>)(parsed.data);
    const checked = decl.output.safeParse(out);
    if (!checked.success) {
      return { ok: false, error: { code: 'invalid_output', message: `${name}: the host produced an invalid answer (${describeIssues(checked.error.issues)}) — a bug, please report it` } };
    }
    return { ok: true, output: checked.data };
  } catch (e) {
    return { ok: false, error: toContractError(e, name) };
  }
}
