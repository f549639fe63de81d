// Sync panel: per-shop pull status from the host, and "pull now".
export { SyncPanel } from './SyncPanel';
export { humanDuration } from './duration';
