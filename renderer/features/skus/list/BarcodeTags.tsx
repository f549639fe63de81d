// Barcodes as tags: type one and press Enter (or a separator), or scan it while the drawer is
// open — the scan service hands the drawer the code, and it lands here.
import { useState } from 'react';
import { Button, Input, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const SEPARATORS = /[,;，；/\s、]+/;

export function BarcodeTags({ value = [], onChange, disabled }: { value?: string[]; onChange?: (v: string[]) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const add = (raw: string) => {
    const next = [...value];
    for (const part of raw.split(SEPARATORS)) {
      const s = part.trim();
      if (s && !next.includes(s)) next.push(s);
    }
    if (next.length !== value.length) onChange?.(next);
    setText('');
  };
  return (
    <div data-testid="sku-barcodes">
      <Space size={[6, 6]} wrap style={{ marginBottom: value.length ? 6 : 0 }}>
        {value.map((b) => (
          <Tag key={b} closable={!disabled} onClose={() => onChange?.(value.filter((x) => x !== b))} style={{ fontSize: 14, padding: '2px 8px' }} data-testid="sku-barcode-tag" data-barcode={b}>
            {b}
          </Tag>
        ))}
      </Space>
      {!disabled && (
        <Space.Compact style={{ width: '100%' }}>
          <Input
            data-testid="sku-barcode-input"
            value={text}
            inputMode="numeric"
            placeholder={t('skus.form.barcodePlaceholder')}
            aria-label={t('skus.field.barcodes')}
            onChange={(e) => {
              const v = e.target.value;
              if (SEPARATORS.test(v)) add(v); else setText(v);
            }}
            onPressEnter={(e) => { e.preventDefault(); add(text); }}
          />
          <Button onClick={() => add(text)} disabled={!text.trim()} data-testid="sku-barcode-add">{t('skus.form.addBarcode')}</Button>
        </Space.Compact>
      )}
    </div>
  );
}
