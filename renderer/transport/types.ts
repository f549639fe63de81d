// A transport moves contract messages; feature code never knows which one it is.
export interface Transport {
  readonly kind: 'ipc' | 'websocket';
  invoke(name: string, input: unknown): Promise<unknown>;
  on(name: string, handler: (payload: unknown) => void): () => void;
  /** connection state changes (the desktop bridge is always "open") */
  onState(handler: (state: ConnectionState) => void): () => void;
  readonly state: ConnectionState;
}
export type ConnectionState = 'connecting' | 'open' | 'closed';

/** What the desktop preload exposes on window.wharf (next issue). */
export interface Bridge {
  invoke(name: string, input: unknown): Promise<unknown>;
  on(name: string, handler: (payload: unknown) => void): () => void;
}
