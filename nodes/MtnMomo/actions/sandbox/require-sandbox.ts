import { FieldError } from '../../../shared/description/field-validation';

/** Provisioning exists only in MTN's sandbox; production API users come from the Partner Portal. */
export function requireSandbox(targetEnvironment: string): void {
	if (targetEnvironment !== 'sandbox') {
		throw new FieldError(
			'Target Environment',
			`Sandbox operations only work against the MoMo sandbox, but the credential's Target Environment is "${targetEnvironment}"`,
			'In production, API users and keys are issued in the MTN Partner Portal. Use a credential whose Target Environment is "sandbox" for these operations.',
		);
	}
}
