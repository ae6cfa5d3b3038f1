// What the n8n CLI prints: `n8n execute` runs (JSON log lines) and the items a node output.

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

export interface ExecuteResult extends CliResult {
	/** the run data n8n printed (IRun-like), when it printed one */
	run?: RunData;
	/** the `message` of every JSON log line, for diagnostics */
	messages: string[];
}

export interface RunData {
	status?: string;
	finished?: boolean;
	data: {
		resultData: {
			error?: { message?: string; description?: string; [key: string]: unknown };
			lastNodeExecuted?: string;
			runData: Record<
				string,
				Array<{
					error?: { message?: string; [key: string]: unknown };
					data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
				}>
			>;
		};
	};
}

export function tail(text: string, lines = 40): string {
	return text.split('\n').slice(-lines).join('\n');
}

/** A JSON log line's message (n8n logs with N8N_LOG_FORMAT=json), or the raw line. */
export function logMessage(line: string): string {
	const trimmed = line.trim();
	if (trimmed.startsWith('{')) {
		try {
			const parsed = JSON.parse(trimmed) as { message?: unknown };
			if (typeof parsed.message === 'string') return parsed.message;
		} catch {
			// not a JSON line
		}
	}
	return trimmed;
}

/** Finds the run that `n8n execute` printed among its JSON log lines. */
export function parseExecuteOutput(output: string): { run?: RunData; messages: string[] } {
	const messages: string[] = [];
	let run: RunData | undefined;
	for (const line of output.split('\n')) {
		const trimmed = line.trim();
		if (!trimmed.startsWith('{')) {
			if (trimmed) messages.push(trimmed);
			continue;
		}
		let parsed: Record<string, unknown>;
		try {
			parsed = JSON.parse(trimmed) as Record<string, unknown>;
		} catch {
			messages.push(trimmed);
			continue;
		}
		if (typeof parsed.message === 'string') messages.push(parsed.message);
		const candidate = findRun(parsed);
		if (candidate) run = candidate;
	}
	return { run, messages };
}

function findRun(value: unknown, depth = 0): RunData | undefined {
	if (!value || typeof value !== 'object' || depth > 4) return undefined;
	const record = value as Record<string, unknown>;
	const data = record.data as { resultData?: { runData?: unknown } } | undefined;
	if (data && typeof data === 'object' && data.resultData && typeof data.resultData === 'object') {
		return record as unknown as RunData;
	}
	if (typeof record.message === 'string' && record.message.trim().startsWith('{')) {
		try {
			const fromMessage = findRun(JSON.parse(record.message), depth + 1);
			if (fromMessage) return fromMessage;
		} catch {
			// not JSON
		}
	}
	for (const nested of Object.values(record)) {
		const found = findRun(nested, depth + 1);
		if (found) return found;
	}
	return undefined;
}

/** The JSON items a node output in the first run (output 0). */
export function nodeOutput(
	run: RunData,
	nodeName: string,
	outputIndex = 0,
): Array<Record<string, unknown>> {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs?.length) {
		throw new Error(
			`node "${nodeName}" did not run; ran: ${Object.keys(run.data.resultData.runData).join(', ')}`,
		);
	}
	return (runs[0].data?.main?.[outputIndex] ?? []).map((item) => item.json);
}

/** A short explanation of a failed `n8n execute`, for test failure messages. */
export function describeFailure(result: ExecuteResult): string {
	const error = result.run?.data.resultData.error;
	const detail = error
		? JSON.stringify(error).slice(0, 1000)
		: result.messages.slice(-15).join('\n');
	return `n8n execute exited ${result.code}; ${detail}`;
}
