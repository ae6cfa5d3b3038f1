import type { INodeProperties } from 'n8n-workflow';

import { requireAmount } from '../../shared/money/amounts';
import {
	describeValue,
	FieldError,
	optionalText,
	requireText,
} from '../../shared/description/field-validation';

export const MOMENTO_CURRENCIES = ['DOP', 'USD'] as const;
export type MomentoCurrency = (typeof MOMENTO_CURRENCIES)[number];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ORDER_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

export function requireMomentoCurrency(value: unknown): MomentoCurrency {
	const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
	if (!(MOMENTO_CURRENCIES as readonly string[]).includes(code)) {
		throw new FieldError(
			'Currency',
			`Currency must be DOP or USD (got ${describeValue(value)})`,
			'Momento moves Dominican pesos (DOP) and US dollars (USD) only.',
		);
	}
	return code as MomentoCurrency;
}

/** A positive decimal string with at most the currency's 2 decimals, e.g. "500.00". */
export function requireMomentoAmount(value: unknown, currency: MomentoCurrency): string {
	return requireAmount(value, 'Amount', { currency });
}

export function requireEmail(value: unknown, field = 'Email'): string {
	const email = requireText(value, field);
	if (!EMAIL.test(email)) {
		throw new FieldError(
			field,
			`${field} is not a valid email address (got ${describeValue(email)})`,
			'Use the address the customer registered with Momento, e.g. name@example.com.',
		);
	}
	return email;
}

/** Options > Check Cédula Format: the 11-digit rule is the node's, so a user can turn it off. */
export const checkCedulaOption: INodeProperties = {
	displayName: 'Check Cédula Format',
	name: 'checkCedula',
	type: 'boolean',
	default: true,
	description:
		"Whether to stop an item whose cédula is not 11 digits before sending it. The 11-digit rule is the node's, not the document's: turn it off for other identity numbers.",
};

/**
 * Dominican cédula: 11 digits; dashes and spaces as people write it ("001-0000000-1") are removed.
 * The 11-digit check is the node's (the document has only an example); `check` false sends the
 * text as typed.
 */
export function requireCedula(value: unknown, field = 'ID Number (Cédula)', check = true): string {
	const text = requireText(value, field);
	if (!check) return text;
	const digits = text.replace(/[\s-]/g, '');
	if (!/^\d{11}$/.test(digits)) {
		throw new FieldError(
			field,
			`${field} must be an 11-digit Dominican cédula number (got ${describeValue(text)})`,
			'Write the 11 digits of the cédula, with or without dashes (001-0000000-1), or turn off Options > Check Cédula Format for another identity number.',
		);
	}
	return digits;
}

export function optionalOrderId(value: unknown): string | undefined {
	const orderId = optionalText(value);
	if (orderId !== undefined && !ORDER_ID.test(orderId)) {
		throw new FieldError(
			'Order ID',
			`Order ID must be 1 to 64 letters, digits, dots, colons, dashes or underscores (got ${describeValue(orderId)})`,
			"Leave it empty to use an ID derived from this workflow, node and the order's fields.",
		);
	}
	return orderId;
}

export function optionalCallbackUrl(value: unknown): string | undefined {
	const url = optionalText(value);
	if (url !== undefined && !/^https?:\/\/[^\s/]+\S*$/.test(url)) {
		throw new FieldError(
			'Callback URL',
			`Callback URL must be an http(s) URL (got ${describeValue(url)})`,
			"Paste the Momento Trigger's Production URL, including ?token=... if the trigger requires a token.",
		);
	}
	return url;
}

/** The order's callback_url: the node's field, else the credential's Default Callback URL. */
export function requireCallbackUrl(value: unknown, credentialDefault: string): string {
	const url = optionalCallbackUrl(value) ?? optionalCallbackUrl(credentialDefault);
	if (url === undefined) {
		throw new FieldError(
			'Callback URL',
			'Callback URL is empty, and the credential has no Default Callback URL',
			"Momento's orders carry a callback_url (the document's example always sends one): paste the Momento Trigger's Production URL in Callback URL, or set Default Callback URL in the credential.",
		);
	}
	return url;
}
