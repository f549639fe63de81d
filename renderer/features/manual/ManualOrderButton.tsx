// The "new manual order" button (pool and review desk): hidden behind the permission it needs.
import { useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WharfDB } from '../../store/db';
import { useCan } from '../operator';
import { ManualOrderDrawer } from './ManualOrderDrawer';

export function ManualOrderButton({ db, onCreated }: { db: WharfDB; onCreated?(key: string): void }) {
  const { t } = useTranslation();
  const can = useCan('orders.create');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} disabled={!can} title={can ? undefined : t('decisions.manual.noPermission')} data-testid="manual-open">{t('decisions.manual.button')}</Button>
      {/* once created, the drawer closes and the new order opens with its decision */}
      <ManualOrderDrawer db={db} open={open} onClose={() => setOpen(false)} onCreated={(key) => { setOpen(false); onCreated?.(key); }} />
    </>
  );
}
