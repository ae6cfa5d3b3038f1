import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

/**
 * What an expression in the Safety options may read when the node runs as an AI Agent tool: values
 * the workflow author or the instance sets. Everything else ($json, $input, $('Node'), $parameter,
 * $fromAI...) can carry what the model chose or what the incoming data (a webhook payload) says.
 */
const AUTHOR_VALUES = new Set(['$vars', '$env', '$execution', '$workflow', '$now', '$today']);

const SAFETY_NAMES: Record<string, string> = {
	validateOnly: 'Validate Only',
	maxAmountPerItem: 'Maximum Amount per Item',
	maxTotalPerExecution: 'Maximum Total per Execution',
	maxMovesPerExecution: 'Maximum Money Moves per Execution',
};

/** n8n names a node used as an AI Agent tool `<package>.<node>Tool`. */
export function runsAsAgentTool(context: IExecuteFunctions): boolean {
	return context.getNode().type.endsWith('Tool');
}

function expressionsIn(value: unknown, path: string[]): Array<{ path: string[]; text: string }> {
	if (typeof value === 'string') return value.startsWith('=') ? [{ path, text: value }] : [];
	if (Array.isArray(value))
		return value.flatMap((entry, index) => expressionsIn(entry, [...path, String(index)]));
	if (value && typeof value === 'object')
		return Object.entries(value).flatMap(([key, entry]) => expressionsIn(entry, [...path, key]));
	return [];
}

/** Why this expression is not fixed by the author, or undefined when it is. */
function notAuthorFixed(text: string, asTool: boolean): string | undefined {
	if (/\$fromai\s*\(/i.test(text)) return 'lets the model fill it ($fromAI)';
	if (!asTool) return undefined;
	for (const match of text.matchAll(/\$\(|\$[A-Za-z_]\w*/g)) {
		const token = match[0];
		if (!AUTHOR_VALUES.has(token)) {
			return `reads ${token === '$(' ? "another node's output ($('...'))" : token}, which the model or the incoming data can set`;
		}
	}
	return undefined;
}

/**
 * The first Safety option whose value the workflow author does not fix, and why; undefined when
 * they all are. `$fromAI()` is never fixed; when the node runs as an AI Agent tool, neither is an
 * expression reading anything but $vars, $env, $execution, $workflow, $now or $today.
 */
export function unfixedSafetyOption(
	safety: unknown,
	asTool: boolean,
): { field: string; reason: string } | undefined {
	for (const { path, text } of expressionsIn(safety, [])) {
		const reason = notAuthorFixed(text, asTool);
		if (!reason) continue;
		const option = SAFETY_NAMES[path[0]] ?? path.join('.');
		return { field: path.length === 0 ? 'Safety' : `Safety > ${option}`, reason };
	}
	return undefined;
}

/**
 * The Safety options (Validate Only and the spending limits) are the workflow author's: a model must
 * never be able to raise them or turn Validate Only off. Checked before anything is read or sent.
 */
export function assertSafetyFixedByAuthor(context: IExecuteFunctions): void {
	const unfixed = unfixedSafetyOption(
		context.getNode().parameters.safety,
		runsAsAgentTool(context),
	);
	if (!unfixed) return;
	throw new NodeOperationError(
		context.getNode(),
		`${unfixed.field} ${unfixed.reason}; the Safety options must be fixed by the workflow author. Nothing was sent.`,
		{
			description:
				'Give the Safety options fixed values (an expression may only read $vars or $env), so that no model and no incoming data can change a limit or turn Validate Only off.',
		},
	);
}

/**
 * An agent reads only the message of a tool's error (n8n 2.41 hands `{ error: message }` back to
 * the model), so when the node runs as a tool the description (e.g. "Nothing was sent for this
 * item") is added to the message, as n8n does itself for tools it calls directly.
 */
function forTheModel(error: unknown): unknown {
	if (!(error instanceof NodeOperationError || error instanceof NodeApiError)) return error;
	const { description } = error;
	if (description && !error.message.includes(description)) {
		error.message = `${error.message}\n\nDetails: ${description}`;
	}
	return error;
}

/** Runs an action node's router, with the checks and error texts an AI Agent tool needs. */
export async function executeAction(
	context: IExecuteFunctions,
	route: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>,
): Promise<INodeExecutionData[][]> {
	assertSafetyFixedByAuthor(context);
	if (!runsAsAgentTool(context)) return await route.call(context);
	try {
		return await route.call(context);
	} catch (error) {
		throw forTheModel(error);
	}
}
