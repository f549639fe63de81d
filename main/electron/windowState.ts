// The window comes back where it was, unless that place no longer exists (a monitor unplugged,
// a resolution changed): then it is centred on the primary display at a sane size.
export interface Rect { x: number; y: number; width: number; height: number }
export interface WindowState { bounds: Rect; maximized: boolean }

export const DEFAULT_SIZE = { width: 1440, height: 900 };
export const MIN_SIZE = { width: 1024, height: 640 };

/** How much of `a` lies inside `b`, in px². */
function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Where to open: the saved bounds if their title bar is reachable on a display, else centred. */
export function restoreBounds(saved: Partial<WindowState> | undefined, workAreas: Rect[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const centred = (): Rect => {
    const width = Math.min(DEFAULT_SIZE.width, primary.width);
    const height = Math.min(DEFAULT_SIZE.height, primary.height);
    return { x: primary.x + Math.round((primary.width - width) / 2), y: primary.y + Math.round((primary.height - height) / 2), width, height };
  };
  const b = saved?.bounds;
  const valid = b && [b.x, b.y, b.width, b.height].every(Number.isFinite) && b.width >= MIN_SIZE.width / 2 && b.height >= MIN_SIZE.height / 2;
  if (!valid) return { bounds: centred(), maximized: !!saved?.maximized };
  // the top 40 px (title bar) must be on some display, with enough of it to grab
  const titleBar = { x: b.x, y: b.y, width: b.width, height: 40 };
  const onScreen = workAreas.some((w) => overlap(titleBar, w) >= Math.min(200, b.width) * 40 * 0.5);
  if (!onScreen) return { bounds: centred(), maximized: !!saved?.maximized };
  const area = workAreas.find((w) => overlap(titleBar, w) > 0) ?? primary;
  return { bounds: { ...b, width: Math.min(b.width, area.width), height: Math.min(b.height, area.height) }, maximized: !!saved?.maximized };
}
