/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// A scripted stand-in for an OpenAI-compatible chat model: node:http on 127.0.0.1 answering
// POST <base>/chat/completions (plain JSON or server-sent events when `stream` is asked for) and
// GET <base>/models. n8n's OpenAI Chat Model node reaches it through its credential's Base URL.
//
// What it answers depends only on the request (the `model` names a script of fake-model-scripts.ts,
// the conversation so far picks its next step), so one server serves every workflow, test and demo
// run at once. Every request is recorded (the tools n8n offered and the messages) for the tests to
// inspect. It is bounded: at most `maxRequests` answers, then it answers 503 and closes itself; it
// also closes itself after `idleMs` without a request.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
	conversationOf,
	parse,
	SCRIPTS,
	type ChatRequest,
	type Conversation,
	type Step,
} from './fake-model-scripts';

export * from './fake-model-scripts';

/** The fake model's credential: n8n's own OpenAI credential with the Base URL pointing here. */
export const FAKE_MODEL_CREDENTIAL_ID = 'fakeOpenAiCred01';

export function fakeModelCredential(model: { baseUrl: string }) {
	return {
		id: FAKE_MODEL_CREDENTIAL_ID,
		name: 'Fake chat model (local)',
		type: 'openAiApi',
		data: { apiKey: 'sk-fake-local', url: model.baseUrl },
	};
}

export interface FakeOpenAi {
	/** http://127.0.0.1:<port>/v1: the credential's Base URL */
	baseUrl: string;
	port: number;
	requests: ChatRequest[];
	/** The conversation of every /chat/completions request, in order. */
	conversations(model?: string): Conversation[];
	reset(): void;
	close(): Promise<void>;
}

let callCounter = 0;

function completion(model: string, step: Step, turn: number) {
	const created = Math.floor(Date.now() / 1000);
	const message =
		'answer' in step
			? { role: 'assistant', content: step.answer }
			: {
					role: 'assistant',
					content: null,
					tool_calls: step.calls.map((call) => ({
						id: `call_fake_t${turn}_${++callCounter}`,
						type: 'function',
						function: { name: call.name, arguments: JSON.stringify(call.args) },
					})),
				};
	return {
		id: `chatcmpl-fake-${callCounter}-${created}`,
		object: 'chat.completion',
		created,
		model,
		choices: [
			{
				index: 0,
				message,
				finish_reason: 'answer' in step ? 'stop' : 'tool_calls',
				logprobs: null,
			},
		],
		usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
	};
}

function writeStream(response: http.ServerResponse, body: ReturnType<typeof completion>): void {
	response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
	const base = {
		id: body.id,
		object: 'chat.completion.chunk',
		created: body.created,
		model: body.model,
	};
	const { message, finish_reason } = body.choices[0];
	const delta =
		'tool_calls' in message && message.tool_calls
			? {
					role: 'assistant',
					content: null,
					tool_calls: message.tool_calls.map((call, index) => ({ index, ...call })),
				}
			: { role: 'assistant', content: message.content };
	const chunks = [
		{ ...base, choices: [{ index: 0, delta, finish_reason: null }] },
		{ ...base, choices: [{ index: 0, delta: {}, finish_reason }] },
		{ ...base, choices: [], usage: body.usage },
	];
	for (const chunk of chunks) response.write(`data: ${JSON.stringify(chunk)}\n\n`);
	response.end('data: [DONE]\n\n');
}

export async function startFakeOpenAi(
	options: { port?: number; maxRequests?: number; idleMs?: number } = {},
): Promise<FakeOpenAi> {
	const maxRequests = options.maxRequests ?? 500;
	const idleMs = options.idleMs ?? 30 * 60_000;
	const requests: ChatRequest[] = [];
	let answered = 0;
	let idleTimer: NodeJS.Timeout | undefined;
	let closed = false;

	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			armIdle();
			const send = (status: number, body: unknown) => {
				response.writeHead(status, { 'content-type': 'application/json' });
				response.end(JSON.stringify(body));
			};
			const path = (request.url ?? '').split('?')[0];
			if (request.method === 'GET' && path.endsWith('/models')) {
				send(200, {
					object: 'list',
					data: Object.keys(SCRIPTS).map((id) => ({ id, object: 'model', owned_by: 'fake' })),
				});
				return;
			}
			if (request.method !== 'POST' || !path.endsWith('/chat/completions')) {
				send(404, {
					error: { message: `no route ${request.method} ${path}`, type: 'invalid_request_error' },
				});
				return;
			}
			if (answered >= maxRequests) {
				send(503, {
					error: { message: 'fake model: request budget used up', type: 'server_error' },
				});
				void close();
				return;
			}
			answered++;
			const body = parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
			requests.push(body);
			const script = SCRIPTS[body.model];
			if (!script) {
				send(404, {
					error: {
						message: `fake model: unknown model "${body.model}"; known: ${Object.keys(SCRIPTS).join(', ')}`,
						type: 'invalid_request_error',
					},
				});
				return;
			}
			const conversation = conversationOf(body);
			const result = completion(body.model, script(conversation), conversation.turn);
			if (body.stream) writeStream(response, result);
			else send(200, result);
		});
	});

	const close = async () => {
		if (closed) return;
		closed = true;
		if (idleTimer) clearTimeout(idleTimer);
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	};
	const armIdle = () => {
		if (idleTimer) clearTimeout(idleTimer);
		idleTimer = setTimeout(() => void close(), idleMs);
		idleTimer.unref();
	};

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	armIdle();
	const port = (server.address() as AddressInfo).port;
	return {
		baseUrl: `http://127.0.0.1:${port}/v1`,
		port,
		requests,
		conversations: (model) =>
			requests.filter((r) => !model || r.model === model).map((r) => conversationOf(r)),
		reset: () => {
			requests.length = 0;
		},
		close,
	};
}
