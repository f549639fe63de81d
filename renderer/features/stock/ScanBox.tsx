// The typed side of a scanner sheet: a code and Enter (or Add) does what a scan does.
import { useState } from 'react';
import { Button, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';

export function ScanBox({ onAdd, testId, disabled }: { onAdd(code: string): unknown; testId: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const go = () => { if (!code.trim()) return; onAdd(code); setCode(''); };
  return (
    <Space style={{ marginBottom: 8 }}>
      <Input size="large" value={code} disabled={disabled} onChange={(e) => setCode(e.target.value)} onPressEnter={go} placeholder={t('stock.receive.scan')} aria-label={t('stock.receive.scan')} style={{ width: 260 }} data-testid={`${testId}-code`} />
      <Button size="large" disabled={disabled} onClick={go} data-testid={`${testId}-add`}>{t('stock.receive.add')}</Button>
    </Space>
  );
}
