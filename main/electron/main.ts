// The desktop shell: the same host services as serve mode, mounted over IPC instead of a
// WebSocket. One instance per PC; the window hides to the tray so pulls and printing go on;
// quitting from the tray stops the host cleanly (the inbox is flushed first).
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, nativeImage, protocol, safeStorage, screen, session, shell, Tray } from 'electron';
import electronUpdater from 'electron-updater';
import log from 'electron-log/main';
import { systemClock } from '../../shared/clock';
import { readConfig, type HostConfig } from '../services/config';
import { createHost, type Host } from '../services/host';
import { readJsonFile, writeFileDurable } from '../services/store/durableFile';
import { APP_INDEX, APP_SCHEME } from './appUrl';
import { appResponse } from './appProtocol';
import { guardContents, guardPermissions } from './guards';
import { bindIpc, forwardEvents } from './ipcBinder';
import { redact } from '../services/redact';
import { loadSafeStorageKey } from './safeKey';
import { secureWebPreferences } from './secureWebPreferences';
import { startUpdates } from './updates';
import { MIN_SIZE, restoreBounds, type WindowState } from './windowState';

// before ready: app:// is a standard, secure origin (IndexedDB, fetch and workers work on it)
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } }]);

const appRoot = app.getAppPath();
const RENDERER_DIR = path.join(appRoot, 'out', 'renderer');
const PRELOAD = path.join(appRoot, 'out', 'preload', 'index.cjs');
const ICON = path.join(appRoot, 'assets', 'icons', process.platform === 'win32' ? 'icon.ico' : 'icon.png');

let host: Host | undefined;
let win: BrowserWindow | undefined;
let tray: Tray | undefined;
let quitting = false;

function setupLog(dataDir: string): void {
  log.transports.file.resolvePathFn = () => path.join(dataDir, 'logs', 'main.log');
  // electron-log keeps one previous file (main.old.log) when this size is reached
  log.transports.file.maxSize = 5 * 1024 * 1024;
  log.hooks.push((msg) => ({ ...msg, data: msg.data.map((d) => (typeof d === 'string' ? redact(d) : d instanceof Error ? redact(d.stack ?? d.message) : d)) }));
  log.errorHandler.startCatching({ showDialog: false });
}

function createWindow(config: HostConfig): BrowserWindow {
  const stateFile = path.join(config.dataDir, 'window.json');
  const state = restoreBounds(readJsonFile<WindowState>(stateFile), [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea));
  const w = new BrowserWindow({
    ...state.bounds, minWidth: MIN_SIZE.width, minHeight: MIN_SIZE.height, show: false,
    title: 'Wharf 码头', icon: fs.existsSync(ICON) ? ICON : undefined, backgroundColor: '#f5f5f5', autoHideMenuBar: true,
    webPreferences: secureWebPreferences(PRELOAD),
  });
  if (state.maximized) w.maximize();
  w.once('ready-to-show', () => w.show());
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      if (w.isDestroyed()) return;
      writeFileDurable(stateFile, JSON.stringify({ bounds: w.isMaximized() ? w.getNormalBounds() : w.getBounds(), maximized: w.isMaximized() } satisfies WindowState));
    }, 500);
  };
  w.on('resize', save);
  w.on('move', save);
  // closing hides to the tray: pulls, printing and the floor keep going
  w.on('close', (e) => {
    if (quitting) return;
    e.preventDefault();
    w.hide();
  });
  const off = forwardEvents(host!, w.webContents);
  w.on('closed', () => { off(); win = undefined; });
  void w.loadURL(APP_INDEX);
  return w;
}

function showWindow(config: HostConfig): void {
  if (!win || win.isDestroyed()) win = createWindow(config);
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

function createTray(config: HostConfig): Tray {
  const t = new Tray(fs.existsSync(ICON) ? nativeImage.createFromPath(ICON) : nativeImage.createEmpty());
  t.setToolTip('Wharf 码头');
  t.setContextMenu(Menu.buildFromTemplate([
    { label: '打开 Wharf / Open Wharf', click: () => showWindow(config) },
    { type: 'separator' },
    { label: '退出 / Quit', click: () => app.quit() },
  ]));
  t.on('double-click', () => showWindow(config));
  return t;
}

async function start(): Promise<void> {
  const config = readConfig();
  setupLog(config.dataDir);
  log.info(`Wharf ${app.getVersion()} starting (data: ${config.dataDir})`);

  const safe = await loadSafeStorageKey(config.dataDir, safeStorage);
  if (safe.key === undefined) log.warn(safe.warning);
  else if (safe.note) log.info(safe.note);

  host = createHost(config, {
    clock: systemClock, version: app.getVersion(), secretKey: safe.key, log: (m) => log.info(m),
    secretStoreWarning: safe.key === undefined ? safe.warning : undefined,
    shell: 'desktop', runtime: { electron: process.versions.electron, chrome: process.versions.chrome },
  });
  await host.start();

  protocol.handle(APP_SCHEME, (req) => appResponse(RENDERER_DIR, req.url, req.method));
  guardPermissions(session.defaultSession);
  bindIpc(ipcMain, host);

  win = createWindow(config);
  tray = createTray(config);
  app.on('second-instance', () => showWindow(config));
  app.on('activate', () => showWindow(config));

  // updates: settings from Settings → Updates (or WHARF_UPDATE_URL); restarted when they change
  const { autoUpdater } = electronUpdater;
  autoUpdater.logger = log;
  const h = host;
  const runUpdates = () => startUpdates(autoUpdater as never, h.updates.settings, systemClock, (s) => h.updates.setStatus(s), (m) => log.info(m));
  let stopUpdates = runUpdates();
  h.updates.onChange(() => { stopUpdates(); stopUpdates = runUpdates(); });
}

if (!app.requestSingleInstanceLock()) {
  // a second start focuses the first (its 'second-instance' handler) and goes away
  app.quit();
} else {
  // every window and frame: no navigation away, no new windows, links out only by allowlist
  app.on('web-contents-created', (_e, wc) => guardContents(wc, (url) => void shell.openExternal(url)));
  app.whenReady().then(start).catch((e: unknown) => {
    log.error('Wharf could not start', e);
    app.exit(1);
  });
  // the window only hides; the app lives in the tray until quit from there
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', (e) => {
    if (!host) return;
    // stop the host first: pulls in flight finish writing their inbox pages, then exit
    e.preventDefault();
    quitting = true;
    const h = host;
    host = undefined;
    tray?.destroy();
    void h.stop().catch((err: unknown) => log.error('stopping the host', err)).finally(() => app.quit());
  });
}
