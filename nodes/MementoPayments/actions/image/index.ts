import { defineResource } from '../../../shared/description/resource';
import type { MementoOperation } from '../types';
import { get } from './get.operation';
import { upload } from './upload.operation';

export const image = defineResource<MementoOperation>(
	'image',
	[
		{ name: 'Get', value: 'get', action: 'Get an image (moves no money)', implementation: get },
		{
			name: 'Upload',
			value: 'upload',
			action: 'Upload an image (moves no money)',
			description: 'Upload an image from a binary field, e.g. for a request or pool',
			implementation: upload,
		},
	],
	'upload',
);
