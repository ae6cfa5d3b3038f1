/** What to fix for each Conductor error type (types and details from the Conductor API document). */
export const CONDUCTOR_ERROR_HINTS: Record<string, string> = {
	BAD_REQUEST: 'Check the fields of this operation and the Retailer ID.',
	INVALID_BILLER_CODE:
		'Check the Biller Code: it must be a biller code Moment enabled for you (e.g. za_dstv).',
	INACTIVE_BILLER_CODE: 'This biller is inactive at Moment; contact Moment or use another biller.',
	INVALID_IDENTIFIER:
		'Check the Customer Identifier and its type: some billers want a plain text identifier, others an object such as {"customer_number": "..."}.',
	INVALID_REFERENCE:
		"Check the Reference: it must be one of the biller's product references (e.g. SUBS or TVOD).",
	INVALID_EXTERNAL_REFERENCE:
		'This External Reference was already used by another transaction; give every transaction its own.',
	INVALID_ITEMS: 'Check the bill IDs and their currencies against a fresh account enquiry.',
	INVALID_AMOUNT: 'Amounts must be positive decimal strings such as "20.00".',
	INVALID_CURRENCY: 'Use the ISO 4217 code of the bill currency (e.g. ZAR).',
	INVALID_PAGE_SIZE: 'Check the page size.',
	INVALID_DEPTH:
		'Conductor refused this Depth: use a whole number of at least 1, and a smaller one if your account caps it.',
	INVALID_CATEGORY: 'Check the Category Code against the catalog.',
	INVALID_PRODUCTS: 'Check the product codes (and amounts) against the biller catalog.',
	CONFLICTED_ITEMS:
		'The bills and order in this request cannot be processed together; send them separately.',
	NOT_SUPPORTED: 'Moment does not support this request yet; contact Moment.',
	INVALID_PAYMENT_METHOD:
		'Choose one of CASH, DEBIT_CARD, CREDIT_CARD, BANK_TRANSFER, MOBILE_MONEY or EWALLET; a create with Complete on needs one.',
	IN_PROCESSING: 'The transaction is still processing; get it again later.',
	ALREADY_COMPLETED: 'The transaction was already completed; nothing more to do.',
	ALREADY_CANCELLED: 'The transaction was already cancelled.',
	ALREADY_ACCEPTED: 'The transaction was already accepted.',
	ALREADY_REJECTED: 'The transaction was already rejected.',
	UNAUTHORIZED: 'Check the Secret Key in the Moment Conductor credential (it starts with sk_).',
	FORBIDDEN:
		'The key is valid but not allowed to do this; check the Retailer ID and your Moment permissions.',
	NOT_FOUND: 'Check the ID: Conductor has no such transaction or order.',
	CONFLICT:
		'Another request with the same Idempotency Key is still running; wait for it and run the item again.',
	UNPROCESSABLE_CONTENT:
		'Conductor could not process the request because of semantic errors or invalid data: check that the bills, products, amounts and customer fit together. It also answers this when the Idempotency Key was already used with different fields: use a new key for a new payment, or exactly the same fields to replay the first answer.',
	INTERNAL_SERVER_ERROR:
		'Conductor failed. The answer is saved under the idempotency key, so running the item again with the same key replays it; use a new key to try a new payment.',
};

export function conductorHint(type: string | undefined, statusCode: number): string | undefined {
	if (type && CONDUCTOR_ERROR_HINTS[type]) return CONDUCTOR_ERROR_HINTS[type];
	if (statusCode === 401) return CONDUCTOR_ERROR_HINTS.UNAUTHORIZED;
	if (statusCode === 429) return 'Conductor is rate limiting this key; run fewer items at a time.';
	if (statusCode >= 500) return 'Conductor is unavailable; try again later.';
	return undefined;
}
