// Order export: the pool's orders as CSV or XLSX (standard machine preset, or localized for
// people), from the pool's button or from a #/export?… link.
export { ExportButton } from './ExportButton';
export { useExportRoute, type ExportRouteState } from './useExportRoute';
export { exportOrders, exportFileName, saveFile, EXPORT_PRESETS, type ExportPreset, type ExportFile } from './exportOrders';
export { parseExportHash, isExportHash, ExportLinkError, type ExportRequest } from './exportHash';
export { STANDARD_COLUMNS } from './standard';
export { EXPORT_FORMATS, type ExportFormat } from './encode';
