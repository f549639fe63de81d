// Walking order of shelf locations. Codes like "A-02-10" must sort as a picker walks them:
// aisle A before B, shelf 2 before 10 (plain string order puts "A-10" before "A-2").
// Unlocated stock ('') goes last: the picker has to look for it anyway.

const PART = /(\d+)|(\D+)/g;

function parts(code: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of code.toUpperCase().matchAll(PART)) out.push(m[1] !== undefined ? Number(m[1]) : m[2]!);
  return out;
}

export function compareLocations(a: string, b: string): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    // a number segment before a text one (e.g. "A1" before "AB")
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  if (pa.length !== pb.length) return pa.length - pb.length;
  return a < b ? -1 : 1;
}
