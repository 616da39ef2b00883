import { Button, Group, PasswordInput, TextInput } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useMfaStatus } from '../../../../api/auth/mfa-queries.ts';

interface SignWithPasswordProps {
  /** Accessible name of the password field, e.g. "Your password to sign the decision". */
  label: string;
  buttonLabel: string;
  password: string;
  onPasswordChange: (value: string) => void;
  /** The current authenticator code, asked only when the signer has two-step sign-in on. */
  totpCode: string;
  onTotpCodeChange: (value: string) => void;
  error?: string | null;
  loading?: boolean;
  disabled?: boolean;
}

/** The re-authentication part of a signing request body: the password, and the code when one was typed. */
export function signatureOf(password: string, totpCode: string): { password: string; totpCode?: string } {
  return totpCode.trim() ? { password, totpCode: totpCode.trim() } : { password };
}

/** Signing needs the signer's password again (and the authenticator code with MFA on), in the same request. */
export function SignWithPassword({ label, buttonLabel, password, onPasswordChange, totpCode, onTotpCodeChange, error, loading, disabled }: SignWithPasswordProps): React.JSX.Element {
  const mfa = useMfaStatus();
  const needsCode = mfa.data?.enrolled === true;
  const codeValid = /^\d{6}$/.test(totpCode.trim());
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <PasswordInput
        label={label}
        description="Signing is a legal act: type your own password."
        autoComplete="current-password"
        value={password}
        onChange={(e) => onPasswordChange(e.currentTarget.value)}
        error={error}
        style={{ flex: '1 1 18rem' }}
        required
      />
      {needsCode && (
        <TextInput
          label="Authenticator code"
          description="6 digits from your app"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={totpCode}
          onChange={(e) => onTotpCodeChange(e.currentTarget.value.replace(/\D/g, ''))}
          error={totpCode && !codeValid ? 'Must be 6 digits' : undefined}
          style={{ flex: '0 1 10rem' }}
          required
        />
      )}
      <Button type="submit" loading={loading} disabled={disabled || password === '' || (needsCode && !codeValid)} leftSection={<IconSignature size={18} aria-hidden />}>
        {buttonLabel}
      </Button>
    </Group>
  );
}
