// A transport moves contract messages; feature code never knows which one it is.
import type { EventName } from '../../shared/contract';

export interface Transport {
  readonly kind: 'ipc' | 'websocket';
  invoke(name: string, input: unknown): Promise<unknown>;
  on(name: string, handler: (payload: unknown) => void): () => void;
  /**
   * Bulk events (inbox.batch) as their unparsed frame text, for a worker to parse and validate;
   * such frames then skip on() and the main thread never parses them.
   */
  onFrame(name: EventName, handler: (text: string) => void): () => void;
  /** connection state changes (the desktop bridge is always "open") */
  onState(handler: (state: ConnectionState) => void): () => void;
  readonly state: ConnectionState;
}
export type ConnectionState = 'connecting' | 'open' | 'closed';

/** What the desktop preload exposes on window.wharf (preload/index.ts). */
export interface Bridge {
  /** resolves with the host's answer, a typed error included (errors do not cross the bridge as throws) */
  invoke(name: string, input: unknown): Promise<unknown>;
  on(name: string, handler: (payload: unknown) => void): () => void;
  /** event frames as text (see Transport.onFrame) */
  onFrame?(name: string, handler: (text: string) => void): () => void;
}
