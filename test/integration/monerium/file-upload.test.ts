import { moneriumNode, useMoneriumSandbox } from './monerium.fixture';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const asItem = (data: Buffer, mimeType: string, fileName: string) => ({
	$binary: { data: { data: data.toString('base64'), mimeType, fileName } },
});

describe('Monerium file:upload', () => {
	const { sandbox, run } = useMoneriumSandbox();
	const upload = moneriumNode('Upload', { resource: 'file', operation: 'upload' });

	it('uploads the binary input as multipart/form-data and returns the file id', async () => {
		const result = await run({
			items: [asItem(pdf, 'application/pdf', 'invoice.pdf')],
			nodes: [upload],
		});
		expect(result.error).toBeUndefined();
		const [file] = result.json('Upload');
		expect(file).toMatchObject({ id: expect.any(String), name: 'invoice.pdf' });
		const request = sandbox().requests.find((entry) => entry.path.endsWith('/files'));
		expect(request?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
	});

	it.each([
		[
			'a file that is not a PDF or JPEG',
			asItem(Buffer.from('GIF89a....'), 'image/gif', 'x.gif'),
			/not a PDF or JPEG/,
		],
		[
			'a file over 5 MB',
			asItem(Buffer.concat([pdf, Buffer.alloc(5 * 1024 * 1024)]), 'application/pdf', 'big.pdf'),
			/at most 5 MB/,
		],
		[
			'a file name over 100 characters',
			asItem(pdf, 'application/pdf', `${'a'.repeat(97)}.pdf`),
			/at most 100/,
		],
	])('refuses %s before sending anything', async (_case, item, message) => {
		const result = await run({ items: [item], nodes: [upload] });
		expect(result.error?.message).toMatch(message);
		expect(sandbox().requests.filter((entry) => entry.path.endsWith('/files'))).toHaveLength(0);
	});
});
