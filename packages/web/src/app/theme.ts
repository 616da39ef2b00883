import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  createTheme,
  Fieldset,
  Input,
  InputWrapper,
  Modal,
  MultiSelect,
  NativeSelect,
  PasswordInput,
  rem,
  Select,
  Table,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { MantineColorsTuple } from '@mantine/core';

/** A calm blue-teal; shade 7 (the primary) keeps white text above 5:1 contrast. */
const glia: MantineColorsTuple = [
  '#e7f5f7',
  '#cfe8ec',
  '#a2d1d9',
  '#72b8c4',
  '#4aa3b2',
  '#3196a6',
  '#1f8a9b',
  '#0b7485',
  '#006777',
  '#005663',
];

/**
 * Readable at arm's length on a chairside tablet: one step larger type than Mantine's default,
 * inputs and buttons at the "md" size (42px targets), quiet colours, clear focus rings.
 */
export const theme = createTheme({
  primaryColor: 'glia',
  primaryShade: { light: 7, dark: 5 },
  colors: { glia },
  autoContrast: true,
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  respectReducedMotion: true,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  fontSizes: { xs: rem(13), sm: rem(15), md: rem(17), lg: rem(19), xl: rem(22) },
  headings: {
    fontWeight: '650',
    sizes: {
      h1: { fontSize: rem(28), lineHeight: '1.25' },
      h2: { fontSize: rem(21), lineHeight: '1.3' },
      h3: { fontSize: rem(18), lineHeight: '1.35' },
    },
  },
  components: {
    // Badges size to their words: in narrow table cells Mantine would otherwise cut them to "Act…".
    Badge: Badge.extend({ styles: { root: { overflow: 'visible' }, label: { overflow: 'visible' } } }),
    Button: Button.extend({ defaultProps: { size: 'md' } }),
    ActionIcon: ActionIcon.extend({ defaultProps: { size: 'lg', variant: 'subtle' } }),
    Input: Input.extend({ defaultProps: { size: 'md' } }),
    InputWrapper: InputWrapper.extend({ defaultProps: { size: 'md' } }),
    TextInput: TextInput.extend({ defaultProps: { size: 'md' } }),
    // The toggle's name avoids the word "password", so the field's label names exactly one control.
    PasswordInput: PasswordInput.extend({ defaultProps: { size: 'md', visibilityToggleButtonProps: { 'aria-label': 'Show the characters typed' } } }),
    Textarea: Textarea.extend({ defaultProps: { size: 'md' } }),
    Select: Select.extend({ defaultProps: { size: 'md' } }),
    MultiSelect: MultiSelect.extend({ defaultProps: { size: 'md' } }),
    NativeSelect: NativeSelect.extend({ defaultProps: { size: 'md' } }),
    Checkbox: Checkbox.extend({ defaultProps: { size: 'md' } }),
    Table: Table.extend({ defaultProps: { verticalSpacing: 'sm', horizontalSpacing: 'md', fz: 'sm' } }),
    Fieldset: Fieldset.extend({
      styles: { legend: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)', paddingInline: 6 } },
    }),
    Modal: Modal.extend({ defaultProps: { size: 'lg', centered: true } }),
  },
});
