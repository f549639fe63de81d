// Binds the contract to Electron IPC exactly as main/serve/binder.ts binds it to a WebSocket:
// one ipcMain.handle per request name, the sender frame checked to be the app's own page, the
// input parsed with the contract's schema and the same service called (main/services/dispatch),
// typed errors answered, never thrown. Host events go to the window as frame text.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { encodeEvent } from '../../shared/contract';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_PREFIX, REQUEST_NAMES } from '../../shared/contract/names';
import { dispatch, type Answer } from '../services/dispatch';
import type { Host } from '../services/host';
import { isAppUrl } from './appUrl';

type Ipc = Pick<IpcMain, 'handle' | 'removeHandler'>;

/** Who sent this call: the frame's URL (a subframe or a foreign page is refused). */
function senderUrl(e: Pick<IpcMainInvokeEvent, 'senderFrame'>): string {
  try {
    return e.senderFrame?.url ?? '';
  } catch {
    // a frame that navigated away or was destroyed mid-call
    return '';
  }
}

export function bindIpc(ipc: Ipc, host: Pick<Host, 'handlers'>, allowUrl: (url: string) => boolean = isAppUrl): () => void {
  for (const name of REQUEST_NAMES) {
    ipc.handle(`${IPC_REQUEST_PREFIX}${name}`, async (e, input: unknown): Promise<Answer> => {
      const url = senderUrl(e);
      if (!allowUrl(url)) {
        return { ok: false, error: { code: 'forbidden', message: `${name} refused: the call came from ${url || 'an unknown frame'}, not from the Wharf window` } };
      }
      return dispatch(host.handlers, name, input);
    });
  }
  return () => REQUEST_NAMES.forEach((name) => ipc.removeHandler(`${IPC_REQUEST_PREFIX}${name}`));
}

/** Forwards host events to a window while it lives; returns the unsubscribe. */
export function forwardEvents(host: Pick<Host, 'subscribe'>, wc: Pick<WebContents, 'send' | 'isDestroyed'>): () => void {
  return host.subscribe((name, payload) => {
    if (!wc.isDestroyed()) wc.send(IPC_EVENT_CHANNEL, encodeEvent(name, payload));
  });
}
