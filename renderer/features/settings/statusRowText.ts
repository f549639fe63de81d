// A status-table condition as one line of text an operator can read and type:
//   order_status=1; confirm_status=1; risk_control_status=1
//   status=WAIT_SELLER_SEND_GOODS|PAID_FORBID_CONSIGN
export type When = Record<string, string[]>;

export function formatWhen(when: When): string {
  return Object.entries(when).map(([f, vs]) => `${f}=${vs.join('|')}`).join('; ');
}

/** Parses the line back; throws a message naming the bad part. */
export function parseWhen(text: string): When {
  const out: When = {};
  for (const part of text.split(/[;；]/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^([A-Za-z_][\w.]*)\s*[=＝]\s*(.+)$/.exec(part);
    if (!m) throw new Error(`"${part}" is not field=value (e.g. order_status=1 or status=A|B)`);
    const values = m[2]!.split(/[|｜]/).map((v) => v.trim()).filter(Boolean);
    if (!values.length) throw new Error(`"${part}" has no value after =`);
    if (out[m[1]!]) throw new Error(`field ${m[1]} appears twice; join its values with |`);
    out[m[1]!] = values;
  }
  if (!Object.keys(out).length) throw new Error('a row needs at least one condition');
  return out;
}
