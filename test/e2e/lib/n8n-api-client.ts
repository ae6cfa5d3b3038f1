// The HTTP side of one running n8n, as the tests use it: the editor's REST API (owner setup, login,
// API keys, retry), the public API (executions, activation) and production webhooks.
import type { RunData } from './n8n-output';
import { sleep } from './processes';

export interface ExecutionSummary {
	id: string;
	status: string;
	mode?: string;
	startedAt?: string;
	stoppedAt?: string | null;
	retryOf?: string | null;
	data?: RunData['data'];
}

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

export class N8nApiClient {
	/** the n8n-auth cookie of the signed-in owner (REST routes) */
	private cookie?: string;
	/** the public-API key (/api/ routes) */
	private apiKey?: string;

	constructor(private readonly baseUrl: string) {}

	async rest<T = unknown>(
		method: string,
		route: string,
		body?: unknown,
	): Promise<{ status: number; data: T; headers: Headers }> {
		const response = await fetch(`${this.baseUrl}${route}`, {
			method,
			headers: {
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...(this.cookie ? { cookie: this.cookie } : {}),
				...(this.apiKey && route.startsWith('/api/') ? { 'X-N8N-API-KEY': this.apiKey } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		let data: unknown = text;
		try {
			data = JSON.parse(text);
			if (data && typeof data === 'object' && 'data' in data && route.startsWith('/rest/')) {
				data = (data as { data: unknown }).data;
			}
		} catch {
			// not JSON
		}
		const setCookie = response.headers.get('set-cookie');
		const auth = setCookie?.match(/n8n-auth=[^;]+/);
		if (auth) this.cookie = auth[0];
		return { status: response.status, data: data as T, headers: response.headers };
	}

	private async restOk<T = unknown>(method: string, route: string, body?: unknown): Promise<T> {
		const { status, data } = await this.rest<T>(method, route, body);
		if (status >= 300)
			throw new Error(
				`${method} ${route} answered ${status}: ${JSON.stringify(data).slice(0, 500)}`,
			);
		return data;
	}

	/** Creates the owner account (when setup is still pending) or logs in as it; keeps the auth cookie. */
	async ensureOwner(owner: Owner): Promise<void> {
		const settings = await this.restOk<{ userManagement?: { showSetupOnFirstLoad?: boolean } }>(
			'GET',
			'/rest/settings',
		);
		if (settings.userManagement?.showSetupOnFirstLoad) {
			await this.restOk('POST', '/rest/owner/setup', owner);
		} else {
			await this.login(owner);
		}
		if (!this.cookie) throw new Error('n8n did not set the n8n-auth cookie');
	}

	async login(owner: Pick<Owner, 'email' | 'password'>): Promise<void> {
		await this.restOk('POST', '/rest/login', {
			emailOrLdapLoginId: owner.email,
			password: owner.password,
		});
	}

	/** Forgets the auth cookie (the process it came from stopped); the API key stays valid. */
	signOut(): void {
		this.cookie = undefined;
	}

	/** Creates a public-API key with every scope the owner may have (needs ensureOwner first). */
	async createApiKey(label = 'payments-pack-e2e'): Promise<string> {
		const scopes = await this.restOk<string[]>('GET', '/rest/api-keys/scopes');
		const created = await this.restOk<{ rawApiKey: string }>('POST', '/rest/api-keys', {
			label,
			expiresAt: null,
			scopes,
		});
		this.apiKey = created.rawApiKey;
		return this.apiKey;
	}

	/** Executions of a workflow through the public API (newest first); needs createApiKey first. */
	async executions(
		workflowId: string,
		options: { includeData?: boolean; limit?: number } = {},
	): Promise<ExecutionSummary[]> {
		const query = new URLSearchParams({
			workflowId,
			includeData: String(options.includeData ?? true),
			limit: String(options.limit ?? 100),
		});
		const data = await this.restOk<{ data: ExecutionSummary[] }>(
			'GET',
			`/api/v1/executions?${query.toString()}`,
		);
		return data.data;
	}

	/** Activates (publishes) a workflow through the public API; needs createApiKey first. */
	async activate(workflowId: string): Promise<void> {
		await this.restOk('POST', `/api/v1/workflows/${workflowId}/activate`);
	}

	/**
	 * Sends a request to a production webhook (/webhook/<path>), retrying while n8n answers 404: a
	 * freshly activated workflow's webhook goes live about half a second later, and a 404 starts nothing.
	 */
	async deliverWebhook(
		webhookPath: string,
		init: RequestInit,
		timeoutMs = 15_000,
	): Promise<Response> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const response = await fetch(`${this.baseUrl}/webhook/${webhookPath}`, init);
			if (response.status !== 404 || Date.now() > deadline) return response;
			await response.arrayBuffer();
			await sleep(250);
		}
	}
}
