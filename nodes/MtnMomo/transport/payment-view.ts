import type { IDataObject } from 'n8n-workflow';

import type { MomoProduct } from '../constants';

export type PaymentStatus = 'PENDING' | 'SUCCESSFUL' | 'FAILED';

export function isFinalStatus(status: unknown): boolean {
	return status === 'SUCCESSFUL' || status === 'FAILED';
}

/** MoMo gives the reason as a code string, or as { code, message } (ErrorReason). */
export function readReason(reason: unknown): { code?: string; message?: string } {
	if (typeof reason === 'string' && reason !== '') return { code: reason };
	if (reason && typeof reason === 'object') {
		const record = reason as { code?: unknown; message?: unknown };
		return {
			code: typeof record.code === 'string' ? record.code : undefined,
			message: typeof record.message === 'string' ? record.message : undefined,
		};
	}
	return {};
}

/**
 * One shape for a request to pay or transfer, whether it comes from a status read or a
 * callback: flat fields a workflow can branch on, plus the party under its MoMo name.
 */
export function presentPayment(
	product: MomoProduct,
	referenceId: string,
	body: IDataObject,
): IDataObject {
	const partyField = product === 'collection' ? 'payer' : 'payee';
	const party = (body[partyField] ?? {}) as IDataObject;
	const reason = readReason(body.reason);
	const view: IDataObject = {
		referenceId,
		product,
		status: body.status,
		amount: body.amount,
		currency: body.currency,
		externalId: body.externalId,
		[partyField]: party,
		partyIdType: party.partyIdType,
		partyId: party.partyId,
		financialTransactionId: body.financialTransactionId ?? null,
		reason: reason.code ?? null,
		finalStatus: isFinalStatus(body.status),
	};
	if (reason.message) view.reasonMessage = reason.message;
	if (body.payerMessage !== undefined) view.payerMessage = body.payerMessage;
	if (body.payeeNote !== undefined) view.payeeNote = body.payeeNote;
	return view;
}

function canonicalAmount(value: unknown): string {
	const text = String(value ?? '').trim();
	if (!/^\d+(\.\d+)?$/.test(text)) return text;
	const [integer, fraction = ''] = text.split('.');
	const trimmed = fraction.replace(/0+$/, '');
	return `${integer.replace(/^0+(?=\d)/, '')}${trimmed ? `.${trimmed}` : ''}`;
}

/** What differs between a payment MoMo already holds under a reference and the one asked for. */
export function paymentMismatch(
	existing: IDataObject,
	wanted: { amount: string; currency: string; partyId: string },
): string | undefined {
	const differences: string[] = [];
	if (canonicalAmount(existing.amount) !== canonicalAmount(wanted.amount)) {
		differences.push(`amount ${String(existing.amount)} instead of ${wanted.amount}`);
	}
	if (existing.currency !== wanted.currency) {
		differences.push(`currency ${String(existing.currency)} instead of ${wanted.currency}`);
	}
	if (existing.partyId !== wanted.partyId) {
		differences.push(`party ${String(existing.partyId)} instead of ${wanted.partyId}`);
	}
	return differences.length > 0 ? differences.join(', ') : undefined;
}
