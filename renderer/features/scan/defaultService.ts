// The app's single scan service on the window, shared by every screen.
import { createScanService, type ScanHandler, type ScanService, type ScanSource, type SubscribeOptions } from './service';
import { announceScan } from './feedback';
import { installAudioResume } from './sound';

let service: ScanService | undefined;

/** Installs the window listener once (idempotent). Every scan then beeps and shows text. */
export function startScanService(): ScanService {
  service ??= createScanService({ feedback: announceScan });
  if (typeof window !== 'undefined') installAudioResume(window);
  return service;
}

export function subscribeScans(handler: ScanHandler, opts?: SubscribeOptions): () => void {
  return startScanService().subscribe(handler, opts);
}

/** For the camera and serial scanners (host events) and manual entry. */
export function injectScan(code: string, source: ScanSource = 'manual'): Promise<void> {
  return startScanService().inject(code, source);
}
