// The operator switch: pick your name and type your PIN, or scan your badge. While it is
// open it takes every scan for itself (a badge), so a scan never lands on the screen behind.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Input, Modal, Typography, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import type { UserPublic } from '../../../shared/domain/types';
import type { WharfDB } from '../../store/db';
import { useScans } from '../scan';
import { useOperatorStore } from './store';
import { signInWithBadge, signInWithPin } from './session';

export function OperatorModal({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const open = useOperatorStore((s) => s.switchOpen);
  const close = useOperatorStore((s) => s.closeSwitch);
  const current = useOperatorStore((s) => s.user);
  const users = useLiveQuery(() => db.users.toArray(), [db]) ?? [];
  const [pickedId, setPickedId] = useState<string | undefined>();
  const picked: UserPublic | undefined = users.find((u) => u.id === pickedId);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const pinRef = useRef<InputRef>(null);

  // a fresh start every time the switch opens; with one user, that user is already picked
  const onlyId = users.length === 1 ? users[0]!.id : undefined;
  useEffect(() => {
    if (!open) return;
    setPin('');
    setError(undefined);
    setPickedId(onlyId);
  }, [open, onlyId]);

  // keyboard-first: the PIN field once someone is picked, else the first name
  const listRef = useRef<HTMLDivElement>(null);
  const hasUsers = users.length > 0;
  useEffect(() => {
    if (!open) return;
    const h = setTimeout(() => {
      if (pickedId) pinRef.current?.focus();
      else listRef.current?.querySelector<HTMLElement>('[role="option"]')?.focus();
    }, 0);
    return () => clearTimeout(h);
  }, [open, pickedId, hasUsers]);

  useScans(async (code) => {
    const user = await signInWithBadge(db, code);
    if (!user) return { kind: 'wrong', message: t('operator.badgeUnknown') };
    return { kind: 'done', message: t('operator.switchedTo', { name: user.name }) };
  }, { exclusive: true, active: open });

  const submit = async () => {
    if (!picked || !pin || busy) return;
    setBusy(true);
    try {
      const ok = await signInWithPin(db, picked, pin);
      if (!ok) {
        setError(t('operator.wrongPin'));
        setPin('');
        pinRef.current?.focus();
      }
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      onCancel={close}
      title={t('operator.title')}
      footer={null}
      width={720}
      destroyOnHidden
    >
      <div data-testid="operator-modal">
        <Typography.Paragraph>{t('operator.intro')}</Typography.Paragraph>
        {users.length === 0 && <Alert type="warning" showIcon title={t('operator.noUsers')} />}
        <div ref={listRef} role="listbox" aria-label={t('operator.users')} style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 12, marginBottom: 16 }}>
          {users.map((u) => (
            <Button
              key={u.id}
              role="option"
              aria-selected={picked?.id === u.id}
              data-testid="operator-user"
              data-user-id={u.id}
              type={picked?.id === u.id ? 'primary' : 'default'}
              style={{ height: 64, display: 'flex', flexDirection: 'column', justifyContent: 'center' }}
              onClick={() => { setPickedId(u.id); setError(undefined); setPin(''); }}
            >
              <strong style={{ fontSize: 16 }}>{u.name}{current?.id === u.id ? ` · ${t('operator.current')}` : ''}</strong>
              <span style={{ fontSize: 12 }}>{t(`role.${u.role}`)}</span>
            </Button>
          ))}
        </div>
        <form onSubmit={(e) => { e.preventDefault(); void submit(); }} style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
          <label htmlFor="operator-pin" style={{ whiteSpace: 'nowrap' }}>
            {picked ? t('operator.pinFor', { name: picked.name }) : t('operator.pickFirst')}
          </label>
          <Input.Password
            id="operator-pin"
            ref={pinRef}
            data-testid="operator-pin"
            size="large"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            disabled={!picked}
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
            status={error ? 'error' : undefined}
            style={{ maxWidth: 220 }}
          />
          <Button htmlType="submit" type="primary" size="large" disabled={!picked || !pin} loading={busy} data-testid="operator-submit">
            {t('operator.submit')}
          </Button>
        </form>
        {error && <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" data-testid="operator-error" title={error} />}
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>{t('operator.badgeHint')}</Typography.Paragraph>
      </div>
    </Modal>
  );
}
