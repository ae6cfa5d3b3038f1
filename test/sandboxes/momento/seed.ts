// Fixed reference data the sandbox serves (Bank, Deposit Bank and Price schemas, as assumed).

export const WITHDRAWAL_BANKS = [
	{ code: 'BPD', name: 'Banco Popular Dominicano', swift: 'BPDODOSX' },
	{ code: 'BRD', name: 'Banreservas', swift: 'BRRDDOSD' },
	{ code: 'BHD', name: 'Banco BHD', swift: 'BCBHDOSD' },
	{ code: 'SCO', name: 'Scotiabank República Dominicana', swift: 'NOSCDOSD' },
] as const;

export const ONBOARDING_BANK_ACCOUNTS = [
	{
		bank: 'Banco Popular Dominicano',
		bank_code: 'BPD',
		account_number: '812345678',
		account_type: 'checking',
		currency: 'DOP',
		holder_name: 'Momento Trade SRL',
		holder_id_number: '131234567',
	},
	{
		bank: 'Banreservas',
		bank_code: 'BRD',
		account_number: '9601234567',
		account_type: 'checking',
		currency: 'USD',
		holder_name: 'Momento Trade SRL',
		holder_id_number: '131234567',
	},
] as const;

export const USD_QUOTES = [
	{ pair: 'USD/DOP', currency: 'USD', base: 'DOP', buy: '58.90', sell: '59.65' },
] as const;

export const SEED_SECRET_KEY = 'momento_test_secret_key';
