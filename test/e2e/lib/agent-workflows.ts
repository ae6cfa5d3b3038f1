// Workflows in which n8n's AI Agent uses the pack's action nodes as tools, for the agent e2e test:
// variants of examples/agent-pay-bills.json (another scripted model, trigger or limits) and one
// agent holding a read tool and a money tool of every provider.
import {
	CONDUCTOR_CREDENTIAL_ID,
	MEMENTO_CREDENTIAL_ID,
	MOMENTO_CREDENTIAL_ID,
	MOMO_CREDENTIAL_ID,
	MONERIUM_CREDENTIAL_ID,
} from '../providers';
import { FAKE_MODEL_CREDENTIAL_ID } from './fake-openai';

export const PACK = 'n8n-nodes-payments-pack';

type Json = Record<string, unknown>;
type WorkflowNode = Json & { name: string; type: string; parameters: Json };

export interface VariantOptions {
	id: string;
	name: string;
	/** the fake model's script (test/e2e/lib/fake-openai.ts) */
	model: string;
	prompt?: string;
	maxIterations?: number;
	/** replaces the Manual Trigger with a Webhook trigger on this path */
	webhookPath?: string;
	/** when the Webhook trigger answers: once the run is done (default) or at once */
	webhookResponds?: 'lastNode' | 'onReceived';
	/** merged into Pay Bill's parameters */
	payBill?: Json;
}

/** A copy of the pay-bills example with another model script, prompt, trigger or Pay Bill settings. */
export function variantOf(example: Json, options: VariantOptions): Json {
	const workflow = structuredClone(example) as Json & {
		nodes: WorkflowNode[];
		connections: Record<string, unknown>;
	};
	workflow.id = options.id;
	workflow.name = options.name;
	const node = (name: string) => {
		const found = workflow.nodes.find((candidate) => candidate.name === name);
		if (!found) throw new Error(`the example has no node "${name}"`);
		return found;
	};
	for (const entry of workflow.nodes) entry.id = `${options.id}-${String(entry.id).slice(-4)}`;
	(node('Chat Model (fake, local)').parameters.model as Json).value = options.model;
	const agent = node('AI Agent').parameters as { text: string; options: Json };
	if (options.prompt !== undefined) agent.text = options.prompt;
	if (options.maxIterations !== undefined) agent.options.maxIterations = options.maxIterations;
	if (options.payBill) Object.assign(node('Pay Bill').parameters, options.payBill);
	if (options.webhookPath)
		Object.assign(node('Start'), webhookTrigger(options.id, options.webhookPath));
	return workflow;
}

/** A Webhook trigger (POST; by default it answers with the last node's output once the run is done). */
function webhookTrigger(
	id: string,
	path: string,
): { type: string; typeVersion: number; webhookId: string; parameters: Json } {
	return {
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: `${id}-hook`,
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', options: {} },
	};
}

const fromAi = (key: string, description: string) =>
	`={{ $fromAI('${key}', '${description.replace(/'/g, "\\'")}', 'string') }}`;

function tool(
	name: string,
	nodeName: string,
	credential: [string, string],
	parameters: Json,
): WorkflowNode {
	return {
		id: `allprov-${name
			.toLowerCase()
			.replace(/[^a-z]/g, '')
			.slice(-20)}`,
		name,
		type: `${PACK}.${nodeName}Tool`,
		typeVersion: 1,
		position: [0, 0],
		parameters: { descriptionType: 'auto', ...parameters },
		credentials: { [credential[0]]: { id: credential[1], name: credential[0] } },
	};
}

const CONDUCTOR: [string, string] = ['momentConductorApi', CONDUCTOR_CREDENTIAL_ID];
const MOMENTO: [string, string] = ['momentoApi', MOMENTO_CREDENTIAL_ID];
const MOMO: [string, string] = ['mtnMomoApi', MOMO_CREDENTIAL_ID];
const MONERIUM: [string, string] = ['moneriumOAuth2Api', MONERIUM_CREDENTIAL_ID];
const MEMENTO: [string, string] = ['mementoPaymentsApi', MEMENTO_CREDENTIAL_ID];

const MONERIUM_IBAN = 'DK5000400440116243';

/** Every provider's tools: Read_* (no money) and Move_* (one money move, limits set by the author). */
export function allProviderTools(): WorkflowNode[] {
	return [
		tool('Read Conductor Account', 'momentConductor', CONDUCTOR, {
			resource: 'account',
			operation: 'enquire',
			billerCode: 'za_dstv',
			identifierType: 'text',
			identifier: '8604275423086',
			additionalFields: {},
		}),
		tool('Move Conductor Pay Bill', 'momentConductor', CONDUCTOR, {
			resource: 'transaction',
			operation: 'create',
			externalReference: "={{ 'agent-' + $execution.id + '-conductor' }}",
			itemsSource: 'fields',
			billItems: {
				bill: [
					{
						id: fromAi('bill_id', 'The bill ID from the account look-up'),
						amount: fromAi('amount', 'Amount in ZAR as a decimal string, e.g. 59.99'),
						currency: 'ZAR',
					},
				],
			},
			complete: true,
			paymentMethod: 'CASH',
			safety: { maxAmountPerItem: 'ZAR 100.00', maxMovesPerExecution: 1 },
		}),
		tool('Read Momento USD Quotes', 'momento', MOMENTO, { resource: 'quote', operation: 'getUsd' }),
		tool('Move Momento Deposit', 'momento', MOMENTO, {
			resource: 'deposit',
			operation: 'create',
			amount: fromAi('amount', 'Amount in DOP as a decimal string, e.g. 500.00'),
			currency: 'DOP',
			email: 'cliente@example.com',
			idNumber: '001-0000000-1',
			callbackUrl: 'https://example.com/momento/callbacks',
			options: {},
			safety: { maxAmountPerItem: 'DOP 1000.00', maxMovesPerExecution: 1 },
		}),
		tool('Read MoMo Balance', 'mtnMomo', MOMO, { resource: 'collection', operation: 'getBalance' }),
		tool('Move MoMo Request To Pay', 'mtnMomo', MOMO, {
			resource: 'collection',
			operation: 'requestToPay',
			amount: fromAi('amount', 'Amount in EUR as a decimal string, e.g. 25.50'),
			currency: 'EUR',
			externalId: "={{ 'agent-' + $execution.id }}",
			partyIdType: 'MSISDN',
			partyId: fromAi('payer', 'Phone number of the payer, digits only'),
			waitForFinalStatus: false,
			additionalFields: { payerMessage: 'Agent order', payeeNote: 'n8n payments pack' },
			safety: { maxAmountPerItem: 'EUR 100.00', maxMovesPerExecution: 1 },
		}),
		tool('Read Monerium Orders', 'monerium', MONERIUM, {
			resource: 'order',
			operation: 'getMany',
			filters: {},
		}),
		tool('Move Monerium Redeem', 'monerium', MONERIUM, {
			resource: 'order',
			operation: 'place',
			address: { __rl: true, mode: 'id', value: '0x59cFC408d310697f9D3598e1BE75B0157a072407' },
			chain: 'sepolia',
			currency: 'eur',
			amount: fromAi('amount', 'Amount in EUR as a decimal string, e.g. 100.50'),
			counterpartType: 'iban',
			counterpartIban: MONERIUM_IBAN,
			counterpartKind: 'personal',
			firstName: 'Ola',
			lastName: 'Nordmann',
			country: 'DK',
			// The message the wallet signs, built by the workflow (the model only gives the amount).
			message: `={{ 'Send EUR ' + $fromAI('amount', 'Amount in EUR as a decimal string, e.g. 100.50', 'string') + ' to ${MONERIUM_IBAN} at ' + $now.toUTC().toFormat("yyyy-MM-dd'T'HH:mm'Z'") }}`,
			// A stand-in for the wallet's signature (the sandbox checks it is 0x-hex).
			signature: "={{ '0x' + 'ab'.repeat(65) }}",
			memo: 'Agent invoice',
			additionalFields: {},
			safety: { maxAmountPerItem: 'EUR 200.00', maxMovesPerExecution: 1 },
		}),
		tool('Read Memento Payments', 'mementoPayments', MEMENTO, {
			resource: 'payment',
			operation: 'getMany',
			returnAll: false,
			limit: 5,
			owner: 'all',
			filters: {},
			sort: {},
		}),
		tool('Move Memento Send Payment', 'mementoPayments', MEMENTO, {
			resource: 'payment',
			operation: 'create',
			recipientType: 'user',
			recipientUserUuid: 'd6edcdba-f3f1-4249-96bc-bb977fde27fb',
			amount: fromAi('amount', 'Amount in GBP as a decimal string, e.g. 12.50'),
			currency: 'GBP',
			paymentSourceUuid: '5f0c7c6e-1111-4a1b-9c1d-000000000001',
			// The PIN comes from the credential.
			additionalFields: {},
			safety: { maxAmountPerItem: 'GBP 50.00', maxMovesPerExecution: 1 },
		}),
	];
}

/** An agent with every provider's read and money tools, driven by the fake model's tour script. */
export function allProvidersWorkflow(id: string, webhookPath: string): Json {
	const tools = allProviderTools();
	const nodes: WorkflowNode[] = [
		{
			id: `${id}-start`,
			name: 'Start',
			position: [0, 0],
			...webhookTrigger(id, webhookPath),
		},
		{
			id: `${id}-agent`,
			name: 'AI Agent',
			type: '@n8n/n8n-nodes-langchain.agent',
			typeVersion: 3.1,
			position: [260, 0],
			parameters: {
				promptType: 'define',
				text: 'Check each provider, then make one small payment with each.',
				options: { maxIterations: 5 },
			},
		},
		{
			id: `${id}-model`,
			name: 'Chat Model (fake, local)',
			type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
			typeVersion: 1.3,
			position: [0, 260],
			parameters: {
				model: { __rl: true, mode: 'id', value: 'fake-all-providers' },
				responsesApiEnabled: false,
				options: {},
			},
			credentials: { openAiApi: { id: FAKE_MODEL_CREDENTIAL_ID, name: 'Fake chat model (local)' } },
		},
		...tools,
	];
	const connections: Json = {
		Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
		'Chat Model (fake, local)': {
			ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
		},
	};
	for (const entry of tools)
		connections[entry.name] = { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] };
	return {
		id,
		name: 'AI Agent: one read and one money move on every provider',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes,
		connections,
		pinData: {},
	};
}
