import { blockingOperation } from './block.factory';

export const unblock = blockingOperation('unblock');
