import { address } from './address';
import { auth } from './auth';
import { balance } from './balance';
import { file } from './file';
import { iban } from './iban';
import { order } from './order';
import { profile } from './profile';
import { token } from './token';
import { webhook } from './webhook';

/** Every resource of the node with its operations, keyed by the Resource parameter's value. */
export const resources = { address, auth, balance, file, iban, order, profile, token, webhook };

export type MoneriumResourceName = keyof typeof resources;
