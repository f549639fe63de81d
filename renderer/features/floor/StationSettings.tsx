// 本工位设置: this PC's label printer (address, language, size, resolution) and — for leads —
// the carriers' own waybill number ranges that Wharf's own labels draw from.
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WaybillPool } from '../../../shared/floor/settings';
import type { WharfDB } from '../../store/db';
import { readFloorSettings, saveFloorSettings } from '../../store/floor/ship';
import { describeError } from '../../i18n';
import { notifyJournal, operatorContext, useCan } from '../operator';
import { LabelPrinter, ReceiptPrinter, useStation } from './station';

export function StationSettings({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = useStation((s) => s.label);
  const receipt = useStation((s) => s.receipt);
  const [form] = Form.useForm();
  const canManage = useCan('settings.manage');
  const floor = useLiveQuery(() => readFloorSettings(db), [db]);
  const [pools, setPools] = useState<WaybillPool[]>([]);
  useEffect(() => { if (floor) setPools(floor.waybillPools); }, [floor]);

  const save = (v: { name: string; host: string; port: number; language: 'tspl' | 'zpl'; size: '100x180' | '76x130'; dpi: 203 | 300 }) => {
    const r = LabelPrinter.safeParse({ name: v.name, target: { kind: 'tcp', host: v.host, port: v.port }, language: v.language, size: v.size, dpi: v.dpi });
    if (!r.success) { message.error(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')); return; }
    useStation.getState().setLabel(r.data);
    message.success(t('floor.station.saved'));
  };
  const saveReceipt = (v: { name: string; host: string; port: number; widthChars: 48 | 32 }) => {
    const r = ReceiptPrinter.safeParse({ name: v.name, target: { kind: 'tcp', host: v.host, port: v.port }, widthChars: v.widthChars });
    if (!r.success) { message.error(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')); return; }
    useStation.getState().setReceipt(r.data);
    message.success(t('floor.station.saved'));
  };
  const savePools = async () => {
    try {
      await saveFloorSettings(db, operatorContext(), { ...(floor ?? {}), waybillPools: pools });
      notifyJournal();
      message.success(t('floor.station.poolsSaved'));
    } catch (e) { message.error(describeError(e, t).message); }
  };
  const setPool = (i: number, p: Partial<WaybillPool>) => setPools((ps) => ps.map((x, j) => (j === i ? { ...x, ...p } : x)));

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large" data-testid="station-settings">
      <Typography.Paragraph>{t('floor.station.intro')}</Typography.Paragraph>
      <Card title={t('floor.station.labelPrinter')}>
        <Form
          form={form} layout="inline" onFinish={save}
          initialValues={{ name: label?.name ?? '面单打印机', host: label?.target.host ?? '', port: label?.target.port ?? 9100, language: label?.language ?? 'tspl', size: label?.size ?? '100x180', dpi: label?.dpi ?? 203 }}
        >
          <Form.Item name="name" label={t('floor.station.name')} rules={[{ required: true }]}><Input data-testid="station-name" style={{ width: 140 }} /></Form.Item>
          <Form.Item name="host" label={t('floor.station.host')} rules={[{ required: true }]}><Input data-testid="station-host" style={{ width: 160 }} placeholder="192.168.1.50" /></Form.Item>
          <Form.Item name="port" label={t('floor.station.port')}><InputNumber data-testid="station-port" min={1} max={65535} /></Form.Item>
          <Form.Item name="language" label={t('floor.station.language')}><Select data-testid="station-language" style={{ width: 110 }} options={[{ value: 'tspl', label: 'TSPL' }, { value: 'zpl', label: 'ZPL' }]} /></Form.Item>
          <Form.Item name="size" label={t('floor.station.size')}><Select style={{ width: 130 }} options={[{ value: '100x180', label: '100×180 mm' }, { value: '76x130', label: '76×130 mm' }]} /></Form.Item>
          <Form.Item name="dpi" label={t('floor.station.dpi')}><Select style={{ width: 110 }} options={[{ value: 203, label: '203 dpi' }, { value: 300, label: '300 dpi' }]} /></Form.Item>
          <Form.Item><Button type="primary" htmlType="submit" data-testid="station-save">{t('floor.station.save')}</Button></Form.Item>
        </Form>
      </Card>
      <Card title={t('floor.station.receiptPrinter')}>
        <Form layout="inline" onFinish={saveReceipt} initialValues={{ name: receipt?.name ?? '小票打印机', host: receipt?.target.host ?? '', port: receipt?.target.port ?? 9100, widthChars: receipt?.widthChars ?? 48 }}>
          <Form.Item name="name" label={t('floor.station.name')} rules={[{ required: true }]}><Input style={{ width: 140 }} /></Form.Item>
          <Form.Item name="host" label={t('floor.station.host')} rules={[{ required: true }]}><Input data-testid="receipt-host" style={{ width: 160 }} placeholder="192.168.1.51" /></Form.Item>
          <Form.Item name="port" label={t('floor.station.port')}><InputNumber data-testid="receipt-port" min={1} max={65535} /></Form.Item>
          <Form.Item name="widthChars" label={t('floor.station.width')}><Select style={{ width: 130 }} options={[{ value: 48, label: '80 mm' }, { value: 32, label: '58 mm' }]} /></Form.Item>
          <Form.Item><Button type="primary" htmlType="submit" data-testid="receipt-save">{t('floor.station.save')}</Button></Form.Item>
        </Form>
      </Card>
      {canManage && (
        <Card title={t('floor.station.pools')}>
          {pools.map((p, i) => (
            <Space key={i} style={{ marginBottom: 8 }} wrap>
              <Input aria-label={t('floor.station.carrier')} placeholder={t('floor.station.carrier')} value={p.carrier} onChange={(e) => setPool(i, { carrier: e.target.value.toUpperCase() })} style={{ width: 90 }} data-testid={`pool-carrier-${i}`} />
              <Input aria-label={t('floor.station.prefix')} placeholder={t('floor.station.prefix')} value={p.prefix} onChange={(e) => setPool(i, { prefix: e.target.value })} style={{ width: 80 }} />
              <InputNumber aria-label={t('floor.station.from')} placeholder={t('floor.station.from')} value={p.from} onChange={(v) => setPool(i, { from: Number(v ?? 0) })} style={{ width: 170 }} data-testid={`pool-from-${i}`} />
              <InputNumber aria-label={t('floor.station.to')} placeholder={t('floor.station.to')} value={p.to} onChange={(v) => setPool(i, { to: Number(v ?? 0) })} style={{ width: 170 }} data-testid={`pool-to-${i}`} />
              <InputNumber aria-label={t('floor.station.digits')} placeholder={t('floor.station.digits')} value={p.digits} min={6} max={18} onChange={(v) => setPool(i, { digits: Number(v ?? 12) })} />
            </Space>
          ))}
          <Space>
            <Button onClick={() => setPools((ps) => [...ps, { carrier: 'ZTO', prefix: '', from: 1, to: 1000, digits: 12 }])} data-testid="pool-add">{t('floor.station.addPool')}</Button>
            <Button type="primary" onClick={() => void savePools()} data-testid="pool-save">{t('floor.station.savePools')}</Button>
          </Space>
        </Card>
      )}
    </Space>
  );
}
