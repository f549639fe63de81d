// The few controls a rule's thresholds need, labelled and showing their own problem: a number, a
// word list (typed freely, split on commas, 、, spaces or new lines), a switch and a text.
import { useState } from 'react';
import { Form, Input, InputNumber, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { splitWords } from './draft';

interface Base { label: string; testId: string; disabled?: boolean; error?: string; extra?: string }

export function NumberField(p: Base & { value: number; onChange(v: number): void; min?: number; max?: number; precision?: number; step?: number; suffix?: string }) {
  return (
    <Form.Item label={p.label} validateStatus={p.error ? 'error' : undefined} help={p.error} extra={p.extra} style={{ marginBottom: 12 }}>
      <InputNumber
        value={Number.isFinite(p.value) ? p.value : null} min={p.min} max={p.max} precision={p.precision} step={p.step ?? 1} disabled={p.disabled}
        suffix={p.suffix} size="large" style={{ width: 200 }} data-testid={p.testId} aria-label={p.label}
        // an emptied box is kept as "no value" so the check names it, not silently the old number
        onChange={(v) => p.onChange(typeof v === 'number' ? v : Number.NaN)}
      />
    </Form.Item>
  );
}

export function WordsField(p: Base & { value: readonly string[]; onChange(words: string[]): void }) {
  const { t } = useTranslation();
  // the text as typed (a trailing comma stays while typing); the parent remounts it on a reset
  const [text, setText] = useState(() => p.value.join('、'));
  return (
    <Form.Item label={p.label} validateStatus={p.error ? 'error' : undefined} help={p.error} extra={p.extra ?? t('rules.wordsHint', { n: p.value.length })} style={{ marginBottom: 12 }}>
      <Input.TextArea
        value={text} disabled={p.disabled} autoSize={{ minRows: 2, maxRows: 6 }} data-testid={p.testId} aria-label={p.label} spellCheck={false}
        onChange={(e) => { setText(e.target.value); p.onChange(splitWords(e.target.value)); }}
      />
    </Form.Item>
  );
}

export function SwitchField(p: Base & { value: boolean; onChange(v: boolean): void }) {
  return (
    <Form.Item label={p.label} style={{ marginBottom: 12 }}>
      <Switch checked={p.value} disabled={p.disabled} onChange={p.onChange} data-testid={p.testId} aria-label={p.label} />
    </Form.Item>
  );
}

export function TextField(p: Base & { value: string; onChange(v: string): void; mono?: boolean }) {
  return (
    <Form.Item label={p.label} validateStatus={p.error ? 'error' : undefined} help={p.error} extra={p.extra} style={{ marginBottom: 12 }}>
      <Input
        value={p.value} disabled={p.disabled} size="large" data-testid={p.testId} aria-label={p.label} spellCheck={false}
        style={p.mono ? { fontFamily: 'ui-monospace, monospace' } : undefined} onChange={(e) => p.onChange(e.target.value)}
      />
    </Form.Item>
  );
}
