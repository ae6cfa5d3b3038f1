import { randomBytes } from 'crypto';

export interface MultipartPart {
	name: string;
	data: Buffer | string;
	filename?: string;
	contentType?: string;
}

function quoted(value: string): string {
	return `"${value.replace(/["\\\r\n]/g, (char) => (char === '"' ? '%22' : char === '\\' ? '\\\\' : ''))}"`;
}

/**
 * A multipart/form-data body as one Buffer (RFC 7578), so it can go through n8n's request helpers
 * without a form-data dependency and be sent again unchanged after a token refresh.
 */
export function buildMultipartBody(
	parts: MultipartPart[],
	boundary = `----n8nFormBoundary${randomBytes(12).toString('hex')}`,
): { body: Buffer; contentType: string } {
	const chunks: Buffer[] = [];
	for (const part of parts) {
		let head = `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(part.name)}`;
		if (part.filename !== undefined) head += `; filename=${quoted(part.filename)}`;
		head += '\r\n';
		if (part.contentType) head += `Content-Type: ${part.contentType}\r\n`;
		chunks.push(Buffer.from(`${head}\r\n`, 'utf8'));
		chunks.push(typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : part.data);
		chunks.push(Buffer.from('\r\n', 'utf8'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
