// Douyin's remark star is a colour, 0–5 = 灰 紫 青 绿 橙 红 (§13.2); Wharf's flag is 0 none, 1 red,
// 2 yellow, 3 green, 4 blue, 5 purple. Grey is Douyin's "no flag"; the rest go to the nearest
// colour (orange→yellow, cyan→blue), one to one, so a flag written back reads back the same.
const STAR_OF_FLAG = [0, 5, 4, 3, 2, 1] as const;

/** Wharf flag 0–5 → Douyin star 0–5 */
export function douyinStarOf(flag: number): number {
  const star = STAR_OF_FLAG[flag];
  if (star === undefined) throw new Error(`flag ${flag} is not 0–5`);
  return star;
}

/** Douyin star (as text) → Wharf flag, the table mapKit.flagFrom reads */
export const FLAG_OF_STAR: Record<string, number> = Object.fromEntries(STAR_OF_FLAG.map((star, flag) => [String(star), flag]));
