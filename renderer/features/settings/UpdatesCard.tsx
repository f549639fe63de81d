// Self-update settings: the company's own HTTPS update host (OSS/COS + CDN) and the channel,
// with what the updater is doing now. Only the desktop app updates itself; serve mode says how.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RequestOutput, UpdateSettings, UpdateStatus } from '../../../shared/contract';
import { formatShanghai } from '../../../shared/time';
import { host, onHostEvent } from '../../transport/client';
import { describeError } from '../../i18n';
import { getActor, useCan } from '../operator';

type View = RequestOutput<'updates.get'>;

function statusText(s: UpdateStatus, t: (k: string, o?: Record<string, unknown>) => string): string {
  switch (s.state) {
    case 'off': return t('settings.updates.off', { reason: s.reason });
    case 'idle': return t('settings.updates.idle', { next: formatShanghai(s.nextCheckAt), last: s.lastCheckAt ? formatShanghai(s.lastCheckAt) : '—' });
    case 'checking': return t('settings.updates.checking');
    case 'downloading': return t('settings.updates.downloading', { version: s.version });
    case 'ready': return t('settings.updates.ready', { version: s.version });
    case 'error': return t('settings.updates.error', { message: s.message, next: formatShanghai(s.nextCheckAt) });
  }
}

export function UpdatesCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const may = useCan('settings.manage');
  const [view, setView] = useState<View>();
  const [form] = Form.useForm<UpdateSettings>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    host['updates.get']({}).then((v) => { if (live) { setView(v); form.setFieldsValue(v.settings); } }, () => undefined);
    const off = onHostEvent('updates.changed', (v) => setView(v));
    return () => { live = false; off(); };
  }, [form]);

  const save = async (values: UpdateSettings) => {
    setSaving(true);
    try {
      const v = await host['updates.save']({ actor: getActor(), settings: { url: values.url.trim(), channel: values.channel } });
      setView(v);
      void message.success(t('settings.updates.saved'));
    } catch (e) {
      const d = describeError(e, t);
      void message.error([d.title, d.message].filter(Boolean).join(': '));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('settings.updates.title')} size="small" data-testid="updates-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {view && <Typography.Text data-testid="updates-status">{statusText(view.status, t)}</Typography.Text>}
        {view?.shell === 'serve' && <Alert type="info" showIcon title={t('settings.updates.serveNote')} />}
        <Form form={form} layout="inline" onFinish={(v) => void save(v)} initialValues={{ url: '', channel: 'stable' }} disabled={!may}>
          <Form.Item name="url" label={t('settings.updates.url')} style={{ minWidth: 420 }}>
            <Input placeholder="https://updates.example.cn/wharf/" data-testid="updates-url" />
          </Form.Item>
          <Form.Item name="channel" label={t('settings.updates.channel')}>
            <Select style={{ width: 140 }} options={[{ value: 'stable', label: t('settings.updates.stable') }, { value: 'beta', label: t('settings.updates.beta') }]} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="updates-save">{t('settings.updates.save')}</Button>
          </Form.Item>
        </Form>
        {!may && <Typography.Text type="secondary">{t('settings.updates.needPermission')}</Typography.Text>}
      </Space>
    </Card>
  );
}
