// Checks of request bodies as MoMo documents them; each failure is MoMo's { code, message }.

export interface MomoError {
	status: number;
	body: { code: string; message: string };
}

export function momoError(status: number, code: string, message: string): MomoError {
	return { status, body: { code, message } };
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function checkReferenceId(value: string | undefined): MomoError | undefined {
	if (!value) return momoError(400, 'INVALID_REFERENCE_ID', 'X-Reference-Id header is missing.');
	if (!UUID_V4.test(value))
		return momoError(400, 'INVALID_REFERENCE_ID', 'X-Reference-Id must be a UUID version 4.');
	return undefined;
}

const PARTY_TYPES = ['MSISDN', 'EMAIL', 'PARTY_CODE'];

export interface PaymentBody {
	amount: string;
	currency: string;
	externalId: string;
	party: { partyIdType: string; partyId: string };
	payerMessage?: string;
	payeeNote?: string;
}

function optionalString(value: unknown, field: string): string | MomoError | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') return momoError(400, 'BAD_REQUEST', `${field} must be a string.`);
	if (value.length > 160) return momoError(400, 'BAD_REQUEST', `${field} is too long.`);
	return value;
}

/** Validates a requesttopay (party "payer") or transfer (party "payee") body. */
export function checkPaymentBody(
	body: unknown,
	partyField: 'payer' | 'payee',
	targetEnvironment: string,
): PaymentBody | MomoError {
	if (!body || typeof body !== 'object') return momoError(400, 'BAD_REQUEST', 'Body must be JSON.');
	const record = body as Record<string, unknown>;
	if (typeof record.amount !== 'string' || !/^\d+(\.\d+)?$/.test(record.amount)) {
		return momoError(400, 'INVALID_AMOUNT', 'amount must be a string of a positive number.');
	}
	if (Number(record.amount) <= 0) return momoError(400, 'INVALID_AMOUNT', 'amount must be > 0.');
	if (typeof record.currency !== 'string' || !/^[A-Z]{3}$/.test(record.currency)) {
		return momoError(400, 'INVALID_CURRENCY', 'currency must be an ISO 4217 code.');
	}
	// The sandbox only settles in EUR; it answers other currencies with a 500, as MTN's does.
	if (targetEnvironment === 'sandbox' && record.currency !== 'EUR') {
		return momoError(500, 'INVALID_CURRENCY', 'Currency not supported.');
	}
	if (typeof record.externalId !== 'string' || record.externalId === '') {
		return momoError(400, 'BAD_REQUEST', 'externalId is required.');
	}
	const party = record[partyField] as Record<string, unknown> | undefined;
	if (!party || typeof party !== 'object' || !PARTY_TYPES.includes(String(party.partyIdType))) {
		return momoError(
			400,
			'INVALID_PARTY',
			`${partyField}.partyIdType must be MSISDN, EMAIL or PARTY_CODE.`,
		);
	}
	if (typeof party.partyId !== 'string' || party.partyId === '') {
		return momoError(400, 'INVALID_PARTY', `${partyField}.partyId is required.`);
	}
	if (party.partyIdType === 'MSISDN' && !/^\d{8,15}$/.test(party.partyId)) {
		return momoError(
			400,
			'INVALID_PARTY',
			`${partyField}.partyId must be an MSISDN: digits only, with country code.`,
		);
	}
	const payerMessage = optionalString(record.payerMessage, 'payerMessage');
	if (payerMessage && typeof payerMessage === 'object') return payerMessage;
	const payeeNote = optionalString(record.payeeNote, 'payeeNote');
	if (payeeNote && typeof payeeNote === 'object') return payeeNote;
	return {
		amount: record.amount,
		currency: record.currency,
		externalId: record.externalId,
		party: { partyIdType: String(party.partyIdType), partyId: party.partyId },
		payerMessage: payerMessage as string | undefined,
		payeeNote: payeeNote as string | undefined,
	};
}

export function isMomoError(value: unknown): value is MomoError {
	return typeof value === 'object' && value !== null && 'status' in value && 'body' in value;
}
