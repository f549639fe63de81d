// After a local event is written, the journal pump is nudged so the change reaches the host's
// journal without waiting for the next pulled batch. Boot wires the real pump in.
let notify: () => void = () => undefined;

export function setJournalNotifier(fn: () => void): void {
  notify = fn;
}

export function notifyJournal(): void {
  notify();
}
