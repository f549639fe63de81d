// Create or edit a warehouse: code (fixed once created), name, region and address, the
// coordinates that decide "nearest warehouse", carriers with their remote regions, and whether
// it is allocated to at all. Save goes through saveWarehouse; its issues land on the fields.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, Divider, Drawer, Form, Input, InputNumber, Row, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { centroidOf } from '../../../shared/address';
import type { Warehouse } from '../../../shared/domain/types';
import type { WharfDB } from '../../store/db';
import { saveWarehouse } from '../../store/decisionMutators';
import { describeError, type ErrorDescription } from '../../i18n';
import { notifyJournal, operatorContext } from '../operator';
import { CarrierRows } from './CarrierRows';
import { RegionPicker } from './RegionPicker';
import { fieldOfIssue, formValuesOf, outsideChina, warehouseFromValues, type Region, type WarehouseFormValues } from './warehouseForm';

const CODE = /^[a-z0-9_-]+$/;

interface Props {
  db: WharfDB;
  /** undefined: closed; null: a new warehouse */
  warehouse: Warehouse | null | undefined;
  defaultRemote: readonly string[];
  readOnly: boolean;
  onClose(): void;
}

export function WarehouseDrawer({ db, warehouse, defaultRemote, readOnly, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<WarehouseFormValues>();
  const [failure, setFailure] = useState<ErrorDescription>();
  const [busy, setBusy] = useState(false);
  const [centroidNote, setCentroidNote] = useState<string>();
  const open = warehouse !== undefined;
  const creating = warehouse === null;
  const lat = Form.useWatch('lat', form) as number | null | undefined;
  const lng = Form.useWatch('lng', form) as number | null | undefined;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(formValuesOf(warehouse ?? undefined));
    setFailure(undefined);
    setCentroidNote(undefined);
  }, [open, warehouse, form]);

  const fillFromRegion = () => {
    const r = form.getFieldValue('region') as Region | undefined;
    const c = r ? centroidOf(r.province, r.city, r.district) : undefined;
    if (!c) { setCentroidNote(t('warehouses.form.noCentroid')); return; }
    form.setFieldsValue({ lat: c.lat, lng: c.lng });
    setCentroidNote(t(c.level === 'city' ? 'warehouses.form.centroidCity' : 'warehouses.form.centroidProvince'));
  };

  const save = async () => {
    setFailure(undefined);
    try { await form.validateFields(); } catch { return; }
    const w = warehouseFromValues(form.getFieldsValue(true) as WarehouseFormValues);
    setBusy(true);
    try {
      await saveWarehouse(db, operatorContext(), w, creating);
      notifyJournal();
      void message.success(t(creating ? 'warehouses.form.created' : 'warehouses.form.saved', { name: w.name || w.code }));
      onClose();
    } catch (e) {
      const d = describeError(e, t);
      const rest: typeof d.issues = [];
      const fields = new Map<string, { name: string | (string | number)[]; errors: string[] }>();
      for (const i of d.issues) {
        const f = fieldOfIssue(i.path);
        if (!f) { rest.push(i); continue; }
        const k = JSON.stringify(f);
        fields.set(k, { name: f, errors: [...(fields.get(k)?.errors ?? []), i.message] });
      }
      form.setFields([...fields.values()] as Parameters<typeof form.setFields>[0]);
      setFailure({ ...d, issues: rest });
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!readOnly && (e.ctrlKey || e.metaKey) && (e.key === 'Enter' || e.key.toLowerCase() === 's')) {
      e.preventDefault();
      void save();
    }
  };

  const noPoint = lat === null || lat === undefined || lng === null || lng === undefined;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={640}
      destroyOnHidden
      title={creating ? t('warehouses.form.createTitle') : t(readOnly ? 'warehouses.form.viewTitle' : 'warehouses.form.editTitle', { name: warehouse?.name || warehouse?.code || '' })}
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          {!readOnly && <Typography.Text type="secondary">{t('warehouses.form.keys')}</Typography.Text>}
          <Button size="large" onClick={onClose}>{readOnly ? t('common.close') : t('common.cancel')}</Button>
          {!readOnly && <Button size="large" type="primary" loading={busy} onClick={() => void save()} data-testid="warehouse-save">{t('common.save')}</Button>}
        </Space>
      }
    >
      <div onKeyDown={onKeyDown} data-testid="warehouse-drawer">
        {failure && (
          <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} data-testid="warehouse-error" title={failure.title}
            description={[failure.message, ...failure.issues.map((i) => `${i.path}: ${i.message}`)].filter(Boolean).join('\n')} />
        )}
        <Form<WarehouseFormValues> form={form} layout="vertical" size="large" disabled={readOnly} data-testid="warehouse-form">
          <Row gutter={12}>
            <Col span={10}>
              <Form.Item name="code" label={t('warehouses.field.code')} extra={creating ? t('warehouses.form.codeHint') : t('warehouses.form.codeFixed')}
                rules={[{ required: true, message: t('warehouses.form.codeRequired') }, { pattern: CODE, message: t('warehouses.form.codePattern') }]}>
                <Input disabled={!creating} autoFocus={creating} spellCheck={false} data-testid="warehouse-code" />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Form.Item name="name" label={t('warehouses.field.name')} rules={[{ required: true, whitespace: true, message: t('warehouses.form.nameRequired') }]}>
                <Input autoFocus={!creating} data-testid="warehouse-name" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="region" label={t('warehouses.field.region')}
            rules={[{ validator: (_, r?: Region) => (r?.province?.trim() && r.city?.trim() ? Promise.resolve() : Promise.reject(new Error(t('warehouses.form.regionRequired')))) }]}>
            <RegionPicker disabled={readOnly} />
          </Form.Item>
          <Form.Item name="address" label={t('warehouses.field.address')}>
            <Input data-testid="warehouse-address" placeholder={t('warehouses.form.addressPlaceholder')} />
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('warehouses.form.pointHint')}</Typography.Paragraph>
          <Row gutter={12} align="bottom">
            <Col span={8}>
              <Form.Item name="lat" label={t('warehouses.field.lat')} rules={[{ type: 'number', min: -90, max: 90, message: t('warehouses.form.latRange') }]}>
                <InputNumber min={-90} max={90} step={0.001} style={{ width: '100%' }} data-testid="warehouse-lat" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="lng" label={t('warehouses.field.lng')} rules={[{ type: 'number', min: -180, max: 180, message: t('warehouses.form.lngRange') }]}>
                <InputNumber min={-180} max={180} step={0.001} style={{ width: '100%' }} data-testid="warehouse-lng" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item>
                {!readOnly && <Button onClick={fillFromRegion} data-testid="warehouse-fill-point">{t('warehouses.form.fillPoint')}</Button>}
              </Form.Item>
            </Col>
          </Row>
          {centroidNote && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={centroidNote} data-testid="warehouse-centroid-note" />}
          {noPoint && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('warehouses.form.noPoint')} data-testid="warehouse-no-point" />}
          {outsideChina(lat ?? null, lng ?? null) && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('warehouses.form.outsideChina')} data-testid="warehouse-outside" />}
          <Form.Item name="active" label={t('warehouses.field.active')} valuePropName="checked" extra={t('warehouses.form.activeHint')}>
            <Switch data-testid="warehouse-active" />
          </Form.Item>
          <Divider titlePlacement="start" style={{ margin: '8px 0 12px' }}>{t('warehouses.form.carriersTitle')}</Divider>
          <CarrierRows defaultRemote={defaultRemote} disabled={readOnly} />
        </Form>
      </div>
    </Drawer>
  );
}
