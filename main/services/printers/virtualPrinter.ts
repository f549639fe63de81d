// A printer on a real TCP socket (port 0 on loopback, or a fixed port for the demo): every
// connection is one job, captured byte for byte. Tests decode what it got; the demo station
// uses it as its label printer. Stopping it makes the port refuse, as a printer switched off.
import net from 'node:net';

export interface CapturedJob { at: number; bytes: Buffer; remote: string }

export class VirtualPrinter {
  readonly jobs: CapturedJob[] = [];
  private server?: net.Server;
  private waiters: { n: number; resolve: () => void }[] = [];
  private readonly sockets = new Set<net.Socket>();

  constructor(private readonly now: () => number = Date.now) {}

  async start(port = 0, host = '127.0.0.1'): Promise<{ host: string; port: number }> {
    const server = net.createServer((sock) => {
      this.sockets.add(sock);
      sock.on('close', () => this.sockets.delete(sock));
      const parts: Buffer[] = [];
      sock.on('data', (d) => parts.push(d));
      sock.on('error', () => undefined);
      sock.on('end', () => {
        this.jobs.push({ at: this.now(), bytes: Buffer.concat(parts), remote: `${sock.remoteAddress}:${sock.remotePort}` });
        sock.end();
        this.wake();
      });
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(port, host, () => resolve()); });
    return { host, port: (server.address() as net.AddressInfo).port };
  }

  get port(): number { return (this.server?.address() as net.AddressInfo | undefined)?.port ?? 0; }

  /** resolves once `n` jobs have arrived in all */
  waitForJobs(n: number): Promise<void> {
    if (this.jobs.length >= n) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ n, resolve }));
  }

  private wake(): void {
    this.waiters = this.waiters.filter((w) => (this.jobs.length >= w.n ? (w.resolve(), false) : true));
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}
