import { TextInput } from '@mantine/core';
import { useMfaStatus } from '../../api/auth/mfa-queries.ts';

/** The signed-in signer's authenticator code, asked only when their two-step sign-in is on. */
export function SignerCodeInput({ value, onChange }: { value: string; onChange: (value: string) => void }): React.JSX.Element | null {
  const mfa = useMfaStatus();
  if (mfa.data?.enrolled !== true) return null;
  return (
    <TextInput
      label="Authenticator code"
      description="6 digits from your app"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value.replace(/\D/g, ''))}
      error={value && !/^\d{6}$/.test(value) ? 'Must be 6 digits' : undefined}
      required
    />
  );
}

/** `{ password }`, plus the code when one was typed. */
export function withCode<T extends { password?: string | undefined }>(signature: T, totpCode: string): T & { totpCode?: string } {
  return totpCode.trim() ? { ...signature, totpCode: totpCode.trim() } : signature;
}
