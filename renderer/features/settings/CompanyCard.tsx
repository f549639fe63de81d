// Loading a company-setup file (wharf.company/1: warehouses, SKUs, shops, users). Checked here
// with the same schema the host uses, so every problem shows as "path: message" before
// anything is sent; the host's own issues are shown the same way.
import { useRef, useState } from 'react';
import { Alert, Button, Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import type { RequestOutput } from '../../../shared/contract';
import { CompanySetup } from '../../../shared/domain/company';
import type { WharfDB } from '../../store/db';
import { host } from '../../transport/client';
import { describeError, type ErrorDescription } from '../../i18n';
import { getActor, recordAsOperator, useCan } from '../operator';

type LoadState =
  | { phase: 'idle' }
  | { phase: 'loading'; file: string }
  | { phase: 'done'; file: string; result: RequestOutput<'company.load'> }
  | { phase: 'error'; file: string; error: ErrorDescription };

export function CompanyCard({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const canLoad = useCan('company.load');
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<LoadState>({ phase: 'idle' });
  const company = useLiveQuery(() => db.cursors.get('company'), [db])?.value as { name?: string; revision?: string } | undefined;

  const load = async (file: File) => {
    setState({ phase: 'loading', file: file.name });
    let setup: unknown;
    try {
      setup = JSON.parse(await file.text());
    } catch (err) {
      setState({ phase: 'error', file: file.name, error: { title: t('settings.company.notJson'), message: err instanceof Error ? err.message : String(err), issues: [] } });
      return;
    }
    const local = CompanySetup.safeParse(setup);
    if (!local.success) {
      const issues = local.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
      setState({ phase: 'error', file: file.name, error: { title: t('settings.company.invalid'), message: '', issues } });
      return;
    }
    try {
      const result = await host['company.load']({ actor: getActor(), setup });
      await recordAsOperator(db, 'company.loaded', result);
      setState({ phase: 'done', file: file.name, result });
    } catch (err) {
      setState({ phase: 'error', file: file.name, error: describeError(err, t) });
    }
  };

  return (
    <Card title={t('settings.company.title')} size="small" data-testid="company-card">
      <Typography.Paragraph>
        {company?.name ? t('settings.company.current', { name: company.name }) : t('settings.company.none')}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('settings.company.hint')}</Typography.Paragraph>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid="company-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          // cleared so choosing the same (fixed) file again loads it again
          e.target.value = '';
          if (f) void load(f);
        }}
      />
      <Button size="large" type="primary" disabled={!canLoad} loading={state.phase === 'loading'} onClick={() => input.current?.click()} data-testid="company-load">
        {t('settings.company.choose')}
      </Button>
      {!canLoad && <Typography.Text type="secondary" style={{ marginLeft: 12 }}>{t('settings.company.noPermission')}</Typography.Text>}
      {state.phase === 'done' && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          title={t('settings.company.loaded', { name: state.result.name, file: state.file })}
          description={
            <Descriptions size="small" column={4} items={[
              { key: 'skus', label: t('settings.company.skus'), children: state.result.skus },
              { key: 'warehouses', label: t('settings.company.warehouses'), children: state.result.warehouses },
              { key: 'shops', label: t('settings.company.shops'), children: state.result.shops },
              { key: 'users', label: t('settings.company.users'), children: state.result.users },
            ]} />
          }
        />
      )}
      {state.phase === 'error' && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          role="alert"
          data-testid="company-error"
          title={`${state.error.title} — ${state.file}`}
          description={
            <div>
              {state.error.message && <div>{state.error.message}</div>}
              {state.error.platform && <div>{state.error.platform}</div>}
              {state.error.issues.length > 0 && (
                <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
                  {state.error.issues.map((i) => <li key={`${i.path}:${i.message}`}><Typography.Text code>{i.path}</Typography.Text>: {i.message}</li>)}
                </ul>
              )}
            </div>
          }
        />
      )}
    </Card>
  );
}
