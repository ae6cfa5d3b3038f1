import {
	buildFilterExpression,
	buildSortExpression,
	parseListValue,
	readFilterCondition,
	readSortRule,
} from '../../nodes/MementoPayments/transport/filter-query';
import { collectPages, walkPages } from '../../nodes/MementoPayments/transport/page-pagination';

describe('filter-query (field:operator:value)', () => {
	it('builds several conditions, lists for "in" and values with colons', () => {
		const conditions = [
			readFilterCondition({ field: 'status', operator: 'in', value: 'open, closed' }),
			readFilterCondition({ field: 'created_at', operator: 'lt', value: '2018-01-01T10:00:00Z' }),
			readFilterCondition({ field: 'name', operator: 'like', value: 'john' }),
		];
		expect(buildFilterExpression(conditions)).toBe(
			'status:in:[open,closed],created_at:lt:2018-01-01T10:00:00Z,name:like:john',
		);
		expect(buildFilterExpression([])).toBeUndefined();
	});

	it('accepts lists as arrays, JSON text or [a,b]', () => {
		expect(parseListValue(['a', 'b'], 'V')).toEqual(['a', 'b']);
		expect(parseListValue('["a","b"]', 'V')).toEqual(['a', 'b']);
		expect(parseListValue('[a,b]', 'V')).toEqual(['a', 'b']);
		expect(() => parseListValue('', 'V')).toThrow(/at least one value/);
	});

	it('refuses what the syntax cannot carry', () => {
		expect(() => readFilterCondition({ field: 'name', operator: 'eq', value: 'a,b' })).toThrow(
			/cannot contain a comma/,
		);
		expect(() => readFilterCondition({ field: 'name;drop', operator: 'eq', value: 'x' })).toThrow(
			/field name/,
		);
		expect(() => readFilterCondition({ field: 'name', operator: 'ne', value: 'x' })).toThrow(
			/must be one of eq, gt/,
		);
		expect(() => readFilterCondition({ field: 'name', operator: 'eq', value: '' })).toThrow(
			/is required/,
		);
		expect(() => readFilterCondition({ field: 'tag', operator: 'in', value: '[a,[b]]' })).toThrow(
			/commas or square brackets/,
		);
	});

	it('numbers and booleans become text', () => {
		expect(readFilterCondition({ field: 'amount', operator: 'gte', value: 10 }).value).toBe('10');
		expect(readFilterCondition({ field: 'read', operator: 'eq', value: false }).value).toBe(
			'false',
		);
	});

	it('builds sort rules', () => {
		expect(
			buildSortExpression([
				readSortRule({ field: 'created_at', direction: 'desc' }),
				readSortRule({ field: 'name' }),
			]),
		).toBe('created_at:desc,name:asc');
		expect(() => readSortRule({ field: 'name', direction: 'up' })).toThrow(/asc or desc/);
		expect(buildSortExpression([])).toBeUndefined();
	});
});

describe('page-pagination', () => {
	const source = Array.from({ length: 250 }, (_, index) => index);
	const fetcher = () => {
		const calls: Array<{ page: number; limit: number }> = [];
		return {
			calls,
			fetchPage: async ({ page, limit }: { page: number; limit: number }) => {
				calls.push({ page, limit });
				return source.slice((page - 1) * limit, page * limit);
			},
		};
	};

	it('Return All walks to the first short page', async () => {
		const { calls, fetchPage } = fetcher();
		expect(await collectPages({ fetchPage, pageSize: 100 })).toEqual(source);
		expect(calls).toEqual([
			{ page: 1, limit: 100 },
			{ page: 2, limit: 100 },
			{ page: 3, limit: 100 },
		]);
	});

	it('an exact multiple needs one empty page to know it is the end', async () => {
		const { calls, fetchPage } = fetcher();
		expect(await collectPages({ fetchPage, pageSize: 125 })).toHaveLength(250);
		expect(calls).toHaveLength(3);
	});

	it('a Limit below a page asks for just that many; above, stops early and trims', async () => {
		const small = fetcher();
		expect(await collectPages({ fetchPage: small.fetchPage, pageSize: 100, maxItems: 5 })).toEqual([
			0, 1, 2, 3, 4,
		]);
		expect(small.calls).toEqual([{ page: 1, limit: 5 }]);
		const large = fetcher();
		expect(
			await collectPages({ fetchPage: large.fetchPage, pageSize: 100, maxItems: 150 }),
		).toHaveLength(150);
		expect(large.calls).toHaveLength(2);
	});

	it('stops at maxPages for a provider that never ends', async () => {
		const pages = [];
		for await (const page of walkPages({ fetchPage: async () => [1, 2], pageSize: 2, maxPages: 3 }))
			pages.push(page);
		expect(pages).toHaveLength(3);
	});
});
