// Correct a held order's receiver region and street (the platform view is never overwritten;
// the correction is kept beside it), then the store reviews the order again.
import { useMemo, useState } from 'react';
import { Alert, Cascader, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderRow } from '../../../shared/domain/types';
import { effectiveReceiver, regionOf } from './orderText';
import { regionOptions, regionPath, type RegionOption } from './regionOptions';
import type { ActionError } from './useDeskAction';

export interface AddressInput { province: string; city: string; district: string; detail: string }

interface Props {
  row: OrderRow;
  busy: boolean;
  onSubmit(a: AddressInput): Promise<ActionError | undefined>;
  onClose(): void;
}

const searchFilter = (input: string, path: RegionOption[]) => {
  // "杭州 西湖" finds 浙江省 / 杭州市 / 西湖区
  const words = input.trim().split(/\s+/).filter(Boolean);
  return words.every((w) => path.some((o) => o.label.includes(w)));
};

export function AddressDialog({ row, busy, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const options = useMemo(regionOptions, []);
  const now = effectiveReceiver(row);
  const [path, setPath] = useState<string[]>(() => {
    const p = regionPath(now.province, now.city, now.district);
    return p.length ? p : [now.province, now.city, now.district].filter(Boolean);
  });
  const [detail, setDetail] = useState(row.addressEdit?.detail ?? '');
  const [error, setError] = useState<ActionError>();

  const submit = async () => {
    const [province = '', city = '', district = ''] = path;
    const err = await onSubmit({ province, city, district, detail });
    if (err) setError(err); else onClose();
  };
  const setPart = (i: number, v: string) => setPath((p) => { const next = [p[0] ?? '', p[1] ?? '', p[2] ?? '']; next[i] = v; return next; });

  return (
    <Modal
      open
      title={t('review.address.title', { id: row.orderId })}
      okText={t('review.address.save')}
      okButtonProps={{ loading: busy, 'data-testid': 'address-ok' }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      width={640}
    >
      <div data-testid="address-dialog">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {t('review.address.current', { region: regionOf(row.receiver), detail: row.receiver.addressMasked })}
        </Typography.Paragraph>
        <Form layout="vertical" component="div">
          <Form.Item label={t('review.address.region')} required>
            {options.length ? (
              <Cascader
                data-testid="address-region"
                options={options}
                value={path}
                onChange={(v) => setPath((v ?? []).map(String))}
                changeOnSelect
                showSearch={{ filter: searchFilter, limit: 50 }}
                placeholder={t('review.address.regionPlaceholder')}
                style={{ width: '100%' }}
                autoFocus
              />
            ) : (
              <div style={{ display: 'flex', gap: 8 }}>
                <Input data-testid="address-province" aria-label={t('review.address.province')} placeholder={t('review.address.province')} value={path[0] ?? ''} onChange={(e) => setPart(0, e.target.value)} />
                <Input data-testid="address-city" aria-label={t('review.address.city')} placeholder={t('review.address.city')} value={path[1] ?? ''} onChange={(e) => setPart(1, e.target.value)} />
                <Input data-testid="address-district" aria-label={t('review.address.district')} placeholder={t('review.address.district')} value={path[2] ?? ''} onChange={(e) => setPart(2, e.target.value)} />
              </div>
            )}
          </Form.Item>
          <Form.Item label={t('review.address.detail')} required>
            <Input data-testid="address-detail" aria-label={t('review.address.detail')} placeholder={t('review.address.detailPlaceholder')} value={detail}
              onChange={(e) => { setDetail(e.target.value); setError(undefined); }} onPressEnter={() => void submit()} maxLength={120} />
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon role="alert" data-testid="address-error" title={error.title} description={error.message} />}
      </div>
    </Modal>
  );
}
