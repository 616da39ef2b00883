import { Text } from '@mantine/core';

/** An e-mail address that, when it must wrap, wraps after the "@" rather than mid-word. */
export function EmailText({ email }: { email: string }): React.JSX.Element {
  const at = email.indexOf('@');
  if (at < 0) return <Text span inherit>{email}</Text>;
  return (
    <Text span inherit>
      {email.slice(0, at + 1)}
      <wbr />
      {email.slice(at + 1)}
    </Text>
  );
}
