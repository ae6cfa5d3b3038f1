import { blockingOperation } from './block.factory';

export const block = blockingOperation('block');
