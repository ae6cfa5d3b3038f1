import type { INodeProperties } from 'n8n-workflow';

import { FieldError, requireText } from '../../../shared/description/field-validation';
import { forOperation } from '../operation.factory';
import type { MementoOperation } from '../types';

/** Memento's limit is not documented; this keeps a request to a size any gateway accepts. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];

const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the image',
	},
];

export const upload: MementoOperation = {
	description: forOperation('image', 'upload', properties),
	async prepare(itemIndex) {
		const property = requireText(
			this.getNodeParameter('binaryPropertyName', itemIndex, 'data'),
			'Input Binary Field',
		);
		const binary = this.helpers.assertBinaryData(itemIndex, property);
		const mimeType = (binary.mimeType ?? '').toLowerCase();
		if (!IMAGE_TYPES.includes(mimeType)) {
			throw new FieldError(
				'Input Binary Field',
				`The file in "${property}" is ${mimeType || 'of an unknown type'}, not a JPEG, PNG, GIF or WebP image`,
			);
		}
		const buffer = await this.helpers.getBinaryDataBuffer(itemIndex, property);
		if (buffer.length > MAX_IMAGE_BYTES) {
			throw new FieldError(
				'Input Binary Field',
				`The image is ${buffer.length} bytes; at most ${MAX_IMAGE_BYTES} are sent`,
			);
		}
		return {
			method: 'POST',
			path: '/v1/images',
			body: {
				file_name: binary.fileName ?? 'image',
				content_type: mimeType,
				data: buffer.toString('base64'),
			},
		};
	},
};
