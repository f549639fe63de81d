// Top navigation. Routes are in-app state (no URL changes, so nothing ever reloads);
// Alt+1…9, 0, - switch screens from the keyboard.
import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROUTES, useAppState, type Route } from './appState';
import { routeKeyLabel } from './hotkeys';

export function Nav() {
  const { t } = useTranslation();
  const route = useAppState((s) => s.route);
  const go = useAppState((s) => s.go);
  return (
    <Menu
      mode="horizontal"
      theme="dark"
      selectedKeys={[route]}
      onClick={(e) => go(e.key as Route)}
      style={{ flex: 1, minWidth: 0, fontSize: 16, background: 'transparent' }}
      items={ROUTES.map((r, i) => ({
        key: r,
        label: <span data-testid={`nav-${r}`} title={routeKeyLabel(i)}>{t(`nav.${r}`)}</span>,
      }))}
    />
  );
}
