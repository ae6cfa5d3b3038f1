// Moved to ../constants (the module the credential and the node share). Kept until the files
// that still import it from here (actions/types.ts, payment.guard.ts, payment.send.ts,
// trigger/callback.ts) import ../constants.
export * from '../constants';
