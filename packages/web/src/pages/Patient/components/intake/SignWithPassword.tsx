import { Button, Group, PasswordInput } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';

interface SignWithPasswordProps {
  /** Accessible name of the password field, e.g. "Your password to sign the decision". */
  label: string;
  buttonLabel: string;
  password: string;
  onPasswordChange: (value: string) => void;
  error?: string | null;
  loading?: boolean;
  disabled?: boolean;
}

/** Signing needs the signer's password again, in the same request (re-authentication). */
export function SignWithPassword({ label, buttonLabel, password, onPasswordChange, error, loading, disabled }: SignWithPasswordProps): React.JSX.Element {
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
      <Button type="submit" loading={loading} disabled={disabled || password === ''} leftSection={<IconSignature size={18} aria-hidden />}>
        {buttonLabel}
      </Button>
    </Group>
  );
}
