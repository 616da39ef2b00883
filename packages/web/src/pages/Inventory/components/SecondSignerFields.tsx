import { PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';

interface SecondSignerFieldsProps {
  /** Who is signing, e.g. "Witness" or "Verifier"; labels read "Witness e-mail", "Witness password". */
  role: string;
  explanation: string;
  emailInput: GetInputPropsReturnType;
  passwordInput: GetInputPropsReturnType;
  /** False when the second signature may also be given later (receipt verification). */
  required?: boolean;
}

/**
 * A second person signs on this device: they type their own e-mail and password.
 * The password is checked by the server in the same request and never kept here.
 */
export function SecondSignerFields({ role, explanation, emailInput, passwordInput, required = true }: SecondSignerFieldsProps): React.JSX.Element {
  return (
    <Stack gap="xs" p="sm" bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
      <Text size="sm" fw={600}>{role}'s signature</Text>
      <Text size="sm" c="dimmed">{explanation}</Text>
      <TextInput label={`${role} e-mail`} type="email" autoComplete="off" autoCapitalize="none" spellCheck={false} required={required} {...emailInput} />
      <PasswordInput label={`${role} password`} autoComplete="off" required={required} {...passwordInput} />
    </Stack>
  );
}
