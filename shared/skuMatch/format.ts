// Numbers and texts as reasons show them.

export function fmt(n: number): string {
  return n.toFixed(2);
}

/** A long alias text cut for a reason line. */
export function short(text: string): string {
  const t = text.trim();
  return t.length > 24 ? `${t.slice(0, 23)}…` : t;
}
