// Add or edit a shop. Validated with the contract's schema before sending; the host's own
// validation issues land next to the fields they name, anything else above the buttons.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Form, Input, InputNumber, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PLATFORMS, type Platform, type ShopPublic } from '../../../shared/domain/types';
import { PLATFORM_FORMS, SIGN_METHOD_LABELS } from './platformForm';
import type { WharfDB } from '../../store/db';
import { host } from '../../transport/client';
import { describeError, type ErrorDescription } from '../../i18n';
import { getActor, recordAsOperator } from '../operator';
import { changedFields, checkDraft, fieldOfIssue, formValuesFrom, toDraft, type ShopFormValues } from './shopDraft';
import { TestResult, type TestAnswer } from './TestResult';

/** antd's `type: 'url'` rejects 127.0.0.1 and LAN addresses (simulators, proxies); the contract's z.url decides the rest */
const HTTP_URL = /^https?:\/\/\S+$/i;

interface Props {
  db: WharfDB;
  open: boolean;
  /** undefined = a new shop */
  shop?: ShopPublic;
  readOnly: boolean;
  onClose(): void;
}

export function ShopForm({ db, open, shop, readOnly, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ShopFormValues>();
  const [saving, setSaving] = useState(false);
  const [testing, setTesting] = useState(false);
  const [failure, setFailure] = useState<ErrorDescription | undefined>();
  const [test, setTest] = useState<TestAnswer | undefined>();
  const editing = !!shop;
  const platform = (Form.useWatch('platform', form) as Platform | undefined) ?? shop?.platform ?? 'taobao';
  const pf = PLATFORM_FORMS[platform];
  /** a new shop on another platform starts from that platform's gateway and signature */
  const switchPlatform = (p: Platform) => {
    const keep = form.getFieldsValue(['name', 'pullIntervalMin']) as Partial<ShopFormValues>;
    form.setFieldsValue({ ...formValuesFrom(undefined, p), ...keep });
  };

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(formValuesFrom(shop));
    setFailure(undefined);
    setTest(undefined);
  }, [open, shop, form]);

  /** Puts issues on their fields; returns the ones no field claims. */
  const showIssues = (issues: { path: string; message: string }[]) => {
    const byField = new Map<keyof ShopFormValues, string[]>();
    const rest: { path: string; message: string }[] = [];
    for (const i of issues) {
      const f = fieldOfIssue(i.path);
      if (f) byField.set(f, [...(byField.get(f) ?? []), i.message]);
      else rest.push(i);
    }
    form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
    return rest;
  };

  const draftFromForm = () => {
    const checked = checkDraft(toDraft(form.getFieldsValue(true) as ShopFormValues, shop));
    if (!checked.ok) {
      const rest = showIssues(checked.issues);
      if (rest.length) setFailure({ title: t('errors.invalid_input'), message: '', issues: rest });
      return undefined;
    }
    return checked.draft;
  };

  const save = async () => {
    setFailure(undefined);
    try { await form.validateFields(); } catch { return; }
    const draft = draftFromForm();
    if (!draft) return;
    setSaving(true);
    try {
      const saved = await host['shops.save']({ actor: getActor(), shop: draft });
      await db.shops.put(saved);
      await recordAsOperator(db, 'shop.saved', { shopId: saved.id, name: saved.name, platform: saved.platform, created: !editing, changed: changedFields(shop, draft) });
      void message.success(t('shops.saved', { name: saved.name }));
      onClose();
    } catch (err) {
      const d = describeError(err, t);
      setFailure({ ...d, issues: showIssues(d.issues) });
    } finally {
      setSaving(false);
    }
  };

  const testDraft = async () => {
    setTest(undefined);
    const draft = draftFromForm();
    if (!draft) return;
    setTesting(true);
    try {
      setTest({ result: await host['shops.test']({ shopId: shop?.id, draft }) });
    } catch (err) {
      setTest({ failure: describeError(err, t) });
    } finally {
      setTesting(false);
    }
  };

  const secretExtra = (has?: boolean) => (editing && has ? <Tag color="green">✓ {t('shops.stored')}</Tag> : null);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      title={readOnly ? t('shops.viewTitle', { name: shop?.name ?? '' }) : editing ? t('shops.editTitle', { name: shop.name }) : t('shops.addTitle')}
      destroyOnHidden
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button size="large" onClick={onClose}>{readOnly ? t('common.close') : t('common.cancel')}</Button>
          <Button size="large" onClick={() => void testDraft()} loading={testing} data-testid="shop-form-test">{t('shops.test')}</Button>
          {!readOnly && <Button size="large" type="primary" onClick={() => void save()} loading={saving} data-testid="shop-save">{t('common.save')}</Button>}
        </Space>
      }
    >
      <Form<ShopFormValues> form={form} layout="vertical" size="large" disabled={readOnly} data-testid="shop-form" onFinish={() => void save()}>
        <Form.Item name="name" label={t('shops.field.name')} rules={[{ required: true, whitespace: true, message: t('shops.rule.name') }, { max: 60 }]}>
          <Input autoFocus placeholder={t('shops.placeholder.name')} />
        </Form.Item>
        <Form.Item name="platform" label={t('shops.field.platform')} extra={editing ? t('shops.platformFixed') : undefined}>
          <Select disabled={editing} data-testid="shop-platform" onChange={(p: Platform) => switchPlatform(p)} options={PLATFORMS.map((p) => ({ value: p, label: t(`platform.${p}`) }))} />
        </Form.Item>
        <Form.Item name="gatewayUrl" label={t('shops.field.gatewayUrl')} rules={[{ required: true, message: t('shops.rule.gatewayUrl') }, { pattern: HTTP_URL, message: t('shops.rule.gatewayUrl') }]}>
          <Input spellCheck={false} />
        </Form.Item>
        <Form.Item name="appKey" label={`${t('shops.field.appKey')} (${pf.appKeyName})`} rules={pf.appKeyRequired ? [{ required: true, whitespace: true, message: t('shops.rule.appKey') }] : []}>
          <Input spellCheck={false} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="secret"
          label={<span>{t('shops.field.secret')} ({pf.secretName}) {secretExtra(shop?.hasSecret)}</span>}
          extra={editing ? t('shops.keepHint') : undefined}
          rules={editing || !pf.secretRequired ? [] : [{ required: true, message: t('shops.rule.secret') }]}
        >
          <Input.Password autoComplete="new-password" placeholder={editing && shop?.hasSecret ? t('shops.storedPlaceholder') : ''} />
        </Form.Item>
        <Form.Item
          name="session"
          label={<span>{t('shops.field.session')} {secretExtra(shop?.hasSession)}</span>}
          extra={editing ? t('shops.keepHint') : t('shops.sessionHint')}
          rules={editing ? [] : [{ required: true, message: t('shops.rule.session') }]}
        >
          <Input.Password autoComplete="new-password" placeholder={editing && shop?.hasSession ? t('shops.storedPlaceholder') : ''} />
        </Form.Item>
        {pf.refreshToken && (
          <Form.Item
            name="refreshToken"
            label={<span>{t('shops.field.refreshToken')} {secretExtra(shop?.hasRefreshToken)}</span>}
            extra={editing ? t('shops.keepHint') : t('shops.refreshHint')}
          >
            <Input.Password autoComplete="new-password" placeholder={editing && shop?.hasRefreshToken ? t('shops.storedPlaceholder') : ''} />
          </Form.Item>
        )}
        {pf.signSecret && (
          <Form.Item name="signSecret" label={t('shops.field.signSecret')} extra={editing ? t('shops.keepHint') : undefined} rules={editing ? [] : [{ required: true, message: t('shops.rule.signSecret') }]}>
            <Input.Password autoComplete="new-password" placeholder={editing ? t('shops.storedPlaceholder') : ''} />
          </Form.Item>
        )}
        {pf.signMethods.length > 1 && (
          <Form.Item name="signMethod" label={t('shops.field.signMethod')}>
            <Select options={pf.signMethods.map((m) => ({ value: m, label: SIGN_METHOD_LABELS[m] }))} />
          </Form.Item>
        )}
        <Form.Item name="pullIntervalMin" label={t('shops.field.pullIntervalMin')} rules={[{ required: true, type: 'integer', min: 1, max: 1440, message: t('shops.rule.interval') }]}>
          <InputNumber min={1} max={1440} precision={0} suffix={t('shops.minutes')} style={{ width: 200 }} />
        </Form.Item>
        {/* Enter in any field saves, as a keyboard user expects */}
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
      {failure && (
        <Alert
          data-testid="shop-form-error"
          type="error"
          showIcon
          role="alert"
          title={failure.title}
          description={
            <div>
              {failure.message && <div>{failure.message}</div>}
              {failure.platform && <div><strong>{failure.platform}</strong></div>}
              {failure.issues.map((i) => <div key={`${i.path}:${i.message}`}>{i.path}: {i.message}</div>)}
            </div>
          }
        />
      )}
      {test && <div style={{ marginTop: 12 }}><TestResult answer={test} /></div>}
    </Drawer>
  );
}
