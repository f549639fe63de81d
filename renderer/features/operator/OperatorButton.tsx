// Header button on every screen: who is signed in here, and the way to switch (also F2).
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOperatorStore } from './store';

export function OperatorButton() {
  const { t } = useTranslation();
  const user = useOperatorStore((s) => s.user);
  const open = useOperatorStore((s) => s.openSwitch);
  return (
    <Button
      data-testid="operator-button"
      size="large"
      type={user ? 'default' : 'primary'}
      onClick={open}
      title={t('operator.switchHint')}
      aria-keyshortcuts="F2"
    >
      {user ? (
        <span>
          <strong>{user.name}</strong>
          <span style={{ marginLeft: 8, opacity: 0.75 }}>{t(`role.${user.role}`)}</span>
        </span>
      ) : (
        t('operator.signIn')
      )}
    </Button>
  );
}
