// Each rule's own knobs, in the units people think in: yuan for r1 (stored as fen), percent for
// r6 (stored as a fraction), word lists as typed text, the house-number pattern as a regex.
import { useTranslation } from 'react-i18next';
import type { RuleId, RuleSettings } from '../../../shared/decide';
import { NumberField, SwitchField, TextField, WordsField } from './fields';

export interface ThresholdProps<K extends RuleId> {
  id: K;
  rule: RuleSettings[K];
  set(patch: Partial<RuleSettings[K]>): void;
  disabled: boolean;
  /** the problem with one of this rule's fields, if any */
  errorOf(field: string): string | undefined;
}

export function RuleThresholds(props: ThresholdProps<RuleId>) {
  const { t } = useTranslation();
  const { id, disabled, errorOf } = props;
  const f = (k: string) => t(`rules.field.${k}`);
  const tid = (k: string) => `rule-${id}-${k}`;
  const num = (k: string, value: number, onChange: (v: number) => void, { error, ...o }: { min?: number; max?: number; precision?: number; step?: number; suffix?: string; error?: string } = {}) => (
    <NumberField {...o} label={f(k)} testId={tid(k)} value={value} onChange={onChange} disabled={disabled} error={error ?? errorOf(k)} />
  );
  const words = (k: string, value: readonly string[], onChange: (w: string[]) => void) => (
    <WordsField label={f(k)} testId={tid(k)} value={value} onChange={onChange} disabled={disabled} error={errorOf(k)} />
  );

  switch (id) {
    case 'r1': {
      const r = props.rule as RuleSettings['r1'];
      const set = props.set as (p: Partial<RuleSettings['r1']>) => void;
      return num('minYuan', r.minFen / 100, (v) => set({ minFen: Number.isFinite(v) ? Math.round(v * 100) : Number.NaN }), { min: 0.01, precision: 2, step: 100, suffix: t('rules.unit.yuan'), error: errorOf('minFen') });
    }
    case 'r2': {
      const r = props.rule as RuleSettings['r2'];
      const set = props.set as (p: Partial<RuleSettings['r2']>) => void;
      const bad = errorOf('houseNumberPattern');
      return (
        <>
          {words('vagueWords', r.vagueWords, (w) => set({ vagueWords: w }))}
          {words('landmarkWords', r.landmarkWords, (w) => set({ landmarkWords: w }))}
          <TextField label={f('houseNumberPattern')} testId={tid('houseNumberPattern')} value={r.houseNumberPattern} mono disabled={disabled}
            error={bad && t('rules.badPattern', { why: bad })} onChange={(v) => set({ houseNumberPattern: v })} />
        </>
      );
    }
    case 'r4': {
      const r = props.rule as RuleSettings['r4'];
      const set = props.set as (p: Partial<RuleSettings['r4']>) => void;
      return (
        <>
          <SwitchField label={f('buyerMessage')} testId={tid('buyerMessage')} value={r.buyerMessage} disabled={disabled} onChange={(v) => set({ buyerMessage: v })} />
          <SwitchField label={f('sellerMemo')} testId={tid('sellerMemo')} value={r.sellerMemo} disabled={disabled} onChange={(v) => set({ sellerMemo: v })} />
          {words('ignoreWords', r.ignoreWords, (w) => set({ ignoreWords: w }))}
        </>
      );
    }
    case 'r5': {
      const r = props.rule as RuleSettings['r5'];
      const set = props.set as (p: Partial<RuleSettings['r5']>) => void;
      return (
        <>
          {num('maxQty', r.maxQty, (v) => set({ maxQty: v }), { min: 1, precision: 0 })}
          {num('usualFactor', r.usualFactor, (v) => set({ usualFactor: v }), { min: 0.1, precision: 1, step: 0.5, suffix: '×' })}
          {num('minHistory', r.minHistory, (v) => set({ minHistory: v }), { min: 0, precision: 0 })}
        </>
      );
    }
    case 'r6': {
      const r = props.rule as RuleSettings['r6'];
      const set = props.set as (p: Partial<RuleSettings['r6']>) => void;
      // stored as a fraction; rounded so 0.7 shows as 70, not 70.00000000000001
      return num('maxDiscount', Math.round(r.maxDiscount * 1000) / 10, (v) => set({ maxDiscount: Number.isFinite(v) ? v / 100 : Number.NaN }), { min: 0, max: 100, precision: 1, step: 5, suffix: '%' });
    }
    case 'r8': {
      const r = props.rule as RuleSettings['r8'];
      const set = props.set as (p: Partial<RuleSettings['r8']>) => void;
      return num('windowHours', r.windowHours, (v) => set({ windowHours: v }), { min: 1, precision: 0, suffix: t('rules.unit.hours') });
    }
    case 'r11': {
      const r = props.rule as RuleSettings['r11'];
      const set = props.set as (p: Partial<RuleSettings['r11']>) => void;
      return words('defaultRemote', r.defaultRemote, (w) => set({ defaultRemote: w }));
    }
    case 'r12': {
      const r = props.rule as RuleSettings['r12'];
      const set = props.set as (p: Partial<RuleSettings['r12']>) => void;
      return (
        <>
          {num('maxOrders', r.maxOrders, (v) => set({ maxOrders: v }), { min: 2, precision: 0, suffix: t('rules.unit.orders') })}
          {num('windowHours', r.windowHours, (v) => set({ windowHours: v }), { min: 1, precision: 0, suffix: t('rules.unit.hours') })}
        </>
      );
    }
    default:
      return null;
  }
}
