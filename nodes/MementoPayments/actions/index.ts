import { activity } from './activity';
import { announcement } from './announcement';
import { contact } from './contact';
import { device } from './device';
import { fee } from './fee';
import { image } from './image';
import { moment } from './moment';
import { notification } from './notification';
import { payment } from './payment';
import { paymentSource } from './paymentSource';
import { pool } from './pool';
import { request } from './request';
import { session } from './session';
import { token } from './token';
import { transaction } from './transaction';
import { user } from './user';
import { verification } from './verification';

/** Every resource of the node with its operations, keyed by the Resource parameter's value. */
export const resources = {
	activity,
	announcement,
	contact,
	device,
	fee,
	image,
	moment,
	notification,
	payment,
	paymentSource,
	pool,
	request,
	session,
	token,
	transaction,
	user,
	verification,
};

export type MementoResourceName = keyof typeof resources;
