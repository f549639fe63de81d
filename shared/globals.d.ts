// shared/ is compiled without DOM or Node typings (it must run in both). These are the few
// host-neutral globals it relies on, declared narrowly so nothing else slips in.
declare function setTimeout(handler: () => void, ms?: number): unknown;
declare function clearTimeout(handle: unknown): void;
declare const console: { log(...a: unknown[]): void; warn(...a: unknown[]): void; error(...a: unknown[]): void };
/** base64 ⇄ binary string: both runtimes have them (print jobs cross the contract as base64) */
declare function btoa(data: string): string;
declare function atob(data: string): string;
