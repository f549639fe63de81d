// The React root: antd configured for the current language (zh-CN default) with big controls
// for gloved hands, then boot, then the shell. A boot failure is shown with a retry button
// that boots again in place (the page never reloads itself).
import { useCallback, useEffect, useState } from 'react';
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { bootOnce, type Booted } from './boot';
import { Shell } from './Shell';

type BootState = { phase: 'booting' } | { phase: 'ready'; booted: Booted } | { phase: 'failed'; error: unknown };

export function Root() {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<BootState>({ phase: 'booting' });

  const start = useCallback(() => {
    setState({ phase: 'booting' });
    bootOnce().then((booted) => setState({ phase: 'ready', booted }), (error: unknown) => setState({ phase: 'failed', error }));
  }, []);
  useEffect(start, [start]);

  let body: React.ReactNode;
  if (state.phase === 'ready') body = <Shell db={state.booted.db} />;
  else if (state.phase === 'failed') {
    body = (
      <Result
        status="error"
        title={t('app.bootFailed')}
        subTitle={state.error instanceof Error ? `${state.error.name}: ${state.error.message}` : String(state.error)}
        extra={<Button type="primary" size="large" onClick={start}>{t('app.retry')}</Button>}
      />
    );
  } else {
    body = <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}><Spin size="large" description={t('app.starting')} /></div>;
  }

  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      componentSize="large"
      theme={{ token: { fontSize: 15, borderRadius: 6 } }}
    >
      <AntApp>{body}</AntApp>
    </ConfigProvider>
  );
}
