// Raw bytes to a network label or receipt printer (port 9100, "RAW"/JetDirect): connect, write
// the whole job, half-close, and count it sent once the printer has taken every byte. Errors
// are worded for the person at the station (which printer, what happened, what to check).
import net from 'node:net';

export interface TcpTarget { host: string; port: number }

export class PrinterSendError extends Error {
  constructor(message: string, readonly retryable: boolean) { super(message); }
}

export function sendTcp(target: TcpTarget, bytes: Uint8Array, opts: { timeoutMs?: number } = {}): Promise<{ bytes: number }> {
  const where = `${target.host}:${target.port}`;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    let settled = false;
    const sock = net.createConnection({ host: target.host, port: target.port });
    const fail = (msg: string, retryable = true) => {
      if (settled) return;
      settled = true;
      sock.destroy();
      reject(new PrinterSendError(msg, retryable));
    };
    sock.setTimeout(timeoutMs, () => fail(`printer ${where} did not take the job within ${Math.round(timeoutMs / 1000)} s; check it is on, has paper and is not paused`));
    sock.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ECONNREFUSED') fail(`printer ${where} refused the connection; check the printer's IP address and that port ${target.port} (RAW) is enabled`);
      else if (e.code === 'EHOSTUNREACH' || e.code === 'ENETUNREACH' || e.code === 'ETIMEDOUT') fail(`printer ${where} cannot be reached (${e.code}); check its network cable and IP address`);
      else if (e.code === 'ENOTFOUND') fail(`printer host "${target.host}" is not known on this network; use its IP address`, false);
      else fail(`printer ${where}: ${e.message}`);
    });
    sock.on('connect', () => {
      sock.end(bytes, () => {
        // every byte is with the OS, which still delivers it after we close; many printers
        // never close their side, so we stop the timer and let go instead of waiting for them
        if (settled) return;
        settled = true;
        sock.setTimeout(0);
        sock.destroy();
        resolve({ bytes: bytes.length });
      });
    });
  });
}
