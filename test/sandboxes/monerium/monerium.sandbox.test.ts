import { buildMultipartBody } from '../../../nodes/shared/multipart';
import { MONERIUM_CLIENTS, startMoneriumSandbox, type MoneriumSandbox } from './index';

const ACCEPT = 'application/vnd.monerium.api-v2+json';

describe('Monerium sandbox enforces the document', () => {
	let sandbox: MoneriumSandbox;
	let token = '';
	beforeAll(async () => {
		sandbox = await startMoneriumSandbox();
	});
	beforeEach(async () => {
		const response = await fetch(`${sandbox.baseUrl}/auth/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: MONERIUM_CLIENTS.clientCredentials.clientId,
				client_secret: MONERIUM_CLIENTS.clientCredentials.clientSecret,
			}).toString(),
		});
		token = ((await response.json()) as { access_token: string }).access_token;
	});
	afterAll(async () => await sandbox.close());

	const upload = async (data: Buffer, contentType: string, filename = 'doc.pdf') => {
		const multipart = buildMultipartBody([{ name: 'file', filename, contentType, data }]);
		return await fetch(`${sandbox.baseUrl}/files`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${token}`,
				accept: ACCEPT,
				'content-type': multipart.contentType,
			},
			body: multipart.body,
		});
	};

	it('rejects API calls without the v2 Accept header or without a token', async () => {
		expect(
			(
				await fetch(`${sandbox.baseUrl}/profiles`, {
					headers: { authorization: `Bearer ${token}` },
				})
			).status,
		).toBe(406);
		expect(
			(await fetch(`${sandbox.baseUrl}/profiles`, { headers: { accept: ACCEPT } })).status,
		).toBe(401);
	});

	it('answers the wrong client for a grant with the documented 400', async () => {
		const response = await fetch(`${sandbox.baseUrl}/auth/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: MONERIUM_CLIENTS.authorizationCode.clientId,
				client_secret: 'x',
			}).toString(),
		});
		expect(response.status).toBe(400);
		expect(((await response.json()) as { message: string }).message).toBe(
			'The client is not authorized to request a token using this method.',
		);
	});

	it('accepts a PDF upload (multipart built by the node helper) and enforces type and size limits', async () => {
		const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1000, 32)]);
		const ok = await upload(pdf, 'application/pdf');
		expect(ok.status).toBe(201);
		expect(await ok.json()).toMatchObject({
			name: 'doc.pdf',
			type: 'application/pdf',
			size: pdf.length,
		});
		expect((await upload(Buffer.from('GIF89a...'), 'image/gif', 'x.gif')).status).toBe(422);
		expect((await upload(pdf, 'application/pdf', `${'a'.repeat(97)}.pdf`)).status).toBe(422);
		expect(
			(await upload(Buffer.concat([pdf, Buffer.alloc(5 * 1024 * 1024)]), 'application/pdf')).status,
		).toBe(413);
	});
});
