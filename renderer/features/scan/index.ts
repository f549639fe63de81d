// Scan input: keyboard-wedge bursts, injected camera/serial scans, and their feedback.
export { classifyBurst, DEFAULT_BURST, type BurstOptions, type BurstVerdict, type TimedKey } from './classify';
export { resolveKey, charFromCode } from './keys';
export { createScanService, type ScanHandler, type ScanMeta, type ScanOutcome, type ScanService, type ScanSource } from './service';
export { startScanService, subscribeScans, injectScan } from './defaultService';
export { announceScan, useScanFeedback } from './feedback';
export { useSound, playTone, playSound, installAudioResume, type Tone } from './sound';
export { ScanFeedback } from './ScanFeedback';
export { useScans } from './useScans';
