import { defineResource } from '../../../shared/description/resource';
import type { MoneriumOperation } from '../types';
import { upload } from './upload.operation';

export const file = defineResource<MoneriumOperation>(
	'file',
	[
		{
			name: 'Upload',
			value: 'upload',
			action: 'Upload a file (moves no money)',
			description: 'Upload a PDF or JPEG (max 5 MB) for KYC or as an order supporting document',
			implementation: upload,
		},
	],
	'upload',
);
