// 规则: the 12 review rules and the matching thresholds, edited as a draft over the saved settings;
// a dry run over the last N days must describe exactly the edited settings before Save is offered.
// Below them the blacklist rule r7 reads. Ctrl+Enter dry-runs and Ctrl+S saves from anywhere on
// the page (modifier keys: a scanner's burst can never trigger them).
import { useEffect, useRef, useState } from 'react';
import { Alert, App, Col, Row, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { RULE_IDS } from '../../../shared/decide';
import type { WharfDB } from '../../store/db';
import { describeError } from '../../i18n';
import { useCan } from '../operator';
import { ruleEdited } from './draft';
import { useRulesEditor } from './useRulesEditor';
import { RulesActions } from './RulesActions';
import { RuleCard } from './RuleCard';
import { MatchingCard } from './MatchingCard';
import { BlacklistCard } from './BlacklistCard';

export function RulesPage({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canEdit = useCan('settings.manage');
  const editor = useRulesEditor(db);
  const [redecide, setRedecide] = useState(true);
  const stats = useLiveQuery(() => db.ruleStats.toArray(), [db]) ?? [];
  const shops = useLiveQuery(() => db.shops.toArray(), [db]) ?? [];
  const shopName = (id: string) => shops.find((s) => s.id === id)?.name ?? id;

  const save = async () => {
    try {
      await editor.save(redecide);
      void message.success(t(redecide ? 'rules.save.savedRedecide' : 'rules.save.saved'));
    } catch (e) {
      const d = describeError(e, t);
      void message.error(`${d.title} — ${[d.message, ...d.issues.map((i) => `${i.path}: ${i.message}`)].join('; ')}`);
    }
  };

  const keys = useRef({ run: () => undefined as unknown, save: () => undefined as unknown });
  keys.current = {
    run: () => void editor.dryRun(),
    save: () => { if (canEdit && editor.changed && editor.fresh && !editor.saving) void save(); },
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !(e.ctrlKey || e.metaKey)) return;
      if (e.key === 'Enter') { e.preventDefault(); keys.current.run(); }
      // always taken on this page: the browser's "save page" is never what was meant here
      else if (e.key.toLowerCase() === 's') { e.preventDefault(); keys.current.save(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const { saved, edited } = editor;
  if (!saved || !edited) return <Spin data-testid="rules-page" />;
  return (
    <div data-testid="rules-page" style={{ maxWidth: 1400 }}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('rules.title')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('rules.intro')}</Typography.Paragraph>
        {!canEdit && <Alert type="info" showIcon title={t('rules.readOnly')} data-testid="rules-read-only" />}
        <RulesActions editor={editor} canEdit={canEdit} redecide={redecide} setRedecide={setRedecide} onSave={() => void save()} shopName={shopName} />
        {/* the epoch remounts the word boxes when the draft is replaced wholesale */}
        <Row gutter={[12, 12]} key={editor.epoch}>
          {RULE_IDS.map((id) => (
            <Col key={id} xs={24} lg={12} xxl={8}>
              <RuleCard id={id} rule={edited.rules[id]} edited={ruleEdited(saved, edited, id)} stat={stats.find((s) => s.rule === id)}
                issues={editor.issues} canEdit={canEdit} set={(patch) => editor.setRule(id, patch)} />
            </Col>
          ))}
          <Col xs={24}>
            <MatchingCard matching={edited.matching} edited={JSON.stringify(saved.matching) !== JSON.stringify(edited.matching)} issues={editor.issues} canEdit={canEdit} set={editor.setMatching} />
          </Col>
        </Row>
        <BlacklistCard db={db} canEdit={canEdit} />
      </Space>
    </div>
  );
}
