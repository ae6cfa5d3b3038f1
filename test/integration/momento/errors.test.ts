import {
	depositParameters,
	momentoNode,
	useMomentoSandbox,
	withdrawalParameters,
} from './momento.fixture';

describe('Momento: errors that say what to fix', () => {
	const { sandbox, run } = useMomentoSandbox();

	it.each([
		[
			'an amount with a comma',
			depositParameters({ amount: '12,50' }),
			/^Amount must be a positive decimal/,
		],
		[
			'three decimals',
			depositParameters({ amount: '10.001' }),
			/more decimals than DOP allows \(at most 2\)/,
		],
		['a zero amount', depositParameters({ amount: '0' }), /Amount must be greater than zero/],
		[
			'a currency Momento does not move',
			depositParameters({ currency: 'EUR' }),
			/^Currency must be DOP or USD/,
		],
		[
			'a bad email',
			depositParameters({ email: 'not-an-email' }),
			/^Customer Email is not a valid email/,
		],
		[
			'a cédula with 10 digits',
			depositParameters({ idNumber: '0010000000' }),
			/11-digit Dominican cédula/,
		],
		[
			'a bad orderID',
			depositParameters({ options: { orderId: 'has spaces' } }),
			/^Order ID must be 1 to 64/,
		],
		[
			'a callback URL that is not a URL',
			depositParameters({ callbackUrl: 'ftp:x' }),
			/^Callback URL must be an http/,
		],
		[
			'a short account number',
			withdrawalParameters({ accountNumber: '12' }),
			/^Account Number must be 6 to 20 digits/,
		],
		['no bank', withdrawalParameters({ bankCode: '={{ $json.nope }}' }), /^Bank is required/],
	])('refuses %s before sending anything', async (_case, parameters, message) => {
		const result = await run({ nodes: [momentoNode('Order', parameters)] });
		expect(result.error?.message).toMatch(message);
		expect(result.error?.message).toContain('[item 0]');
		expect(sandbox().requests).toHaveLength(0);
	});

	it('checks every item first: one bad row in a batch sends nothing', async () => {
		const result = await run({
			items: [{ amount: '10.00' }, { amount: '20.00' }, { amount: 'abc' }],
			nodes: [momentoNode('Deposit', depositParameters({ amount: '={{ $json.amount }}' }))],
		});
		expect(result.error?.message).toMatch(/\[item 2\]$/);
		expect(sandbox().requests).toHaveLength(0);
	});

	it('with Continue On Fail a bad row becomes an error item and the others go through', async () => {
		const result = await run({
			items: [{ amount: '10.00' }, { amount: '-1' }, { amount: '30' }],
			nodes: [
				momentoNode('Deposit', depositParameters({ amount: '={{ $json.amount }}' }), {
					continueOnFail: true,
				}),
			],
		});
		const output = result.output('Deposit');
		expect(output.map((item) => item.json.amount ?? item.json.error)).toEqual([
			'10.00',
			expect.stringMatching(/^Amount must be a positive decimal.*\[item 1\]$/),
			'30.00',
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sandbox().stats.depositsCreated).toBe(2);
	});

	it("Momento's JSON error body becomes the message (a bank the API does not know)", async () => {
		const result = await run({
			nodes: [momentoNode('Withdraw', withdrawalParameters({ bankCode: 'XYZ' }))],
		});
		expect(result.error?.message).toBe(
			'Momento answered 400 VALIDATION_ERROR: The request has invalid fields. request.bank_code: Unknown bank; see /withdrawal_banks/.',
		);
		expect(result.error?.description).toBe('Check the fields named in the message.');
		expect(result.error?.httpCode).toBe('400');
	});

	it('stops an order with no Callback URL anywhere, naming the field and the credential default', async () => {
		const result = await run({
			nodes: [momentoNode('Order', depositParameters({ callbackUrl: '' }))],
		});
		expect(result.error?.message).toBe(
			'Callback URL is empty, and the credential has no Default Callback URL [item 0]',
		);
		expect(sandbox().requests).toHaveLength(0);
	});

	it('Check Cédula Format off sends an identity number that is not 11 digits', async () => {
		const result = await run({
			nodes: [
				momentoNode(
					'Order',
					depositParameters({ idNumber: 'PA-1234567', options: { checkCedula: false } }),
				),
			],
		});
		expect(result.error).toBeUndefined();
		expect(sandbox().deposits()[0].request.id_number).toBe('PA-1234567');
	});

	it('User Create and Get: the cédula check stops a passport number unless it is turned off', async () => {
		const user = (operation: string, extra: Record<string, unknown>) =>
			momentoNode('User', {
				resource: 'user',
				operation,
				email: 'pat@example.com',
				idNumber: 'PA-1234567',
				firstName: 'Pat',
				lastName: 'Lee',
				...extra,
			});
		const refused = await run({ nodes: [user('create', {})] });
		expect(refused.error?.message).toMatch(/ID Number \(Cédula\) must be an 11-digit/);
		expect(sandbox().requests).toHaveLength(0);

		const off = { options: { checkCedula: false } };
		const created = await run({ nodes: [user('create', off)] });
		expect(created.error).toBeUndefined();
		expect(created.json('User')[0]).toMatchObject({ id_number: 'PA-1234567' });
		const read = await run({ nodes: [user('get', off)] });
		expect(read.error).toBeUndefined();
		expect(read.json('User')[0]).toMatchObject({ email: 'pat@example.com' });
	});

	it('a credential without a secret key fails before sending', async () => {
		const result = await run({
			nodes: [momentoNode('Banks', { resource: 'bank', operation: 'getWithdrawalBanks' })],
			credentialOverrides: { secretKey: '   ' },
		});
		expect(result.error?.message).toBe('The Momento credential has no Secret Key');
		expect(sandbox().requests).toHaveLength(0);
	});

	it('the secret key appears nowhere in outputs, errors or request headers', async () => {
		const result = await run({
			items: [{ amount: '5.00' }, { amount: 'bad' }],
			nodes: [
				momentoNode('Deposit', depositParameters({ amount: '={{ $json.amount }}' }), {
					continueOnFail: true,
				}),
			],
		});
		const everything = JSON.stringify(result.run) + JSON.stringify(sandbox().requests);
		expect(everything).not.toContain(sandbox().secretKey);
	});
});

describe('Momento: field errors whatever the error body looks like', () => {
	const { run } = useMomentoSandbox({ errorStyle: 'detail-errors' });

	it('{ detail, errors: { field: [...] } } shows the field messages, not only the detail', async () => {
		const result = await run({
			nodes: [momentoNode('Withdraw', withdrawalParameters({ bankCode: 'XYZ' }))],
		});
		expect(result.error?.message).toBe(
			'Momento answered 400: Validation error. request.bank_code: Unknown bank; see /withdrawal_banks/.',
		);
	});
});
