import type { IDataObject } from 'n8n-workflow';

const DECIMAL = /^\d+(?:\.\d+)?$/;
const MARKER = '\u0000number\u0000';
const MARKED = /"\\u0000number\\u0000(\d+(?:\.\d+)?)"/g;

/**
 * The JSON text Momento gets for a body: the top-level `amount` is a JSON number, as in the
 * document's example (`"amount": 500`), written digit for digit from the node's decimal string
 * ("1250.50" becomes 1250.50) with no float in between. The credential signs these exact bytes.
 */
export function momentoJsonBody(body: IDataObject): Buffer {
	const text = JSON.stringify(body, function (this: unknown, key: string, value: unknown) {
		if (this === body && key === 'amount' && typeof value === 'string' && DECIMAL.test(value)) {
			return `${MARKER}${value}`;
		}
		return value;
	});
	return Buffer.from(text.replace(MARKED, '$1'), 'utf8');
}
