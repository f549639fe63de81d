// The host's recent log lines, redacted, for "copy diagnostics": support sees what happened
// without anyone hunting for a log file (and without a buyer's phone or address in it).
import { redact } from './redact';

export class LogRing {
  private readonly lines: string[] = [];
  constructor(private readonly max = 300) {}
  add(at: number, msg: string): void {
    this.lines.push(`${new Date(at).toISOString()} ${redact(msg)}`);
    if (this.lines.length > this.max) this.lines.splice(0, this.lines.length - this.max);
  }
  recent(): string[] { return [...this.lines]; }
}
