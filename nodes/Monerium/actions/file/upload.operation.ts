import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { buildMultipartBody } from '../../transport/multipart';
import { FieldError, requireText } from '../../../shared/description/field-validation';
import type { MoneriumOperation } from '../types';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const MAX_FILENAME_LENGTH = 100;

/** The document allows PDF and JPEG: recognized by their first bytes, not by the name. */
export function detectFileType(data: Buffer): 'application/pdf' | 'image/jpeg' | undefined {
	if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
	if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
	return undefined;
}

const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the PDF or JPEG to upload',
	},
];

export const upload: MoneriumOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['file'], operation: ['upload'] } },
		properties,
	),
	async prepare(itemIndex) {
		const field = requireText(
			this.getNodeParameter('binaryPropertyName', itemIndex, 'data'),
			'Input Binary Field',
		);
		const binary = this.helpers.assertBinaryData(itemIndex, field);
		const data = await this.helpers.getBinaryDataBuffer(itemIndex, field);
		if (data.length > MAX_FILE_BYTES) {
			throw new FieldError(
				'Input Binary Field',
				`The file is ${data.length} bytes; Monerium accepts at most 5 MB`,
			);
		}
		const type = detectFileType(data);
		if (!type) {
			throw new FieldError(
				'Input Binary Field',
				`The file is not a PDF or JPEG (MIME type given: ${binary.mimeType})`,
				'Monerium accepts PDF and JPEG files only.',
			);
		}
		const fileName =
			binary.fileName ?? (type === 'application/pdf' ? 'document.pdf' : 'document.jpg');
		if (fileName.length > MAX_FILENAME_LENGTH) {
			throw new FieldError(
				'Input Binary Field',
				`The file name is ${fileName.length} characters; Monerium accepts at most ${MAX_FILENAME_LENGTH}`,
			);
		}
		const multipart = buildMultipartBody([
			{ name: 'file', filename: fileName, contentType: type, data },
		]);
		return {
			request: {
				method: 'POST',
				path: '/files',
				rawBody: { data: multipart.body, contentType: multipart.contentType },
			},
		};
	},
};
