import { account } from './account';
import { catalog } from './catalog';
import { healthcheck } from './healthcheck';
import { order } from './order';
import { partnerTransaction } from './partnerTransaction';
import { transaction } from './transaction';

/** Every resource of the node with its operations, keyed by the Resource parameter's value. */
export const resources = { account, catalog, healthcheck, order, partnerTransaction, transaction };

export type ConductorResourceName = keyof typeof resources;
