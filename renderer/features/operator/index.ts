// Operator switch and session: who is at this PC, on which device, and what they may do.
export { useOperator, useOperatorStore, loadDeviceId } from './store';
export { getActor, operatorContext, useCan, signInWithPin, signInWithBadge, NoOperatorError, ANONYMOUS } from './session';
export { recordAsOperator, mutateAsOperator } from './record';
export { setJournalNotifier, notifyJournal } from './journalNotify';
export { useOperatorRestore } from './useOperatorRestore';
export { OperatorButton } from './OperatorButton';
export { OperatorModal } from './OperatorModal';
