import { NativeSelect } from '@mantine/core';

type Option = string | { value: string; label: string };

interface ChoiceSelectProps {
  label: string;
  data: readonly Option[];
  value: string | null;
  onChange: (value: string | null) => void;
  /** Shown as the empty first option; with it (or `clearable`) the choice can be left empty. */
  placeholder?: string;
  clearable?: boolean;
  allowDeselect?: boolean;
  w?: number;
  style?: React.CSSProperties;
}

/** A native select (large touch target on tablets, keyboard-friendly) with an optional empty choice. */
export function ChoiceSelect({ label, data, value, onChange, placeholder, clearable, w, style }: ChoiceSelectProps): React.JSX.Element {
  const options = data.map((o) => (typeof o === 'string' ? { value: o, label: o } : o));
  const withEmpty = placeholder !== undefined || clearable === true || value === null;
  return (
    <NativeSelect
      label={label}
      data={withEmpty ? [{ value: '', label: placeholder ?? '—' }, ...options] : options}
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)}
      {...(w !== undefined ? { w } : {})}
      {...(style ? { style } : {})}
    />
  );
}
