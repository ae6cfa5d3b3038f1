// What the MTN MoMo provider of scenario 6 sends: a collection request to pay per item, the same
// from the pack's node and from n8n's HTTP Request node.
import { httpRequestJsonPost } from './http-request-node';

export const MOMO_PAYER_MSISDN = '46733123459';
export const MOMO_AMOUNT = '25.50';
export const MOMO_CURRENCY = 'EUR';

/**
 * n8n's HTTP Request node sending the request to pay the pack's node sends: predefined mtnMomoApi
 * credential (its preAuthentication fetches the collection token, its authenticate adds the Bearer
 * token, subscription key and target environment), X-Reference-Id = the item's fresh UUID v4 key,
 * externalId = the item's reference.
 */
export function momoHttpRequestNode(
	name: string,
	baseUrl: string,
	credential: { id: string; name: string },
	options: Record<string, unknown> = {},
) {
	// A JS literal with a space between closing braces: "}}" would end the expression early.
	const payer = `{ partyIdType: "MSISDN", partyId: ${JSON.stringify(MOMO_PAYER_MSISDN)} }`;
	return httpRequestJsonPost(name, {
		url: `${baseUrl.replace(/\/+$/, '')}/collection/v1_0/requesttopay`,
		credentialType: 'mtnMomoApi',
		credential,
		headers: [{ name: 'X-Reference-Id', value: '={{ $json.idempotencyKey }}' }],
		jsonBody: `={{ JSON.stringify({ amount: ${JSON.stringify(MOMO_AMOUNT)}, currency: ${JSON.stringify(MOMO_CURRENCY)}, externalId: $json.reference, payer: ${payer} }) }}`,
		options,
	});
}
