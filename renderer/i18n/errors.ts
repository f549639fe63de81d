// Turns anything thrown by a host call or a mutator into what a person can act on: a title
// naming the kind of failure, the host's own sentence, the platform's code and message
// (e.g. "27 Invalid session"), and each validation issue as "path: message".
import type { TFunction } from 'i18next';
import { WharfError, type ContractError, type PlatformError } from '../../shared/contract';

export interface ErrorDescription {
  title: string;
  message: string;
  platform?: string;
  issues: { path: string; message: string }[];
}

export function formatPlatformError(p: Pick<PlatformError, 'code' | 'subCode' | 'message'>): string {
  return `${p.code}${p.subCode ? ` (${p.subCode})` : ''} ${p.message}`;
}

export function describeError(err: unknown, t: TFunction): ErrorDescription {
  if (err instanceof WharfError || (err && typeof err === 'object' && 'code' in err && 'message' in err)) {
    const e = err as WharfError & { issues?: ContractError['issues']; platform?: PlatformError };
    const extra: Partial<ContractError> = (e as { extra?: Partial<ContractError> }).extra ?? {};
    const issues = e.issues ?? extra.issues ?? [];
    const platform = e.platform ?? extra.platform;
    const code = String(e.code);
    return {
      title: t(`errors.${code}`, { defaultValue: t('errors.generic') }),
      message: e.message,
      platform: platform ? formatPlatformError(platform) : undefined,
      issues,
    };
  }
  return { title: t('errors.generic'), message: err instanceof Error ? err.message : String(err), issues: [] };
}
