// Create or edit one SKU: every field of the master, barcodes as tags (typed or scanned), kit
// components, and the aliases the matcher learnt from confirmed mappings (remove only). Save
// goes through saveSku; the mutator's issues land on the fields they name.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, AutoComplete, Button, Col, Divider, Drawer, Form, Input, InputNumber, Popconfirm, Row, Space, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Sku } from '../../../../shared/domain/types';
import type { WharfDB } from '../../../store/db';
import { removeSku, saveSku } from '../../../store/decisionMutators';
import { describeError, type ErrorDescription } from '../../../i18n';
import { notifyJournal, operatorContext } from '../../operator';
import { useScans } from '../../scan';
import { wouldCycle } from '../stock/stockMath';
import { BarcodeTags } from './BarcodeTags';
import { KitRows } from './KitRows';
import { fieldOfIssue, formValuesOf, skuFromValues, type FieldPath, type SkuFormValues } from './skuForm';

interface Props {
  db: WharfDB;
  /** undefined: closed; null: a new SKU */
  sku: Sku | null | undefined;
  skus: readonly Sku[];
  byCode: ReadonlyMap<string, Sku>;
  categories: readonly string[];
  readOnly: boolean;
  onClose(): void;
}

export function SkuDrawer({ db, sku, skus, byCode, categories, readOnly, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SkuFormValues>();
  const [aliases, setAliases] = useState<string[]>([]);
  const [failure, setFailure] = useState<ErrorDescription>();
  const [busy, setBusy] = useState<'save' | 'remove'>();
  const open = sku !== undefined;
  const creating = sku === null;
  const code = (Form.useWatch('code', form) as string | undefined) ?? '';

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(formValuesOf(sku ?? undefined));
    setAliases([...(sku?.aliases ?? [])]);
    setFailure(undefined);
  }, [open, sku, form]);

  // while the drawer is open a scanned barcode belongs to this SKU, not to the list's search
  useScans((scanned) => {
    if (readOnly) return { kind: 'wrong', message: t('skus.form.readOnly') };
    const have: string[] = form.getFieldValue('barcodes') ?? [];
    if (have.includes(scanned)) return { kind: 'ok', message: t('skus.form.barcodeHave', { code: scanned }) };
    const owner = skus.find((s) => s.code !== sku?.code && (s.barcodes ?? []).includes(scanned));
    form.setFieldValue('barcodes', [...have, scanned]);
    return owner ? { kind: 'wrong', message: t('skus.form.barcodeShared', { code: scanned, sku: owner.code }) } : { kind: 'ok', message: t('skus.form.barcodeAdded', { code: scanned }) };
  }, { active: open, exclusive: true });

  const categoryOptions = useMemo(() => categories.map((c) => ({ value: c })), [categories]);

  const showIssues = (issues: { path: string; message: string }[]) => {
    const byField = new Map<string, { name: FieldPath; errors: string[] }>();
    const rest: typeof issues = [];
    for (const i of issues) {
      const f = fieldOfIssue(i.path);
      if (!f) { rest.push(i); continue; }
      const k = JSON.stringify(f);
      const have = byField.get(k) ?? { name: f, errors: [] };
      have.errors.push(i.message);
      byField.set(k, have);
    }
    form.setFields([...byField.values()]);
    return rest;
  };

  const clearErrors = () => form.setFields(form.getFieldsError().filter((f) => f.errors.length).map((f) => ({ name: f.name, errors: [] })) as unknown as Parameters<typeof form.setFields>[0]);

  const save = async () => {
    setFailure(undefined);
    clearErrors();
    const values = form.getFieldsValue(true) as SkuFormValues;
    // aliases as stored now, minus the ones removed here: a mapping confirmed meanwhile is kept
    const current = byCode.get((values.code ?? '').trim())?.aliases ?? [];
    const keep = creating ? [] : current.filter((a) => aliases.includes(a) || !(sku?.aliases ?? []).includes(a));
    const self = (values.code ?? '').trim();
    const built = skuFromValues(values, keep, (c) => wouldCycle(self, c, byCode));
    if (!built.sku) {
      form.setFields(built.problems.map((p) => ({ name: p.field, errors: [t(`skus.form.problem.${p.code}`, p.values ?? {})] })));
      return;
    }
    setBusy('save');
    try {
      await saveSku(db, operatorContext(), built.sku, creating, { aliasesEdited: !creating });
      notifyJournal();
      void message.success(t(creating ? 'skus.form.created' : 'skus.form.saved', { code: built.sku.code }));
      onClose();
    } catch (e) {
      const d = describeError(e, t);
      setFailure({ ...d, issues: showIssues(d.issues) });
    } finally {
      setBusy(undefined);
    }
  };

  const remove = async () => {
    if (!sku) return;
    setFailure(undefined);
    setBusy('remove');
    try {
      await removeSku(db, operatorContext(), sku.code);
      notifyJournal();
      void message.success(t('skus.form.removed', { code: sku.code }));
      onClose();
    } catch (e) {
      setFailure(describeError(e, t));
    } finally {
      setBusy(undefined);
    }
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (readOnly) return;
    if ((e.ctrlKey || e.metaKey) && (e.key === 'Enter' || e.key.toLowerCase() === 's')) {
      e.preventDefault();
      void save();
    }
  };

  const storedAliases = sku?.aliases ?? [];
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={640}
      destroyOnHidden
      title={creating ? t('skus.form.createTitle') : readOnly ? t('skus.form.viewTitle', { code: sku?.code ?? '' }) : t('skus.form.editTitle', { code: sku?.code ?? '' })}
      footer={
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <span>
            {!readOnly && !creating && sku && (
              <Popconfirm
                title={t('skus.form.removeConfirm', { code: sku.code })}
                description={t('skus.form.removeHint')}
                okText={t('skus.form.remove')}
                okButtonProps={{ danger: true, 'data-testid': 'sku-remove-ok' }}
                cancelText={t('common.cancel')}
                onConfirm={() => remove()}
              >
                <Button danger size="large" loading={busy === 'remove'} data-testid="sku-remove">{t('skus.form.remove')}</Button>
              </Popconfirm>
            )}
          </span>
          <Space>
            <Typography.Text type="secondary">{readOnly ? '' : t('skus.form.keys')}</Typography.Text>
            <Button size="large" onClick={onClose}>{readOnly ? t('common.close') : t('common.cancel')}</Button>
            {!readOnly && <Button size="large" type="primary" loading={busy === 'save'} onClick={() => void save()} data-testid="sku-save">{t('common.save')}</Button>}
          </Space>
        </Space>
      }
    >
      <div onKeyDown={onKeyDown} data-testid="sku-drawer">
        {failure && (
          <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} data-testid="sku-error" title={failure.title}
            description={[failure.message, ...failure.issues.map((i) => `${i.path}: ${i.message}`)].filter(Boolean).join('\n')} />
        )}
        <Form<SkuFormValues> form={form} layout="vertical" size="large" disabled={readOnly} data-testid="sku-form">
          <Row gutter={12}>
            <Col span={10}>
              <Form.Item name="code" label={t('skus.field.code')} required extra={creating ? t('skus.form.codeHint') : t('skus.form.codeFixed')}>
                <Input disabled={!creating} autoFocus={creating} spellCheck={false} data-testid="sku-code" />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Form.Item name="name" label={t('skus.field.name')} required>
                <Input autoFocus={!creating} data-testid="sku-name" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="spec" label={t('skus.field.spec')}><Input data-testid="sku-spec" placeholder={t('skus.form.specPlaceholder')} /></Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="category" label={t('skus.field.category')}>
                <AutoComplete options={categoryOptions} showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input) }} data-testid="sku-category" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="barcodes" label={t('skus.field.barcodes')} extra={readOnly ? undefined : t('skus.form.barcodeHint')}>
            <BarcodeTags disabled={readOnly} />
          </Form.Item>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="cost" label={t('skus.field.costYuan')}><Input prefix="¥" inputMode="decimal" data-testid="sku-cost" /></Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="minPrice" label={t('skus.field.minPriceYuan')} tooltip={t('skus.form.minPriceHint')}><Input prefix="¥" inputMode="decimal" data-testid="sku-min-price" /></Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="price" label={t('skus.field.priceYuan')}><Input prefix="¥" inputMode="decimal" data-testid="sku-price" /></Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="weightG" label={t('skus.field.weightG')}><InputNumber min={0} precision={0} style={{ width: '100%' }} suffix="g" data-testid="sku-weight" /></Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="volumeCm3" label={t('skus.field.volumeCm3')}><InputNumber min={0} precision={0} style={{ width: '100%' }} suffix="cm³" data-testid="sku-volume" /></Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="shelfLifeDays" label={t('skus.field.shelfLifeDays')} tooltip={t('skus.form.shelfLifeHint')}><InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="sku-shelf-life" /></Form.Item>
            </Col>
          </Row>
          <Form.Item name="batchTracked" label={t('skus.field.batchTracked')} valuePropName="checked" extra={t('skus.form.batchHint')}>
            <Switch data-testid="sku-batch" />
          </Form.Item>
          <Divider titlePlacement="start" style={{ margin: '8px 0 12px' }}>{t('skus.form.kitTitle')}</Divider>
          <KitRows skus={skus} self={code.trim()} disabled={readOnly} />
        </Form>
        {!creating && (
          <>
            <Divider titlePlacement="start" style={{ margin: '16px 0 8px' }}>{t('skus.form.aliasesTitle')}</Divider>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('skus.form.aliasesHint')}</Typography.Paragraph>
            {storedAliases.length === 0 && <Typography.Text type="secondary">{t('skus.form.noAliases')}</Typography.Text>}
            <Space orientation="vertical" style={{ width: '100%' }} data-testid="sku-aliases">
              {storedAliases.map((a) => {
                const kept = aliases.includes(a);
                return (
                  <Space key={a} data-testid="sku-alias" data-alias={a}>
                    <Tag style={{ fontSize: 14, textDecoration: kept ? undefined : 'line-through' }} color={kept ? undefined : 'default'}>{a}</Tag>
                    {!readOnly && (kept ? (
                      <Button size="small" danger onClick={() => setAliases(aliases.filter((x) => x !== a))} data-testid="sku-alias-remove">{t('skus.form.removeAlias')}</Button>
                    ) : (
                      <Button size="small" onClick={() => setAliases([...aliases, a])} data-testid="sku-alias-undo">{t('skus.form.undoAlias')}</Button>
                    ))}
                  </Space>
                );
              })}
            </Space>
          </>
        )}
      </div>
    </Drawer>
  );
}
