// What the sandbox checks in request bodies; a problem becomes a 400 VALIDATION_ERROR with details.
import { WITHDRAWAL_BANKS } from './seed';
import type { BankAccountRequest } from './types';

export type FieldProblems = Record<string, string[]>;

export class ValidationProblems extends Error {
	constructor(readonly details: FieldProblems) {
		super('The request has invalid fields');
	}
}

// The document gives no rules for orderID, currency or id_number beyond its example
// ("Somerandomstring", "DOP", "00100000001"): any non-empty text is accepted. The amount is a
// JSON number, as in the example ("amount": 500).
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const AMOUNT = /^\d+(\.\d{1,2})?$/;

function object(value: unknown): Record<string, unknown> | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;
}

class Collector {
	readonly problems: FieldProblems = {};

	add(field: string, message: string): void {
		(this.problems[field] ??= []).push(message);
	}

	text(source: Record<string, unknown>, field: string, path = field): string | undefined {
		const value = source[field];
		if (value === undefined || value === null || value === '') {
			this.add(path, 'This field is required.');
			return undefined;
		}
		if (typeof value !== 'string') {
			this.add(path, 'Must be a string.');
			return undefined;
		}
		return value;
	}

	finish(): void {
		if (Object.keys(this.problems).length > 0) throw new ValidationProblems(this.problems);
	}
}

/** The amount is a JSON number, as in the document's example; a quoted string is refused. */
function readAmount(check: Collector, value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') {
		check.add('amount', 'This field is required.');
		return undefined;
	}
	if (typeof value !== 'number') {
		check.add('amount', 'A valid number is required.');
		return undefined;
	}
	const text = Number.isFinite(value) ? String(value) : '';
	if (!AMOUNT.test(text) || Number(text) <= 0) {
		check.add('amount', 'Must be a positive number with at most 2 decimals.');
		return undefined;
	}
	const [integer, fraction = ''] = text.split('.');
	return `${integer.replace(/^0+(?=\d)/, '')}.${fraction.padEnd(2, '0')}`;
}

function readPerson(check: Collector, request: Record<string, unknown>): BankAccountRequest {
	const email = check.text(request, 'email', 'request.email');
	if (email !== undefined && !EMAIL.test(email)) check.add('request.email', 'Enter a valid email.');
	const idNumber = check.text(request, 'id_number', 'request.id_number');
	return { email: email ?? '', id_number: idNumber ?? '' };
}

export interface OrderInput {
	orderID: string;
	amount: string;
	currency: string;
	callback_url?: string;
	request: BankAccountRequest;
}

export function validateOrder(body: unknown, kind: 'deposit' | 'withdrawal'): OrderInput {
	const check = new Collector();
	const source = object(body);
	if (!source) {
		check.add('non_field_errors', 'Expected a JSON object.');
		check.finish();
	}
	const fields = source as Record<string, unknown>;
	const amount = readAmount(check, fields.amount);
	const orderID = check.text(fields, 'orderID');
	const currency = check.text(fields, 'currency');
	const callbackUrl = fields.callback_url;
	if (callbackUrl !== undefined && callbackUrl !== null && callbackUrl !== '') {
		if (typeof callbackUrl !== 'string' || !/^https?:\/\/\S+$/.test(callbackUrl)) {
			check.add('callback_url', 'Enter a valid URL.');
		}
	}
	const request = object(fields.request);
	let person: BankAccountRequest = { email: '', id_number: '' };
	if (!request) check.add('request', 'This field is required and must be an object.');
	else {
		person = readPerson(check, request);
		if (kind === 'withdrawal') {
			const bankCode = check.text(request, 'bank_code', 'request.bank_code');
			if (bankCode !== undefined && !WITHDRAWAL_BANKS.some((bank) => bank.code === bankCode)) {
				check.add('request.bank_code', 'Unknown bank; see /withdrawal_banks/.');
			}
			const account = check.text(request, 'account_number', 'request.account_number');
			if (account !== undefined && !/^\d{6,20}$/.test(account)) {
				check.add('request.account_number', 'Must be 6 to 20 digits.');
			}
			const type = check.text(request, 'account_type', 'request.account_type');
			if (type !== undefined && type !== 'savings' && type !== 'checking') {
				check.add('request.account_type', 'Must be savings or checking.');
			}
			person = { ...person, bank_code: bankCode, account_number: account, account_type: type };
		}
	}
	check.finish();
	return {
		orderID: orderID as string,
		amount: amount as string,
		currency: currency as string,
		callback_url: typeof callbackUrl === 'string' && callbackUrl !== '' ? callbackUrl : undefined,
		request: person,
	};
}

export function validateUser(body: unknown) {
	const check = new Collector();
	const source = object(body) ?? {};
	if (!object(body)) check.add('non_field_errors', 'Expected a JSON object.');
	const { email, id_number } = readPerson(check, source);
	const firstName = check.text(source, 'first_name');
	const lastName = check.text(source, 'last_name');
	const phone = source.phone;
	if (phone !== undefined && (typeof phone !== 'string' || !/^\+?\d{10,15}$/.test(phone))) {
		check.add('phone', 'Must be 10 to 15 digits, optionally with a leading +.');
	}
	check.finish();
	return {
		email,
		id_number,
		first_name: firstName as string,
		last_name: lastName as string,
		phone: typeof phone === 'string' ? phone : undefined,
	};
}
