import { forOperation } from '../operation.factory';
import type { MementoOperation } from '../types';

/**
 * POST /v1/sessions/verify with the session token: the document's "Verify session token". The
 * credential opens (or renews) the session first, so this answers whether Memento accepts it.
 */
export const verify: MementoOperation = {
	description: forOperation('session', 'verify', []),
	prepare: () => ({ method: 'POST', path: '/v1/sessions/verify' }),
};
