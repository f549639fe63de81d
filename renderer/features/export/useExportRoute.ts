// Opening #/export?preset=…&format=… (a bookmark, a script driving the browser) downloads the
// pool's orders without any clicks, then clears the hash so a reload does not download again.
import { useEffect, useRef, useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WharfDB } from '../../store/db';
import { exportOrders, saveFile, type ExportFile } from './exportOrders';
import { ExportLinkError, isExportHash, parseExportHash } from './exportHash';

export interface ExportRouteState { running: boolean; last?: Pick<ExportFile, 'fileName' | 'orders' | 'rows'>; error?: string }

function clearHash(): void {
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}

export function useExportRoute(db: WharfDB): ExportRouteState {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [state, setState] = useState<ExportRouteState>({ running: false });
  const busy = useRef(false);
  const deps = useRef({ t, message });
  deps.current = { t, message };

  useEffect(() => {
    const run = async () => {
      const hash = location.hash;
      if (!isExportHash(hash) || busy.current) return;
      busy.current = true;
      const { t: tr, message: msg } = deps.current;
      // cleared first: a second mount or a reload while the file is built must not start another
      clearHash();
      try {
        const req = parseExportHash(hash);
        setState({ running: true });
        const file = await exportOrders(db, req.filter, req.preset, req.format, { t: tr });
        saveFile(file);
        setState({ running: false, last: { fileName: file.fileName, orders: file.orders, rows: file.rows } });
        void msg.success(tr('rules.export.done', { orders: file.orders, rows: file.rows, file: file.fileName }));
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        setState({ running: false, error: why });
        void msg.error(tr(e instanceof ExportLinkError ? 'rules.export.badRoute' : 'rules.export.failed', { why }));
      } finally {
        busy.current = false;
      }
    };
    void run();
    const onHash = () => void run();
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [db]);

  return state;
}
