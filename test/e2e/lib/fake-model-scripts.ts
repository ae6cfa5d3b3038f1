// The scripts of the fake chat model (test/e2e/lib/fake-openai.ts): what it answers is a function of
// the request alone — the `model` names a script, the conversation so far (its turn, what the tools
// answered) picks the next step — so one server serves every workflow, test and demo run at once.

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant' | 'tool';
	content?: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: Array<{
		id: string;
		type: 'function';
		function: { name: string; arguments: string };
	}>;
	tool_call_id?: string;
}

export interface OfferedTool {
	type: 'function';
	function: { name: string; description?: string; parameters?: Record<string, unknown> };
}

export interface ChatRequest {
	model: string;
	messages: ChatMessage[];
	tools?: OfferedTool[];
	stream?: boolean;
}

export interface ToolCall {
	name: string;
	args: Record<string, unknown>;
}

/** The next step of a script: tool calls, or the final answer. */
export type Step = { calls: ToolCall[] } | { answer: string };

export interface Conversation {
	request: ChatRequest;
	/** the model's answers with tool calls so far (0 on the first call) */
	turn: number;
	/** the user's text */
	prompt: string;
	/** what the tools answered, in order, parsed when JSON */
	toolResults: Array<{ name: string; args: Record<string, unknown>; result: unknown }>;
	/** the tool results of the previous turn only */
	lastResults: Array<{ name: string; args: Record<string, unknown>; result: unknown }>;
}

type Script = (conversation: Conversation) => Step;

const text = (content: ChatMessage['content']): string =>
	typeof content === 'string'
		? content
		: Array.isArray(content)
			? content.map((part) => part.text ?? '').join('')
			: '';

export function parse(value: string): unknown {
	try {
		return JSON.parse(value);
	} catch {
		return value;
	}
}

/**
 * What n8n 2.41 hands back for a tool call: a JSON array of the node's output items; for a failed
 * tool run, [{"error": "<message>"}].
 */
export function toolError(result: unknown): string | undefined {
	const first: unknown = Array.isArray(result) ? result[0] : result;
	const error = (first as { error?: unknown } | null)?.error;
	return typeof error === 'string' && (!Array.isArray(result) || result.length === 1)
		? error
		: undefined;
}

export function isToolError(result: unknown): boolean {
	return toolError(result) !== undefined;
}

function summary(conversation: Conversation): string {
	const errors = conversation.toolResults.flatMap(({ result }) => toolError(result) ?? []);
	return `Done: ${conversation.toolResults.length} tool call(s), ${errors.length} refused or failed.${
		errors.length ? ` First refusal: ${errors[0]}` : ''
	}`;
}

/** Bills found by the account look-ups of the previous turn. */
function billsOf(
	results: Conversation['lastResults'],
): Array<{ id: string; amount: { value: string; currency: string } }> {
	return results.flatMap(({ result }) =>
		Array.isArray(result)
			? result.flatMap((account) =>
					Array.isArray((account as { bills?: unknown }).bills)
						? (
								account as {
									bills: Array<{ id: string; amount: { value: string; currency: string } }>;
								}
							).bills
						: [],
				)
			: [],
	);
}

export const SCRIPTS: Record<string, Script> = {
	/** Looks up two customers, pays every bill it found (parallel calls), then reports. */
	'fake-pay-bills': (c) => {
		if (c.turn === 0)
			return {
				calls: [
					{ name: 'Look_Up_Account', args: { customer_id: '8604275423086' } },
					{ name: 'Look_Up_Account', args: { customer_id: '9001015009087' } },
				],
			};
		if (c.turn === 1)
			return {
				calls: billsOf(c.lastResults).map((bill) => ({
					name: 'Pay_Bill',
					args: {
						bill_id: bill.id,
						amount: bill.amount.value,
						reference: `agent-${bill.id.slice(-6)}`,
					},
				})),
			};
		return { answer: summary(c) };
	},
	/** A model stuck in a loop: twenty payments of the same bill, one per turn, whatever happens. */
	'fake-runaway': (c) =>
		c.turn < 20
			? {
					calls: [
						{
							name: 'Pay_Bill',
							args: {
								bill_id: 'bill_651574c0d016708b8b37b8ac',
								amount: '59.99',
								reference: `loop-${c.turn + 1}`,
							},
						},
					],
				}
			: { answer: summary(c) },
	/** The same loop as twenty parallel tool calls in one answer. */
	'fake-runaway-parallel': (c) =>
		c.turn === 0
			? {
					calls: Array.from({ length: 20 }, (_, index) => ({
						name: 'Pay_Bill',
						args: {
							bill_id: 'bill_651574c0d016708b8b37b8ac',
							amount: '59.99',
							reference: `parallel-${index + 1}`,
						},
					})),
				}
			: { answer: summary(c) },
	/** A model that makes up an amount far above the bill. */
	'fake-invented-amount': (c) =>
		c.turn === 0
			? {
					calls: [
						{
							name: 'Pay_Bill',
							args: {
								bill_id: 'bill_651574c0d016708b8b37b8ac',
								amount: '5999.00',
								reference: 'invented-1',
							},
						},
					],
				}
			: { answer: summary(c) },
	/**
	 * A model that obeys whatever the user text says: it pays the amount the text names ("pay
	 * 10000"), three times, and adds arguments that try to lift the limits.
	 */
	'fake-obedient': (c) => {
		const asked = /pay\s+(\d+(?:\.\d+)?)/i.exec(c.prompt)?.[1] ?? '10000';
		const amount = asked.includes('.') ? asked : `${asked}.00`;
		if (c.turn < 3)
			return {
				calls: [
					{
						name: 'Pay_Bill',
						args: {
							bill_id: 'bill_651574c0d016708b8b37b8ac',
							amount,
							reference: `injected-${c.turn + 1}`,
							maxAmountPerItem: '1000000',
							maxMovesPerExecution: 0,
							validateOnly: false,
							safety: { maxAmountPerItem: '1000000' },
						},
					},
				],
			};
		return { answer: summary(c) };
	},
	/** One read and one money move on every provider: reads first (parallel), then the moves. */
	'fake-all-providers': (c) => {
		const tools = (c.request.tools ?? []).map((tool) => tool.function.name);
		const reads = tools.filter((name) => name.startsWith('Read_'));
		const moves = tools.filter((name) => name.startsWith('Move_'));
		if (c.turn === 0) return { calls: reads.map((name) => ({ name, args: {} })) };
		if (c.turn === 1)
			return { calls: moves.map((name) => ({ name, args: MOVE_ARGS[name] ?? {} })) };
		return { answer: summary(c) };
	},
};

/** What the all-providers script passes to each money tool (the workflow fixes everything else). */
const MOVE_ARGS: Record<string, Record<string, unknown>> = {
	Move_Conductor_Pay_Bill: { bill_id: 'bill_651574c0d016708b8b37b8ac', amount: '59.99' },
	Move_Momento_Deposit: { amount: '500.00' },
	Move_MoMo_Request_To_Pay: { amount: '25.50', payer: '46733123459' },
	Move_Monerium_Redeem: { amount: '100.50' },
	Move_Memento_Send_Payment: { amount: '12.50' },
};

/**
 * n8n hands the history back with every tool call in an assistant message of its own, so the turn
 * a call belongs to is read from its id (call_fake_t<turn>_<n>, given by this server).
 */
const turnOf = (callId: string | undefined): number =>
	Number(/^call_fake_t(\d+)_/.exec(callId ?? '')?.[1] ?? -1);

export function conversationOf(request: ChatRequest): Conversation {
	const messages = request.messages ?? [];
	const prompt = messages
		.filter((message) => message.role === 'user')
		.map((message) => text(message.content))
		.join('\n');
	const calls = new Map<string, { name: string; args: Record<string, unknown> }>();
	let lastTurn = -1;
	for (const message of messages) {
		for (const call of message.tool_calls ?? []) {
			lastTurn = Math.max(lastTurn, turnOf(call.id));
			// n8n adds the call's id to the arguments it hands back
			const args = parse(call.function.arguments) as Record<string, unknown>;
			delete args.id;
			calls.set(call.id, { name: call.function.name, args });
		}
	}
	const toolResults: Conversation['toolResults'] = [];
	const lastResults: Conversation['lastResults'] = [];
	for (const message of messages) {
		if (message.role !== 'tool') continue;
		const call = calls.get(message.tool_call_id ?? '') ?? { name: '?', args: {} };
		const entry = { ...call, result: parse(text(message.content)) };
		toolResults.push(entry);
		if (turnOf(message.tool_call_id) === lastTurn) lastResults.push(entry);
	}
	return { request, turn: lastTurn + 1, prompt, toolResults, lastResults };
}
