import { bank } from './bank';
import { deposit } from './deposit';
import { quote } from './quote';
import { user } from './user';
import { withdrawal } from './withdrawal';

/** Every resource of the node with its operations, keyed by the Resource parameter's value. */
export const resources = { bank, deposit, quote, user, withdrawal };

export type MomentoResourceName = keyof typeof resources;
