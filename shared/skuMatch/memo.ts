// A bounded memo: platform listings repeat, so most lines were decided before. The oldest
// entry goes first when full (a Map iterates in insertion order), which keeps both get and set O(1).
export class Memo<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V): void {
    if (this.max <= 0) return;
    if (this.map.size >= this.max && !this.map.has(key)) this.map.delete(this.map.keys().next().value as string);
    this.map.set(key, value);
  }

  get size(): number {
    return this.map.size;
  }
}
