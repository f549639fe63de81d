// 规则: the review rules editor (dry run before save, statistics) and the blacklist.
export { RulesPage } from './RulesPage';
