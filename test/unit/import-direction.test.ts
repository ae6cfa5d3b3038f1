/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// One dependency direction for every provider: the credential and the node both import
// nodes/<Provider>/constants.ts; nodes never import credential files; transports never import
// actions.

const ROOT = resolve(__dirname, '..', '..');
const PROVIDERS = ['MementoPayments', 'MomentConductor', 'Momento', 'Monerium', 'MtnMomo'];

function sourceFiles(folder: string): string[] {
	return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.ts'))
		.map((name) => join(folder, name).split('\\').join('/'));
}

/** The repository-relative paths a file imports with relative specifiers. */
function importsOf(file: string): string[] {
	const text = readFileSync(join(ROOT, file), 'utf8');
	return [...text.matchAll(/from\s+'(\.[^']*)'/g)].map((match) =>
		relative(ROOT, resolve(ROOT, dirname(file), match[1]))
			.split('\\')
			.join('/'),
	);
}

describe('import direction', () => {
	it('has a constants module per provider that its credential imports', () => {
		for (const file of sourceFiles('credentials')) {
			const providerImports = importsOf(file).filter(
				(target) => target.startsWith('nodes/') && !target.startsWith('nodes/shared/'),
			);
			expect({ file, providerImports }).toEqual({
				file,
				providerImports: [expect.stringMatching(/^nodes\/[A-Za-z]+\/constants$/)],
			});
		}
		for (const provider of PROVIDERS) {
			expect(sourceFiles(`nodes/${provider}`)).toContain(`nodes/${provider}/constants.ts`);
		}
	});

	it('nodes do not import credential files', () => {
		const offenders = sourceFiles('nodes').filter((file) =>
			importsOf(file).some((target) => target.startsWith('credentials/')),
		);
		expect(offenders).toEqual([]);
	});

	it('transports and load-option methods do not import actions', () => {
		const layers = PROVIDERS.flatMap((provider) =>
			['transport', 'methods'].map((layer) => `nodes/${provider}/${layer}/`),
		);
		const offenders = sourceFiles('nodes')
			.filter((file) => layers.some((layer) => file.startsWith(layer)))
			.flatMap((file) =>
				importsOf(file)
					.filter((target) => /^nodes\/[A-Za-z]+\/actions(\/|$)/.test(target))
					.map((target) => `${file} -> ${target}`),
			);
		expect(offenders).toEqual([]);
	});
});
