import { collection } from './collection';
import { disbursement } from './disbursement';
import { sandbox } from './sandbox';

/** Every resource of the node with its operations, keyed by the Resource parameter's value. */
export const resources = { collection, disbursement, sandbox };

export type MomoResourceName = keyof typeof resources;
