// The part of the decision settings this screen edits (the 12 rules and the matching thresholds),
// laid over the latest saved settings, so an allocation change made on the warehouses screen
// meanwhile is never overwritten by a stale copy.
import { DecisionSettings, defaultDecisionSettings, type RuleId } from '../../../shared/decide';
import { canonicalJson } from '../../../shared/hash';

export type RulesDraft = Pick<DecisionSettings, 'rules' | 'matching'>;
export interface FieldIssue { path: string; message: string }

export const withDraft = (saved: DecisionSettings, draft: RulesDraft | undefined): DecisionSettings =>
  (draft ? { ...saved, rules: draft.rules, matching: draft.matching } : saved);

export const draftOf = (s: DecisionSettings): RulesDraft => JSON.parse(JSON.stringify({ rules: s.rules, matching: s.matching })) as RulesDraft;

export function defaultDraft(): RulesDraft {
  return draftOf(defaultDecisionSettings());
}

export const settingsKey = (s: DecisionSettings) => canonicalJson(s);

export const ruleEdited = (saved: DecisionSettings, edited: DecisionSettings, id: RuleId) =>
  canonicalJson(saved.rules[id]) !== canonicalJson(edited.rules[id]);

/** Every field problem, by path ("rules.r1.minFen"): the schema's and the house-number pattern's. */
export function validate(s: DecisionSettings): { issues: FieldIssue[]; parsed?: DecisionSettings } {
  const issues: FieldIssue[] = [];
  try { new RegExp(s.rules.r2.houseNumberPattern); } catch (e) {
    issues.push({ path: 'rules.r2.houseNumberPattern', message: (e as Error).message });
  }
  const r = DecisionSettings.safeParse(s);
  if (!r.success) for (const i of r.error.issues) issues.push({ path: i.path.map(String).join('.'), message: i.message });
  return issues.length ? { issues } : { issues, parsed: r.data };
}

/** Words typed in one box: commas (either width), 、, semicolons, spaces and new lines separate. */
export function splitWords(text: string): string[] {
  return [...new Set(text.split(/[,，、;；\s]+/u).map((w) => w.trim()).filter(Boolean))];
}
