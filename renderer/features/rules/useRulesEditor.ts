// The rules screen's state: the saved settings (live), the operator's edits, the dry run that
// must describe exactly the edited settings before they can be saved, and the save itself.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { DecisionSettings, RuleId, RuleSettings } from '../../../shared/decide';
import type { WharfDB } from '../../store/db';
import { readSettings } from '../../store/decide/config';
import { saveRules } from '../../store/decisionMutators';
import { notifyJournal, operatorContext } from '../operator';
import { defaultDraft, draftOf, settingsKey, validate, withDraft, type FieldIssue, type RulesDraft } from './draft';
import { loadDryRunData } from './dryRunData';
import { DryRunCancelled, runDryRun, type DryRunResult } from './dryRun';

export interface DryRunState {
  /** the edited settings it ran for (settingsKey) */
  key: string;
  progress?: { done: number; total: number };
  result?: DryRunResult;
  error?: string;
}

export function useRulesEditor(db: WharfDB) {
  const saved = useLiveQuery(() => readSettings(db), [db]);
  const [draft, setDraft] = useState<RulesDraft>();
  // bumped when the draft is replaced wholesale (reset, discard, saved): word boxes re-read their text
  const [epoch, setEpoch] = useState(0);
  const [days, setDays] = useState(7);
  const [dry, setDry] = useState<DryRunState>();
  const [saving, setSaving] = useState(false);
  const abort = useRef<AbortController | undefined>(undefined);

  const edited = saved ? withDraft(saved, draft) : undefined;
  const editedKey = edited ? settingsKey(edited) : '';
  const changed = !!saved && !!draft && editedKey !== settingsKey(saved);
  const { issues, parsed } = useMemo(() => (edited ? validate(edited) : { issues: [] as FieldIssue[], parsed: undefined }), [editedKey]);
  const running = !!dry && dry.key === editedKey && !dry.result && !dry.error;
  const fresh = !!dry?.result && dry.key === editedKey;

  // an edit during a run makes its answer about other settings: stop it
  useEffect(() => { if (dry && dry.key !== editedKey && !dry.result) abort.current?.abort(); }, [editedKey, dry]);
  useEffect(() => () => abort.current?.abort(), []);

  const edit = useCallback((fn: (d: RulesDraft) => RulesDraft) => {
    setDraft((d) => (saved ? fn(d ?? draftOf(saved)) : d));
  }, [saved]);

  const setRule = useCallback(<K extends RuleId>(id: K, patch: Partial<RuleSettings[K]>) =>
    edit((d) => ({ ...d, rules: { ...d.rules, [id]: { ...d.rules[id], ...patch } } })), [edit]);
  const setMatching = useCallback((patch: Partial<DecisionSettings['matching']>) => edit((d) => ({ ...d, matching: { ...d.matching, ...patch } })), [edit]);

  const replace = (d: RulesDraft | undefined) => { abort.current?.abort(); setDraft(d); setDry(undefined); setEpoch((n) => n + 1); };
  const discard = () => replace(undefined);
  const reset = () => replace(defaultDraft());

  const dryRun = async () => {
    if (!parsed || !changed || running) return;
    abort.current?.abort();
    const ctl = new AbortController();
    abort.current = ctl;
    const key = editedKey;
    setDry({ key, progress: { done: 0, total: 0 } });
    try {
      const data = await loadDryRunData(db, days, Date.now());
      const result = await runDryRun(data, parsed, { days, signal: ctl.signal, onProgress: (done, total) => { if (!ctl.signal.aborted) setDry({ key, progress: { done, total } }); } });
      if (!ctl.signal.aborted) setDry({ key, result });
    } catch (e) {
      if (e instanceof DryRunCancelled) return;
      setDry({ key, error: e instanceof Error ? e.message : String(e) });
    }
  };

  /** Resolves when saved; throws the mutator's error (the caller shows it). */
  const save = async (redecide: boolean) => {
    if (!edited || !fresh || !dry?.result) return;
    const r = dry.result;
    setSaving(true);
    try {
      await saveRules(db, operatorContext(), edited, { redecide, dryRun: { days: r.days, orders: r.orders, changed: r.changed, perRule: r.perRule } });
      notifyJournal();
      replace(undefined);
    } finally {
      setSaving(false);
    }
  };

  return { saved, edited, changed, issues, days, setDays, dry, running, fresh, saving, epoch, setRule, setMatching, discard, reset, dryRun, save };
}

export type RulesEditor = ReturnType<typeof useRulesEditor>;
