// Per-PC preferences: language (each named in its own language) and scan sound.
import { Button, Card, Segmented, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage, type Language } from '../../i18n';
import { playTone, useSound } from '../scan';

const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '简体中文', en: 'English' };

export function PreferencesCard() {
  const { t, i18n } = useTranslation();
  const soundOn = useSound((s) => s.on);
  const setSound = useSound((s) => s.setOn);
  // re-read on language change (i18n.language is what re-renders this)
  const lang = i18n.language ? currentLanguage() : 'zh-CN';
  return (
    <Card title={t('settings.preferences')} size="small">
      <Space orientation="vertical" size="middle">
        <div>
          <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>{t('settings.language')}</Typography.Text>
          <Segmented<Language>
            size="large"
            data-testid="language-switch"
            value={lang}
            onChange={(v) => void setLanguage(v)}
            options={(Object.keys(LANGUAGE_NAMES) as Language[]).map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          />
        </div>
        <div>
          <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>{t('settings.sound')}</Typography.Text>
          <Space>
            <Switch checked={soundOn} onChange={setSound} data-testid="sound-switch" aria-label={t('settings.sound')} />
            <span>{soundOn ? t('settings.soundOn') : t('scan.soundOff')}</span>
            <Button onClick={() => playTone('ok')} disabled={!soundOn}>{t('settings.testOk')}</Button>
            <Button onClick={() => playTone('wrong')} disabled={!soundOn}>{t('settings.testWrong')}</Button>
            <Button onClick={() => playTone('done')} disabled={!soundOn}>{t('settings.testDone')}</Button>
          </Space>
        </div>
      </Space>
    </Card>
  );
}
