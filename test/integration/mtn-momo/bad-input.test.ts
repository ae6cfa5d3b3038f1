import {
	amountCases,
	HUGE_NUMBER,
	itRefusesEveryBadInput,
	type BadInputCase,
} from '../../harness/bad-input';
import { momoNode, requestToPayParameters, useMomoSandbox } from './momo.fixture';

const amountCase = amountCases(requestToPayParameters({ amount: '={{ $json.amount }}' }), {
	externalId: 'bad-1',
});
const holderCase = (label: string, type: string, id: string): BadInputCase => ({
	label,
	parameters: {
		resource: 'collection',
		operation: 'validateAccountHolder',
		accountHolderIdType: type,
		accountHolderId: '={{ $json.id }}',
	},
	item: { id },
	field: /Account Holder ID/,
});

const cases: BadInputCase[] = [
	amountCase('an empty amount', ''),
	amountCase('a negative amount', '-100'),
	amountCase('a zero amount', '0', /greater than zero/),
	amountCase('an exponent', '1e2'),
	amountCase('too many decimals', '100.001', /more decimals/),
	amountCase('a comma decimal', '100,50'),
	amountCase('spaces inside', '1 00'),
	amountCase('a non-numeric amount', 'hundred'),
	amountCase('unparsable JSON text as the amount', '{"value":'),
	amountCase('a JSON number above 2^53', HUGE_NUMBER, /as a string/),
	{
		label: 'an expression resolving to undefined',
		parameters: requestToPayParameters({ amount: '={{ $json.missing }}' }),
		item: { externalId: 'bad-2' },
		field: /Amount/,
	},
	holderCase('a party code with a slash', 'party_code', 'abc/../../v1_0/account/balance'),
	holderCase('a party code ".."', 'party_code', '..'),
	holderCase('a party code "."', 'party_code', '.'),
	holderCase('an empty party code', 'party_code', ''),
	{
		label: 'a reference id ".."',
		parameters: { resource: 'collection', operation: 'getStatus', referenceId: '..' },
		field: /Reference ID/,
	},
	{
		label: 'an over-long Reference ID (the X-Reference-Id key)',
		parameters: requestToPayParameters({ options: { referenceId: 'a'.repeat(300) } }),
		item: { externalId: 'bad-4' },
		field: /Reference ID/,
	},
	{
		label: 'an over-long payer message',
		parameters: requestToPayParameters({ additionalFields: { payerMessage: 'm'.repeat(161) } }),
		item: { externalId: 'bad-5' },
		field: /Payer Message/,
	},
	{
		label: 'a callback URL that is not http(s)',
		parameters: requestToPayParameters({ additionalFields: { callbackUrl: 'file:///etc/passwd' } }),
		item: { externalId: 'bad-3' },
		field: /Callback URL/,
	},
];

describe('MTN MoMo: bad input is refused before any request', () => {
	const { sandbox, run } = useMomoSandbox();

	// Not even the token request: the credential opens a session only to send.
	itRefusesEveryBadInput(
		cases,
		async (badInput) =>
			await run({ items: [badInput.item ?? {}], nodes: [momoNode('MoMo', badInput.parameters)] }),
		() => sandbox().requests,
	);
});
