// Pool table columns: one list drives the header, the cells and the CSS grid, so they cannot
// drift apart. Widths in px; the items column takes the rest (at least `min`), so the whole
// row fits a 1440 px screen without sideways scrolling and grows on wider ones.
export const COLUMNS = [
  { id: 'platform', width: 84 },
  { id: 'shop', width: 120 },
  { id: 'orderId', width: 178 },
  { id: 'times', width: 104 },
  { id: 'buyer', width: 84 },
  { id: 'region', width: 158 },
  { id: 'items', width: 0, min: 240 },
  { id: 'amount', width: 90, align: 'right' as const },
  { id: 'channel', width: 124 },
  { id: 'fulfilment', width: 88 },
  { id: 'holds', width: 140 },
] as const;

export type ColumnId = (typeof COLUMNS)[number]['id'];

export const GRID_TEMPLATE = COLUMNS.map((c) => ('min' in c ? `minmax(${c.min}px, 1fr)` : `${c.width}px`)).join(' ');
export const TABLE_MIN_WIDTH = COLUMNS.reduce((a, c) => a + ('min' in c ? c.min : c.width), 0);
/** two text lines (e.g. items + the highlighted note line) with a little air */
export const ROW_HEIGHT = 44;
export const HEADER_HEIGHT = 36;
