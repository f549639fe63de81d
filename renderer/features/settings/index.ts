// Settings: language, sound, company setup, device info, journal replay, quarantine.
export { SettingsPage } from './SettingsPage';
export { checkJournalOffer, replayJournal, useJournalReplay, type ReplayState } from './journalReplay';
