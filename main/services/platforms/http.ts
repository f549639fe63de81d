// One platform HTTP round trip for every connector: request budget first, a timeout, and every
// failure turned into a PlatformCallError that says whether retrying can help. Retries back off
// on the injected sleep, so tests and catch-up benchmarks never wait for real.
import { PlatformCallError, type ConnectorDeps } from './types';

export interface HttpRequestSpec {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

/** Reads the platform's envelope: returns the payload or throws its PlatformCallError. */
export type EnvelopeReader = (status: number, text: string) => unknown;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function backoffMs(attempt: number, minMs = 500): number {
  return Math.min(16_000, minMs * 2 ** (attempt - 1));
}

export interface PlatformHttp {
  /** one try: budget, send, read the envelope */
  once(api: string, spec: HttpRequestSpec, read: EnvelopeReader, signal?: AbortSignal): Promise<unknown>;
  /**
   * Tries until success, a non-retryable error or maxAttempts. `build` runs per attempt so the
   * timestamp and signature are fresh (a platform refuses a stale timestamp).
   */
  call(api: string, build: () => HttpRequestSpec, read: EnvelopeReader, signal?: AbortSignal): Promise<unknown>;
  sleep(ms: number): Promise<void>;
}

export function createPlatformHttp(deps: ConnectorDeps, maxAttempts = 5): PlatformHttp {
  const doFetch = deps.fetch ?? fetch;
  const sleep = deps.sleep ?? defaultSleep;
  const timeoutMs = deps.timeoutMs ?? 15_000;

  async function once(api: string, spec: HttpRequestSpec, read: EnvelopeReader, signal?: AbortSignal): Promise<unknown> {
    await deps.budget?.take(signal);
    const timeout = AbortSignal.timeout(timeoutMs);
    let status: number;
    let text: string;
    try {
      const res = await doFetch(spec.url, { method: spec.method, headers: spec.headers, body: spec.body, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
      status = res.status;
      text = await res.text();
    } catch (e) {
      if (signal?.aborted) throw signal.reason ?? e;
      if (timeout.aborted) throw new PlatformCallError(api, 'timeout', `no answer within ${timeoutMs} ms`, true);
      const cause = (e as { cause?: Error }).cause;
      throw new PlatformCallError(api, 'network', `${(e as Error).message}${cause ? ` (${cause.message})` : ''}`, true);
    }
    return read(status, text);
  }

  async function call(api: string, build: () => HttpRequestSpec, read: EnvelopeReader, signal?: AbortSignal): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await once(api, build(), read, signal);
      } catch (e) {
        if (!(e instanceof PlatformCallError) || !e.retryable || attempt >= maxAttempts) throw e;
        await sleep(backoffMs(attempt, e.code === 'rate_limited' ? 1000 : 500));
      }
    }
  }

  return { once, call, sleep };
}

/** Shared first look at an answer: not JSON → a transport-level PlatformCallError. */
export function parseBody(api: string, status: number, text: string, parse: (t: string) => unknown = JSON.parse): unknown {
  try {
    return parse(text);
  } catch {
    if (status >= 500) throw new PlatformCallError(api, `http_${status}`, text.slice(0, 200), true, undefined, status);
    if (status !== 200) throw new PlatformCallError(api, `http_${status}`, text.slice(0, 200), false, undefined, status);
    throw new PlatformCallError(api, 'malformed', `response is not complete JSON (${text.length} bytes): ${text.slice(0, 120)}`, true, undefined, status);
  }
}

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
