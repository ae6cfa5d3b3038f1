import {
	ICredentialsHelper,
	NodeHelpers,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type ICredentials,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type Workflow,
} from 'n8n-workflow';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/**
 * The parts of n8n's server-side CredentialsHelper that decide how our nodes authenticate:
 * generic and function `authenticate`, and `preAuthentication` run only when the expirable hidden
 * field is empty or the request came back 401, with the refreshed value persisted like the
 * database would. n8n's own test helper makes preAuthentication a no-op, so it cannot prove
 * "one token per batch"; this one counts every call.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	readonly calls = { getDecrypted: 0, preAuthentication: 0, updates: 0 };

	private readonly store = new Map<string, StoredCredential>();

	constructor(
		private readonly types: Map<string, ICredentialType>,
		credentials: StoredCredential[] = [],
	) {
		super();
		for (const credential of credentials)
			this.store.set(credential.id, structuredClone(credential));
	}

	stored(id: string): StoredCredential | undefined {
		return this.store.get(id);
	}

	getParentTypes(name: string): string[] {
		const parents: string[] = [];
		for (const parent of this.types.get(name)?.extends ?? []) {
			parents.push(parent, ...this.getParentTypes(parent));
		}
		return parents;
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incoming: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incoming as IHttpRequestOptions;
		const { authenticate } = this.credentialType(typeName);
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate?.type !== 'generic') return requestOptions;
		if (!workflow || !node) throw new Error('generic authenticate needs the workflow and node');

		const resolve = (value: string) =>
			String(
				workflow.expression.getSimpleParameterValue(
					node,
					value,
					'internal',
					{ $credentials: credentials },
					undefined,
					'',
				) ?? '',
			);
		const target = requestOptions as unknown as Record<string, Record<string, string>>;
		for (const [section, entries] of Object.entries(authenticate.properties)) {
			target[section] ??= {};
			for (const [key, value] of Object.entries(entries as Record<string, string>)) {
				target[section][resolve(key)] = resolve(value);
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.credentialType(typeName);
		const expirable = type.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (
			credentials[expirable.name] !== '' &&
			credentials[expirable.name] !== undefined &&
			!credentialsExpired
		) {
			return undefined;
		}
		this.calls.preAuthentication++;
		const output = (await type.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
		if (output?.[expirable.name] === undefined) return undefined;

		const reference = node.credentials?.[typeName];
		if (reference) {
			const stored = this.lookup(reference);
			await this.updateCredentials(reference, typeName, { ...stored.data, ...output });
		}
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.credentialType(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return (await type.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(details: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const stored = this.lookup(details);
		if (stored.type !== type) throw new Error(`credential ${details.id} is not of type ${type}`);
		return {
			id: stored.id,
			name: stored.name,
			type: stored.type,
			getData: () => structuredClone(stored.data),
		} as unknown as ICredentials;
	}

	async getDecrypted(
		_additionalData: unknown,
		details: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		this.calls.getDecrypted++;
		const stored = this.lookup(details);
		if (stored.type !== type) throw new Error(`credential ${details.id} is not of type ${type}`);
		// n8n fills in the defaults of fields the user never touched.
		const defaults: ICredentialDataDecryptedObject = {};
		for (const property of this.getCredentialsProperties(type)) {
			if (property.default !== undefined) defaults[property.name] = property.default as never;
		}
		return { ...defaults, ...structuredClone(stored.data) };
	}

	async updateCredentials(
		details: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.calls.updates++;
		const stored = this.lookup(details);
		stored.data = structuredClone(data);
	}

	async updateCredentialsOauthTokenData(
		details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		await this.updateCredentials(details, type, data);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.credentialType(type);
		if (!credentialType.extends) return credentialType.properties;
		const merged: INodeProperties[] = [];
		for (const parent of credentialType.extends) {
			NodeHelpers.mergeNodeProperties(merged, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(merged, credentialType.properties);
		return merged;
	}

	private credentialType(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new Error(`unknown credential type ${name}`);
		return type;
	}

	private lookup(details: INodeCredentialsDetails): StoredCredential {
		const stored = details.id ? this.store.get(details.id) : undefined;
		if (!stored) throw new Error(`no stored credential ${details.id ?? details.name}`);
		return stored;
	}
}
