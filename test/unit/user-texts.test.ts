/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// Every text a user meets: node and credential fields, every string the sources can put in an
// error, and the errors the validators and hint tables actually produce. None may carry an empty
// interpolation (", ,", "the ,", ". ,", "undefined", "[object Object]").
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { CONDUCTOR_ERROR_HINTS, conductorHint } from '../../nodes/MomentConductor/transport/errors';
import { describeMementoError } from '../../nodes/MementoPayments/transport/errors';
import { momentoHint, readMomentoError } from '../../nodes/Momento/transport/errors';
import {
	optionalCallbackUrl,
	optionalOrderId,
	requireCallbackUrl,
	requireCedula,
	requireEmail,
	requireMomentoCurrency,
} from '../../nodes/Momento/actions/validation';
import {
	optionalMemo,
	requireAddress,
	requireCurrency as requireMoneriumCurrency,
	requireIban,
	requireIbanFormat,
	requireOrderAmount,
	requireUuid,
	requireUuidV4,
} from '../../nodes/Monerium/order-rules';
import {
	normalizeMsisdn,
	readCallbackUrl,
	readMessage,
	readPartyId,
	readPartyType,
	readReferenceId,
} from '../../nodes/MtnMomo/actions/common.fields';
import { momoHint, tokenRefusalHint } from '../../nodes/MtnMomo/transport/errors';
import { requireAmount, requireCurrency } from '../../nodes/shared/money/amounts';
import { requireText } from '../../nodes/shared/description/field-validation';
import { loadPackageCredentialTypes, loadPackageNodeTypes } from '../harness/package-types';

const BAD_TEXT: Array<[string, RegExp]> = [
	['an empty list item', /,\s*,/],
	['"the" before nothing', /\bthe\s*[,.;:)]/i],
	['a comma after a full stop', /\.\s+,|\.,/],
	['undefined', /\bundefined\b/],
	['[object Object]', /\[object Object\]/],
	['NaN', /\bNaN\b/],
	['empty brackets', /\(\s*\)|"\s*"(?= is| must)/],
];

function problemsOf(text: string): string[] {
	return BAD_TEXT.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

function expectClean(where: string, text: string | undefined): void {
	if (typeof text !== 'string') return;
	expect({ where, text, problems: problemsOf(text) }).toEqual({ where, text, problems: [] });
}

type Property = INodeProperties | INodePropertyOptions | INodePropertyCollection;

function walkProperties(
	where: string,
	properties: readonly Property[],
	visit: (w: string, t: string) => void,
) {
	for (const property of properties) {
		const name = `${where} > ${'displayName' in property ? property.displayName : property.name}`;
		for (const key of [
			'displayName',
			'name',
			'description',
			'hint',
			'placeholder',
			'action',
		] as const) {
			const value = (property as unknown as Record<string, unknown>)[key];
			if (typeof value === 'string' && !value.startsWith('=')) visit(`${name} (${key})`, value);
		}
		const nested = [
			...(((property as INodeProperties).options ?? []) as Property[]),
			...(((property as INodePropertyCollection).values ?? []) as Property[]),
		];
		if (nested.length > 0) walkProperties(name, nested, visit);
	}
}

describe('texts a user meets', () => {
	it('every field, option, hint and placeholder of the nodes and credentials', () => {
		let count = 0;
		const visit = (where: string, text: string) => {
			count++;
			expectClean(where, text);
		};
		for (const [name, type] of loadPackageNodeTypes()) {
			const description =
				'nodeVersions' in type ? Object.values(type.nodeVersions)[0].description : type.description;
			visit(`${name} (description)`, description.description);
			walkProperties(name, description.properties, visit);
		}
		for (const [name, type] of loadPackageCredentialTypes()) {
			walkProperties(name, type.properties, visit);
		}
		expect(count).toBeGreaterThan(500);
	});

	it('every message text in the sources, interpolations rendered', () => {
		const files: string[] = [];
		const walk = (dir: string) => {
			for (const entry of readdirSync(dir)) {
				const path = join(dir, entry);
				if (statSync(path).isDirectory()) walk(path);
				else if (path.endsWith('.ts')) files.push(path);
			}
		};
		walk(join(__dirname, '../../nodes'));
		walk(join(__dirname, '../../credentials'));
		let count = 0;
		for (const file of files) {
			const source = ts.createSourceFile(
				file,
				readFileSync(file, 'utf8'),
				ts.ScriptTarget.Latest,
				true,
			);
			const visit = (node: ts.Node) => {
				let text: string | undefined;
				if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
				else if (ts.isTemplateExpression(node)) {
					text =
						node.head.text + node.templateSpans.map((span) => `VALUE${span.literal.text}`).join('');
				}
				// Texts are sentences: a space and a letter; expressions (={{ }}) are code.
				const isCode = (value: string) =>
					value.startsWith('=') || /\$self|\$credentials|=>/.test(value);
				if (text !== undefined && / /.test(text) && /[a-z]/i.test(text) && !isCode(text)) {
					count++;
					const { line } = source.getLineAndCharacterOfPosition(node.getStart());
					expectClean(`${file.replace(/^.*\/(nodes|credentials)\//, '$1/')}:${line + 1}`, text);
				}
				ts.forEachChild(node, visit);
			};
			visit(source);
		}
		expect(count).toBeGreaterThan(1000);
	});

	it('the errors validators produce for empty, missing and odd values', () => {
		const odd: unknown[] = [undefined, null, '', '   ', {}, [], 0, -1, 'x', { a: 1 }, Number.NaN];
		const checks: Array<(value: unknown) => unknown> = [
			(v) => requireText(v, 'Field'),
			(v) => requireAmount(v, 'Amount', { currency: 'EUR' }),
			(v) => requireCurrency(v, 'Currency'),
			(v) => requireMomentoCurrency(v),
			(v) => requireEmail(v, 'Customer Email'),
			(v) => requireCedula(v, 'Customer ID Number (Cédula)'),
			(v) => optionalOrderId(v),
			(v) => optionalCallbackUrl(v),
			(v) => requireCallbackUrl(v, ''),
			(v) => requireOrderAmount(v),
			(v) => requireMoneriumCurrency(v),
			(v) => requireAddress(v),
			(v) => requireIban(v),
			(v) => requireIbanFormat(v),
			(v) => optionalMemo(v === undefined ? 'abc' : v),
			(v) => requireUuid(v, 'Profile'),
			(v) => requireUuidV4(v, 'Order ID'),
			(v) => normalizeMsisdn(v, 'Payer'),
			(v) => readPartyId('EMAIL', v, 'Payee'),
			(v) => readPartyType(v, 'Payer ID Type'),
			(v) => readReferenceId(v, 'Reference ID'),
			(v) => readMessage(typeof v === 'string' ? v.repeat(200) : v, 'Payer Message'),
			(v) => readCallbackUrl(v, 'Callback URL'),
		];
		let thrown = 0;
		for (const check of checks) {
			for (const value of odd) {
				try {
					check(value);
				} catch (error) {
					thrown++;
					const { message, hint } = error as { message: string; hint?: string };
					expectClean(`${check.toString()} with ${String(value)}`, message);
					expectClean(`${check.toString()} hint`, hint);
				}
			}
		}
		expect(thrown).toBeGreaterThan(150);
	});

	it('the hints and provider messages for every code and status, with odd error bodies', () => {
		const statuses = [400, 401, 403, 404, 409, 422, 429, 500, 503];
		const codes = [undefined, 'UNKNOWN_CODE', ...Object.keys(CONDUCTOR_ERROR_HINTS)];
		for (const status of statuses) {
			for (const code of codes) {
				expectClean(`conductor ${code} ${status}`, conductorHint(code, status));
				expectClean(`momento ${code} ${status}`, momentoHint(code, status));
				expectClean(`momo ${code} ${status}`, momoHint(code, status, 'disbursement'));
				expectClean(`momo ${code} ${status}`, momoHint(code, status, undefined));
			}
			const bodies: unknown[] = [
				undefined,
				null,
				'',
				{},
				[],
				{ errors: {} },
				{ errors: [] },
				{ code: 'x' },
				{ message: 'Bad.', errors: [{ field: 'amount' }] },
				{ detail: 'Bad.', errors: { amount: [] } },
				{ error: {} },
			];
			for (const body of bodies) {
				const described = describeMementoError(status, body);
				for (const text of [described.type, described.detail, described.hint]) {
					expectClean(`memento ${status} ${JSON.stringify(body)}`, text);
				}
				const read = readMomentoError(body);
				expectClean(`momento body ${JSON.stringify(body)}`, read.message);
			}
		}
		expectClean(
			'momo token',
			tokenRefusalHint('collection', 'Access denied due to invalid subscription key'),
		);
		expectClean('momo token', tokenRefusalHint('disbursement', ''));
	});
});
