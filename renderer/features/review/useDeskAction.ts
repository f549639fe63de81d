// Runs one desk action as the signed-in operator: the mutator, then the journal nudge, then a
// short confirmation — or the error in words a person can act on (and nothing half done: each
// mutator is one transaction).
import { useCallback, useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OperatorContext } from '../../store/mutators';
import { describeError } from '../../i18n';
import { notifyJournal, operatorContext, useOperatorStore } from '../operator';

export interface ActionError { title: string; message: string; issues: { path: string; message: string }[] }

export function useDeskAction() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  /** Resolves to undefined on success, or the error (also shown as a message unless `quiet`). */
  const run = useCallback(async (fn: (ctx: OperatorContext) => Promise<unknown>, opts: { done?: string; quiet?: boolean } = {}): Promise<ActionError | undefined> => {
    setBusy(true);
    try {
      await fn(operatorContext());
      notifyJournal();
      if (opts.done) void message.success(opts.done);
      return undefined;
    } catch (err) {
      const d = describeError(err, t);
      if ((err as { code?: string })?.code === 'no_operator') useOperatorStore.getState().openSwitch();
      if (!opts.quiet) void message.error(`${d.title} — ${[d.message, ...d.issues.map((i) => `${i.path}: ${i.message}`)].join('; ')}`);
      return d;
    } finally {
      setBusy(false);
    }
  }, [message, t]);

  return { run, busy };
}
