// The warehouse floor: pack station (scan-to-verify), own labels, print queue, station printers.
export { FloorPage } from './FloorPage';
export { usePackStation, stationScan, type ScanVerdictDetail } from './packStation';
export { renderLabelJob } from './label/labelClient';
export { encodeLabel, encodeLabelBase64 } from './label/encode';
