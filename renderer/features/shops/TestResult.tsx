// The answer of "test connection": ok with the round-trip time, or the platform's own code
// and message (e.g. "27 Invalid session"), which is what its documentation is indexed by.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RequestOutput } from '../../../shared/contract';
import { formatPlatformError, type ErrorDescription } from '../../i18n';

export type TestAnswer = { result: RequestOutput<'shops.test'> } | { failure: ErrorDescription };

export function TestResult({ answer, compact = false }: { answer: TestAnswer; compact?: boolean }) {
  const { t } = useTranslation();
  if ('failure' in answer) {
    const f = answer.failure;
    return <Alert data-testid="shop-test-result" type="error" showIcon title={f.title} description={compact ? undefined : [f.platform, f.message].filter(Boolean).join(' — ')} />;
  }
  const r = answer.result;
  if (r.ok) return <Alert data-testid="shop-test-result" type="success" showIcon title={t('shops.testOk', { ms: Math.round(r.latencyMs) })} />;
  return (
    <Alert
      data-testid="shop-test-result"
      type="error"
      showIcon
      title={r.error ? formatPlatformError(r.error) : t('shops.testFailed')}
      description={compact ? undefined : t('shops.testFailedAfter', { ms: Math.round(r.latencyMs) })}
    />
  );
}
