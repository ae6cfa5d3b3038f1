// POST /files: multipart/form-data with one `file` part, PDF or JPEG, at most 5 MB, name <= 100.
import { createHash, randomUUID } from 'node:crypto';

import { error, validation, type Reply } from './http';
import type { MoneriumState } from './state';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

interface Part {
	name: string;
	filename?: string;
	contentType?: string;
	data: Buffer;
}

export function parseMultipart(body: Buffer, contentType: string): Part[] | undefined {
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	if (!/^multipart\/form-data/i.test(contentType) || !boundary) return undefined;
	const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
	const parts: Part[] = [];
	let start = body.indexOf(delimiter);
	while (start !== -1) {
		const next = body.indexOf(delimiter, start + delimiter.length);
		if (next === -1) break;
		const chunk = body.subarray(start + delimiter.length + 2, next - 2);
		const split = chunk.indexOf('\r\n\r\n');
		if (split !== -1) {
			const head = chunk.subarray(0, split).toString('utf8');
			const name = /name="([^"]*)"/.exec(head)?.[1] ?? '';
			parts.push({
				name,
				filename: /filename="([^"]*)"/.exec(head)?.[1],
				contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim(),
				data: chunk.subarray(split + 4),
			});
		}
		start = next;
	}
	return parts;
}

export function uploadFile(state: MoneriumState, body: Buffer, contentType: string): Reply {
	const parts = parseMultipart(body, contentType);
	if (!parts) return error(415, 'Expected multipart/form-data');
	const file = parts.find((part) => part.name === 'file' && part.filename !== undefined);
	if (!file) return validation({ file: 'Required' });
	if (file.data.length > MAX_FILE_BYTES) return error(413, 'Maximum size: 5 MB');
	if ((file.filename ?? '').length > 100)
		return validation({ file: 'Maximum length filename: 100' });
	const isPdf = file.data.subarray(0, 5).toString('latin1') === '%PDF-';
	const isJpeg = file.data[0] === 0xff && file.data[1] === 0xd8 && file.data[2] === 0xff;
	const declared = file.contentType ?? '';
	if (!((isPdf && declared === 'application/pdf') || (isJpeg && declared === 'image/jpeg'))) {
		return validation({ file: 'Allowed file types: PDF, JPEG' });
	}
	const record = {
		id: randomUUID(),
		name: file.filename ?? '',
		type: declared,
		size: file.data.length,
		hash: createHash('sha256').update(file.data).digest('hex'),
	};
	state.files.set(record.id, record);
	return { status: 201, body: { ...record, meta: { uploadedAt: new Date().toISOString() } } };
}
